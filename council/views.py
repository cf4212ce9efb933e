from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.permissions import require_viewer
from council.selectors import council_get_current


def registry(request: HttpRequest) -> HttpResponse:
    """The council registry's index: terms, Ban, delegates, organisations, units, Standing work."""
    require_viewer(request)
    return render(request, "council/registry.html", {"council": council_get_current()})
