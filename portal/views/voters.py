"""What the public reads of the voters' side: the petitions' figures by session (never a
petition or a voter) and the reception schedule (officials, places, times)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from council.selectors import terms_public
from portal.caching import public_page
from portal.views.common import council_or_404, page
from voters.selectors import (
    petition_summary_by_session,
    petition_summary_default_term,
    reception_schedule_public,
)

# The past slots shown below the coming ones.
PAST_DAYS = 90


@public_page
def petition_figures(request: HttpRequest, council_id: int) -> HttpResponse:
    council = council_or_404(council_id)
    terms = list(terms_public(council=council))
    chosen = request.GET.get("term", "")
    term = next((t for t in terms if str(t.pk) == chosen), None)
    if term is None:
        term = petition_summary_default_term(council=council)
    rows = petition_summary_by_session(council=council, term=term) if term else []
    return page(
        request,
        "portal/petition_figures.html",
        {"council": council, "terms": terms, "term": term, "rows": rows},
    )


@public_page
def reception_schedule(request: HttpRequest, council_id: int) -> HttpResponse:
    council = council_or_404(council_id)
    today = timezone.localdate()
    slots = reception_schedule_public(council=council)
    return page(
        request,
        "portal/reception_schedule.html",
        {
            "council": council,
            "upcoming": list(slots.filter(date__gte=today)[:100]),
            "past": list(
                slots.filter(
                    date__lt=today, date__gte=today - dt.timedelta(days=PAST_DAYS)
                ).reverse()[:100]
            ),
            "past_days": PAST_DAYS,
        },
    )
