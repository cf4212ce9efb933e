"""The lists' tables: columns declared on a class, cells computed in plain Python, one template
(templates/tables/table.html, through {% render_table %} of core.templatetags.hdnd).

    class SessionTable(tables.Table):
        number = tables.Column(linkify=True, verbose_name=_("Kỳ họp thứ"))

        class Meta:
            model = Session
            fields = ["number", "term", "start_date"]
            empty_text = _("Chưa có kỳ họp nào.")

        def render_term(self, value, record: Session) -> str:
            return f"Khóa {record.term.roman}"

A column of Meta.fields needs no declaration: its header is the model field's verbose_name,
its cell the field's value written as every list writes it (a choice's label, a date
dd/mm/yyyy, a yes/no as ✔/✘, a related record by its name, an empty value as "—"). Declared
columns come after Meta.fields unless named there. A column may read another `accessor`
("session__number"), sort by its own `order_by`, not sort (`orderable=False`), link to the
record it names or else the row's record (`linkify`), carry `attrs` ({"th": {...}, "td":
{...}}); a `render_<name>(value, record)` method writes the cell of a non-empty value.

Why not django-tables2 (issue 18): it spent over half of a list request on its per-cell
machinery (inspect.signature for every render call, per-cell column attrs, get_FOO_display
translating every label). Here a table's columns are worked out once per class, a choice's
labels once per language, and a cell costs an attribute lookup and a format."""

from __future__ import annotations

import copy
import datetime as dt
import inspect
import itertools
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import partialmethod
from typing import Any, ClassVar

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Page
from django.db import models
from django.db.models import QuerySet
from django.forms.utils import flatatt
from django.utils import timezone, translation
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

EMPTY = "—"  # what an empty cell (None or "") shows

# The column of a list that carries the text a reader scans (petition content, a resolution's
# title): given room on wide screens and the whole width of a card on phones (static/css/app.css)
# instead of one word a line.
SUMMARY_ATTRS = {"th": {"class": "cell-summary"}, "td": {"class": "cell-summary"}}

_counter = itertools.count()


def write(value: Any) -> Any:
    """A non-empty value as a cell shows it, by its type."""
    if isinstance(value, dt.datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).strftime(
            "%d/%m/%Y %H:%M"
        )
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return mark_safe('<span class="true">✔</span>' if value else '<span class="false">✘</span>')
    if isinstance(value, (Decimal, float)):
        return localize(value)
    return value


def _field_at(model: type[models.Model] | None, path: Sequence[str]) -> models.Field | None:
    """The model field `path` ends on ("session", "number": Session.number), or None."""
    field = None
    for part in path:
        try:
            field = model._meta.get_field(part) if model is not None else None
        except FieldDoesNotExist:
            return None
        model = field.related_model if field is not None else None
    return field


