"""Pages of the resolution register. Thin: forms validate input, services write, selectors read."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.concurrency import VERSION_FIELD
from core.exports import csv_response, xlsx_response
from core.exports import headers as export_headers
from core.exports import rows as export_rows
from core.idempotency import FORM_TOKEN_FIELD, add_form_token, create_once
from core.permissions import require_editor, require_viewer
from core.scoping import council_object_or_404, request_council
from core.views import (
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordListView,
    RecordUpdateView,
)
from resolutions import exports, selectors, services
from resolutions.filters import ResolutionFilter, ReviewFilter
from resolutions.forms import (
    ResolutionAttachmentForm,
    ResolutionForm,
    ResolutionRelationForm,
    ResolutionReviewForm,
)
from resolutions.models import (
    Resolution,
    ResolutionAttachment,
    ResolutionRelation,
    ResolutionReview,
)
from resolutions.tables import ResolutionTable, ReviewTable

SECTION = gettext_lazy("Nghị quyết")
_common = {
    "section_title": SECTION,
    "list_url_name": "resolutions:resolution_list",
    "create_url_name": "resolutions:resolution_create",
}


def _register_queryset(request: HttpRequest) -> QuerySet[Resolution]:
    council = request_council(request)
    if council is None:
        return Resolution.objects.none()
    return Resolution.objects.filter(council=council).select_related(
        "council", "session__term", "field"
    )


class ResolutionListView(RecordListView):
    model = Resolution
    table_class = ResolutionTable
    filterset_class = ResolutionFilter
    template_name = "resolutions/resolution_list.html"
    empty_hint = gettext_lazy("Thêm nghị quyết hoặc đổi bộ lọc.")
    section_title = _common["section_title"]
    list_url_name = _common["list_url_name"]
    create_url_name = _common["create_url_name"]
    # The last page of a province's 500: its statement joined every one to its session and
    # term by hashing all of them (17,625 sessions with every council in the database) before
    # sorting; its keys first, 25 joined: 20.9 -> 1.4 ms (single database: 6.1 -> 2.7 ms).
    page_keys_first = True

    def get_queryset(self) -> QuerySet[Resolution]:
        return _register_queryset(self.request)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        params = self.request.GET.copy()
        params.pop("page", None)
        ctx["export_query"] = params.urlencode()
        council = request_council(self.request)  # read already by the queryset
        ctx["reviews_url"] = (
            reverse("resolutions:review_list")
            if council is not None and council.level != council.Level.COMMUNE
            else ""
        )
        return ctx


def resolution_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The filtered register (whole, not one page) as .xlsx or .csv with Vietnamese headers."""
    require_viewer(request)
    filterset = ResolutionFilter(request.GET, queryset=_register_queryset(request), request=request)
    qs = filterset.qs if filterset.is_valid() else _register_queryset(request)
    columns = exports.RESOLUTION_COLUMNS
    headers = export_headers(columns)
    rows = export_rows(columns, qs)
    filename = f"so-nghi-quyet-{timezone.localdate():%Y%m%d}"
    if fmt == "csv":
        return csv_response(filename=filename, headers=headers, rows=rows)
    return xlsx_response(filename=filename, headers=headers, rows=rows, sheet="Nghị quyết")


class ResolutionDetailView(RecordDetailView):
    model = Resolution
    template_name = "resolutions/resolution_detail.html"
    section_title = _common["section_title"]
    list_url_name = _common["list_url_name"]
    create_url_name = _common["create_url_name"]
    edit_url_name = "resolutions:resolution_update"
    delete_url_name = "resolutions:resolution_delete"
    detail_fields = [
        "is_normative",
        "adopted_date",
        "effective_date",
        "session",
        "title",
        "field",
        "votes_for",
        "votes_against",
        "votes_abstain",
        "delegates_present",
        "signer",
        "status",
    ]

    def get_queryset(self) -> QuerySet[Resolution]:
        return Resolution.objects.select_related("council", "term", "session__term", "field")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        r = self.object
        ctx["outgoing"] = r.outgoing_relations.select_related("target__council")
        ctx["review"] = getattr(r, "review", None) if r.council.parent_id else None
        ctx["incoming"] = r.incoming_relations.select_related("source__council")
        ctx["attachments"] = r.attachments.all()
        ctx["ratified"] = r.ratified_matters.select_related("submitted_by")
        return ctx


