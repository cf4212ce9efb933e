"""The lists' tables: columns declared on a class, cells computed in plain Python, one template
(templates/tables/table.html, through {% render_table %} of core.templatetags.hdnd).

    class SessionTable(tables.Table):
        number = tables.Column(linkify=True, verbose_name=_("Kỳ họp thứ"))

        class Meta:
            model = Session
            fields = ["number", "term", "start_date"]
            empty_text = _("Chưa có kỳ họp nào.")

        def render_term(self, record: Session) -> str:
            return f"Khóa {record.term.roman}"

A column of Meta.fields needs no declaration: its header is the model field's verbose_name,
its cell the field's value written as every list writes it (a choice's label, a date
dd/mm/yyyy, a yes/no as ✔/✘, a related record by its name, an empty value as "—").
A declared column may name another `accessor` ("session__number"), its `order_by`, `linkify`
(the link of the related record the column names, else of the row's record), `orderable=False`
and `attrs` ({"th": {...}, "td": {...}}); a `render_<name>(value, record)` method writes the
cell of a non-empty value.

Why not django-tables2 (issue 18): it spent over half of a list request on its per-cell
machinery (inspect.signature for every render call, per-cell column attrs, get_FOO_display
translating every label). Here a table's columns are worked out once per class, a choice's
labels once per language, and a cell costs an attribute lookup and a format."""

from __future__ import annotations

import datetime as dt
import inspect
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partialmethod
from typing import Any, ClassVar

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import QuerySet
from django.forms.utils import flatatt
from django.utils import timezone, translation
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

# What an empty cell shows (a value None or "").
EMPTY = "—"

# The column of a list that carries the text a reader scans (petition content, a resolution's
# title): given room on wide screens and the whole width of a card on phones (static/css/app.css)
# instead of one word a line.
SUMMARY_ATTRS = {"th": {"class": "cell-summary"}, "td": {"class": "cell-summary"}}

_counter = itertools.count()


class Column:
    """A column as declared on a Table; the table works out the rest (`_Spec`)."""

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
        self.verbose_name = verbose_name
        self.accessor = accessor
        self.linkify = linkify
        self.order_by = (order_by,) if isinstance(order_by, str) else order_by
        self.orderable = orderable
        self.attrs = attrs or {}
        self.position = next(_counter)


