"""Sessions: the list by year, a session's public page (programme, public documents, adopted
resolutions), its QR code for the guests' tables and the public documents' files."""

from __future__ import annotations

import io

import segno
from django.db.models.functions import ExtractYear
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from council.models import Council
from portal.caching import public_page
from portal.views.common import council_or_404, page, paginate, safe_pdf_name, year_param
from resolutions.selectors import resolutions_public
from sessions.models import Session
from sessions.selectors import agenda_public, public_documents, sessions_public


@public_page
def session_list(request: HttpRequest, council_id: int) -> HttpResponse:
    council = council_or_404(council_id)
    sessions = sessions_public(council=council)
    years = sorted(
        {y for y in sessions.annotate(y=ExtractYear("start_date")).values_list("y", flat=True)},
        reverse=True,
    )
    year = year_param(request.GET.get("year"))
    if year is not None:
        sessions = sessions.filter(start_date__year=year)
    return page(
        request,
        "portal/session_list.html",
        {
            "council": council,
            "years": years,
            "year": year,
            "page_obj": paginate(request, sessions.order_by("-start_date", "-pk")),
        },
    )


def _session_or_404(council: Council, pk: int) -> Session:
    return get_object_or_404(sessions_public(council=council), pk=pk)


def _public_url(request: HttpRequest, session: Session) -> str:
    """The session's public page as guests reach it from the paper on their table."""
    council_id = session.term.council_id
    return request.build_absolute_uri(
        reverse("portal:session_detail", args=[council_id, session.pk])
    )


@public_page
def session_detail(request: HttpRequest, council_id: int, pk: int) -> HttpResponse:
    council = council_or_404(council_id)
    session = _session_or_404(council, pk)
    documents = (
        public_documents(council=council, session=session)
        .select_related("agenda_item")
        .order_by("agenda_item__order", "agenda_item_id", "order", "pk")
    )
    return page(
        request,
        "portal/session_detail.html",
        {
            "council": council,
            "session": session,
            "agenda": list(agenda_public(session=session)),
            "documents": list(documents),
            "resolutions": list(
                resolutions_public(council=council)
                .filter(session=session)
                .select_related("council")
                .order_by("-is_normative", "number")
            ),
        },
    )


def _qr_svg(url: str, *, scale: int) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, micro=False, error="m").save(
        buffer,
        kind="svg",
        scale=scale,
        border=4,
        title=_("Mã QR tới trang công khai của kỳ họp"),
        desc=url,
    )
    return buffer.getvalue()


@public_page
def session_qr(request: HttpRequest, council_id: int, pk: int) -> HttpResponse:
    """The QR code of the session's public page, as SVG (sharp at any print size)."""
    council = council_or_404(council_id)
    session = _session_or_404(council, pk)
    return HttpResponse(
        _qr_svg(_public_url(request, session), scale=8), content_type="image/svg+xml"
    )


@public_page
def session_qr_print(request: HttpRequest, council_id: int, pk: int) -> HttpResponse:
    """A page to print and lay on the guests' tables: the big code, the session, the address."""
    council = council_or_404(council_id)
    session = _session_or_404(council, pk)
    return page(
        request,
        "portal/session_qr_print.html",
        {"council": council, "session": session, "public_url": _public_url(request, session)},
    )


@public_page
def document_download(request: HttpRequest, council_id: int, pk: int) -> FileResponse:
    """A public document's PDF, opened in the browser."""
    council = council_or_404(council_id)
    document = get_object_or_404(public_documents(council=council), pk=pk)
    try:
        stream = document.file.open("rb")
    except FileNotFoundError as exc:  # the row outlived its file: nothing to read
        raise Http404(_("Không tìm thấy tệp.")) from exc
    return FileResponse(
        stream,
        as_attachment=False,
        filename=safe_pdf_name(document.title, document.pk, "tai-lieu"),
        content_type="application/pdf",
    )
