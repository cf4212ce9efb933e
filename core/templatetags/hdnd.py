"""Template filters for Vietnamese conventions: 1.234,5 numbers, dd/mm/yyyy dates, 05 counts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template
from django.utils.formats import number_format

from core.text import pad2

register = template.Library()


@register.filter
def number(value: int | float | Decimal | None, decimals: int | None = None) -> str:
    """1234.5 -> "1.234,5" whatever the active language's defaults."""
    if value is None or value == "":
        return ""
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


@register.filter
def vndate(value: dt.date | None) -> str:
    if not value:
        return ""
    return value.strftime("%d/%m/%Y")


@register.filter
def padded(value: int | None) -> str:
    return "" if value is None else pad2(int(value))


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs) -> str:
    """The current query string with some parameters replaced (for sort and page links)."""
    params = context["request"].GET.copy()
    for key, val in kwargs.items():
        if val is None or val == "":
            params.pop(key, None)
        else:
            params[key] = str(val)
    return params.urlencode()


@register.inclusion_tag("tables/table.html", takes_context=True)
def render_table(context, table) -> dict:
    """A list's table (core.tables.Table) and its pagination."""
    page = table.page
    pages = (
        page.paginator.get_elided_page_range(page.number)
        if page is not None and page.paginator.num_pages > 1
        else ()
    )
    return {"request": context["request"], "table": table, "page": page, "pages": pages}