class _ResolutionWrite:
    """The register's form: numbering, votes and duplicates are the services' (resolution_create,
    resolution_update), which take the form's values rather than its instance."""

    model = Resolution
    form_class = ResolutionForm
    # ?session= and ?adopted_date= also prefill the form from the session page's "add a
    # resolution of this session" link (templates/resolutions/_session_resolutions_card.html).
    followed_fields = ("adopted_date", "session")
    template_name = "resolutions/resolution_form.html"
    section_title = SECTION
    list_url_name = "resolutions:resolution_list"
    object: Resolution | None

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()  # type: ignore[misc]
        if self.object is not None:
            kwargs["council"] = self.object.council
            return kwargs
        council = request_council(self.request)
        if council is None:
            raise ValidationError(_("Chưa khai báo HĐND."))
        kwargs["council"] = council
        kwargs["next_number"] = services.resolution_next_number(
            council=council, year=_year_of(kwargs["initial"]), is_normative=False
        )
        return kwargs

    @staticmethod
    def values(form) -> dict[str, Any]:
        guards = (VERSION_FIELD, FORM_TOKEN_FIELD)
        return {k: v for k, v in form.cleaned_data.items() if k not in guards}


def _year_of(initial: dict[str, Any]) -> int:
    """The year of the adoption date the form opens with (a session's closing day), else this
    year: the number proposed is the next free one of the year the resolution will carry."""
    try:
        day = ResolutionForm.base_fields["adopted_date"].to_python(initial.get("adopted_date"))
    except ValidationError:
        day = None
    return day.year if day else timezone.localdate().year


class ResolutionCreateView(_ResolutionWrite, RecordCreateView):
    def save_object(self, form) -> Resolution:
        return services.resolution_create(
            council=form.council, user=self.request.user, **self.values(form)
        )


class ResolutionUpdateView(_ResolutionWrite, RecordUpdateView):
    queryset = Resolution.objects.select_related("council")

    def save_object(self, form) -> Resolution:
        values = self.values(form)
        matters = values.pop("ratified_matters", None)
        return services.resolution_update(
            resolution=form.instance, ratified_matters=matters, user=self.request.user, **values
        )


class ResolutionDeleteView(RecordDeleteView):
    model = Resolution
    section_title = _common["section_title"]
    list_url_name = _common["list_url_name"]


def resolution_next_number(request: HttpRequest) -> JsonResponse:
    """The number the form proposes when the kind or the adoption date changes."""
    require_editor(request)
    council = request_council(request)
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    if not 1945 <= year <= 2200:  # the year column is a small integer
        year = timezone.localdate().year
    is_normative = request.GET.get("is_normative") in ("true", "on", "1")
    number = (
        services.resolution_next_number(council=council, year=year, is_normative=is_normative)
        if council
        else 1
    )
    return JsonResponse({"number": number, "year": year})


def resolutionrelation_create(request: HttpRequest, pk: int) -> HttpResponse:
    require_editor(request)
    source = council_object_or_404(request, Resolution.objects.select_related("council"), pk=pk)
    form = ResolutionRelationForm(request.POST or None, source=source)
    add_form_token(form)
    relation, response = create_once(
        request,
        form,
        lambda: services.resolution_relation_create(
            source=source,
            target=form.cleaned_data["target"],
            kind=form.cleaned_data["kind"],
            note=form.cleaned_data["note"],
            user=request.user,
        ),
    )
    if response is not None:
        return response
    if relation is not None:
        messages.success(request, _("Đã ghi nhận: %(rel)s.") % {"rel": relation})
        return HttpResponseRedirect(source.get_absolute_url())
    return render(
        request,
        "resolutions/subform.html",
        {
            "form": form,
            "object": source,
            "heading": _("Ghi nhận sửa đổi, thay thế, bãi bỏ"),
            "section_title": SECTION,
            "list_url": reverse("resolutions:resolution_list"),
        },
    )


def resolutionrelation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    require_editor(request)
    relation = council_object_or_404(
        request,
        ResolutionRelation.objects.select_related("source__council", "target__council"),
        pk=pk,
    )
    if request.method == "POST":
        services.resolution_relation_delete(relation=relation)
        messages.success(request, _("Đã xoá quan hệ: %(rel)s.") % {"rel": relation})
        return HttpResponseRedirect(relation.source.get_absolute_url())
    return render(
        request,
        "generic/confirm_delete.html",
        {
            "object": relation,
            "section_title": SECTION,
            "list_url": reverse("resolutions:resolution_list"),
        },
    )