def write(value: Any) -> Any:
    """A non-empty value as a cell shows it, by its type."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return mark_safe('<span class="true">✔</span>' if value else '<span class="false">✘</span>')
    if isinstance(value, (Decimal, float)):
        return localize(value)
    return value


class _Choices:
    """A choice field's labels by value, translated once per language (get_FOO_display looks
    the value up in a dict it builds and translates the label again for every cell)."""

    def __init__(self, field: models.Field) -> None:
        self.field = field
        self.by_language: dict[str | None, dict[Any, str]] = {}

    def labels(self) -> dict[Any, str]:
        language = translation.get_language()
        labels = self.by_language.get(language)
        if labels is None:
            labels = {value: str(label) for value, label in self.field.flatchoices}
            self.by_language[language] = labels
        return labels


@dataclass(frozen=True)
class _Spec:
    """One column of a table class, worked out once: where its value is read, how it is
    written, how it sorts."""

    name: str
    header: Any
    path: tuple[str, ...]
    choices: _Choices | None
    display: str | None  # a model's own get_FOO_display (the labels' dict otherwise)
    render: Callable[..., Any] | None
    render_args: frozenset[str]
    link_path: tuple[str, ...] | None  # the object whose page a cell links to; () the record
    order_by: tuple[str, ...]
    orderable: bool
    th_class: str
    td: dict[str, str]  # the attributes of its cells, data-label aside


def _field_at(model: type[models.Model], path: Sequence[str]) -> models.Field | None:
    """The model field `path` ends on ("session", "number": Session.number), or None."""
    field = None
    for part in path:
        if model is None:
            return None
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return None
        model = field.related_model
    return field


def _render_method(table: type, name: str) -> tuple[Callable[..., Any] | None, frozenset[str]]:
    method = getattr(table, f"render_{name}", None)
    if method is None:
        return None, frozenset()
    return method, frozenset(inspect.signature(method).parameters) & {"value", "record"}


def _spec(table: type[Table], name: str, column: Column) -> _Spec:
    model = table.Meta.model
    path = tuple((column.accessor or name).split("__"))
    field = _field_at(model, path)
    header = column.verbose_name
    if header is None:
        header = (
            capfirst(field.verbose_name) if field is not None else capfirst(name.replace("_", " "))
        )
    render, render_args = _render_method(table, name)
    display = None
    if field is not None and field.choices:
        method = f"get_{field.name}_display"
        if not isinstance(inspect.getattr_static(field.model, method, None), partialmethod):
            display = method  # written by the model, not by Django from the choices
    link_path = None
    if column.linkify:
        own = _field_at(model, (name,))
        link_path = (name,) if own is not None and own.is_relation else ()
    attrs = column.attrs
    th = dict(attrs.get("th", attrs.get("cell", {})))
    td = dict(attrs.get("td", attrs.get("cell", {})))
    orderable = column.orderable
    if orderable is None:
        orderable = getattr(table.Meta, "orderable", True)
    return _Spec(
        name=name,
        header=header,
        path=path,
        choices=_Choices(field) if field is not None and field.choices and not display else None,
        display=display,
        render=render,
        render_args=render_args,
        link_path=link_path,
        order_by=tuple(column.order_by or ("__".join(path),)),
        orderable=orderable,
        th_class=th.get("class", ""),
        td=td,
    )


class Table:
    """A list's table: its columns (declared, or named in Meta.fields), sorted by ?sort=,
    one page of rows."""

    class Meta:
        model: type[models.Model]
        fields: Sequence[str] = ()
        sequence: Sequence[str] = ()
        empty_text: Any = ""
        orderable: bool = True

    _specs: ClassVar[dict[type, list[_Spec]]] = {}

    def __init__(self, *, exclude: Iterable[str] = (), sort: str | None = None) -> None:
        excluded = set(exclude)
        self.columns = [
            BoundColumn(spec, self) for spec in self.specs() if spec.name not in excluded
        ]
        self.empty_text = getattr(self.Meta, "empty_text", "")
        self.order = self._order(sort)
        self.paginator: Paginator | None = None
        self.page: Page | None = None
        self.rows: list[Row] = []

    @classmethod
    def specs(cls) -> list[_Spec]:
        """The class's columns in order, worked out on first use (the models are ready then)."""
        specs = Table._specs.get(cls)
        if specs is None:
            declared = {
                name: value
                for klass in reversed(cls.__mro__)
                for name, value in vars(klass).items()
                if isinstance(value, Column)
            }
            declared = dict(sorted(declared.items(), key=lambda item: item[1].position))
            # Meta.fields first, in their order; declared columns not among them after.
            names = list(getattr(cls.Meta, "fields", ()))
            names += [name for name in declared if name not in names]
            sequence = list(getattr(cls.Meta, "sequence", ()))
            if sequence:
                rest = [name for name in names if name not in sequence]
                at = sequence.index("...") if "..." in sequence else len(sequence)
                names = [*sequence[:at], *rest, *sequence[at + 1 :]]
            specs = [_spec(cls, name, declared.get(name) or Column()) for name in names]
            Table._specs[cls] = specs
        return specs

    def _order(self, sort: str | None) -> tuple[BoundColumn, bool] | None:
        """(column, descending) of ?sort=<name> or -<name>, when that column sorts."""
        if not sort:
            return None
        name = sort.lstrip("-")
        for column in self.columns:
            if column.spec.name == name and column.spec.orderable:
                return column, sort.startswith("-")
        return None

    def sort(self, queryset: QuerySet) -> QuerySet:
        """The rows in the order of ?sort=, the primary key last: the same order on every page,
        and one core.paginators.TailFirstPaginator can read backwards for the last pages.
        Without ?sort=, the queryset's own order."""
        if self.order is None:
            return queryset
        column, descending = self.order
        keys = [_flip(key) if descending else key for key in column.spec.order_by]
        if keys[-1].lstrip("-") not in ("pk", queryset.model._meta.pk.name):
            keys.append("-pk" if descending else "pk")
        return queryset.order_by(*keys)

    def show(self, page: Page) -> None:
        """Rows of this page."""
        self.page, self.paginator = page, page.paginator
        self.rows = [Row(self, record) for record in page.object_list]

    def value(self, column: BoundColumn, record: Any, urls: dict[tuple[str, ...], str]) -> Any:
        """A cell's content: escaped text or safe HTML. `urls`: the row's links so far (two
        columns linking to the same record reverse its URL once)."""
        spec, labels, value = column.spec, column.labels, record
        for part in spec.path[:-1]:
            value = getattr(value, part, None)
            if value is None:
                break
        else:
            last = spec.path[-1]
            value = getattr(value, spec.display)() if spec.display else getattr(value, last, None)
        if labels is not None and value is not None:
            value = labels.get(value, value)
        if value is None or value == "":
            return EMPTY
        if spec.render is not None:
            kwargs = {"value": value, "record": record}
            value = spec.render(self, **{k: kwargs[k] for k in spec.render_args})
        else:
            value = write(value)
        content = conditional_escape(value)
        if spec.link_path is not None:
            url = urls.get(spec.link_path)
            if url is None:
                target = record
                for part in spec.link_path:
                    target = getattr(target, part)
                url = urls[spec.link_path] = target.get_absolute_url()
            content = format_html('<a href="{}">{}</a>', url, content)
        return content


