"""The read mixin and checks that enforce the roles of core/roles.py (writes are guarded by
core.views.RecordWriteMixin). Anonymous visitors never get here: LoginRequiredMiddleware sends
them to the login page first."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from core import roles


class ViewerRequiredMixin:
    """Any of the four roles may read."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any):
        if not roles.can_view_records(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def require_viewer(request: HttpRequest) -> None:
    if not roles.can_view_records(request.user):
        raise PermissionDenied


def require_editor(request: HttpRequest) -> None:
    if not roles.can_edit_records(request.user):
        raise PermissionDenied
