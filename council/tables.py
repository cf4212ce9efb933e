import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import django_tables2 as tables
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.html import format_html, strip_tags
from django.utils.translation import gettext_lazy as _
from django_tables2 import utils as tables2_utils
from django_tables2.columns.base import BoundColumn, LinkTransform, library
from django_tables2.rows import BoundRow

from council import models as m

_SIGNATURES: dict[tuple[Callable, bool], tuple] = {}
_uncached_signature = tables2_utils.signature


def _cached_signature(fn: Callable) -> tuple:
    """django_tables2.utils.signature, remembered per function: django-tables2 inspects the
    render function of every cell again (inspect.signature: a fifth of a table's rendering
    time). A bound method has the signature of its function minus `self`, whatever the
    instance, so the function and whether it is bound are the key."""
    func = getattr(fn, "__func__", fn)
    key = (func, func is not fn)
    try:
        return _SIGNATURES[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable callable
        return _uncached_signature(fn)
    if len(_SIGNATURES) > 4096:  # callables made per request (partials) must not pile up
        _SIGNATURES.clear()
    result = _SIGNATURES[key] = _uncached_signature(fn)
    return result


def remember_render_signatures() -> None:
    """Installed once at start-up (CouncilConfig.ready): call_with_appropriate, which calls
    every cell's render function, looks `signature` up in its module."""
    tables2_utils.signature = _cached_signature


@library.register
class DateColumn(tables.Column):
    """A date as dd/mm/yyyy, the column every table gets for a DateField.

    django-tables2's own DateColumn renders each cell through a template it parses again for
    every cell: two date columns cost ~10 ms a page of 25 rows. strftime costs microseconds."""

    @classmethod
    def from_field(cls, field: models.Field, **kwargs: Any) -> tables.Column | None:
        if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
            return cls(**kwargs)
        return None

    def render(self, value: dt.date) -> str:
        return value.strftime("%d/%m/%Y")


# The column of a list that carries the text a reader scans (petition content, a resolution's
# title): given room on wide screens and the whole width of a card on phones (static/css/app.css)
# instead of one word a line.
SUMMARY_ATTRS = {"th": {"class": "cell-summary"}, "td": {"class": "cell-summary"}}


def label_cells(table: tables.Table) -> tables.Table:
    """Each cell of the table names its column (data-label): below 768 px a row is shown as a
    card of "label: value" lines (static/css/app.css), so no list scrolls sideways on a phone.
    The table's columns are its own copies (django-tables2 deep-copies them per table), and
    a constant attribute keeps the per-column markup of council.templatetags.hdnd cached."""
    for bound in table.columns:
        column = bound.column
        attrs = dict(column.attrs)
        td = dict(attrs.get("td", attrs.get("cell", {})))
        td["data-label"] = strip_tags(str(bound.header))
        column.attrs = {**attrs, "td": td}
    return table


def row_cells(row: BoundRow) -> Iterator[tuple[BoundColumn, Any]]:
    """(bound column, cell) for each column of a row: what BoundRow.items() yields, computed
    by a function made once per column and table where the column is a plain field path.

    django-tables2 works each cell out from scratch (accessor parsed and resolved twice, the
    model field looked up to see if it has choices, render arguments inspected, the link's
    accessor resolved): ~35 µs a cell, 250 cells a page. Columns with their own rendering
    (render_FOO, other column classes, linkify with arguments) keep django-tables2's path."""
    table = row._table
    cells = table.__dict__.get("_hdnd_cells")
    if cells is None:
        cells = table._hdnd_cells = [
            (bound, _cell_function(table, bound)) for bound in table.columns
        ]
    record = row.record
    for bound, function in cells:
        cell = row.get_cell(bound.name) if function is None else function(record)
        # As items() does: attributes computed from the cell (callable td attrs) read these.
        bound.current_value = cell
        bound.current_record = record
        yield bound, cell


def _date(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


# Column classes whose render() is known; any other class (or subclass) renders itself.
_RENDERS: dict[type, Callable[[Any], Any]] = {tables.Column: lambda value: value, DateColumn: _date}


def _cell_function(table: tables.Table, bound: BoundColumn) -> Callable[[Any], Any] | None:
    column = bound.column
    render = _RENDERS.get(type(column))
    model = getattr(table._meta, "model", None)
    if render is None or model is None or hasattr(table, f"render_{bound.name}"):
        return None
    if callable(column._default) or not _plain_link(column.link):
        return None
    path = _field_path(model, bound.accessor.bits)
    if path is None:
        return None
    names, field = path
    # A field with choices shows its label (django-tables2 calls get_FOO_display).
    display = f"get_{names[-1]}_display" if field.choices else None
    default, empty, link, name = bound.default, column.empty_values, column.link, bound.name

    def cell(record: Any) -> Any:
        owner = record
        for step in names[:-1]:
            owner = getattr(owner, step)
            if owner is None:
                return default
        value = getattr(owner, display)() if display else getattr(owner, names[-1])
        if value in empty:
            return default
        content = render(value)
        if link is None:
            return content
        url = link.compose_url(record=record, bound_column=bound)
        return content if url is None else format_html('<a href="{}">{}</a>', url, content)

    cell.__qualname__ = f"cell[{name}]"
    return cell


def _plain_link(link: LinkTransform | None) -> bool:
    """No link, or linkify=True: the record's (or the cell's object's) get_absolute_url()."""
    return link is None or not (link.url or link.accessor or link.attrs or link.reverse_args)


def _field_path(
    model: type[models.Model], bits: list[str]
) -> tuple[list[str], models.Field] | None:
    """The attribute names along `bits` and the last field, if every step but the last is a
    forward relation to one record and the last is a concrete field; None otherwise."""
    names: list[str] = []
    field = None
    for position, bit in enumerate(bits):
        try:
            field = model._meta.get_field(bit)
        except FieldDoesNotExist:
            return None
        last = position == len(bits) - 1
        if not field.concrete or field.many_to_many:
            return None
        if not last:
            if not (field.many_to_one or field.one_to_one):
                return None
            model = field.related_model
        names.append(field.name)
    return (names, field) if field is not None else None


class TermTable(tables.Table):
    roman = tables.Column(linkify=True, verbose_name=_("Khóa"))

    class Meta:
        model = m.Term
        fields = ["roman", "council", "start_date", "end_date"]
        empty_text = _("Chưa có nhiệm kỳ nào.")


class CommitteeTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = m.Committee
        fields = ["name", "code", "term", "order"]
        empty_text = _("Chưa có Ban nào.")


class DelegateGroupTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = m.DelegateGroup
        fields = ["name", "area", "term"]
        empty_text = _("Chưa có Tổ đại biểu nào.")


class DelegateTable(tables.Table):
    full_name = tables.Column(linkify=True)

    class Meta:
        model = m.Delegate
        fields = [
            "full_name",
            "gender",
            "birth_year",
            "job_title",
            "delegate_group",
            "committee",
            "is_full_time",
            "status",
            "term",
        ]
        empty_text = _("Chưa có đại biểu nào.")


class OrganizationTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = m.Organization
        fields = ["name", "short_name", "kind", "level", "is_active"]
        empty_text = _("Chưa có cơ quan, tổ chức nào.")


class AdministrativeUnitTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = m.AdministrativeUnit
        fields = ["name", "unit_type", "level", "parent", "valid_from", "valid_to"]
        empty_text = _("Chưa có đơn vị hành chính nào.")


class InterSessionMatterTable(tables.Table):
    subject = tables.Column(linkify=True, attrs=SUMMARY_ATTRS)

    class Meta:
        model = m.InterSessionMatter
        fields = [
            "received_date",
            "subject",
            "submitted_by",
            "submission_number",
            "opinion_date",
            "outcome",
        ]
        empty_text = _("Chưa có nội dung phát sinh nào.")


class AppraisalRequestTable(tables.Table):
    subject = tables.Column(linkify=True, attrs=SUMMARY_ATTRS)

    class Meta:
        model = m.AppraisalRequest
        fields = ["received_date", "subject", "doc_kind", "requester", "answered_date"]
        empty_text = _("Chưa có yêu cầu thẩm định nào.")


class CouncilTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = m.Council
        fields = ["name", "place_name", "secretariat_name", "resolution_sequence"]
        empty_text = _("Chưa khai báo HĐND.")


class PositionTable(tables.Table):
    delegate = tables.Column(linkify=True)

    class Meta:
        model = m.Position
        fields = ["delegate", "role", "committee", "start_date", "end_date"]
        empty_text = _("Chưa có chức danh nào.")