def _flip(key: str) -> str:
    return key[1:] if key.startswith("-") else f"-{key}"


class BoundColumn:
    """A column of one table: its header and its sort link."""

    def __init__(self, spec: _Spec, table: Table) -> None:
        self.spec = spec
        self.table = table
        self.name = spec.name
        self.header = str(spec.header)
        # Every cell names its column (data-label): below 768 px a row is shown as a card of
        # "label: value" lines (static/css/app.css), so no list scrolls sideways on a phone.
        self.td_attrs = mark_safe(flatatt({**spec.td, "data-label": self.header}))
        self.labels = spec.choices.labels() if spec.choices else None

    @property
    def orderable(self) -> bool:
        return self.spec.orderable

    @property
    def sorted(self) -> str:
        """Its aria-sort: "ascending", "descending", or "" when the table is not sorted by it."""
        order = self.table.order
        if order is None or order[0] is not self:
            return ""
        return "descending" if order[1] else "ascending"

    @property
    def next_sort(self) -> str:
        """?sort= of its header's link: ascending first, then the other way."""
        return f"-{self.name}" if self.sorted == "ascending" else self.name

    @property
    def th_class(self) -> str:
        return self.spec.th_class


class Row:
    """A record and its cells: (attributes of the <td>, content)."""

    def __init__(self, table: Table, record: Any) -> None:
        self.record = record
        self.table = table
        urls: dict[tuple[str, ...], str] = {}
        self.cells = [
            (column.td_attrs, table.value(column, record, urls)) for column in table.columns
        ]

    @property
    def html(self) -> str:
        """Its <td> cells, joined here: a template loop over the 250 cells of 25 petitions costs
        1.5 ms, this 0.3 ms."""
        return mark_safe("".join(f"<td{attrs}>{content}</td>" for attrs, content in self.cells))

    def get_cell(self, name: str) -> Any:
        names = [column.name for column in self.table.columns]
        return self.cells[names.index(name)][1]
