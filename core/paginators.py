from __future__ import annotations

import contextlib
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import connections, transaction
from django.db.models import Model, QuerySet
from django.utils.functional import cached_property


def _is_total(ordering: list[str] | tuple[str, ...], model: type[Model]) -> bool:
    """Does the ordering end with the primary key, so that it orders every row one way?"""
    names = {"pk", model._meta.pk.name, model._meta.pk.attname}
    return bool(ordering) and str(ordering[-1]).lstrip("-") in names


DEFAULT_PER_PAGE = 25


MAX_PER_PAGE = 100


def page_size(value: Any) -> int:
    """A page size from the query string (?per_page=): a whole number from 1 to MAX_PER_PAGE,
    anything else the default. A size of -1 made every page empty and the fallback to the last
    page raise EmptyPage (500); a size of billions would read a whole table into one page."""
    try:
        size = int(value)
    except (TypeError, ValueError, OverflowError):
        return DEFAULT_PER_PAGE
    return size if 1 <= size <= MAX_PER_PAGE else DEFAULT_PER_PAGE


class TailFirstPaginator(Paginator):
    """OFFSET pagination whose second half is read from the other end.

    OFFSET costs as many rows as it skips: the last page of 1.5 million petitions would walk
    all of them. A page in the second half is read with the order reversed and an offset
    counted from the end, then flipped back, so the last page costs what the first does (the
    middle one, half). Only when the order is total (it ends with the primary key), so that
    the reversed order is exactly the mirror image; otherwise plain OFFSET.

    `count`: the number of rows when the view has counted them already (ListTotalsMixin).
    `keys_first`: read the page's primary keys first, then its rows (page_rows).
    `planner`: PostgreSQL planner settings for the page's statement (a view's page_planner)."""

    def __init__(
        self,
        object_list: Any,
        per_page: Any,
        *args: Any,
        count: int | None = None,
        keys_first: bool = False,
        planner: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(object_list, page_size(per_page), *args, **kwargs)
        if count is not None:
            self.count = count  # Paginator.count is a cached_property: no COUNT query
        self.keys_first = keys_first
        self.planner = planner or {}

    def rows(self, queryset: QuerySet, bottom: int, top: int) -> Any:
        """Rows bottom..top of the queryset, as it is ordered."""
        read = page_rows if self.keys_first else _slice
        if not self.planner:
            return read(queryset, bottom, top)
        with _planned(queryset.db, self.planner):
            return list(read(queryset, bottom, top))

    @property
    def _queryset(self) -> QuerySet | None:
        rows = self.object_list
        return rows if isinstance(rows, QuerySet) else None

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        queryset = self._queryset
        if queryset is None:
            return super().page(number)
        ordering = queryset.query.order_by or queryset.model._meta.ordering
        if (
            bottom <= self.count // 2
            or queryset.query.extra_order_by
            or not _is_total(ordering, queryset.model)
        ):
            return self._get_page(self.rows(queryset, bottom, top), number, self)
        if not queryset.query.order_by:
            queryset = queryset.order_by(*ordering)
        records = list(self.rows(queryset.reverse(), self.count - top, self.count - bottom))[::-1]
        return self._get_page(records, number, self)


def _slice(queryset: QuerySet, bottom: int, top: int) -> QuerySet:
    return queryset[bottom:top]


def page_rows(queryset: QuerySet, bottom: int, top: int) -> list[Any]:
    """Rows bottom..top of the queryset: the page's primary keys first, in the queryset's order
    and filtered as it is, then those rows with the records they join (one statement, the keys
    a subquery).

    Why: the planner joins related tables before it sorts when it expects few rows. A province's
    petitions are reached through its terms, which it estimates from the average term: with 3,355
    councils in the database, 85 petitions a term where the province's hold 2,331; so it joined
    all 4,662 of them to their session, field, Ban and forwarding letter (4 x 4,662 index
    probes) to keep 25: 92.6 ms, against 1.2 ms with one province in the database. Read this
    way, only the 25 are joined (docs/performance.md, «Keys first»)."""
    keys = queryset.values("pk")[bottom:top]
    return list(queryset.filter(pk__in=keys))


# A search shows at most this many matches ("hơn 1.000 kết quả" beyond): counting every match
# of a common word among a million petitions costs ~0.3 s, finding a thousand of them a few ms.
SEARCH_RESULTS_CAP = 1000


# The first pages of a search with more matches than the cap are read by walking the list's
# own index newest-first (see SearchPaginator.page); deeper pages use the search index.
SEARCH_WALK_ROWS = 100


# Planner settings for the page of a search, one statement each (set_config(..., true) lasts
# until the end of the transaction). Why: the planner guesses how many rows a free-text search
# matches from statistics that cannot see how words go together ("giao", "vien", "tieu" and
# "hoc" each in 5-40% of petitions: it expects a handful, finds 47,000); it then sorts every
# match for one page of 25 (0.4 s) instead of walking the date index until 25 turn up (3 ms).
# Those inflated costs also buy JIT compilation (~30 ms) and parallel workers.
_WALK_INDEX = {  # more matches than the cap: read them in the order of the list's index
    "enable_sort": "off",
    "enable_seqscan": "off",
    "enable_bitmapscan": "off",
    "max_parallel_workers_per_gather": "0",
    "jit": "off",
}


_NO_SCAN = {  # otherwise: from an index (rows by primary key, or the search index), no JIT
    "enable_seqscan": "off",
    "jit": "off",
}


@contextlib.contextmanager
def _planned(using: str, settings: dict[str, str]):
    """Plan the enclosed queries with these settings (PostgreSQL; elsewhere nothing changes).
    Inside an enclosing transaction the settings are reset on the way out."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    enclosed = connection.in_atomic_block
    # Raw SQL: the ORM has no way to say a planner setting (set_config / RESET).
    calls = ", ".join("set_config(%s, %s, true)" for _name in settings)
    params = [item for pair in settings.items() for item in pair]
    with transaction.atomic(using=using, savepoint=False):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {calls}", params)
        try:
            yield
        finally:
            if enclosed:
                with connection.cursor() as cursor:
                    cursor.execute("; ".join(f"RESET {name}" for name in settings))


def _index_backed(ordering: list[str] | tuple[str, ...], model: type[Model]) -> bool:
    """Is the order that of one of the model's indexes (all columns one way, either way), so
    that a page can be read by walking it?"""
    if len({str(o).startswith("-") for o in ordering}) != 1:
        return False
    names = [str(o).lstrip("-") for o in ordering]
    names = [model._meta.pk.name if n == "pk" else n for n in names]
    return any(list(index.fields) == names for index in model._meta.indexes)


def _plain_fields(ordering: Any, queryset: QuerySet) -> bool:
    """Whether every term of the ordering names a field of the model, not an annotation or
    an expression of the list's statement."""
    return all(
        isinstance(term, str) and term.lstrip("-") not in queryset.query.annotations
        for term in ordering
    )


class SearchPaginator(TailFirstPaginator):
    """Pages of a free-text search: at most SEARCH_RESULTS_CAP matches, each page a few ms.

    One query reads the ids of up to cap + 1 matches in whatever order is cheapest (the search
    index, or a scan that stops early): that is the count, shown as "hơn 1.000" beyond the cap.
    With no more than the cap, a page's keys are read among those ids in the list's order. With
    more, matches are common: the first pages walk the list's index in the list's order
    (_WALK_INDEX), visiting about (rows up to the page) x (all rows / matches) rows: for the
    first page, under 2.5% of the table. Either way, the page's rows are then read by their
    keys."""

    cap = SEARCH_RESULTS_CAP

    @cached_property
    def matches(self) -> list[int] | None:
        """The primary keys of up to cap + 1 matches, in whatever order is cheapest."""
        queryset = self._queryset
        if queryset is None:
            return None
        return list(queryset.order_by().values_list("pk", flat=True)[: self.cap + 1])

    @property
    def capped(self) -> bool:
        """More matches than are shown."""
        return self.matches is not None and len(self.matches) > self.cap

    @cached_property
    def count(self) -> int:
        if self.matches is None:
            return super().count
        return min(len(self.matches), self.cap)

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        queryset = self._queryset
        if queryset is None or self.matches is None:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if top + self.orphans >= self.count:
            top = self.count
        ordering = queryset.query.order_by or queryset.model._meta.ordering
        # A statement for the page's keys, then one for their rows: the rows statement with the
        # search's conditions as well made the planner match the words again across every
        # council's petitions (a province's «duong» among 3,355 councils: 28 ms; its keys
        # among the matches, then their rows: 0.5 + 2 ms). Keys in a list, not a subquery: the
        # planner ran a subquery of them once per match (70 ms).
        if not self.capped:  # the cap or fewer: among those matches, by their keys alone
            keys = queryset.model._default_manager.filter(pk__in=self.matches)
            if not _plain_fields(ordering, queryset):
                # An order by the list's own annotation (the overdue recommendations' days
                # overdue) needs the list's statement: the bare table has no such column.
                keys = queryset.filter(pk__in=self.matches)
            keys, settings = keys.order_by(*ordering), _NO_SCAN
        elif top <= SEARCH_WALK_ROWS and _index_backed(ordering, queryset.model):
            keys, settings = queryset, _WALK_INDEX
        else:  # deep pages, orders no index gives: the search index, then a sort
            keys, settings = queryset, _NO_SCAN
        with _planned(queryset.db, settings):
            page_keys = list(keys.values_list("pk", flat=True)[bottom:top])
            # Unordered, put in the keys' order here: no sort for a walk's settings to avoid.
            rows = {row.pk: row for row in queryset.filter(pk__in=page_keys).order_by()}
        records = [rows[key] for key in page_keys]
        return self._get_page(records, number, self)
