"""Oversight activities the secretariat marked public, with their conclusions and
recommendations (what and to whom; never the follow-up)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from oversight.selectors import activities_public, recommendations_public
from portal.caching import public_page
from portal.views.common import council_or_404, page, paginate

# The body's name is read through these (ActorFields.actor_label).
BODY = ("committee", "delegate_group", "delegate")


@public_page
def oversight_list(request: HttpRequest, council_id: int) -> HttpResponse:
    council = council_or_404(council_id)
    activities = (
        activities_public(council=council).select_related(*BODY).order_by("-start_date", "-pk")
    )
    return page(
        request,
        "portal/oversight_list.html",
        {"council": council, "page_obj": paginate(request, activities)},
    )


@public_page
def oversight_detail(request: HttpRequest, council_id: int, pk: int) -> HttpResponse:
    council = council_or_404(council_id)
    activity = get_object_or_404(
        activities_public(council=council).select_related(*BODY, "term"), pk=pk
    )
    return page(
        request,
        "portal/oversight_detail.html",
        {
            "council": council,
            "activity": activity,
            "supervised": list(activity.supervised_organizations.order_by("name")),
            "recommendations": list(recommendations_public(activity=activity)),
        },
    )
