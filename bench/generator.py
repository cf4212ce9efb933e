"""Synthetic years of a provincial council, for measuring the program at scale.

`generate_data(years=N, scale=K, seed=S)` builds its OWN council ("Hội đồng nhân dân tỉnh
Tổng Hợp S") with terms, Ban, delegates, organisations and administrative units, then N years
of records. Scale K=1 is a typical province per year (see BASE_PER_YEAR); fractions are allowed
(K=0.05 for tests), and K=50 approaches a national installation.

- Fast: rows are written with bulk_create in batches, so the services' side effects are
  reproduced here: the folded `search_text` columns (core.text.fold exactly as each service
  folds them, using the services' own helpers where they are public), the numbering of
  resolutions per (council, year, series), session numbers per term, status history rows.
- bulk_create writes no django-simple-history rows: synthetic records have no audit trail,
  which is right for them (nobody changed them) and keeps the generator fast.
- Deterministic: one random.Random per (seed, year); texts never depend on database ids, so two
  councils generated with one seed hold the same titles and counts.
- Safe: it refuses a council that already has terms unless allow_existing=True, and it never
  writes rows of another council. Shared taxonomies (resolution and petition fields, which have
  no council) are reused by name, never modified."""

from __future__ import annotations

import datetime as dt
import functools
import math
import random
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.db.models import Max, Q
from django.utils import timezone

from bench import vocabulary as V
from core.text import fold
from council.models import (
    DISTRICT_LEVEL_END,
    AdministrativeUnit,
    AppraisalRequest,
    Committee,
    Council,
    Delegate,
    DelegateGroup,
    InterSessionMatter,
    Organization,
    Position,
    Term,
)
from oversight.models import (
    Actor,
    FollowUp,
    Kind,
    OversightActivity,
    OversightProgramme,
    OversightRecommendation,
    ProgrammeItem,
    Question,
)
from oversight.services import activity_search_text, recommendation_search_text
from resolutions.models import Resolution, ResolutionField, ResolutionRelation
from resolutions.services import resolution_series
from sessions.models import AgendaItem, Attendance, Session
from voters.models import (
    Case,
    CitizenReception,
    ForwardingBatch,
    Letter,
    PetitionField,
    PetitionStatusChange,
    VoterMeeting,
    VoterPetition,
)

D = dt.date
BATCH = 2000
DELEGATES_PER_TERM = 55

# What K=1 means, per year (issue 8).
BASE_PER_YEAR: dict[str, float] = {
    "sessions": 6,
    "resolutions": 100,
    "activities": 40,
    "recommendations": 150,
    "meetings": 60,
    "petition_instances": 1500,
    "letters": 300,
    "receptions": 12,
    "intersession_matters": 11,
    "appraisals": 23,
    "programme_items": 12,
    "relations": 4,
}
AGENDA_PER_SESSION = 10

# Cached fold: texts repeat (templates x communes), and fold() is the slow part of a big run.
_fold = functools.lru_cache(maxsize=300_000)(fold)

PStatus = VoterPetition.Status


class GeneratorRefused(Exception):
    """The target council already has data and allow_existing was not given."""


@dataclass(frozen=True)
class GenerationResult:
    council_id: int
    council_name: str
    first_year: int
    last_year: int
    counts: dict[str, int]
    seconds: float
    councils: int = 1  # generated or filled
    commune_ids: list[int] = field(default_factory=list)


def default_council_name(seed: int) -> str:
    return f"Hội đồng nhân dân tỉnh Tổng Hợp {seed}"


def council_counts(council: Council) -> dict[str, int]:
    """Rows of one council per table (what the tests and the command print)."""
    term = {"term__council": council}
    return {
        "terms": Term.objects.filter(council=council).count(),
        "delegates": Delegate.objects.filter(**term).count(),
        "sessions": Session.objects.filter(**term).count(),
        "agenda_items": AgendaItem.objects.filter(session__term__council=council).count(),
        "attendances": Attendance.objects.filter(session__term__council=council).count(),
        "resolutions": Resolution.objects.filter(council=council).count(),
        "resolution_relations": ResolutionRelation.objects.filter(source__council=council).count(),
        "programmes": OversightProgramme.objects.filter(**term).count(),
        "activities": OversightActivity.objects.filter(**term).count(),
        "questions": Question.objects.filter(activity__term__council=council).count(),
        "recommendations": OversightRecommendation.objects.filter(
            activity__term__council=council
        ).count(),
        "follow_ups": FollowUp.objects.filter(
            recommendation__activity__term__council=council
        ).count(),
        "meetings": VoterMeeting.objects.filter(**term).count(),
        "petitions": VoterPetition.objects.filter(**term).count(),
        "petition_instances": VoterPetition.objects.filter(
            consolidated_into__isnull=True, **term
        ).aggregate(n=models.Sum("instances"))["n"]
        or 0,
        "forwarding_batches": ForwardingBatch.objects.filter(**term).count(),
        "status_changes": PetitionStatusChange.objects.filter(
            petition__term__council=council
        ).count(),
        "letters": Letter.objects.filter(**term).count(),
        "receptions": CitizenReception.objects.filter(**term).count(),
        "intersession_matters": InterSessionMatter.objects.filter(**term).count(),
        "appraisals": AppraisalRequest.objects.filter(**term).count(),
    }


def _bulk(model: type[models.Model], rows: list[Any]) -> list[Any]:
    for start in range(0, len(rows), BATCH):
        model.objects.bulk_create(rows[start : start + BATCH], batch_size=BATCH)
    return rows


# --- the council and its registry ----------------------------------------------------------


@dataclass
class Registry:
    """What every year draws from: the council's terms and people, places and organisations."""

    council: Council
    place: str
    terms: list[Term]  # oldest first
    committees: dict[int, dict[str, Committee]]  # term id -> code -> Ban
    groups: dict[int, list[DelegateGroup]]  # term id -> one group per district
    delegates: dict[int, list[Delegate]]  # term id -> delegates
    chair: dict[int, str]  # term id -> chair's name (signer)
    districts: list[AdministrativeUnit]
    communes: list[tuple[int, AdministrativeUnit]]  # (district index, commune)
    orgs: dict[str, Organization]
    resolution_fields: list[ResolutionField]
    petition_fields: dict[str, PetitionField]
    session_numbers: dict[int, int] = field(default_factory=dict)  # term id -> last number
    resolution_numbers: dict[tuple[int, str], int] = field(default_factory=dict)
    batch_counter: int = 0
    earlier_resolutions: list[tuple[int, dt.date]] = field(default_factory=list)  # normative
    earlier_petitions: list[int] = field(default_factory=list)
    word: str = "tỉnh"  # the level's word in texts: "HĐND tỉnh", "UBND xã", "phường"

    def term_on(self, day: dt.date) -> Term:
        for term in reversed(self.terms):
            if term.start_date <= day:
                return term
        return self.terms[0]


def _term_start_years(first: int, last: int) -> list[int]:
    """Terms start in years ending in 1 or 6 (2016, 2021, 2026...), on 1 June."""
    start = first - ((first - 1) % 5)
    if D(first, 1, 1) < D(start, 6, 1):
        start -= 5
    return list(range(start, last + 1, 5))


def _person(rng: random.Random) -> tuple[str, str]:
    gender = rng.choice(["male", "female"])
    if gender == "male":
        name = f"{rng.choice(V.SURNAMES)} {rng.choice(V.MIDDLE_M)} {rng.choice(V.GIVEN_M)}"
    else:
        name = f"{rng.choice(V.SURNAMES)} {rng.choice(V.MIDDLE_F)} {rng.choice(V.GIVEN_F)}"
    return name, gender


