"""The project's «not found» answer, by where the visitor was going: the public portal keeps
its own layout, the open-data API answers JSON, everything else the staff page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.defaults import page_not_found as default_page_not_found

from portal.views.errors import not_found as portal_not_found


def page_not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    if request.path.startswith("/cong-khai/"):
        return portal_not_found(request)
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Không tìm thấy."}, status=404)
    return default_page_not_found(request, exception)
