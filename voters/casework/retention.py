"""Retention of citizens' personal data, and its anonymisation once the retention period is over.

Personal data is kept no longer than its purpose needs (Nghị định 13/2023/NĐ-CP Điều 3, Luật
Bảo vệ dữ liệu cá nhân 2025); how long is each office's archive rule, so the years are data
(voters.RetentionRule, one row per category). A closed case's letters lose their sender's
identity when its kind's period has run from the day the case was closed; the register of
reception (sổ tiếp công dân) loses its citizens' names when the RECEPTION period has run from
the day of the reception.

Anonymising blanks the identity fields and nothing else: the rows, their dates, kinds, fields,
localities, contents and results stay, so every figure of past years (letters, cases,
receptions, visits) is the same before and after. A category without a rule is never
anonymised: keeping too long is a fault an office can correct, deleting too early is not."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from voters.models import (
    AnonymisationRun,
    Case,
    CaseDocument,
    CitizenReception,
    Letter,
    ReceptionVisit,
    RetentionRule,
)

logger = logging.getLogger(__name__)

Category = RetentionRule.Category
# A case's kind is its category (the three kinds of letters).
CASE_CATEGORIES = (Category.COMPLAINT, Category.DENUNCIATION, Category.PETITION_FEEDBACK)


@dataclass(frozen=True)
class RetentionDue:
    """What is past retention on a day: ids only."""

    cases: dict[str, tuple[int, ...]]  # category -> closed cases past its period
    # Closed cases without a closing date, judged by their last activity instead (a subset of
    # `cases`): the register should say when they were closed, and these are worth a look.
    undated_cases: tuple[int, ...]
    letters: tuple[int, ...]  # the letters of those cases not yet anonymised
    visits: tuple[int, ...]  # visits of those cases, and visits past the RECEPTION period
    receptions: tuple[int, ...]  # reception days past the RECEPTION period with visitors named
    missing_rules: tuple[str, ...]  # categories without a rule: nothing of theirs is touched


@dataclass(frozen=True)
class AnonymiseReport:
    today: dt.date
    dry_run: bool
    council_id: int | None
    counts: dict[str, int]
    ids: dict[str, tuple[int, ...]]
    missing_rules: tuple[str, ...] = ()
    run_id: int | None = field(default=None)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def years_before(day: dt.date, years: int) -> dt.date:
    """The same day `years` earlier; 29 February becomes the 28th in a year without it."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _last_activity(case: Any) -> dt.date:
    """When a closed case without a closing date last moved: its latest letter's receipt,
    forwarding or processing, the answer, a follow-up or an outgoing document; failing all of
    those, its last edit."""
    days = [
        case.last_received,
        case.last_forwarded,
        case.last_processed,
        case.answered_date,
        case.last_follow_up,
        case.last_document,
    ]
    known = [d for d in days if d is not None]
    return max(known) if known else timezone.localdate(case.updated_at)


def retention_due(*, today: dt.date, council: Any = None) -> RetentionDue:
    """Everything past retention on `today` and not yet anonymised, in `council` (None: every
    council of the installation). A few queries whatever the number of rows."""
    rules = dict(RetentionRule.objects.values_list("category", "years"))
    cutoffs = {category: years_before(today, years) for category, years in rules.items()}
    missing = tuple(c for c in Category.values if c not in rules)

    cases = Case.objects.filter(status=Case.Status.CLOSED, anonymised_at__isnull=True)
    if council is not None:
        cases = cases.filter(council=council)
    due: dict[str, list[int]] = {c.value: [] for c in CASE_CATEGORIES}
    dated = Q(pk__in=[])
    for category in CASE_CATEGORIES:
        if category in cutoffs:
            dated |= Q(kind=category, closed_date__lte=cutoffs[category])
    for pk, kind in cases.filter(dated).values_list("pk", "kind"):
        due[kind].append(pk)
    undated = []
    for case in cases.filter(closed_date__isnull=True, kind__in=list(cutoffs)).annotate(
        last_received=Max("letters__received_date"),
        last_forwarded=Max("letters__forwarded_date"),
        last_processed=Max("letters__processed_date"),
        last_follow_up=Max("follow_ups__date"),
        last_document=Max("documents__date"),
    ):
        if _last_activity(case) <= cutoffs[case.kind]:
            due[case.kind].append(case.pk)
            undated.append(case.pk)
    case_ids = [pk for ids in due.values() for pk in ids]

    letters = Letter.objects.filter(case_id__in=case_ids, anonymised_at__isnull=True)
    visits = ReceptionVisit.objects.filter(anonymised_at__isnull=True)
    receptions = CitizenReception.objects.exclude(visitors="")
    if council is not None:
        visits = visits.filter(reception__term__council=council)
        receptions = receptions.filter(term__council=council)
    # A visit whose case is still being handled keeps its citizen: the staff need to reach them.
    open_case = Q(case__isnull=False) & ~Q(case__status=Case.Status.CLOSED)
    visit_due = Q(case_id__in=case_ids)
    if Category.RECEPTION in cutoffs:
        cutoff = cutoffs[Category.RECEPTION]
        visit_due |= Q(reception__date__lte=cutoff) & ~open_case
        open_visit = ReceptionVisit.objects.filter(reception=OuterRef("pk")).filter(open_case)
        receptions = receptions.filter(date__lte=cutoff).exclude(Exists(open_visit))
    else:
        receptions = receptions.none()
    return RetentionDue(
        cases={c: tuple(sorted(ids)) for c, ids in due.items()},
        undated_cases=tuple(sorted(undated)),
        letters=tuple(letters.order_by("pk").values_list("pk", flat=True)),
        visits=tuple(visits.filter(visit_due).order_by("pk").values_list("pk", flat=True)),
        receptions=tuple(receptions.order_by("pk").values_list("pk", flat=True)),
        missing_rules=missing,
    )


