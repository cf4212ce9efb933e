"""Reads of the outgoing register: the list with its filters, the next free number of a series,
the year's counts per series."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Q, QuerySet

from core.search import filter_words
from council.models import Council
from documents.models import DocumentSeries, DocumentTemplate, OutgoingDocument


def series_list(*, council: Council | None, active_only: bool = False) -> QuerySet[DocumentSeries]:
    """The council's series in their order (none without a council)."""
    if council is None:
        return DocumentSeries.objects.none()
    qs = DocumentSeries.objects.filter(council=council)
    if active_only:
        qs = qs.filter(is_active=True)
    return qs.order_by("order", "code")


def document_list(
    *,
    council: Council | None,
    year: int | None = None,
    series: DocumentSeries | None = None,
    status: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    signer: str | None = None,
    q: str | None = None,
) -> QuerySet[OutgoingDocument]:
    """The council's register, newest first (the list's table sorts by any column with
    ?sort=); `q` is matched without diacritics or case on the folded search text (core.search),
    as every list of the house is; `signer` is a name as the register writes it."""
    if council is None:
        return OutgoingDocument.objects.none()
    qs = OutgoingDocument.objects.filter(council=council).select_related("series")
    if year is not None:
        qs = qs.filter(year=year)
    if series is not None:
        qs = qs.filter(series=series)
    if status:
        qs = qs.filter(status=status)
    if date_from is not None:
        qs = qs.filter(date__gte=date_from)
    if date_to is not None:
        qs = qs.filter(date__lte=date_to)
    if signer:
        qs = qs.filter(signer_name=signer)
    if q:
        qs = filter_words(qs, "search_text", q)
    return qs.order_by("-date", "-number", "-pk")


def signer_names(*, council: Council | None) -> list[str]:
    """The names that signed the council's documents, for the register's filter."""
    if council is None:
        return []
    names = (
        OutgoingDocument.objects.filter(council=council)
        .exclude(signer_name="")
        .values_list("signer_name", flat=True)
        .distinct()
        .order_by("signer_name")
    )
    return list(names)


def document_next_number(*, series: DocumentSeries, year: int) -> int:
    """One after the highest number given in the series' year (its whole life, for a series
    that does not restart each year): cancelled numbers count, they are never given again."""
    given = OutgoingDocument.objects.filter(series=series)
    if series.yearly_reset:
        given = given.filter(year=year)
    return (given.aggregate(n=Max("number"))["n"] or 0) + 1


@dataclass(frozen=True)
class SeriesCount:
    series: DocumentSeries
    issued: int
    cancelled: int
    next_number: int


def document_year_counts(*, council: Council | None, year: int) -> list[SeriesCount]:
    """Each series of the council with its documents of `year` (issued, cancelled) and the
    number the next one will take: one statement, counted in SQL."""
    rows = series_list(council=council).annotate(
        issued=Count("documents", filter=Q(documents__year=year, documents__status="issued")),
        cancelled=Count("documents", filter=Q(documents__year=year, documents__status="cancelled")),
        last_in_year=Max("documents__number", filter=Q(documents__year=year)),
        last_ever=Max("documents__number"),
    )
    return [
        SeriesCount(
            series=row,
            issued=row.issued,
            cancelled=row.cancelled,
            next_number=((row.last_in_year if row.yearly_reset else row.last_ever) or 0) + 1,
        )
        for row in rows
    ]


def documents_of_source(*, source: Any) -> QuerySet[OutgoingDocument]:
    """The register's entries made from one record (a forwarding batch, a meeting …), newest
    first, cancelled ones included."""
    # The content type named in the same statement (a join), not read first: ContentType's
    # cache would make a page's query count depend on what the process asked before.
    meta = source._meta
    return (
        OutgoingDocument.objects.filter(
            source_type__app_label=meta.app_label,
            source_type__model=meta.model_name,
            source_id=source.pk,
        )
        .select_related("series")
        .order_by("-date", "-number", "-pk")
    )


def document_template(*, council: Council, kind: str) -> DocumentTemplate | None:
    """The council's saved template of `kind` (None: the generator's defaults apply)."""
    return DocumentTemplate.objects.filter(council=council, kind=kind).first()


def document_templates(*, council: Council | None) -> dict[str, DocumentTemplate]:
    if council is None:
        return {}
    return {t.kind: t for t in DocumentTemplate.objects.filter(council=council)}