def resolutionattachment_create(request: HttpRequest, pk: int) -> HttpResponse:
    require_editor(request)
    resolution = council_object_or_404(request, Resolution.objects.select_related("council"), pk=pk)
    form = ResolutionAttachmentForm(request.POST or None, request.FILES or None)
    add_form_token(form)
    attachment, response = create_once(
        request,
        form,
        lambda: services.resolution_attachment_add(
            resolution=resolution,
            upload=form.cleaned_data["upload"],
            kind=form.cleaned_data["kind"],
            user=request.user,
        ),
    )
    if response is not None:
        return response
    if attachment is not None:
        messages.success(request, _("Đã tải lên «%(name)s».") % {"name": attachment})
        return HttpResponseRedirect(resolution.get_absolute_url())
    return render(
        request,
        "resolutions/subform.html",
        {
            "form": form,
            "object": resolution,
            "heading": _("Tải lên tệp đính kèm"),
            "multipart": True,
            "section_title": SECTION,
            "list_url": reverse("resolutions:resolution_list"),
        },
    )


def resolutionattachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """Files are never served by URL from MEDIA_ROOT: only here, to users with a role."""
    require_viewer(request)
    attachment = council_object_or_404(request, ResolutionAttachment, pk=pk)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def resolutionattachment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    require_editor(request)
    attachment = council_object_or_404(
        request, ResolutionAttachment.objects.select_related("resolution"), pk=pk
    )
    if request.method == "POST":
        services.resolution_attachment_delete(attachment=attachment)
        messages.success(request, _("Đã xoá tệp «%(name)s».") % {"name": attachment})
        return HttpResponseRedirect(attachment.resolution.get_absolute_url())
    return render(
        request,
        "generic/confirm_delete.html",
        {
            "object": attachment,
            "section_title": SECTION,
            "list_url": reverse("resolutions:resolution_list"),
        },
    )


REVIEWS = gettext_lazy("Rà soát nghị quyết quy phạm cấp xã")


class ReviewListView(RecordListView):
    """The province's list of its communes' normative resolutions and where their review
    stands (the communes' rows, chosen by the selector: council_scoped = False)."""

    council_scoped = False
    table_class = ReviewTable
    filterset_class = ReviewFilter
    section_title = REVIEWS
    list_url_name = "resolutions:review_list"
    empty_hint = gettext_lazy(
        "Nghị quyết quy phạm pháp luật do HĐND cấp xã trực thuộc nhập vào hệ thống sẽ hiện ở đây."
    )
    # The planner walked the country's adoption dates newest first to keep the province's
    # communes' rows (2,592 read to keep 25: 6.8 ms among 3,355 councils, 0.6 ms among 99);
    # without plain index scans it reads each commune's few through resolution_normative_council
    # and sorts them: 1.1 ms (docs/performance.md, «Many councils in one database»).
    page_planner = {"enable_indexscan": "off"}

    def get_queryset(self) -> QuerySet[Resolution]:
        return selectors.commune_normative_resolutions(province=request_council(self.request))


def _reviewed_resolution(request: HttpRequest, pk: int) -> Resolution:
    """A normative resolution of one of the communes the request's council reviews (404 for
    any other: the commune's own staff do not review it)."""
    communes = selectors.commune_normative_resolutions(province=request_council(request))
    return get_object_or_404(communes, pk=pk)


def resolution_review(request: HttpRequest, pk: int) -> HttpResponse:
    """A commune's normative resolution under the province's review: what it is, whether it
    was received, the conclusion."""
    require_viewer(request)
    resolution = _reviewed_resolution(request, pk)
    return render(
        request,
        "resolutions/review.html",
        {
            "object": resolution,
            "review": getattr(resolution, "review", None),
            "section_title": REVIEWS,
            "list_url": reverse("resolutions:review_list"),
        },
    )


class _ReviewWrite:
    """The review's form: the province's staff receive a commune's resolution, then conclude."""

    model = ResolutionReview
    form_class = ResolutionReviewForm
    section_title = REVIEWS
    list_url_name = "resolutions:review_list"
    council_scoped = False  # the communes' rows: narrowed by get_queryset
    request: HttpRequest
    kwargs: dict[str, Any]

    def get_queryset(self) -> QuerySet[ResolutionReview]:
        province = request_council(self.request)
        return ResolutionReview.objects.filter(resolution__council__parent=province)

    def save_object(self, form) -> ResolutionReview:
        return services.resolution_review_save(review=form.instance)

    def get_success_url(self) -> str:
        return reverse("resolutions:review", args=[self.object.resolution_id])

    def success_message(self, form) -> str:
        return _("Đã lưu việc rà soát %(res)s.") % {"res": self.object.resolution}


class ReviewCreateView(_ReviewWrite, RecordCreateView):
    def get_initial(self) -> dict[str, Any]:
        return {**super().get_initial(), "received_date": timezone.localdate()}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.instance.resolution = _reviewed_resolution(self.request, self.kwargs["resolution_pk"])
        return form


class ReviewUpdateView(_ReviewWrite, RecordUpdateView):
    pass