class Column:
    """A column as declared; Table.columns_of() completes a copy of it once per table class."""

    def __init__(
        self,
        verbose_name: Any = None,
        *,
        accessor: str | None = None,
        linkify: bool = False,
        order_by: str | Sequence[str] | None = None,
        orderable: bool | None = None,
        attrs: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.verbose_name, self.accessor, self.linkify = verbose_name, accessor, linkify
        self.order_by = (order_by,) if isinstance(order_by, str) else order_by
        self.orderable, self.attrs = orderable, attrs or {}
        self.position = next(_counter)

    def complete(self, table: type[Table], name: str) -> Column:
        model = table.Meta.model
        self.name = name
        self.path = tuple((self.accessor or name).split("__"))
        field = _field_at(model, self.path)
        if self.verbose_name is None:
            self.verbose_name = capfirst(field.verbose_name if field else name.replace("_", " "))
        self.render = getattr(table, f"render_{name}", None)
        # A choice's label: the model's own get_FOO_display where it writes one (a delegate's
        # status as of today), else the field's labels, translated once per language.
        display = f"get_{field.name}_display" if field is not None and field.choices else None
        own = display and not isinstance(
            inspect.getattr_static(field.model, display), partialmethod
        )
        self.display = display if own else None
        self.choices = field if display and not own else None
        self.labels: dict[str | None, dict[Any, str]] = {}
        if self.linkify:  # the related record the column names, else the row's record
            named = _field_at(model, (name,))
            self.link_path = (name,) if named is not None and named.is_relation else ()
        self.order_by = tuple(self.order_by or ("__".join(self.path),))
        if self.orderable is None:
            self.orderable = getattr(table.Meta, "orderable", True)
        self.th_class = self.attrs.get("th", {}).get("class", "")
        self.td = self.attrs.get("td", {})
        return self

    def choice_labels(self) -> dict[Any, str] | None:
        if self.choices is None:
            return None
        language = translation.get_language()
        if language not in self.labels:
            self.labels[language] = {v: str(label) for v, label in self.choices.flatchoices}
        return self.labels[language]


class BoundColumn:
    """A column of one table: its header, its sort link, its cells' attributes."""

    def __init__(self, column: Column, order: tuple[str, bool] | None) -> None:
        self.column, self.name, self.orderable = column, column.name, column.orderable
        self.header, self.th_class = str(column.verbose_name), column.th_class
        # Every cell names its column (data-label): below 768 px a row is shown as a card of
        # "label: value" lines (static/css/app.css), so no list scrolls sideways on a phone.
        self.td_attrs = mark_safe(flatatt({**column.td, "data-label": self.header}))
        self.labels = column.choice_labels()
        # aria-sort of its header, and ?sort= of its link: ascending first, then the other way.
        self.sorted = (
            ""
            if order is None or order[0] != self.name
            else ("descending" if order[1] else "ascending")
        )
        self.next_sort = f"-{self.name}" if self.sorted == "ascending" else self.name


class Table:
    """A list's table: its columns (named in Meta.fields, or declared), sorted by ?sort=, one
    page of rows."""

    class Meta:
        model: type[models.Model]
        fields: Sequence[str] = ()
        empty_text: Any = ""
        orderable: bool = True

    _columns: ClassVar[dict[type, list[Column]]] = {}

    def __init__(self, *, exclude: Iterable[str] = (), sort: str | None = None) -> None:
        name = (sort or "").lstrip("-")
        sortable = {c.name for c in self.columns_of() if c.orderable and c.name not in exclude}
        self.order = (name, sort.startswith("-")) if sort and name in sortable else None
        self.columns = [
            BoundColumn(c, self.order) for c in self.columns_of() if c.name not in exclude
        ]
        self.empty_text = getattr(self.Meta, "empty_text", "")
        self.page: Page | None = None
        self.paginator = None
        self.rows: list[Row] = []

    @classmethod
    def columns_of(cls) -> list[Column]:
        """The class's columns in order, worked out on first use (the models are ready then)."""
        if cls not in Table._columns:
            declared = {
                name: value
                for klass in reversed(cls.__mro__)
                for name, value in vars(klass).items()
                if isinstance(value, Column)
            }
            names = list(getattr(cls.Meta, "fields", ()))
            names += sorted(
                (n for n in declared if n not in names), key=lambda n: declared[n].position
            )
            Table._columns[cls] = [
                copy.copy(declared.get(name) or Column()).complete(cls, name) for name in names
            ]
        return Table._columns[cls]

    def sort(self, queryset: QuerySet) -> QuerySet:
        """The rows in the order of ?sort=, the primary key last: the same order on every page,
        and one core.paginators.TailFirstPaginator can read backwards for the last pages.
        Without ?sort=, the queryset's own order."""
        if self.order is None:
            return queryset
        name, descending = self.order
        column = next(c for c in self.columns_of() if c.name == name)
        keys = [_flip(key) if descending else key for key in column.order_by]
        if keys[-1].lstrip("-") not in ("pk", queryset.model._meta.pk.name):
            keys.append("-pk" if descending else "pk")
        return queryset.order_by(*keys)

    def show(self, page: Page) -> None:
        """Rows of this page."""
        self.page, self.paginator = page, page.paginator
        self.rows = [Row(self, record) for record in page.object_list]

    def value(self, bound: BoundColumn, record: Any, urls: dict[tuple[str, ...], str]) -> Any:
        """A cell's content: escaped text or safe HTML. `urls`: the row's links so far (two
        columns linking to the same record reverse its URL once)."""
        column, value = bound.column, record
        for part in column.path[:-1]:
            value = getattr(value, part, None)
        if value is not None:
            value = (
                getattr(value, column.display)()
                if column.display
                else getattr(value, column.path[-1], None)
            )
        if bound.labels is not None and value is not None:
            value = bound.labels.get(value, value)
        if value is None or value == "":
            return EMPTY
        content = conditional_escape(
            column.render(self, value, record) if column.render else write(value)
        )
        if column.linkify:
            if column.link_path not in urls:
                target = record
                for part in column.link_path:
                    target = getattr(target, part)
                urls[column.link_path] = target.get_absolute_url()
            content = format_html('<a href="{}">{}</a>', urls[column.link_path], content)
        return content


def _flip(key: str) -> str:
    return key[1:] if key.startswith("-") else f"-{key}"


class Row:
    """A record and its cells: (attributes of the <td>, content)."""

    def __init__(self, table: Table, record: Any) -> None:
        self.record, self.table = record, table
        urls: dict[tuple[str, ...], str] = {}
        self.cells = [(c.td_attrs, table.value(c, record, urls)) for c in table.columns]

    @property
    def html(self) -> str:
        """Its <td> cells, joined here: a template loop over the 250 cells of 25 petitions costs
        1.5 ms, this 0.3 ms."""
        return mark_safe("".join(f"<td{attrs}>{content}</td>" for attrs, content in self.cells))

    def get_cell(self, name: str) -> Any:
        return self.cells[[c.name for c in self.table.columns].index(name)][1]
