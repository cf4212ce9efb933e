"""Pages of routine documents: issue one from its record, download its PDF or .docx (written
from what was issued), and the council's templates of each kind."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import apply_validation_error
from core.idempotency import add_form_token, create_once
from core.permissions import require_editor, require_viewer
from core.scoping import council_object_or_404, request_council
from core.text import fold
from documents.composition import Composed
from documents.models import OutgoingDocument
from documents.selectors import document_templates, documents_of_source
from reports.routine import issue
from reports.routine.base import RoutineKind, TemplateKind
from reports.routine.forms import RoutineIssueForm, RoutineTemplateForm
from reports.routine.registry import routine_kind, template_kind, template_kinds

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _routine(kind: str) -> RoutineKind:
    routine = routine_kind(kind)
    if routine is None:
        raise Http404
    return routine


def _template_kind(kind: str) -> RoutineKind | TemplateKind:
    found = template_kind(kind)
    if found is None:
        raise Http404
    return found


def routine_issue(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """ "Lập văn bản": the document's texts from the council's template, filled from the
    record; the number is given when the clerk presses «Cấp số và tạo văn bản»."""
    require_editor(request)
    routine = _routine(kind)
    council = request_council(request)
    if council is None:
        raise Http404
    source = council_object_or_404(request, routine.model, pk=pk)
    draft = issue.routine_draft(routine=routine, source=source, council=council)
    form = RoutineIssueForm(
        request.POST or None,
        initial=RoutineIssueForm.initial_of(draft),
        doc_type=draft.doc_type,
    )
    add_form_token(form)
    refusal = routine.may_issue(source)

    def save() -> OutgoingDocument:
        return issue.routine_document_issue(
            routine=routine, source=source, council=council, draft=form.draft(), user=request.user
        )

    entry, response = create_once(request, form, save)
    if response is not None:
        return response
    if entry is not None:
        messages.success(
            request,
            _("Đã cấp số %(ref)s và tạo %(kind)s. Tải tệp PDF hoặc .docx bên dưới.")
            % {"ref": entry.reference, "kind": routine.label.lower()},
        )
        return HttpResponseRedirect(entry.get_absolute_url())
    texts = issue.routine_template_texts(routine=routine, council=council)
    return render(
        request,
        "reports/routine_issue.html",
        {
            "form": form,
            "routine": routine,
            "source": source,
            "refusal": refusal,
            "texts": texts,
            "issued": documents_of_source(source=source),
        },
    )


def _entry(request: HttpRequest, pk: int) -> tuple[OutgoingDocument, Composed]:
    require_viewer(request)
    entry = council_object_or_404(request, OutgoingDocument.objects.select_related("series"), pk=pk)
    if not entry.content:
        raise Http404
    return entry, Composed.from_json(entry.content)


def _file_name(entry: OutgoingDocument, extension: str) -> str:
    stem = slugify(fold(f"{entry.kind_label or entry.series.name} {entry.number:02d} {entry.year}"))
    return f"{stem or 'van-ban'}.{extension}"


def _attachment(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def routine_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The PDF of a generated document, written in the request from what was issued: a
    routine document is a page or a few with its appendix, about a second of WeasyPrint."""
    from reports.routine.render import composed_pdf

    entry, composed = _entry(request, pk)
    return _attachment(composed_pdf(composed), "application/pdf", _file_name(entry, "pdf"))


def routine_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The same document as .docx, for officials who edit a draft in Word before signing."""
    from reports.routine.docx import composed_docx

    entry, composed = _entry(request, pk)
    return _attachment(composed_docx(composed), DOCX_TYPE, _file_name(entry, "docx"))


def routine_template_list(request: HttpRequest) -> HttpResponse:
    """The council's templates of every routine kind, saved or still the defaults."""
    require_viewer(request)
    council = request_council(request)
    saved = document_templates(council=council)
    rows = [
        (routine, saved.get(kind))
        for kind, routine in sorted(template_kinds().items(), key=lambda item: item[1].label)
    ]
    return render(request, "reports/routine_template_list.html", {"rows": rows})


def routine_template_update(request: HttpRequest, kind: str) -> HttpResponse:
    require_editor(request)
    routine = _template_kind(kind)
    council = request_council(request)
    if council is None:
        raise Http404
    texts = issue.routine_template_texts(routine=routine, council=council)
    initial = {name: getattr(texts, name) for name in issue.TEXT_FIELDS}
    form = RoutineTemplateForm(request.POST or None, initial=initial, council=council)
    if request.method == "POST" and form.is_valid():
        try:
            issue.routine_template_save(
                routine=routine, council=council, texts=form.cleaned_data, user=request.user
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Đã lưu mẫu «%(kind)s».") % {"kind": routine.label})
            return HttpResponseRedirect(reverse("reports:routine_template_list"))
    placeholders = {**issue.COMMON_PLACEHOLDERS, **routine.placeholders}
    return render(
        request,
        "reports/routine_template_form.html",
        {"form": form, "routine": routine, "texts": texts, "placeholders": placeholders},
    )


@require_POST
def routine_template_reset(request: HttpRequest, kind: str) -> HttpResponse:
    require_editor(request)
    routine = _template_kind(kind)
    council = request_council(request)
    if council is None:
        raise Http404
    issue.routine_template_reset(routine=routine, council=council)
    messages.success(
        request, _("Mẫu «%(kind)s» đã về nội dung mặc định.") % {"kind": routine.label}
    )
    return HttpResponseRedirect(reverse("reports:routine_template_list"))
