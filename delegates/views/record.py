"""Each delegate's record (hoạt động của đại biểu): a delegate reads their own; the secretariat
and leaders read any of their council's, print it, and sort the council's table."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from core import roles
from core.paginators import TailFirstPaginator
from core.scoping import council_object_or_404, of_council, request_council
from council.models import Delegate, Term
from council.selectors import term_for_date
from delegates import record_selectors as selectors
from delegates.access import query_id, require_delegate
from delegates.tables import DelegateActivityTable
from reports.fonts import report_font
from reports.pdf import html_pdf


def _year(request: HttpRequest, term: Term) -> int | None:
    """?year= among the term's years; none asked: the whole term."""
    raw = request.GET.get("year", "")
    if not raw:
        return None
    years = selectors.record_years(term=term, today=timezone.localdate())
    if not raw.isdigit() or int(raw) not in years:
        raise Http404
    return int(raw)


def _record_context(request: HttpRequest, delegate: Delegate) -> dict:
    year = _year(request, delegate.term)
    return {
        "record": selectors.delegate_record(delegate=delegate, year=year),
        "years": selectors.record_years(term=delegate.term, today=timezone.localdate()),
        "year": year,
        "council": delegate.term.council,
    }


def _pdf_response(context: dict, delegate: Delegate) -> HttpResponse:
    html = render_to_string("delegates/pdf/record.html", {**context, "font": report_font()})
    response = HttpResponse(html_pdf(html), content_type="application/pdf")
    year = context["year"] or f"khoa-{delegate.term.roman}"
    response["Content-Disposition"] = (
        f'inline; filename="hoat-dong-dai-bieu-{delegate.pk}-{year}.pdf"'
    )
    return response


def _any_delegate(request: HttpRequest, pk: int) -> Delegate:
    """A delegate of the request's council, for the secretariat's roles."""
    if not roles.can_view_records(request.user):
        raise PermissionDenied
    return council_object_or_404(
        request, Delegate.objects.select_related("term__council", "delegate_group"), pk=pk
    )


def my_record(request: HttpRequest) -> HttpResponse:
    delegate = require_delegate(request)
    return render(
        request, "delegates/record.html", {**_record_context(request, delegate), "own": True}
    )


def my_record_pdf(request: HttpRequest) -> HttpResponse:
    delegate = require_delegate(request)
    return _pdf_response(_record_context(request, delegate), delegate)


def record(request: HttpRequest, pk: int) -> HttpResponse:
    delegate = _any_delegate(request, pk)
    return render(
        request, "delegates/record.html", {**_record_context(request, delegate), "own": False}
    )


def record_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    delegate = _any_delegate(request, pk)
    return _pdf_response(_record_context(request, delegate), delegate)


def council_table(request: HttpRequest) -> HttpResponse:
    """Every delegate of a term with the figures of their records, sortable by any."""
    if not roles.can_view_records(request.user):
        raise PermissionDenied
    council = request_council(request)
    terms = list(of_council(Term.objects.all(), council).order_by("-start_date")) if council else []
    today = timezone.localdate()
    if request.GET.get("term"):
        term = council_object_or_404(request, Term, pk=query_id(request.GET["term"]))
    else:
        term = (term_for_date(council=council, day=today) if council else None) or (
            terms[0] if terms else None
        )
    year = _year(request, term) if term is not None else None
    table = DelegateActivityTable(sort=request.GET.get("sort") or "full_name")
    rows = (
        selectors.delegates_activity(term=term, year=year)
        if term is not None
        else Delegate.objects.none()
    )
    table.show(
        TailFirstPaginator(table.sort(rows), request.GET.get("per_page")).get_page(
            request.GET.get("page")
        )
    )
    return render(
        request,
        "delegates/record_table.html",
        {
            "table": table,
            "term": term,
            "terms": terms,
            "year": year,
            "years": selectors.record_years(term=term, today=today) if term else [],
            "section_title": _("Hoạt động của đại biểu"),
        },
    )