def _taxonomies() -> tuple[list[ResolutionField], dict[str, PetitionField]]:
    """The shared resolution and petition fields, reused by name (they have no council)."""
    resolution_fields = []
    for order, name in enumerate(V.RESOLUTION_FIELDS, start=1):
        found = ResolutionField.objects.filter(name=name).first()
        resolution_fields.append(found or ResolutionField.objects.create(name=name, order=order))
    petition_fields = {}
    for order, (code, name) in enumerate(V.PETITION_FIELDS, start=1):
        found = PetitionField.objects.filter(name=name, valid_from=None).first()
        petition_fields[code] = found or PetitionField.objects.create(
            name=name, code=code, order=order
        )
    return resolution_fields, petition_fields


def _province_unit(place: str) -> AdministrativeUnit:
    return AdministrativeUnit.objects.get_or_create(
        name=place, unit_type="tinh", parent=None, valid_from=None, defaults={"level": "province"}
    )[0]


def _province_places(
    council: Council, place: str
) -> tuple[list[AdministrativeUnit], list[tuple[int, AdministrativeUnit]], dict]:
    province = _province_unit(place)
    districts: list[AdministrativeUnit] = []
    communes: list[tuple[int, AdministrativeUnit]] = []
    for index, (unit_type, name, commune_names) in enumerate(V.DISTRICTS):
        district, _ = AdministrativeUnit.objects.get_or_create(
            name=name,
            unit_type=unit_type,
            parent=province,
            valid_from=None,
            defaults={"level": "district", "valid_to": DISTRICT_LEVEL_END},
        )
        districts.append(district)
        for commune_name in commune_names:
            kind, _sep, bare = commune_name.partition(" ")
            if kind == "Thị":  # "Thị trấn X"
                unit_type, bare = "thi_tran", commune_name.removeprefix("Thị trấn ")
            else:
                unit_type = {"Phường": "phuong", "Xã": "xa"}[kind]
            commune, _ = AdministrativeUnit.objects.get_or_create(
                name=bare,
                unit_type=unit_type,
                parent=district,
                valid_from=None,
                defaults={"level": "commune"},
            )
            communes.append((index, commune))
    orgs = {}
    for key, name, short, kind, level in V.ORGANIZATIONS:
        orgs[key], _ = Organization.objects.get_or_create(
            council=council,  # names are unique within a council, not across councils
            name=name.format(p=place),
            defaults={"short_name": short.format(p=place), "kind": kind, "level": level},
        )
    return districts, communes, orgs


# A commune's organisations: "{w} {p}" is "xã Hồng Phong". At least three besides the MTTQ,
# which an oversight activity supervises up to three of.
COMMUNE_ORGANIZATIONS = [
    ("ubnd", "Ủy ban nhân dân {w} {p}", "UBND {w} {p}", "ubnd"),
    ("mttq", "Ủy ban MTTQ Việt Nam {w} {p}", "UBMTTQ {w} {p}", "mttq"),
    ("ca", "Công an {w} {p}", "Công an {w} {p}", "department"),
    ("yt", "Trạm Y tế {w} {p}", "Trạm Y tế {w} {p}", "other"),
    ("gd", "Trường Trung học cơ sở {w} {p}", "Trường THCS {w} {p}", "other"),
]
COMMUNE_COMMITTEES = [("phap_che", "Ban Pháp chế"), ("kinh_te_xa_hoi", "Ban Kinh tế - Xã hội")]
# The province's Ban (petition templates name them) -> the commune's.
COMMUNE_BAN_OF = {
    code: ("phap_che" if code == "phap_che" else "kinh_te_xa_hoi") for code, _n in V.COMMITTEES
}
DELEGATES_PER_COMMUNE_TERM = 20


def _commune_places(
    council: Council, unit_type: str
) -> tuple[list[AdministrativeUnit], list[tuple[int, AdministrativeUnit]], dict]:
    """A commune council's own place (one administrative unit under its province's, from the
    reform of 1 July 2025) and organisations, named with its province so that two provinces'
    communes of one name stay apart."""
    parent_place = council.parent.place_name if council.parent_id else council.place_name
    unit, _ = AdministrativeUnit.objects.get_or_create(
        name=council.place_name,
        unit_type=unit_type,
        parent=_province_unit(parent_place),
        valid_from=None,
        defaults={"level": "commune"},
    )
    word, place = council.level_word, council.place_name
    suffix = f" ({parent_place})" if council.parent_id else ""
    orgs = {}
    for key, name, short, kind in COMMUNE_ORGANIZATIONS:
        orgs[key], _ = Organization.objects.get_or_create(
            council=council,
            name=name.format(w=word, p=place) + suffix,
            defaults={
                "short_name": short.format(w=word, p=place)[:60],
                "kind": kind,
                "level": "commune",
                "admin_unit": unit,
            },
        )
    return [unit], [(0, unit)], orgs


def _committee(term: Term, code: str, name: str, order: int) -> Committee:
    found = Committee.objects.filter(term=term).filter(Q(code=code) | Q(name=name)).first()
    return found or Committee.objects.create(term=term, code=code, name=name, order=order)


