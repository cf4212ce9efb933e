"""What every portal page shares: its council, its rendering, its file names."""

from __future__ import annotations

import re
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string

from core.text import fold
from council.models import Council
from council.selectors import councils_public

PAGE_SIZE = 20


def council_or_404(council_id: int) -> Council:
    return get_object_or_404(councils_public(), pk=council_id)


def page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """The page rendered without the request's context processors: it is the same for every
    visitor (no user, no session read, no CSRF token), so it may be cached and shared. The
    request is passed for the query strings of its links (pagination, filters)."""
    return HttpResponse(render_to_string(template, {"request": request, **context}))


def year_param(value: str | None) -> int | None:
    """A year typed in the address (?year=2019), or None for anything else."""
    return int(value) if value and value.isdigit() and 1900 < int(value) < 3000 else None


def paginate(request: HttpRequest, rows: Any, per_page: int = PAGE_SIZE) -> Page:
    """The requested page; a page number out of range or not a number gives the nearest."""
    return Paginator(rows, per_page).get_page(request.GET.get("page"))


def safe_pdf_name(title: str, pk: int, prefix: str) -> str:
    """A file name made of the title's words without diacritics ("to-trinh-du-toan-12.pdf"):
    never the name the file was uploaded under, which may name a person or a local path."""
    words = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")[:80].rstrip("-")
    return f"{words or prefix}-{pk}.pdf"
