"""Reads of the sessions app. The dashboard and the annual report call these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import ExtractYear
from django.utils import timezone

from core.concurrency import rows_version
from core.periods import Period
from core.rates import rate_text
from council.models import Council, Delegate, Term
from council.scoping import scoped
from sessions.models import (
    THEMATIC_RENAMING_DATE,
    AgendaItem,
    Attendance,
    DelegateNote,
    DocumentRead,
    Session,
    SessionDocument,
    SessionDocumentsZip,
    session_kind_label,
)

# A non-regular session opened before 01/07/2020: "kỳ họp bất thường" (sessions.models).
EXTRAORDINARY = Q(kind=Session.Kind.THEMATIC, start_date__lt=THEMATIC_RENAMING_DATE)


@dataclass(frozen=True)
class SessionCounts:
    total: int
    regular: int
    thematic: int  # every non-regular session, whatever the law called it
    # "bất thường" or "chuyên đề", as the law called non-regular sessions in the period.
    thematic_label: str
    # Of `thematic`, those opened before 01/07/2020, when the law called them "bất thường": a
    # period across that day names each session by its own day.
    extraordinary: int


def session_list(
    *,
    council: Council,
    year: int | None = None,
    term: Term | None = None,
    period: Period | None = None,
) -> QuerySet[Session]:
    """Sessions of the council; a session belongs to the day (and year) it opened on."""
    return scoped(
        Session.objects.select_related("term"),
        council=council,
        term=term,
        year=year,
        period=period,
        day="start_date",
    )


# The figures of a set of sessions, aggregated in SQL (session_counts, session_counts_of_years).
_COUNTS = {
    "total": Count("pk"),
    "regular": Count("pk", filter=Q(kind=Session.Kind.REGULAR)),
    "thematic": Count("pk", filter=Q(kind=Session.Kind.THEMATIC)),
    "extraordinary": Count("pk", filter=EXTRAORDINARY),
    # The label follows the law in force when the first such session opened.
    "first_thematic": Min("start_date", filter=Q(kind=Session.Kind.THEMATIC)),
}


def _session_counts(figures: dict, *, first_day: dt.date) -> SessionCounts:
    """SessionCounts of one aggregate row; `first_day` names the non-regular sessions when
    there were none (the first day of the period or term)."""
    return SessionCounts(
        total=figures.get("total") or 0,
        regular=figures.get("regular") or 0,
        thematic=figures.get("thematic") or 0,
        thematic_label=session_kind_label(
            Session.Kind.THEMATIC, figures.get("first_thematic") or first_day
        ),
        extraordinary=figures.get("extraordinary") or 0,
    )


def session_counts(
    *,
    council: Council,
    year: int | None = None,
    term: Term | None = None,
    period: Period | None = None,
) -> SessionCounts:
    figures = (
        session_list(council=council, year=year, term=term, period=period)
        .order_by()
        .aggregate(**_COUNTS)
    )
    if period is not None:
        first_day = period.start
    elif year is not None:
        first_day = dt.date(year, 1, 1)
    elif term is not None:
        first_day = term.start_date
    else:
        first_day = timezone.localdate()
    return _session_counts(figures, first_day=first_day)


def session_counts_of_years(*, council: Council, years: Sequence[int]) -> dict[int, SessionCounts]:
    """session_counts of each of `years` in one grouped query (the dashboard's year and the
    year before): the same figures as one call a year."""
    span = Period.between(Period.year(min(years)).start, Period.year(max(years)).end)
    rows = (
        session_list(council=council, period=span)
        .order_by()
        .annotate(y=ExtractYear("start_date"))
        .values("y")
        .annotate(**_COUNTS)
    )
    by_year = {int(row["y"]): row for row in rows}
    return {y: _session_counts(by_year.get(y, {}), first_day=dt.date(y, 1, 1)) for y in years}


def session_counts_by_year_rows(
    *, council: Council, term: Term | None = None, until: dt.date | None = None
) -> QuerySet:
    """Rows (y, term_id, regular, thematic, extraordinary) per year and term, of one term or of
    the council's whole history (up to the day `until` when given: a report shows nothing
    after its period), as a values() query that the dashboard combines with other apps' into
    one round trip. `extraordinary`: the thematic sessions opened before 01/07/2020."""
    qs = session_list(council=council, term=term)
    if until is not None:
        qs = qs.filter(start_date__lte=until)
    return (
        qs.order_by()
        .annotate(y=ExtractYear("start_date"))
        .values("y", "term_id")
        .annotate(
            regular=Count("pk", filter=Q(kind=Session.Kind.REGULAR)),
            thematic=Count("pk", filter=Q(kind=Session.Kind.THEMATIC)),
            extraordinary=Count("pk", filter=EXTRAORDINARY),
        )
    )


def session_counts_by_year(
    *, council: Council, term: Term | None = None
) -> list[tuple[int, int, int]]:
    """(year, regular, thematic) for each year that had sessions (of the term, or of the
    council's whole history), in one query."""
    years: dict[int, list[int]] = {}
    for row in session_counts_by_year_rows(council=council, term=term):
        counts = years.setdefault(row["y"], [0, 0])
        counts[0] += row["regular"]
        counts[1] += row["thematic"]
    return [(y, regular, thematic) for y, (regular, thematic) in sorted(years.items())]


def session_agenda(*, session: Session) -> QuerySet[AgendaItem]:
    return session.agenda_items.select_related("issuer", "reviewing_committee")


def agenda_item_next_order(*, session: Session) -> int:
    """The number a new document of the session's agenda gets: 1 for the first, then one more
    than the highest so far."""
    highest = session.agenda_items.aggregate(n=Max("order"))["n"]
    return (highest or 0) + 1


@dataclass(frozen=True)
class AttendanceSummary:
    delegates: int
    recorded: int
    present: int
    absent: int
    excused: int
    rate: str  # "94,92%": present over the delegates of the term


def session_attendance_summary(*, session: Session) -> AttendanceSummary:
    figures = Attendance.objects.filter(session=session).aggregate(
        recorded=Count("pk"),
        present=Count("pk", filter=Q(status=Attendance.Status.PRESENT)),
        absent=Count("pk", filter=Q(status=Attendance.Status.ABSENT)),
        excused=Count("pk", filter=Q(status=Attendance.Status.EXCUSED)),
    )
    delegates = max(attendance_delegates(session=session).count(), figures["recorded"])
    return AttendanceSummary(
        delegates=delegates,
        recorded=figures["recorded"],
        present=figures["present"],
        absent=figures["absent"],
        excused=figures["excused"],
        rate=rate_text(figures["present"], delegates, mode=session.term.council.rate_rounding),
    )


def attendance_delegates(*, session: Session) -> QuerySet[Delegate]:
    """The roll: active delegates of the session's term, plus anyone already recorded."""
    return (
        Delegate.objects.filter(term_id=session.term_id)
        .filter(Q(status=Delegate.Status.ACTIVE) | Q(attendances__session=session))
        .distinct()
        .select_related("delegate_group")
        .order_by("full_name")
    )


def session_attendance_rows(*, session: Session) -> list[tuple[Delegate, str | None]]:
    """(delegate, status or None) for each delegate of the roll, in two queries."""
    statuses = dict(Attendance.objects.filter(session=session).values_list("delegate_id", "status"))
    return [(d, statuses.get(d.pk)) for d in attendance_delegates(session=session)]


def session_attendance_version(*, session: Session) -> str:
    """The version of the session's whole roll, which an attendance form carries: it changes
    whenever a row is recorded or changed (every save sets updated_at)."""
    return rows_version(
        Attendance.objects.filter(session=session).order_by("pk").values_list("pk", "updated_at")
    )


@dataclass(frozen=True)
class SessionPreparation:
    """How far a session's documents have come in: what the dashboard shows of the next
    sessions."""

    session_id: int
    number: int
    term_roman: str
    kind_label: str
    start_date: dt.date
    end_date: dt.date
    ahead: bool  # not over yet (False: one of the latest, shown when none is planned)
    agenda_items: int
    submissions: int  # tờ trình received
    to_review: int  # of them, given to a Ban to review
    reviews: int  # báo cáo thẩm tra received
    draft_resolutions: int


def sessions_ahead(
    *, council: Council, today: dt.date | None = None, limit: int = 3
) -> list[SessionPreparation]:
    """The sessions not over yet, nearest first, or when none is planned the latest ones, with
    their agenda counted by kind of document: one query (both candidate sets read at once, the
    documents counted in SQL)."""
    today = today or timezone.localdate()
    sessions = Session.objects.filter(term__council=council)
    ahead_ids = sessions.filter(end_date__gte=today).order_by("start_date", "pk").values("pk")
    latest_ids = sessions.order_by("-start_date", "-pk").values("pk")
    Doc = AgendaItem.DocType
    submission = Q(agenda_items__doc_type=Doc.SUBMISSION)
    rows = list(
        sessions.filter(Q(pk__in=ahead_ids[:limit]) | Q(pk__in=latest_ids[:limit]))
        .select_related("term")
        .annotate(
            agenda_count=Count("agenda_items"),
            submissions=Count("agenda_items", filter=submission),
            to_review=Count(
                "agenda_items",
                filter=submission & Q(agenda_items__reviewing_committee__isnull=False),
            ),
            reviews=Count("agenda_items", filter=Q(agenda_items__doc_type=Doc.REVIEW_REPORT)),
            drafts=Count("agenda_items", filter=Q(agenda_items__doc_type=Doc.DRAFT_RESOLUTION)),
        )
    )
    ahead = sorted((s for s in rows if s.end_date >= today), key=lambda s: (s.start_date, s.pk))
    shown = ahead or sorted(rows, key=lambda s: (s.start_date, s.pk), reverse=True)
    return [
        SessionPreparation(
            session_id=s.pk,
            number=s.number,
            term_roman=s.term.roman,
            kind_label=s.kind_label,
            start_date=s.start_date,
            end_date=s.end_date,
            ahead=s.end_date >= today,
            agenda_items=s.agenda_count,
            submissions=s.submissions,
            to_review=s.to_review,
            reviews=s.reviews,
            draft_resolutions=s.drafts,
        )
        for s in shown[:limit]
    ]


def session_counts_by_council(*, councils: Sequence[int], period: Period) -> dict[int, int]:
    """Sessions opened in `period` by each of `councils` (ids; the province's communes)."""
    rows = (
        scoped(Session.objects.filter(term__council__in=councils), day="start_date", period=period)
        .order_by()
        .values("term__council")
        .annotate(n=Count("pk"))
    )
    return {row["term__council"]: row["n"] for row in rows}


# --- Session documents (issue 20) -------------------------------------------------------------


def _newer_version_published(now: dt.datetime) -> Exists:
    return Exists(
        SessionDocument.objects.filter(
            series=OuterRef("series"), version__gt=OuterRef("version"), published_at__lte=now
        )
    )


def published_documents(
    *, session: Session | None = None, now: dt.datetime | None = None
) -> QuerySet[SessionDocument]:
    """What delegates see: documents published by now, each in the latest version published
    (a newer version still scheduled leaves the older one in place until its time)."""
    now = now or timezone.now()
    qs = SessionDocument.objects.filter(published_at__lte=now).exclude(
        _newer_version_published(now)
    )
    if session is not None:
        qs = qs.filter(session=session)
    return qs


def published_document_current(
    *, document: SessionDocument, now: dt.datetime | None = None
) -> SessionDocument | None:
    """The version delegates see in place of `document` (itself if still current), or None
    when no version of it is published."""
    return (
        published_documents(now=now)
        .filter(series=document.series)
        .select_related("session", "agenda_item")
        .first()
    )


@dataclass(frozen=True)
class AgendaDocuments:
    item: AgendaItem
    documents: list[SessionDocument]


def _group_by_item(
    items: Sequence[AgendaItem], documents: Sequence[SessionDocument], *, keep_empty: bool
) -> list[AgendaDocuments]:
    by_item: dict[int, list[SessionDocument]] = {}
    for document in documents:
        by_item.setdefault(document.agenda_item_id, []).append(document)
    return [
        AgendaDocuments(item=item, documents=by_item.get(item.pk, []))
        for item in items
        if keep_empty or item.pk in by_item
    ]


def delegate_session_documents(*, session: Session, delegate: Delegate) -> list[AgendaDocuments]:
    """The published documents of a session per agenda item, in order, each marked with the
    delegate's own first reading (read_at) and whether they keep a note on it: two queries."""
    items = list(session.agenda_items.order_by("order", "pk"))
    documents = list(
        published_documents(session=session)
        .annotate(
            read_at=Subquery(
                DocumentRead.objects.filter(document=OuterRef("pk"), delegate=delegate).values(
                    "first_opened_at"
                )[:1]
            ),
            has_note=Exists(
                DelegateNote.objects.filter(document=OuterRef("pk"), delegate=delegate)
            ),
        )
        .order_by("order", "pk")
    )
    return _group_by_item(items, documents, keep_empty=False)


def staff_session_documents(*, session: Session) -> list[AgendaDocuments]:
    """Every document of a session per agenda item, every version (the newest first within a
    series), with how many delegates opened each: two queries."""
    items = list(session.agenda_items.order_by("order", "pk"))
    documents = list(
        SessionDocument.objects.filter(session=session)
        .annotate(read_count=Count("reads"))
        .order_by("order", "series", "-version")
    )
    return _group_by_item(items, documents, keep_empty=True)


def document_versions(*, document: SessionDocument) -> QuerySet[SessionDocument]:
    return SessionDocument.objects.filter(series=document.series).order_by("-version")


def document_receipts(*, document: SessionDocument) -> QuerySet[Delegate]:
    """Every delegate of the session's term with their reading of this version (first_opened,
    last_opened, open_count; None when not opened), those who opened it first: one query."""
    reads = DocumentRead.objects.filter(document=document, delegate=OuterRef("pk"))
    return (
        Delegate.objects.filter(term_id=document.session.term_id)
        .annotate(
            first_opened=Subquery(reads.values("first_opened_at")[:1]),
            last_opened=Subquery(reads.values("last_opened_at")[:1]),
            open_count=Subquery(reads.values("open_count")[:1]),
        )
        .order_by(F("first_opened").asc(nulls_last=True), "full_name", "pk")
    )


def delegate_note(
    *,
    delegate: Delegate,
    document: SessionDocument | None = None,
    agenda_item: AgendaItem | None = None,
) -> DelegateNote | None:
    """The delegate's own note on a document or an agenda item: always filtered by its author."""
    if (document is None) == (agenda_item is None):
        raise ValueError("Give exactly one of document or agenda_item.")
    return DelegateNote.objects.filter(
        delegate=delegate, document=document, agenda_item=agenda_item
    ).first()


def document_zip_latest(*, session: Session, user: Any) -> SessionDocumentsZip | None:
    """The user's latest zip request of the session."""
    return SessionDocumentsZip.objects.filter(session=session, requested_by=user).first()


# --- What the public sees (issue 24): the one place that says it -------------------------------


def sessions_public(*, council: Council) -> QuerySet[Session]:
    """Every session of the council, planned or held: the council meets in public (Luật Tổ
    chức chính quyền địa phương), so its sessions and their programme are public by rule."""
    return Session.objects.filter(term__council=council).select_related("term")


def public_documents(
    *, council: Council, session: Session | None = None, now: dt.datetime | None = None
) -> QuerySet[SessionDocument]:
    """What guests and the public read: the documents delegates see (published, the latest
    version published) that the secretariat marked public. A new version keeps its
    predecessor's mark (sessions.services.session_document_replace)."""
    return published_documents(session=session, now=now).filter(
        is_public=True, session__term__council=council
    )


def agenda_public(*, session: Session) -> QuerySet[AgendaItem]:
    """The session's programme as the public reads it: order, kind, number and title of each
    item (public by rule, as the session is); its attachments are the secretariat's working
    files and stay internal (the public reads public_documents)."""
    return AgendaItem.objects.filter(session=session).order_by("order", "pk")


def public_documents_next_publication(
    *, council: Council, now: dt.datetime | None = None
) -> dt.datetime | None:
    """The next time a document marked public becomes readable by the clock alone (a scheduled
    publication), None when none is scheduled: until then public_documents stays as it is."""
    now = now or timezone.now()
    return SessionDocument.objects.filter(
        session__term__council=council, is_public=True, published_at__gt=now
    ).aggregate(next=Min("published_at"))["next"]
