"""Pagination by cursor over the primary key: a page is never shifted by rows added or
removed meanwhile, and a harvester that keeps its cursor reads on where it stopped."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import CursorPagination


class IdCursorPagination(CursorPagination):
    ordering = "id"  # unique and never reused (opendata.ids)
    page_size_query_param = "page_size"
    max_page_size = 500
    invalid_cursor_message = _("Con trỏ trang không hợp lệ.")
