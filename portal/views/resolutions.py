"""The resolutions register: search and filters, a resolution's facts and relations, its full
text."""

from __future__ import annotations

from django.db.models.functions import ExtractYear
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from council.models import Council
from portal.caching import public_page
from portal.views.common import council_or_404, page, paginate, safe_pdf_name, year_param
from resolutions.models import Resolution
from resolutions.selectors import (
    resolution_filter,
    resolution_full_text_public,
    resolution_relations_public,
    resolutions_public,
)

# ?loai=: the register's two kinds.
KINDS = {"quy-pham": True, "ca-biet": False}
# Register order: the latest adopted first.
ORDER = ("-adopted_date", "-number", "-pk")


@public_page
def resolution_list(request: HttpRequest, council_id: int) -> HttpResponse:
    council = council_or_404(council_id)
    public = resolutions_public(council=council)
    status = request.GET.get("status", "")
    if status not in Resolution.Status.values:
        status = ""
    kind = request.GET.get("loai", "")
    if kind not in KINDS:
        kind = ""
    year = year_param(request.GET.get("year"))
    q = request.GET.get("q", "")[:200]
    rows = resolution_filter(
        public.select_related("council"),
        year=year,
        status=status or None,
        is_normative=KINDS.get(kind),
        q=q,
    ).order_by(*ORDER)
    years = sorted(
        set(public.annotate(y=ExtractYear("adopted_date")).values_list("y", flat=True)),
        reverse=True,
    )
    return page(
        request,
        "portal/resolution_list.html",
        {
            "council": council,
            "page_obj": paginate(request, rows),
            "q": q,
            "status": status,
            "statuses": Resolution.Status.choices,
            "kind": kind,
            "kinds": [("quy-pham", _("Quy phạm pháp luật")), ("ca-biet", _("Cá biệt"))],
            "year": year,
            "years": years,
            "filtered": bool(q or status or kind or year),
        },
    )


def _resolution_or_404(council: Council, pk: int) -> Resolution:
    return get_object_or_404(
        resolutions_public(council=council).select_related("council", "session__term", "field"),
        pk=pk,
    )


@public_page
def resolution_detail(request: HttpRequest, council_id: int, pk: int) -> HttpResponse:
    council = council_or_404(council_id)
    resolution = _resolution_or_404(council, pk)
    relations = resolution_relations_public(resolution=resolution).select_related(
        "source__council", "target__council"
    )
    # Each relation read from this resolution's side: what it does to others, what others did
    # to it.
    outgoing = [r for r in relations if r.source_id == resolution.pk]
    incoming = [r for r in relations if r.target_id == resolution.pk]
    return page(
        request,
        "portal/resolution_detail.html",
        {
            "council": council,
            "resolution": resolution,
            "outgoing": outgoing,
            "incoming": incoming,
            "full_text": resolution_full_text_public(resolution=resolution),
        },
    )


@public_page
def resolution_text(request: HttpRequest, council_id: int, pk: int) -> FileResponse:
    """The signed full text (PDF), opened in the browser."""
    council = council_or_404(council_id)
    resolution = _resolution_or_404(council, pk)
    attachment = resolution_full_text_public(resolution=resolution)
    if attachment is None:
        raise Http404(_("Nghị quyết này chưa có toàn văn công khai."))
    try:
        stream = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(_("Không tìm thấy tệp.")) from exc
    return FileResponse(
        stream,
        as_attachment=False,
        filename=safe_pdf_name(f"nghi quyet {resolution.symbol}", resolution.pk, "nghi-quyet"),
        content_type="application/pdf",
    )