def _blank(fields: tuple[str, ...]) -> dict[str, str]:
    return dict.fromkeys(fields, "")


ANONYMISED = "[đã ẩn danh]"


def _documents_anonymise(*, letter_ids: tuple[int, ...]) -> None:
    """Replace the names and addresses of these letters' senders in the subject and body of
    their cases' documents (and of the documents' history rows) by a placeholder."""
    words: dict[int, set[str]] = {}
    for case_id, *identity_values in Letter.objects.filter(pk__in=letter_ids).values_list(
        "case_id", *Letter.PERSONAL_FIELDS
    ):
        values = {value.strip() for value in identity_values if value and value.strip()}
        if case_id is not None and values:
            words.setdefault(case_id, set()).update(values)
    if not words:
        return
    for model in (CaseDocument, CaseDocument.history.model):
        for row in model.objects.filter(case_id__in=words):
            subject, body = row.subject, row.body
            # Longest first: an address may contain a shorter name.
            for value in sorted(words[row.case_id], key=len, reverse=True):
                subject = subject.replace(value, ANONYMISED)
                body = body.replace(value, ANONYMISED)
            if (subject, body) != (row.subject, row.body):
                model.objects.filter(pk=row.pk).update(subject=subject, body=body)


@transaction.atomic
def personal_data_anonymise(
    *, today: dt.date, dry_run: bool, user: Any = None, council: Any = None
) -> AnonymiseReport:
    """Blank the identities of everything past retention on `today` (retention_due), unless a
    dry run; either way the run is logged (AnonymisationRun, and a log line), with counts and
    ids, never a name. Idempotent: what is anonymised is marked (anonymised_at) and never
    selected again, so a second run finds nothing and changes nothing."""
    due = retention_due(today=today, council=council)
    case_ids = [pk for ids in due.cases.values() for pk in ids]
    ids = {
        **due.cases,
        "letters": due.letters,
        "visits": due.visits,
        "receptions": due.receptions,
    }
    counts = {key: len(value) for key, value in ids.items()}
    if not dry_run:
        now = timezone.now()
        # First the outgoing documents: a complainant's slip or guidance letter names them in
        # its stored text (voters.casework.selectors.case_document_draft), so those words go
        # before the letters' identities do, in the documents and in their audit trail.
        _documents_anonymise(letter_ids=due.letters)
        # update(), not save(): no audit-trail row (the identities are not in it, see
        # Letter.HISTORY_EXCLUDED_FIELDS), and one statement per table however many rows.
        Letter.objects.filter(pk__in=due.letters).update(
            **_blank(Letter.PERSONAL_FIELDS), anonymised_at=now
        )
        ReceptionVisit.objects.filter(pk__in=due.visits).update(
            **_blank(ReceptionVisit.PERSONAL_FIELDS), anonymised_at=now
        )
        CitizenReception.objects.filter(pk__in=due.receptions).update(
            **_blank(CitizenReception.PERSONAL_FIELDS)
        )
        # A reception's visitors, unlike a sender's identity, did enter its audit trail.
        CitizenReception.history.filter(id__in=due.receptions).update(
            **_blank(CitizenReception.PERSONAL_FIELDS)
        )
        Case.objects.filter(pk__in=case_ids).update(anonymised_at=now)
    run = AnonymisationRun.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        council=council,
        today=today,
        dry_run=dry_run,
        counts=counts,
        ids={key: list(value) for key, value in ids.items()},
    )
    logger.info(
        "Personal data anonymisation%s (run %s, council %s, up to %s): %s; undated cases %s; "
        "no rule for %s",
        " (dry run)" if dry_run else "",
        run.pk,
        council.pk if council is not None else "all",
        today.isoformat(),
        counts,
        list(due.undated_cases),
        list(due.missing_rules),
    )
    return AnonymiseReport(
        today=today,
        dry_run=dry_run,
        council_id=council.pk if council is not None else None,
        counts=counts,
        ids=ids,
        missing_rules=due.missing_rules,
        run_id=run.pk,
    )


def anonymisation_runs(*, council: Any, limit: int = 5) -> QuerySet[AnonymisationRun]:
    """The latest runs that covered `council`: its own and the installation-wide ones."""
    return AnonymisationRun.objects.filter(Q(council=council) | Q(council__isnull=True)).order_by(
        "-at", "-pk"
    )[:limit]
