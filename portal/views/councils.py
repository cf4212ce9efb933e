"""The installation's councils and each council's home page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from council.selectors import councils_public
from portal.caching import public_page
from portal.views.common import council_or_404, page
from resolutions.selectors import resolutions_public
from sessions.selectors import sessions_public

HOME_ROWS = 5


@public_page
def index(request: HttpRequest) -> HttpResponse:
    """The provinces' councils, each with its communes' councils under it."""
    councils = list(councils_public())
    provinces = [c for c in councils if c.parent_id is None]
    communes: dict[int, list] = {}
    for council in councils:
        if council.parent_id is not None:
            communes.setdefault(council.parent_id, []).append(council)
    return page(
        request,
        "portal/index.html",
        {"provinces": [(p, communes.get(p.pk, [])) for p in provinces]},
    )


@public_page
def home(request: HttpRequest, council_id: int) -> HttpResponse:
    council = council_or_404(council_id)
    today = timezone.localdate()
    sessions = sessions_public(council=council)
    return page(
        request,
        "portal/home.html",
        {
            "council": council,
            "upcoming": list(sessions.filter(end_date__gte=today).order_by("start_date", "pk")[:3]),
            "latest_sessions": list(
                sessions.filter(end_date__lt=today).order_by("-start_date", "-pk")[:HOME_ROWS]
            ),
            "latest_resolutions": list(
                resolutions_public(council=council)
                .select_related("council")
                .order_by("-adopted_date", "-number")[:HOME_ROWS]
            ),
        },
    )
