from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.forms import pk_or_none
from core.idempotency import add_form_token, create_once
from core.permissions import require_editor, require_viewer
from core.scoping import request_council
from council import services
from council.forms import UnitMergeForm


def registry(request: HttpRequest) -> HttpResponse:
    """The council registry's index: terms, Ban, delegates, organisations, units, Standing work."""
    require_viewer(request)
    return render(request, "council/registry.html", {"council": request_council(request)})


def unit_merge(request: HttpRequest) -> HttpResponse:
    """One form for a rearrangement of administrative units (?unit=<id> proposes that unit)."""
    require_editor(request)
    proposed = pk_or_none(request.GET.get("unit"))
    form = UnitMergeForm(
        request.POST or None, initial={"predecessors": [proposed] if proposed else []}
    )
    add_form_token(form)
    unit, response = create_once(
        request, form, lambda: services.unit_merge(**form.merge_arguments())
    )
    if response is not None:
        return response
    if unit is not None:
        messages.success(request, _("Đã ghi nhận việc sắp xếp vào «%(unit)s».") % {"unit": unit})
        return HttpResponseRedirect(unit.get_absolute_url())
    return render(
        request,
        "council/unit_merge.html",
        {
            "form": form,
            "section_title": _("Đơn vị hành chính"),
            "list_url": reverse("council:administrativeunit_list"),
        },
    )
