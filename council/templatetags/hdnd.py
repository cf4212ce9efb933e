"""Template filters for Vietnamese conventions: 1.234,5 numbers, dd/mm/yyyy dates, 05 counts."""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal

from django import forms, template
from django.conf import settings
from django.forms import BoundField
from django.template.base import render_value_in_context
from django.templatetags.l10n import localize, unlocalize
from django.utils.formats import number_format
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django_tables2.columns.base import BoundColumn
from django_tables2.rows import BoundRow

from council.tables import row_cells
from council.text import pad2

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
            params[key] = val
    return params.urlencode()


@register.simple_tag(takes_context=True)
def table_row(context: template.Context, row: BoundRow) -> str:
    """One <tr> of a django-tables2 table, as django_tables2/bootstrap5.html writes it.

    That template resolves five variables per cell through the template engine, 250 cells a
    page (~3 ms of a list page's ~45). Values are rendered as {{ cell }} would render them
    (escaped unless safe, localised numbers)."""
    cells = []
    plain_ints = not settings.USE_THOUSAND_SEPARATOR and context.autoescape
    for column, cell in row_cells(row):
        kind = type(cell)
        if column.localize is None and context.autoescape and kind is str:
            text = html.escape(cell)  # what {{ cell }} does to text: django.utils.html.escape
        elif column.localize is None and (kind is SafeString or (kind is int and plain_ints)):
            text = str(cell)  # safe markup as it is; a whole number localised without grouping
        elif column.localize is None:
            text = render_value_in_context(cell, context)
        else:
            text = conditional_escape(localize(cell) if column.localize else unlocalize(cell))
        cells.append(f"<td {_td_attrs(column)}>{text}</td>")
    return mark_safe(f"<tr {row.attrs.as_html()}>{''.join(cells)}</tr>")  # cells escaped above


def _td_attrs(column: BoundColumn) -> str:
    """A cell's attributes, written once per column and table when no attribute is computed
    from the record (django-tables2 recomputes them for every cell)."""
    cached = getattr(column, "_hdnd_td", None)
    if cached is not None:
        return cached
    markup = column.attrs["td"].as_html()
    declared = {**dict(column._table.attrs), **dict(column.column.attrs)}
    td = declared.get("td", declared.get("cell", {}))
    if not any(callable(value) for value in td.values()):
        column._hdnd_td = markup
    return markup


@register.simple_tag
def filter_fields(form: forms.Form) -> str:
    """A list's filter form as `{{ form|crispy }}` writes it (crispy-bootstrap5: label, widget
    with Bootstrap classes, errors, help text), text inputs, drop-downs and check boxes written
    here: crispy's field template costs ~0.8 ms a field, 7-9 ms a filter form, a fifth of an
    uncached list page. Any other widget, and a form with non-field errors, goes to crispy."""
    if form.non_field_errors():
        from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form

        return as_crispy_form(form)
    return mark_safe("".join(_filter_field(field) for field in form))  # escaped in _filter_field


def _filter_field(field: BoundField) -> str:
    widget = field.field.widget
    if field.is_hidden:
        return str(field)
    if isinstance(widget, forms.CheckboxInput):
        kind = "form-check-input"
    elif isinstance(widget, forms.Select):
        kind = "form-select"
    elif isinstance(widget, forms.widgets.Input) and not isinstance(widget, forms.FileInput):
        kind = "form-control"
    else:
        from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field

        return as_crispy_field(field)
    invalid = " is-invalid" if field.errors else ""
    html = field.as_widget(attrs={"class": _crispy_class(widget, kind + invalid)})
    label, auto_id = escape(field.label), field.auto_id
    required = field.field.required
    star = '<span class="asteriskField">*</span>' if required else ""
    required_class = " requiredField" if required else ""
    tail = _errors_and_help(field)
    if kind == "form-check-input":
        return (
            f'<div class="mb-3"><div id="div_{auto_id}" class="form-check">{html}'
            f'<label for="{field.id_for_label}" class="form-check-label{required_class}">'
            f"{label}{star}</label>{tail}</div></div>"
        )
    label_html = (
        f'<label for="{field.id_for_label}" class="form-label{required_class}">{label}{star}</label>'
        if field.label
        else ""
    )
    return f'<div id="div_{auto_id}" class="mb-3">{label_html}{html}{tail}</div>'


def _crispy_class(widget: forms.Widget, extra: str) -> str:
    """The class attribute crispy gives a widget: its own, its class name, then `extra`."""
    name = type(widget).__name__.lower()
    css = widget.attrs.get("class", "")
    css = (css if name in css else f"{css} {name}") if css else name
    for token in extra.split():
        if token not in css.split():
            css += f" {token}"
    return css


def _errors_and_help(field: BoundField) -> str:
    parts = []
    if field.errors:
        errors = "".join(
            f'<p id="error_{n}_{field.auto_id}"><strong>{escape(error)}</strong></p>'
            for n, error in enumerate(field.errors, start=1)
        )
        parts.append(
            f'<div id="{field.errors.field_id}_error" class="invalid-feedback">{errors}</div>'
        )
    if field.help_text:
        # Help texts are the developers' markup (crispy writes them with |safe, as Django does).
        parts.append(
            f'<div id="{field.auto_id}_helptext" class="form-text">{field.help_text}</div>'
        )
    return "".join(parts)
