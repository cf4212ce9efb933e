"""Pages of the outgoing register. Thin: forms validate, services write, selectors read. Who may
do what is core.roles': every secretariat role reads the register, staff and administrators
number, correct, cancel and upload; a delegate's login opens none of it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.concurrency import VERSION_FIELD
from core.exports import headers as export_headers
from core.exports import rows as export_rows
from core.exports import xlsx_response
from core.forms import apply_validation_error
from core.idempotency import FORM_TOKEN_FIELD, add_form_token, create_once
from core.permissions import require_editor, require_viewer
from core.scoping import council_object_or_404, request_council
from core.views import RecordCreateView, RecordDetailView, RecordListView, RecordUpdateView
from documents import exports, selectors, services
from documents.filters import DocumentSeriesFilter, OutgoingDocumentFilter
from documents.forms import (
    CancelForm,
    DocumentIssueForm,
    DocumentSeriesForm,
    DocumentUpdateForm,
    SignedCopyForm,
)
from documents.models import DocumentSeries, OutgoingDocument
from documents.tables import DocumentSeriesTable, OutgoingDocumentTable

SECTION = gettext_lazy("Sổ văn bản đi")
LIST_URL = "documents:outgoingdocument_list"


def _register(request: HttpRequest) -> QuerySet[OutgoingDocument]:
    return selectors.document_list(council=request_council(request))


class OutgoingDocumentListView(RecordListView):
    model = OutgoingDocument
    table_class = OutgoingDocumentTable
    filterset_class = OutgoingDocumentFilter
    template_name = "documents/outgoingdocument_list.html"
    section_title = SECTION
    list_url_name = LIST_URL
    # No generic "Thêm mới": the page's own "Cấp số văn bản" button says what it does.
    create_url_name = ""
    empty_hint = gettext_lazy("Bấm «Cấp số văn bản» để đăng ký văn bản đầu tiên.")

    def get_queryset(self) -> QuerySet[OutgoingDocument]:
        return _register(self.request)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        params = self.request.GET.copy()
        params.pop("page", None)
        ctx["export_query"] = params.urlencode()
        filterset = ctx.get("filter")
        year = None
        if filterset is not None and filterset.is_valid():
            year = filterset.form.cleaned_data.get("year")
        ctx["counts_year"] = year or timezone.localdate().year
        ctx["counts"] = selectors.document_year_counts(
            council=request_council(self.request), year=ctx["counts_year"]
        )
        return ctx


def outgoingdocument_export(request: HttpRequest) -> HttpResponse:
    """The filtered register (whole, not one page) as .xlsx with Vietnamese headers."""
    require_viewer(request)
    filterset = OutgoingDocumentFilter(request.GET, queryset=_register(request), request=request)
    qs = filterset.qs if filterset.is_valid() else _register(request)
    columns = exports.DOCUMENT_COLUMNS
    filename = f"so-van-ban-di-{timezone.localdate():%Y%m%d}"
    return xlsx_response(
        filename=filename,
        headers=export_headers(columns),
        rows=export_rows(columns, qs),
        sheet="Sổ văn bản đi",
    )


def outgoingdocument_create(request: HttpRequest) -> HttpResponse:
    """ "Cấp số văn bản": the next number of the chosen series, given at the moment of saving
    (the number the page shows is the one expected, not reserved)."""
    require_editor(request)
    council = request_council(request)
    initial = {"date": timezone.localdate()}
    code = request.GET.get("so", "")
    if code:
        initial["series"] = selectors.series_list(council=council).filter(code=code).first()
    form = DocumentIssueForm(
        request.POST or None, request.FILES or None, council=council, initial=initial
    )
    add_form_token(form)

    def issue() -> OutgoingDocument:
        data = form.cleaned_data
        return services.document_number_issue(
            council=council,
            series_code=data["series"].code,
            date=data["date"],
            subject=data["subject"],
            signer_name=data["signer_name"],
            signer_title=data["signer_title"],
            recipients=data["recipients"],
            kind_label=data["kind_label"],
            upload=data.get("upload") or None,
            user=request.user,
        )

    document, response = create_once(request, form, issue)
    if response is not None:
        return response
    if document is not None:
        messages.success(
            request,
            _("Đã cấp số %(ref)s cho văn bản «%(subject)s».")
            % {"ref": document.reference, "subject": document.subject},
        )
        return HttpResponseRedirect(document.get_absolute_url())
    year = timezone.localdate().year
    if form.is_bound and form.is_valid():
        year = form.cleaned_data["date"].year
    return render(
        request,
        "documents/outgoingdocument_form.html",
        {
            "form": form,
            "section_title": SECTION,
            "list_url": reverse(LIST_URL),
            "counts": selectors.document_year_counts(council=council, year=year),
            "counts_year": year,
        },
    )


class OutgoingDocumentDetailView(RecordDetailView):
    model = OutgoingDocument
    template_name = "documents/outgoingdocument_detail.html"
    section_title = SECTION
    list_url_name = LIST_URL
    create_url_name = "documents:outgoingdocument_create"
    edit_url_name = "documents:outgoingdocument_update"
    detail_fields = [
        "series",
        "date",
        "kind_label",
        "subject",
        "signer_name",
        "signer_title",
        "recipients",
        "status",
    ]

    def get_queryset(self) -> QuerySet[OutgoingDocument]:
        return OutgoingDocument.objects.select_related(
            "series", "created_by", "cancelled_by", "source_type"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        if self.object.is_cancelled:
            ctx["edit_url"] = ""  # a cancelled entry is kept as it was
        ctx["sign_form"] = SignedCopyForm()
        return ctx


class OutgoingDocumentUpdateView(RecordUpdateView):
    model = OutgoingDocument
    form_class = DocumentUpdateForm
    section_title = SECTION
    list_url_name = LIST_URL
    queryset = OutgoingDocument.objects.select_related("series")

    def save_object(self, form) -> OutgoingDocument:
        guards = (VERSION_FIELD, FORM_TOKEN_FIELD)
        values = {k: v for k, v in form.cleaned_data.items() if k not in guards}
        return services.document_update(document=form.instance, user=self.request.user, **values)

    def success_message(self, form) -> str:
        return _("Đã lưu văn bản %(ref)s.") % {"ref": self.object.reference}


def _document(request: HttpRequest, pk: int) -> OutgoingDocument:
    return council_object_or_404(request, OutgoingDocument.objects.select_related("series"), pk=pk)


def outgoingdocument_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancel an entry: a reason and a confirmation; the number stays, marked."""
    require_editor(request)
    document = _document(request, pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_cancel(
                document=document, reason=form.cleaned_data["reason"], user=request.user
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("Đã huỷ văn bản %(ref)s. Số này được giữ trong sổ và không cấp lại.")
                % {"ref": document.reference},
            )
            return HttpResponseRedirect(document.get_absolute_url())
    return render(
        request,
        "documents/outgoingdocument_cancel.html",
        {"form": form, "object": document, "section_title": SECTION, "list_url": reverse(LIST_URL)},
    )


def outgoingdocument_sign(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload the signed copy (PDF), which becomes the official file."""
    require_editor(request)
    document = _document(request, pk)
    form = SignedCopyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_attach_signed_copy(
                document=document, upload=form.cleaned_data["upload"], user=request.user
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("Đã tải lên bản đã ký của văn bản %(ref)s; đây là tệp chính thức.")
                % {"ref": document.reference},
            )
            return HttpResponseRedirect(document.get_absolute_url())
    return render(
        request,
        "documents/outgoingdocument_sign.html",
        {"form": form, "object": document, "section_title": SECTION, "list_url": reverse(LIST_URL)},
    )


def _download(stored, name: str) -> FileResponse:
    if not stored:
        raise Http404
    response = FileResponse(stored.open("rb"), as_attachment=True, filename=name or None)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def outgoingdocument_file(request: HttpRequest, pk: int) -> FileResponse:
    """The file as drafted; files are never served by URL from MEDIA_ROOT, only here."""
    require_viewer(request)
    document = _document(request, pk)
    return _download(document.file, document.file_name)


def outgoingdocument_signed(request: HttpRequest, pk: int) -> FileResponse:
    """The signed copy, the document's official file."""
    require_viewer(request)
    document = _document(request, pk)
    return _download(document.signed_copy, document.signed_copy_name)


@require_POST
def documentseries_defaults(request: HttpRequest) -> HttpResponse:
    """The usual series, for a council that has none yet (one made before the register)."""
    require_editor(request)
    council = request_council(request)
    if council is None:
        raise Http404
    made = services.series_defaults_ensure(council=council)
    if made:
        messages.success(
            request,
            _("Đã tạo %(n)s sổ văn bản: %(names)s.")
            % {"n": len(made), "names": ", ".join(s.name for s in made)},
        )
    else:
        messages.info(request, _("HĐND đã có đủ các sổ văn bản thường dùng."))
    return HttpResponseRedirect(reverse("documents:documentseries_list"))


# --- the series: staff and administrators keep them, the other roles read them ------------------

SERIES = gettext_lazy("Sổ văn bản")
_series = {
    "model": DocumentSeries,
    "section_title": SERIES,
    "list_url_name": "documents:documentseries_list",
    "create_url_name": "documents:documentseries_create",
}


class DocumentSeriesListView(RecordListView):
    table_class = DocumentSeriesTable
    filterset_class = DocumentSeriesFilter
    template_name = "documents/documentseries_list.html"
    empty_hint = gettext_lazy(
        "Bấm «Tạo các sổ thường dùng» để có sổ công văn, thông báo, giấy mời…"
    )
    model = _series["model"]
    section_title = _series["section_title"]
    list_url_name = _series["list_url_name"]
    create_url_name = _series["create_url_name"]

    def get_queryset(self) -> QuerySet[DocumentSeries]:
        return selectors.series_list(council=request_council(self.request))


class DocumentSeriesDetailView(RecordDetailView):
    detail_fields = ["code", "name", "symbol", "yearly_reset", "is_active", "order"]
    edit_url_name = "documents:documentseries_update"
    queryset = DocumentSeries.objects.all()
    model = _series["model"]
    section_title = _series["section_title"]
    list_url_name = _series["list_url_name"]
    create_url_name = _series["create_url_name"]


class DocumentSeriesCreateView(RecordCreateView):
    form_class = DocumentSeriesForm
    model = _series["model"]
    section_title = _series["section_title"]
    list_url_name = _series["list_url_name"]
    create_url_name = _series["create_url_name"]


class DocumentSeriesUpdateView(RecordUpdateView):
    form_class = DocumentSeriesForm
    model = _series["model"]
    section_title = _series["section_title"]
    list_url_name = _series["list_url_name"]
    create_url_name = _series["create_url_name"]