def _registry(
    *,
    council: Council,
    place: str,
    first: int,
    last: int,
    rng: random.Random,
    taxonomies: tuple[list[ResolutionField], dict[str, PetitionField]] | None = None,
    unit_type: str = "xa",
) -> Registry:
    commune = council.level == Council.Level.COMMUNE
    if commune:
        districts, communes, orgs = _commune_places(council, unit_type)
        spec, per_term = COMMUNE_COMMITTEES, DELEGATES_PER_COMMUNE_TERM
    else:
        districts, communes, orgs = _province_places(council, place)
        spec, per_term = V.COMMITTEES, DELEGATES_PER_TERM
    resolution_fields, petition_fields = taxonomies or _taxonomies()
    word = council.level_word if commune else "tỉnh"

    # A council that has terms (only with allow_existing) keeps them; else terms every 5 years.
    # A council's terms (with allow_existing it may have some), and one every 5 years for the
    # years none covers.
    terms: list[Term] = list(Term.objects.filter(council=council).order_by("start_date"))
    for start_year in _term_start_years(first, last):
        ordinal, day = max(1, 17 + (start_year - 2021) // 5), D(start_year, 6, 1)
        if any(
            t.ordinal == ordinal or t.start_date <= day <= (t.end_date or D(9999, 1, 1))
            for t in terms
        ):
            continue
        terms.append(
            Term.objects.create(
                council=council,
                ordinal=ordinal,
                roman=V.roman(ordinal),
                start_date=day,
                end_date=D(start_year + 5, 5, 31),
            )
        )
    terms.sort(key=lambda t: t.start_date)
    committees: dict[int, dict[str, Committee]] = {}
    groups: dict[int, list[DelegateGroup]] = {}
    delegates: dict[int, list[Delegate]] = {}
    chair: dict[int, str] = {}
    full_time, on_committees = per_term * 12 // 55, per_term * 28 // 55
    for term in terms:
        own = [
            _committee(term, code, name, order) for order, (code, name) in enumerate(spec, start=1)
        ]
        by_code = {c.code: c for c in own}
        committees[term.pk] = (
            {code: by_code[COMMUNE_BAN_OF[code]] for code, _n in V.COMMITTEES}
            if commune
            else by_code
        )
        groups[term.pk] = [
            DelegateGroup.objects.get_or_create(
                term=term,
                name=f"Tổ đại biểu số {i + 1}",
                defaults={"area": f"{d.get_unit_type_display()} {d.name}"},
            )[0]
            for i, d in enumerate(districts)
        ]
        existing = list(Delegate.objects.filter(term=term).order_by("pk"))
        if not existing:
            seen: set[tuple[str, int]] = set()
            rows = []
            while len(rows) < per_term:
                name, gender = _person(rng)
                born = rng.randint(1960, 1990)
                if (name, born) in seen:
                    continue
                seen.add((name, born))
                i = len(rows)
                rows.append(
                    Delegate(
                        full_name=name,
                        gender=gender,
                        birth_year=born,
                        ethnicity=rng.choice(V.ETHNICITIES),
                        job_title=f"Đại biểu HĐND {word}",
                        term=term,
                        electoral_unit=f"Đơn vị bầu cử số {i % len(districts) + 1}",
                        delegate_group=groups[term.pk][i % len(districts)],
                        committee=own[i % len(own)] if i < on_committees else None,
                        is_full_time=i < full_time,
                    )
                )
            existing = _bulk(Delegate, rows)
            positions = [
                Position(delegate=existing[0], role="chair", start_date=term.start_date),
                Position(
                    delegate=existing[1], role="standing_vice_chair", start_date=term.start_date
                ),
                Position(delegate=existing[2], role="vice_chair", start_date=term.start_date),
            ] + [
                Position(
                    delegate=existing[3 + i],
                    role="committee_head",
                    committee=ban,
                    start_date=term.start_date,
                )
                for i, ban in enumerate(own)
            ]
            _bulk(Position, positions)
        delegates[term.pk] = existing
        chair[term.pk] = existing[0].full_name
    registry = Registry(
        council=council,
        place=place,
        terms=terms,
        committees=committees,
        groups=groups,
        delegates=delegates,
        chair=chair,
        districts=districts,
        communes=communes,
        orgs=orgs,
        resolution_fields=resolution_fields,
        petition_fields=petition_fields,
        word=word,
    )
    # Continue numbering after what is there (only with allow_existing can there be any).
    if not allow_numbering_shortcut(council):
        for term in terms:
            registry.session_numbers[term.pk] = (
                Session.objects.filter(term=term).aggregate(n=Max("number"))["n"] or 0
            )
        for row in (
            Resolution.objects.filter(council=council)
            .values("year", "series")
            .annotate(n=Max("number"))
            .order_by()
        ):
            registry.resolution_numbers[(row["year"], row["series"])] = row["n"]
        registry.batch_counter = ForwardingBatch.objects.filter(term__council=council).count()
    else:
        registry.session_numbers = {term.pk: 0 for term in terms}
    return registry


def allow_numbering_shortcut(council: Council) -> bool:
    """A council created by this run has nothing to number after: three statements saved per
    council, which counts at 3,000 communes."""
    return getattr(council, "_created_by_generator", False)


# --- one year --------------------------------------------------------------------------------


def _count(rng: random.Random, base: float, scale: float, minimum: int = 0) -> int:
    """base x scale, rounded at random so that fractional scales average out right."""
    value = base * scale
    whole = math.floor(value)
    return max(minimum, whole + (1 if rng.random() < value - whole else 0))


def _clamp(day: dt.date, low: dt.date, high: dt.date) -> dt.date:
    return max(low, min(high, day))


def _fill(rng: random.Random, pattern: str, year: int, **extra: str) -> str:
    words = {
        "y": year,
        "y0": year - 1,
        "y1": year + 1,
        "y3": year - 3,
        "y5": year + 5,
        "q": rng.randint(1, 4),
        "n": rng.randint(1, 30),
        "river": rng.choice(V.RIVERS),
        "policy": rng.choice(V.POLICIES),
        "fee": rng.choice(V.FEES),
        "problem": rng.choice(V.PROBLEMS),
        "place": rng.choice(V.DISTRICTS)[1],
    }
    words["project"] = rng.choice(V.PROJECTS).format(
        n=rng.randint(201, 260), river=words["river"], place=words["place"]
    )
    words.update(extra)
    return pattern.format(**words)


def _weighted(rng: random.Random, options: list[tuple[Any, float]]) -> Any:
    return rng.choices([o for o, _w in options], weights=[w for _o, w in options])[0]


@dataclass
class YearContext:
    reg: Registry
    year: int
    scale: float
    today: dt.date
    rng: random.Random

    @property
    def first(self) -> dt.date:
        return D(self.year, 1, 1)

    @property
    def last(self) -> dt.date:
        return D(self.year, 12, 31)

    @property
    def horizon(self) -> dt.date:
        """The last day that has happened: records of the current year stop at today."""
        return min(self.last, max(self.today, self.first))

    def in_year(self, day: dt.date) -> dt.date:
        return _clamp(day, self.first, self.last)

    def random_day(self) -> dt.date:
        return self.first + dt.timedelta(days=self.rng.randint(0, (self.horizon - self.first).days))


def _sessions(ctx: YearContext) -> list[Session]:
    rng, year = ctx.rng, ctx.year
    n = _count(rng, BASE_PER_YEAR["sessions"], ctx.scale, minimum=1)
    plan: list[tuple[dt.date, str, str]] = []  # (start, kind, regular slot)
    if year % 5 == 1:  # a new term starts on 1 June: its first session
        plan.append((D(year, 6, rng.randint(20, 28)), "regular", "first"))
    if n >= 2:
        plan.append((D(year, 7, rng.randint(5, 20)), "regular", "mid_year"))
        plan.append((D(year, 12, rng.randint(1, 15)), "regular", "year_end"))
    while len(plan) < max(n, 1):
        plan.append((ctx.random_day(), "thematic", ""))
    plan.sort()
    sessions = []
    for start, kind, slot in plan:
        term = ctx.reg.term_on(start)
        ctx.reg.session_numbers[term.pk] += 1
        days = rng.randint(2, 4) if kind == "regular" else 1
        end = ctx.in_year(start + dt.timedelta(days=days - 1))
        sessions.append(
            Session(
                term=term,
                number=ctx.reg.session_numbers[term.pk],
                kind=kind,
                regular_slot=slot,
                start_date=start,
                end_date=end,
                venue=f"Hội trường HĐND {ctx.reg.word}",
                format=_weighted(rng, [("in_person", 8), ("hybrid", 2)]),
                status="closed" if end < ctx.today else "planned",
            )
        )
    _bulk(Session, sessions)
    agenda, attendance = [], []
    for session in sessions:
        committees = list(ctx.reg.committees[session.term_id].values())
        for order in range(1, AGENDA_PER_SESSION + 1):
            doc_type = _weighted(
                rng, [("submission", 5), ("report", 3), ("review_report", 3), ("other", 1)]
            )
            agenda.append(
                AgendaItem(
                    session=session,
                    order=order,
                    doc_type=doc_type,
                    number_symbol=f"{rng.randint(1, 400)}/TTr-UBND",
                    doc_date=ctx.in_year(session.start_date - dt.timedelta(days=10)),
                    title=_fill(rng, rng.choice(V.RESOLUTION_TITLES)[2], ctx.year, term=""),
                    issuer=ctx.reg.orgs["ubnd"],
                    reviewing_committee=rng.choice(committees),
                )
            )
        if session.end_date < ctx.today:
            for delegate in ctx.reg.delegates[session.term_id]:
                status = _weighted(rng, [("present", 93), ("excused", 5), ("absent", 2)])
                attendance.append(Attendance(session=session, delegate=delegate, status=status))
    _bulk(AgendaItem, agenda)
    _bulk(Attendance, attendance)
    return sessions


def _resolutions(ctx: YearContext, sessions: list[Session]) -> None:
    rng, reg, council = ctx.rng, ctx.reg, ctx.reg.council
    n = _count(rng, BASE_PER_YEAR["resolutions"], ctx.scale)
    held = [s for s in sessions if s.end_date <= ctx.today] or sessions
    weights = [6 if s.kind == "regular" else 1 for s in held]
    rows = []
    for _i in range(n):
        session = rng.choices(held, weights=weights)[0]
        normative, field_index, pattern = rng.choice(V.RESOLUTION_TITLES)
        series = resolution_series(council=council, is_normative=normative)
        key = (ctx.year, series)
        reg.resolution_numbers[key] = reg.resolution_numbers.get(key, 0) + 1
        total = len(reg.delegates[session.term_id])
        present = total - rng.randint(0, 5)
        against = rng.randint(0, 1)
        abstain = rng.randint(0, 2)
        adopted = session.end_date
        resolution = Resolution(
            council=council,
            term=session.term,
            session=session,
            number=reg.resolution_numbers[key],
            year=ctx.year,
            series=series,
            is_normative=normative,
            adopted_date=adopted,
            effective_date=adopted + dt.timedelta(days=10) if normative else adopted,
            title=_fill(rng, pattern, ctx.year, term=session.term.year_label),
            field=reg.resolution_fields[field_index],
            votes_for=present - against - abstain,
            votes_against=against,
            votes_abstain=abstain,
            delegates_present=present,
            signer=reg.chair[session.term_id],
        )
        # As resolutions.services._prepare folds it.
        resolution.search_text = _fold(f"{resolution.symbol} {resolution.title}")
        rows.append(resolution)
    rows.sort(key=lambda r: (r.series, r.number))
    _bulk(Resolution, rows)
    # Amendments, replacements and repeals of earlier normative resolutions.
    sources = [r for r in rows if r.is_normative]
    relations, changed = [], defaultdict(list)
    targeted: set[int] = set()
    for _i in range(_count(rng, BASE_PER_YEAR["relations"], ctx.scale)):
        if not sources or not reg.earlier_resolutions:
            break
        source = rng.choice(sources)
        target_id, _day = rng.choice(reg.earlier_resolutions)
        if target_id in targeted:
            continue
        targeted.add(target_id)
        kind = _weighted(rng, [("amends", 6), ("replaces", 3), ("repeals", 1)])
        relations.append(
            ResolutionRelation(
                source=source, target_id=target_id, kind=kind, effective_date=source.effective_date
            )
        )
        changed[ResolutionRelation.TARGET_STATUS[kind]].append(target_id)
    _bulk(ResolutionRelation, relations)
    for status, ids in changed.items():
        Resolution.objects.filter(pk__in=ids).update(status=status)
    reg.earlier_resolutions.extend((r.pk, r.adopted_date) for r in sources)


ACTIVITY_MIX = [
    ((Actor.COUNCIL, Kind.THEMATIC_SUPERVISION), 1),
    ((Actor.STANDING, Kind.THEMATIC_SUPERVISION), 2),
    ((Actor.STANDING, Kind.INSPECTION), 1),
    ((Actor.STANDING, Kind.SURVEY), 2),
    ((Actor.STANDING, Kind.EXPLANATION), 1),
    ((Actor.COUNCIL, Kind.QUESTIONING_SESSION), 2),
    ((Actor.STANDING, Kind.QUESTIONING_INTERSESSION), 1),
    ((Actor.COMMITTEE, Kind.THEMATIC_SUPERVISION), 12),
    ((Actor.COMMITTEE, Kind.SURVEY), 8),
    ((Actor.COMMITTEE, Kind.REPORT_REVIEW), 4),
    ((Actor.DELEGATE_GROUP, Kind.THEMATIC_SUPERVISION), 4),
    ((Actor.DELEGATE, Kind.SURVEY), 2),
]


def _oversight(ctx: YearContext, sessions: list[Session]) -> None:
    rng, reg = ctx.rng, ctx.reg
    programme_term = reg.term_on(D(ctx.year, 7, 1))
    programme, _ = OversightProgramme.objects.get_or_create(
        term=programme_term,
        year=ctx.year,
        defaults={
            "title": f"Chương trình giám sát năm {ctx.year} của HĐND {reg.word}",
            "adopted_number": f"{rng.randint(1, 60)}/NQ-HĐND",
            "adopted_date": D(ctx.year - 1, 12, 10),
        },
    )
    items = []
    for order in range(1, _count(rng, BASE_PER_YEAR["programme_items"], ctx.scale) + 1):
        (actor, kind), _weight = rng.choice(ACTIVITY_MIX[:3] + ACTIVITY_MIX[7:8])
        committee = None
        if actor == Actor.COMMITTEE:
            committee = rng.choice(list(reg.committees[programme_term.pk].values()))
        items.append(
            ProgrammeItem(
                programme=programme,
                actor=actor,
                committee=committee,
                kind=kind,
                topic=_fill(rng, rng.choice(V.ACTIVITY_TOPICS[kind]), ctx.year),
                planned_quarter=(order - 1) % 4 + 1,
                order=order,
            )
        )
    _bulk(ProgrammeItem, items)

    activities, org_links, member_links = [], [], []
    orgs = [o for k, o in reg.orgs.items() if k not in ("mttq", "dl")]
    regular = [s for s in sessions if s.kind == "regular"] or sessions
    for _i in range(_count(rng, BASE_PER_YEAR["activities"], ctx.scale)):
        actor, kind = _weighted(rng, ACTIVITY_MIX)
        session = None
        if kind == Kind.QUESTIONING_SESSION:
            session = rng.choice(regular)
            start = session.start_date
        else:
            start = _clamp(
                ctx.first + dt.timedelta(days=rng.randint(10, 340)), ctx.first, ctx.horizon
            )
        term = session.term if session else reg.term_on(start)
        end = ctx.in_year(start + dt.timedelta(days=rng.randint(0, 40)))
        if end >= ctx.today:
            end = None if start < ctx.today else start
        committee = delegate_group = delegate = None
        ban = list(reg.committees[term.pk].values())
        if actor == Actor.COMMITTEE or (
            actor in (Actor.COUNCIL, Actor.STANDING) and rng.random() < 0.5
        ):
            committee = rng.choice(ban)
        if actor == Actor.DELEGATE_GROUP:
            delegate_group = rng.choice(reg.groups[term.pk])
        if actor == Actor.DELEGATE:
            delegate = rng.choice(reg.delegates[term.pk])
        item = (
            rng.choice(items) if items and term == programme_term and rng.random() < 0.5 else None
        )
        number = rng.randint(1, 300)
        activity = OversightActivity(
            term=term,
            actor=actor,
            committee=committee,
            delegate_group=delegate_group,
            delegate=delegate,
            kind=kind,
            topic=_fill(rng, rng.choice(V.ACTIVITY_TOPICS[kind]), ctx.year),
            programme_item=item,
            session=session,
            establishing_number=f"{number}/QĐ-HĐND" if kind == Kind.THEMATIC_SUPERVISION else "",
            plan_number=f"{number + 1}/KH-HĐND",
            start_date=start,
            end_date=end,
            result_report_number=f"{number + 5}/BC-HĐND" if end else "",
            result_report_date=end,
            conclusion_number=f"{number + 9}/TB-HĐND" if end and rng.random() < 0.6 else "",
            conclusion_date=end if end and rng.random() < 0.6 else None,
        )
        # In name order, as the form hands them to oversight.services.activity_save.
        supervised = sorted(rng.sample(orgs, rng.randint(1, 3)), key=lambda o: o.name)
        activity.search_text = activity_search_text(activity, supervised)
        members = rng.sample(reg.delegates[term.pk], rng.randint(3, 6))
        activities.append((activity, supervised, members))
    _bulk(OversightActivity, [a for a, _s, _m in activities])
    org_through = OversightActivity.supervised_organizations.through
    member_through = OversightActivity.members.through
    for activity, supervised, members in activities:
        org_links += [
            org_through(oversightactivity_id=activity.pk, organization_id=o.pk) for o in supervised
        ]
        member_links += [
            member_through(oversightactivity_id=activity.pk, delegate_id=d.pk) for d in members
        ]
    _bulk(org_through, org_links)
    _bulk(member_through, member_links)

    questions = []
    for activity, supervised, _members in activities:
        if activity.kind not in (Kind.QUESTIONING_SESSION, Kind.QUESTIONING_INTERSESSION):
            continue
        for order in range(1, rng.randint(4, 9)):
            org = rng.choice(supervised)
            questions.append(
                Question(
                    activity=activity,
                    asker=rng.choice(reg.delegates[activity.term_id]),
                    respondent_name=_person(rng)[0],
                    respondent_position=f"Giám đốc {org.name}",
                    respondent_organization=org,
                    content=_fill(rng, rng.choice(V.QUESTIONS), ctx.year, org=org.short_name),
                    answer_mode=_weighted(rng, [("at_sitting", 8), ("in_writing", 2)]),
                    satisfied=_weighted(rng, [("yes", 7), ("no", 1), ("unknown", 2)]),
                    order=order,
                )
            )
    _bulk(Question, questions)

    recommendations = []
    Status = OversightRecommendation.Status
    with_results = [a for a, _s, _m in activities if a.kind not in QUESTIONING] or [
        a for a, _s, _m in activities
    ]
    for _i in range(_count(rng, BASE_PER_YEAR["recommendations"], ctx.scale)):
        if not with_results:
            break
        activity = rng.choice(with_results)
        addressee = rng.choice(orgs)
        deadline = (activity.end_date or activity.start_date) + dt.timedelta(
            days=rng.randint(60, 240)
        )
        if deadline < ctx.today:
            status = _weighted(
                rng,
                [(Status.DONE, 70), (Status.PARTLY_DONE, 10), (Status.IN_PROGRESS, 12),
                 (Status.NOT_STARTED, 5), (Status.NOT_IMPLEMENTED, 3)],
            )  # fmt: skip
        else:
            status = _weighted(
                rng, [(Status.NOT_STARTED, 40), (Status.IN_PROGRESS, 50), (Status.DONE, 10)]
            )
        completed = None
        if status == Status.DONE:
            completed = min(ctx.today, deadline - dt.timedelta(days=rng.randint(0, 50)))
        recommendation = OversightRecommendation(
            activity=activity,
            content=f"Đề nghị UBND {reg.word} chỉ đạo "
            + _fill(rng, rng.choice(V.RECOMMENDATION_ACTIONS), ctx.year),
            addressee=addressee,
            deadline=deadline,
            status=status,
            completed_date=completed,
            result_note="Đã triển khai thực hiện." if status == Status.DONE else "",
        )
        recommendation.search_text = recommendation_search_text(recommendation)
        recommendations.append(recommendation)
    _bulk(OversightRecommendation, recommendations)
    follow_ups = []
    for recommendation in recommendations:
        if rng.random() < 0.3:
            for k in range(rng.randint(1, 2)):
                day = min(ctx.today, recommendation.deadline + dt.timedelta(days=15 + 30 * k))
                follow_ups.append(
                    FollowUp(
                        recommendation=recommendation,
                        date=day,
                        kind=_weighted(
                            rng,
                            [("reminder", 6), ("explanation_request", 2), ("re_supervision", 1)],
                        ),
                        document_number=f"{rng.randint(1, 500)}/HĐND-VP",
                    )
                )
    _bulk(FollowUp, follow_ups)


QUESTIONING = (Kind.QUESTIONING_SESSION, Kind.QUESTIONING_INTERSESSION)

OUTCOME_MIX = [
    (PStatus.RESOLVED, 40),
    (PStatus.IN_PROGRESS, 15),
    (PStatus.ROADMAP, 10),
    (PStatus.EXPLAINED, 20),
    (PStatus.NOT_RESOLVED, 5),
    (PStatus.CENTRAL_AUTHORITY, 5),
    (PStatus.LOCAL_LOWER_LEVEL, 5),
]


def _petition_text(ctx: YearContext, commune: AdministrativeUnit) -> tuple[str, tuple]:
    rng = ctx.rng
    template = rng.choice(V.PETITION_TEMPLATES)
    other = rng.choice(ctx.reg.communes)[1]
    text = _fill(
        rng,
        template[0],
        ctx.year,
        commune=f"{commune.get_unit_type_display()} {commune.name}",
        commune2=f"{other.get_unit_type_display()} {other.name}",
    )
    return text, template


def _voters(ctx: YearContext, sessions: list[Session]) -> None:
    rng, reg, today = ctx.rng, ctx.reg, ctx.today
    regular = [s for s in sessions if s.kind == "regular"] or sessions
    through = VoterMeeting.delegates.through
    meetings, links = [], []
    for _i in range(_count(rng, BASE_PER_YEAR["meetings"], ctx.scale)):
        district_index, commune = rng.choice(reg.communes)
        timing = _weighted(
            rng, [("pre_session", 6), ("post_session", 3), ("thematic", 1), ("ad_hoc", 0.5)]
        )
        session = None
        if timing in VoterMeeting.SESSION_TIMINGS:
            session = rng.choice(regular)
            if timing == "pre_session":
                day = session.start_date - dt.timedelta(days=rng.randint(5, 25))
            else:
                day = session.end_date + dt.timedelta(days=rng.randint(3, 30))
            term = session.term
            day = _clamp(day, max(ctx.first, term.start_date), min(ctx.horizon, term.end_date))
        else:
            day = ctx.random_day()
            term = reg.term_on(day)
        group = reg.groups[term.pk][district_index]
        meeting = VoterMeeting(
            term=term,
            timing=timing,
            session=session,
            topic=f"Tiếp xúc cử tri {'trước' if timing == 'pre_session' else 'sau'} kỳ họp thứ "
            f"{session.number}"
            if session
            else "Tiếp xúc cử tri theo chuyên đề",
            date=day,
            location_unit=commune,
            venue=f"Nhà văn hóa {commune.name}",
            delegate_group=group,
            co_organizer=reg.orgs["mttq"],
            voters_attended=rng.randint(40, 300),
        )
        meetings.append(meeting)
    _bulk(VoterMeeting, meetings)
    for meeting in meetings:
        members = [
            d
            for d in reg.delegates[meeting.term_id]
            if d.delegate_group_id == meeting.delegate_group_id
        ]
        for delegate in members[: rng.randint(2, 3)]:
            links.append(through(votermeeting_id=meeting.pk, delegate_id=delegate.pk))
    _bulk(through, links)

    # Petitions, counted in instances (lượt).
    target = _count(rng, BASE_PER_YEAR["petition_instances"], ctx.scale)
    petitions: list[VoterPetition] = []
    instances = 0
    while instances < target:
        n = min(_weighted(rng, [(1, 60), (2, 25), (3, 15)]), target - instances)
        instances += n
        if meetings and rng.random() < 0.8:
            meeting = rng.choice(meetings)
            commune, session, term, day = (
                meeting.location_unit, meeting.session, meeting.term, meeting.date,
            )  # fmt: skip
        else:
            meeting = None
            commune = rng.choice(reg.communes)[1]
            day = ctx.random_day()
            term = reg.term_on(day)
            same_term = [s for s in regular if s.term_id == term.pk and s.start_date >= day]
            session = same_term[0] if same_term and rng.random() < 0.7 else None
        text, (_p, field_code, level, org_key, ban) = _petition_text(ctx, commune)
        if level == "district" and day > DISTRICT_LEVEL_END:
            level = "commune"
        petitions.append(
            VoterPetition(
                term=term,
                session=session,
                meeting=meeting,
                received_date=day,
                content=text,
                instances=n,
                field=reg.petition_fields[field_code],
                level=level,
                responsible_org=reg.orgs.get(org_key),
                committee=reg.committees[term.pk][ban],
                search_text=_fold(text),  # as voters.services._fill_search_text folds it
            )
        )
    if reg.earlier_petitions:
        for petition in rng.sample(petitions, len(petitions) // 50):
            petition.repeat_of_id = rng.choice(reg.earlier_petitions)

    # Consolidation: the same request from several meetings of one session merged into one.
    by_round: dict[tuple[int, int | None], list[VoterPetition]] = defaultdict(list)
    for petition in petitions:
        by_round[(petition.term_id, petition.session_id)].append(petition)
    consolidated: list[VoterPetition] = []
    merged: dict[int, VoterPetition] = {}  # id(original) -> consolidated
    for group in by_round.values():
        pool = list(group)
        rng.shuffle(pool)
        for _k in range(len(pool) // 40):
            originals = [pool.pop() for _j in range(min(len(pool), rng.randint(2, 3)))]
            if len(originals) < 2:
                break
            first = originals[0]
            row = VoterPetition(
                term_id=first.term_id,
                session_id=first.session_id,
                received_date=max(p.received_date for p in originals),
                content=f"Tổng hợp: {first.content}",
                instances=sum(p.instances for p in originals),
                field=first.field,
                level=first.level,
                responsible_org=first.responsible_org,
                committee=first.committee,
                is_consolidated=True,
                search_text=_fold(f"Tổng hợp: {first.content}"),
            )
            consolidated.append(row)
            for original in originals:
                original.status = PStatus.COMPILED
                merged[id(original)] = row
    counted = consolidated + [p for p in petitions if id(p) not in merged]

    # Workflow by age: forwarded in công văn of <= 150 petitions, answered, outcome.
    wanted: dict[int, str] = {}
    for petition in counted:
        age = (today - petition.received_date).days
        if age < 20:
            wanted[id(petition)] = _weighted(rng, [(PStatus.RECEIVED, 1), (PStatus.COMPILED, 1)])
        else:
            wanted[id(petition)] = _weighted(
                rng,
                [(PStatus.COMPILED, 3 if age < 60 else 0.3), (PStatus.FORWARDED, 8),
                 (PStatus.ANSWERED, 10), ("outcome", 79)],
            )  # fmt: skip
    to_forward: dict[tuple[int, int | None], list[VoterPetition]] = defaultdict(list)
    for petition in counted:
        if wanted[id(petition)] in (PStatus.RECEIVED, PStatus.COMPILED):
            petition.status = wanted[id(petition)]
        else:
            to_forward[(petition.term_id, petition.session_id)].append(petition)
    batches: list[tuple[ForwardingBatch, list[VoterPetition]]] = []
    for (term_id, session_id), group in to_forward.items():
        group.sort(key=lambda p: p.received_date)
        for start in range(0, len(group), 150):
            chunk = group[start : start + 150]
            day = max(p.received_date for p in chunk) + dt.timedelta(days=rng.randint(5, 15))
            if day > today:
                for petition in chunk:
                    petition.status = PStatus.COMPILED
                continue
            reg.batch_counter += 1
            batch = ForwardingBatch(
                term_id=term_id,
                session_id=session_id,
                recipient=reg.orgs["ubnd"],
                number=f"{reg.batch_counter}/HĐND-VP",
                date=day,
                subject="V/v chuyển ý kiến, kiến nghị của cử tri",
            )
            batches.append((batch, chunk))
    _bulk(ForwardingBatch, [b for b, _c in batches])
    for batch, chunk in batches:
        answer_day = batch.date + dt.timedelta(days=rng.randint(15, 60))
        answer_number = f"{rng.randint(100, 4000)}/UBND-TH"
        for petition in chunk:
            petition.batch = batch
            step = wanted[id(petition)]
            if step == PStatus.FORWARDED or answer_day > today:
                petition.status = PStatus.FORWARDED
                continue
            petition.answer_number = answer_number
            petition.answer_date = answer_day
            petition.answer_summary = (
                f"UBND {reg.word} đã chỉ đạo các cơ quan liên quan xem xét, giải quyết."
            )
            petition.status = (
                PStatus.ANSWERED if step == PStatus.ANSWERED else _weighted(rng, OUTCOME_MIX)
            )
    _bulk(VoterPetition, consolidated)
    for petition in petitions:
        if id(petition) in merged:
            petition.consolidated_into = merged[id(petition)]
    _bulk(VoterPetition, [p for p in petitions])
    changes = []
    for petition in consolidated + petitions:
        changes.append(
            PetitionStatusChange(
                petition=petition, from_status="", to_status=PStatus.RECEIVED, note="Tiếp nhận"
            )
        )
        if petition.status != PStatus.RECEIVED:
            changes.append(
                PetitionStatusChange(
                    petition=petition,
                    from_status=PStatus.RECEIVED,
                    to_status=petition.status,
                    note="Dữ liệu tổng hợp",
                )
            )
    _bulk(PetitionStatusChange, changes)
    sample = [p.pk for p in petitions[:: max(1, len(petitions) // 500)]]
    reg.earlier_petitions = sample

    # Citizens' letters (sender data are synthetic) and reception days.
    letters = []
    localities = []  # each letter's commune, its case's locality
    org_list = [o for k, o in reg.orgs.items() if k not in ("mttq", "dl")]
    for _i in range(_count(rng, BASE_PER_YEAR["letters"], ctx.scale)):
        kind, pattern, classification = rng.choice(V.LETTER_SUMMARIES)
        district_index, commune = rng.choice(reg.communes)
        day = ctx.random_day()
        summary = _fill(
            rng, pattern, ctx.year, commune=f"{commune.get_unit_type_display()} {commune.name}"
        )
        handling = _weighted(rng, [("forwarded", 6), ("guided", 2), ("monitored", 1), ("filed", 1)])
        forwarded_to = rng.choice(org_list) if handling == "forwarded" else None
        forwarded_date = day + dt.timedelta(days=rng.randint(1, 10)) if forwarded_to else None
        result = (
            "Đã được cơ quan có thẩm quyền giải quyết."
            if forwarded_to and rng.random() < 0.5
            else ""
        )
        name, _gender = _person(rng)
        letter = Letter(
            term=reg.term_on(day),
            received_date=day,
            kind=kind,
            summary=summary,
            classification=classification,
            eligible=rng.random() < 0.85,
            handling=handling,
            forwarded_to=forwarded_to,
            forwarded_date=forwarded_date,
            result=result,
            sender_name=name,
            sender_address=f"Thôn {rng.randint(1, 20)}, {commune.get_unit_type_display()} {commune.name}",
            sender_phone=f"09{rng.randint(10_000_000, 99_999_999)}",
            sender_id_number=f"{rng.randint(10**11, 10**12 - 1)}",
        )
        # As voters.services.letter_save folds it (no personal data in the search column).
        letter.search_text = _fold(" ".join([letter.summary, letter.classification, letter.result]))
        letters.append(letter)
        localities.append(commune)
    _letter_cases(ctx, letters, localities)
    _bulk(Letter, letters)
    receptions = []
    for _i in range(_count(rng, BASE_PER_YEAR["receptions"], ctx.scale)):
        day = ctx.random_day()
        cases = rng.randint(1, 12)
        receptions.append(
            CitizenReception(
                term=reg.term_on(day),
                date=day,
                host=reg.chair[reg.term_on(day).pk],
                kind=_weighted(rng, [("regular", 8), ("ad_hoc", 1), ("thematic", 1)]),
                location=f"Trụ sở tiếp công dân {reg.word}",
                persons=cases + rng.randint(0, 20),
                cases=cases,
                group_cases=rng.randint(0, min(2, cases)),
                summary="Công dân phản ánh, kiến nghị về đất đai, chế độ chính sách.",
            )
        )
    _bulk(CitizenReception, receptions)


def _letter_cases(
    ctx: YearContext, letters: list[Letter], localities: list[AdministrativeUnit]
) -> None:
    """Every letter in a case, as voters.services.letter_save files it (issue 21): most open
    a case of their own, about one in ten is the same matter sent again on a case of the year
    (2 or 3 letters a case); numbered per council and year in the order received, in bulk.
    The letters get their deadlines and processing days as the office records them, so the
    casework's figures have something to count. A random stream of its own: the letters' and
    every later record's draws stay those of a database generated before cases existed."""
    rng = random.Random(f"cases-{ctx.reg.council.pk}-{ctx.year}")
    fields = list(ctx.reg.petition_fields.values())
    council = ctx.reg.council
    last = Case.objects.filter(council=council, year=ctx.year).aggregate(m=Max("seq"))["m"] or 0
    cases: list[Case] = []
    case_of: list[int] = [0] * len(letters)  # each letter's index in `cases`
    sizes: list[int] = []
    for i in sorted(range(len(letters)), key=lambda i: (letters[i].received_date, i)):
        letter = letters[i]
        open_ = [c for c in range(max(0, len(cases) - 30), len(cases)) if sizes[c] < 3]
        if open_ and rng.random() < 0.1:
            case_of[i] = rng.choice(open_)
            sizes[case_of[i]] += 1
            continue
        day = letter.received_date
        answered = (
            letter.forwarded_date + dt.timedelta(days=rng.randint(10, 60))
            if letter.result and letter.forwarded_date
            else None
        )
        answered = answered if answered and answered <= ctx.today else None
        closed = (
            day + dt.timedelta(days=rng.randint(3, 15))
            if letter.handling in ("guided", "filed")
            else None
        )
        closed = closed if closed and closed <= ctx.today else None
        cases.append(
            Case(
                council=council,
                year=ctx.year,
                seq=last + len(cases) + 1,
                title=letter.summary[:300],
                kind=letter.kind,
                field=rng.choice(fields) if fields and rng.random() < 0.8 else None,
                locality=localities[i],
                within_competence=rng.random() < 0.05,
                group_size=rng.randint(5, 30) if rng.random() < 0.05 else 1,
                status=(
                    Case.Status.CLOSED
                    if closed
                    else (Case.Status.ANSWERED if answered else Case.Status.OPEN)
                ),
                answered_date=answered,
                closed_date=closed,
                search_text=_fold(letter.summary),
            )
        )
        case_of[i] = len(cases) - 1
        sizes.append(1)
    _bulk(Case, cases)
    for i, letter in enumerate(letters):
        letter.case_id = cases[case_of[i]].pk
        day = letter.received_date
        # About ten working days (voters.casework.deadlines counts them over the holidays: a
        # query a letter, too slow here); the body's answer within 45 days of forwarding.
        letter.processing_due = day + dt.timedelta(days=14)
        processed = day + dt.timedelta(days=rng.randint(1, 20))
        letter.processed_date = processed if processed <= ctx.today else None
        if letter.forwarded_date:
            letter.answer_due = letter.forwarded_date + dt.timedelta(days=45)


def _standing(ctx: YearContext) -> None:
    rng, reg = ctx.rng, ctx.reg
    matters = []
    for _i in range(_count(rng, BASE_PER_YEAR["intersession_matters"], ctx.scale)):
        day = ctx.random_day()
        answered = day + dt.timedelta(days=rng.randint(3, 20))
        done = answered <= ctx.today and answered.year == ctx.year
        matters.append(
            InterSessionMatter(
                term=reg.term_on(day),
                received_date=day,
                submitted_by=reg.orgs["ubnd"],
                submission_number=f"{rng.randint(1, 300)}/TTr-UBND",
                subject=_fill(rng, rng.choice(V.INTERSESSION), ctx.year),
                opinion_number=f"{rng.randint(1, 600)}/HĐND-KTNS" if done else "",
                opinion_date=answered if done else None,
                outcome="agreed" if done else "pending",
            )
        )
    _bulk(InterSessionMatter, matters)
    appraisals = []
    for _i in range(_count(rng, BASE_PER_YEAR["appraisals"], ctx.scale)):
        day = ctx.random_day()
        answered = day + dt.timedelta(days=rng.randint(3, 15))
        done = answered <= ctx.today
        appraisals.append(
            AppraisalRequest(
                term=reg.term_on(day),
                requester=f"Ban cán sự đảng UBND {reg.word}",
                requester_org=reg.orgs["ubnd"],
                doc_kind=_weighted(rng, [("report", 5), ("submission", 3), ("project", 2)]),
                subject=_fill(rng, rng.choice(V.APPRAISALS), ctx.year),
                received_date=day,
                answered_date=answered if done else None,
                response_number=f"{rng.randint(1, 600)}/HĐND-VP" if done else "",
            )
        )
    _bulk(AppraisalRequest, appraisals)


# --- entry point -----------------------------------------------------------------------------


@dataclass
class _Plan:
    """One council to generate: its name and how it is made, the key of its random streams."""

    name: str
    place: str
    key: str  # random streams "{key}/reg" and "{key}/{year}"
    scale: float
    level: str = Council.Level.PROVINCE
    word: str = "tỉnh"  # level_name of a commune: "xã" or "phường"
    parent: int | None = None  # index of the province's plan
    existing: Council | None = None  # --council: an existing council


# Communes' names: the vocabulary's 40, then with a direction (200 in all), then numbered.
_COMMUNE_BASES = [
    name.partition(" ")[2].removeprefix("trấn ") for _t, _d, names in V.DISTRICTS for name in names
]
_DIRECTIONS = ["", " Bắc", " Nam", " Đông", " Tây"]


def commune_place(index: int) -> str:
    """The place name of a province's `index`-th commune (0-based): the same in every province,
    as there are many xã Hồng Phong in Viet Nam."""
    base = _COMMUNE_BASES[index % len(_COMMUNE_BASES)]
    turn = index // len(_COMMUNE_BASES)
    suffix = _DIRECTIONS[turn % len(_DIRECTIONS)]
    number = turn // len(_DIRECTIONS)
    return f"{base}{suffix}" + (f" {number + 1}" if number else "")


def commune_word(index: int) -> str:
    return "phường" if index % 5 == 0 else "xã"  # one in five a ward


def commune_council_name(province_place: str, index: int) -> str:
    """A province's `index`-th commune council (0-based), named with its province: two
    provinces' xã Hồng Phong are two councils."""
    return f"Hội đồng nhân dân {commune_word(index)} {commune_place(index)} ({province_place})"


def province_name(seed: int, index: int) -> str:
    """The first province is the one council of a run without --provinces."""
    return default_council_name(seed) if index == 0 else f"{default_council_name(seed)}-{index + 1}"


def communes_of_provinces(provinces: int, per_province: int, total: int | None) -> list[int]:
    """How many communes each province has: `per_province`, or `total` spread evenly (the first
    provinces one more)."""
    if total is None:
        return [per_province] * provinces
    share, extra = divmod(total, provinces)
    return [share + (1 if i < extra else 0) for i in range(provinces)]


def _plans(
    *,
    seed: int,
    scale: float,
    council_name: str | None,
    council: Council | None,
    provinces: int | None,
    communes: list[int],
    commune_scale: float,
) -> list[_Plan]:
    if council is not None:  # one existing council, at `scale`
        return [
            _Plan(
                name=council.name,
                place=council.place_name,
                key=str(seed),
                scale=scale,
                level=council.level,
                word=council.level_word,
                existing=council,
            )
        ]
    plans: list[_Plan] = []
    for i in range(provinces or 1):
        name = council_name if (i == 0 and council_name) else province_name(seed, i)
        place = name.removeprefix("Hội đồng nhân dân tỉnh ").strip() or f"Tổng Hợp {seed}"
        key = str(seed) if i == 0 else f"{seed}.p{i + 1}"
        plans.append(_Plan(name=name, place=place, key=key, scale=scale))
        parent = len(plans) - 1
        for j in range(communes[i] if communes else 0):
            word = commune_word(j)
            plans.append(
                _Plan(
                    name=commune_council_name(place, j),
                    place=commune_place(j),
                    key=f"{key}.c{j + 1}",
                    scale=commune_scale,
                    level=Council.Level.COMMUNE,
                    word=word,
                    parent=parent,
                )
            )
    return plans


def _council_of(plan: _Plan, parent: Council | None, allow_existing: bool) -> Council:
    council = plan.existing or Council.objects.filter(name=plan.name).first()
    if council is not None and council.terms.exists() and not allow_existing:
        raise GeneratorRefused(
            f"«{plan.name}» đã có dữ liệu; dùng --allow-existing để thêm dữ liệu tổng hợp vào đó."
        )
    if council is not None:
        return council
    if plan.level == Council.Level.COMMUNE:
        assert parent is not None
        council = Council.objects.create(
            name=plan.name,
            short_name=f"HĐND {plan.word} {plan.place}"[:100],
            level=plan.level,
            level_name=plan.word,
            parent=parent,
            place_name=plan.place,
            header_name=f"HỘI ĐỒNG NHÂN DÂN\n{plan.word.upper()} {plan.place.upper()}",
            secretariat_name=f"Văn phòng HĐND và UBND {plan.word} {plan.place}",
        )
    else:
        council = Council.objects.create(
            name=plan.name,
            short_name=f"HĐND tỉnh {plan.place}",
            place_name=plan.place,
            header_name=f"HỘI ĐỒNG NHÂN DÂN\nTỈNH {plan.place.upper()}",
            secretariat_name=f"Văn phòng HĐND tỉnh {plan.place}",
        )
    council._created_by_generator = True
    return council


def _year(reg: Registry, *, year: int, scale: float, today: dt.date, key: str) -> None:
    ctx = YearContext(
        reg=reg, year=year, scale=scale, today=today, rng=random.Random(f"{key}/{year}")
    )
    sessions = _sessions(ctx)
    _resolutions(ctx, sessions)
    _oversight(ctx, sessions)
    _voters(ctx, sessions)
    _standing(ctx)


def generate_data(
    *,
    years: int,
    scale: float,
    seed: int,
    start_year: int | None = None,
    council_name: str | None = None,
    council: str | None = None,
    allow_existing: bool = False,
    today: dt.date | None = None,
    log: Callable[[str], None] | None = None,
    provinces: int | None = None,
    communes_per_province: int = 0,
    communes: int | None = None,
    commune_scale: float = 0.02,
) -> GenerationResult:
    """Generate `years` synthetic years at `scale` into the council named `council_name`.

    With `provinces` (issue 19) it generates that many provincial councils, each with its
    commune councils (`communes_per_province`, or `communes` in all spread evenly) at
    `commune_scale` (a commune's volume against a province's: 0.02 is 1/50). The first province
    is the council a run without `provinces` makes, and every council draws from random streams
    of its own (seed, province, commune, year): a province and its communes hold the same texts
    whatever the number of other provinces generated beside them. Years run in order, every
    council's year before the next year, so a table's rows of many councils interleave as they
    would in use. `council` (an id or a name, council.selectors.council_lookup) generates into
    that existing council, a commune's as a commune's."""
    if years < 1:
        raise ValueError("years must be at least 1")
    if scale <= 0 or commune_scale <= 0:
        raise ValueError("scale must be positive")
    if provinces is not None and provinces < 1:
        raise ValueError("provinces must be at least 1")
    started = time.monotonic()
    today = today or timezone.localdate()
    first = start_year if start_year is not None else today.year - years + 1
    last = first + years - 1
    log = log or (lambda _message: None)
    existing = None
    if council is not None:
        from council.selectors import council_lookup

        existing = council_lookup(key=str(council))
        if existing is None:
            raise ValueError(f"Không tìm thấy đúng một HĐND «{council}».")
        if existing.terms.exists() and not allow_existing:
            raise GeneratorRefused(
                f"«{existing.name}» đã có dữ liệu; dùng --allow-existing để thêm dữ liệu tổng hợp "
                "vào đó."
            )
    if communes is not None or communes_per_province:
        provinces = provinces or 1
    per_province = (
        communes_of_provinces(provinces, communes_per_province, communes) if provinces else []
    )
    plans = _plans(
        seed=seed,
        scale=scale,
        council_name=council_name,
        council=existing,
        provinces=provinces,
        communes=per_province,
        commune_scale=commune_scale,
    )

    registries: list[Registry] = []
    with transaction.atomic():
        taxonomies = _taxonomies()
        councils: list[Council] = []
        for plan in plans:
            parent = councils[plan.parent] if plan.parent is not None else None
            councils.append(_council_of(plan, parent, allow_existing))
        for plan, own in zip(plans, councils, strict=True):
            registries.append(
                _registry(
                    council=own,
                    place=plan.place,
                    first=first,
                    last=last,
                    rng=random.Random(f"{plan.key}/reg"),
                    taxonomies=taxonomies,
                    unit_type="phuong" if plan.word == "phường" else "xa",
                )
            )
    if len(plans) > 1:
        log(f"{len(plans)} councils: {time.monotonic() - started:.1f} s")
    # A province with its communes in one transaction a year.
    groups: list[list[int]] = []
    for index, plan in enumerate(plans):
        if plan.parent is None or not groups:
            groups.append([index])
        else:
            groups[-1].append(index)
    for year in range(first, last + 1):
        tick = time.monotonic()
        for group in groups:
            with transaction.atomic():
                for index in group:
                    plan = plans[index]
                    _year(registries[index], year=year, scale=plan.scale, today=today, key=plan.key)
        log(f"{year}: {time.monotonic() - tick:.1f} s")
    head = councils[0]
    commune_ids = [c.pk for c, p in zip(councils, plans, strict=True) if p.parent is not None]
    return GenerationResult(
        council_id=head.pk,
        council_name=head.name,
        first_year=first,
        last_year=last,
        counts=council_counts(head),
        seconds=time.monotonic() - started,
        councils=len(councils),
        commune_ids=commune_ids,
    )


def iter_years(result: GenerationResult) -> Iterable[int]:
    return range(result.first_year, result.last_year + 1)
