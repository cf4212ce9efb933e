"""Bulk downloads: one file per register and year, as CSV (UTF-8 with BOM, a header row, text
neutralised against formula injection by core.exports) or JSON (the same rows, with the
fields' Vietnamese labels). Read through the same public selectors as the lists, so a year's
file holds the rows its list shows with `?year=`. Dates are ISO 8601 (yyyy-mm-dd) in both."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q
from django.utils import timezone

from council.models import Council, Delegate, Position
from council.selectors import delegates_public
from opendata.ids import ocd_id
from opendata.selectors import petition_figures
from oversight.selectors import activities_public, attributed_year, in_year
from resolutions.selectors import resolutions_public
from sessions.selectors import sessions_public

# (key, Vietnamese label, value of one record)
Column = tuple[str, str, Callable[[Any], Any]]


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


@dataclass(frozen=True)
class Register:
    label: str
    columns: tuple[Column, ...]
    records: Callable[[Council, int], Iterable[Any]]  # the year's records, by id
    years: Callable[[Council], list[int]]

    def rows(self, council: Council, year: int) -> list[list[Any]]:
        return [
            [value(record) for _key, _label, value in self.columns]
            for record in self.records(council, year)
        ]


# --- sessions ----------------------------------------------------------------------------------


def _session_records(council: Council, year: int) -> Iterable[Any]:
    return sessions_public(council=council).filter(start_date__year=year).order_by("id")


def _session_years(council: Council) -> list[int]:
    return sorted({d.year for d in sessions_public(council=council).dates("start_date", "year")})


SESSIONS = Register(
    label="Kỳ họp",
    columns=(
        ("pk", "Khóa", lambda s: s.pk),
        ("id", "Mã định danh", lambda s: ocd_id("session", council_id=s.term.council_id, pk=s.pk)),
        ("term", "Khóa HĐND", lambda s: s.term.roman),
        ("number", "Kỳ họp thứ", lambda s: s.number),
        ("kind", "Loại", lambda s: s.kind),
        ("kind_label", "Loại kỳ họp", lambda s: s.kind_label),
        ("regular_slot", "Kỳ họp thường lệ", lambda s: s.regular_slot),
        ("status", "Trạng thái", lambda s: s.status),
        ("start_date", "Ngày khai mạc", lambda s: _iso(s.start_date)),
        ("end_date", "Ngày bế mạc", lambda s: _iso(s.end_date)),
        ("venue", "Địa điểm", lambda s: s.venue),
        ("format", "Hình thức", lambda s: s.format),
    ),
    records=_session_records,
    years=_session_years,
)


# --- resolutions ---------------------------------------------------------------------------------


def _resolution_records(council: Council, year: int) -> Iterable[Any]:
    return (
        resolutions_public(council=council)
        .filter(year=year)
        .select_related("council", "field", "session")
        .order_by("id")
    )


def _resolution_years(council: Council) -> list[int]:
    years = resolutions_public(council=council).values_list("year", flat=True).distinct()
    return sorted(set(years))


RESOLUTIONS = Register(
    label="Nghị quyết",
    columns=(
        ("pk", "Khóa", lambda r: r.pk),
        ("id", "Mã định danh", lambda r: ocd_id("resolution", council_id=r.council_id, pk=r.pk)),
        ("identifier", "Số, ký hiệu", lambda r: r.symbol),
        ("number", "Số", lambda r: r.number),
        ("year", "Năm", lambda r: r.year),
        ("is_normative", "Quy phạm pháp luật", lambda r: r.is_normative),
        ("title", "Trích yếu", lambda r: r.title),
        ("adopted_date", "Ngày thông qua", lambda r: _iso(r.adopted_date)),
        ("effective_date", "Ngày có hiệu lực", lambda r: _iso(r.effective_date)),
        ("status", "Tình trạng hiệu lực", lambda r: r.status),
        ("field", "Lĩnh vực", lambda r: r.field.name if r.field_id else ""),
        ("signer", "Người ký", lambda r: r.signer),
        ("session", "Kỳ họp (khóa)", lambda r: r.session_id),
        ("session_number", "Kỳ họp thứ", lambda r: r.session.number if r.session_id else None),
        ("votes_for", "Tán thành", lambda r: r.votes_for),
        ("votes_against", "Không tán thành", lambda r: r.votes_against),
        ("votes_abstain", "Không biểu quyết", lambda r: r.votes_abstain),
        ("delegates_present", "Đại biểu có mặt", lambda r: r.delegates_present),
    ),
    records=_resolution_records,
    years=_resolution_years,
)


# --- oversight activities --------------------------------------------------------------------------


def _activity_records(council: Council, year: int) -> Iterable[Any]:
    return (
        activities_public(council=council)
        .filter(in_year(year))
        .select_related("term", "committee", "delegate_group", "delegate")
        .prefetch_related("supervised_organizations")
        .order_by("id")
    )


def _activity_years(council: Council) -> list[int]:
    years = (
        activities_public(council=council)
        .annotate(y=attributed_year())
        .values_list("y", flat=True)
        .distinct()
    )
    return sorted(set(years))


ACTIVITIES = Register(
    label="Hoạt động giám sát",
    columns=(
        ("pk", "Khóa", lambda a: a.pk),
        (
            "id",
            "Mã định danh",
            lambda a: ocd_id("oversight", council_id=a.term.council_id, pk=a.pk),
        ),
        ("year", "Năm", lambda a: a.year),
        ("kind", "Hình thức", lambda a: a.kind),
        ("kind_label", "Tên hình thức", lambda a: a.get_kind_display()),
        ("topic", "Nội dung", lambda a: a.topic),
        ("actor", "Chủ thể giám sát", lambda a: a.actor),
        ("actor_label", "Tên chủ thể", lambda a: a.actor_label),
        ("start_date", "Ngày bắt đầu", lambda a: _iso(a.start_date)),
        ("end_date", "Ngày kết thúc", lambda a: _iso(a.end_date)),
        ("establishing_number", "Số quyết định thành lập", lambda a: a.establishing_number),
        ("plan_number", "Số kế hoạch", lambda a: a.plan_number),
        ("result_report_number", "Số báo cáo kết quả", lambda a: a.result_report_number),
        ("result_report_date", "Ngày báo cáo kết quả", lambda a: _iso(a.result_report_date)),
        ("conclusion_number", "Số thông báo kết luận", lambda a: a.conclusion_number),
        ("conclusion_date", "Ngày thông báo kết luận", lambda a: _iso(a.conclusion_date)),
        (
            "supervised_organizations",
            "Cơ quan chịu sự giám sát",
            lambda a: "; ".join(o.name for o in a.supervised_organizations.all()),
        ),
    ),
    records=_activity_records,
    years=_activity_years,
)


# --- petition figures ------------------------------------------------------------------------------


def _petition_records(council: Council, year: int) -> Iterable[Any]:
    return petition_figures(council=council, term=None, year=year)


def _petition_years(council: Council) -> list[int]:
    rows = petition_figures(council=council, term=None, year=None)
    return sorted({row["year"] for row in rows if row["year"] is not None})


def _key(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda row: row[key]


PETITION_FIGURES = Register(
    label="Số liệu kiến nghị cử tri theo kỳ họp",
    columns=(
        ("session", "Kỳ họp (khóa)", _key("session")),
        ("label", "Kỳ họp", _key("label")),
        ("year", "Năm", _key("year")),
        ("petitions", "Số kiến nghị", _key("petitions")),
        ("instances", "Số lượt", _key("instances")),
        ("awaiting", "Chờ chuyển", _key("awaiting")),
        ("forwarded", "Đã chuyển", _key("forwarded")),
        ("answered", "Đã trả lời", _key("answered")),
        ("resolved", "Đã giải quyết", _key("resolved")),
        ("answered_rate", "Tỷ lệ trả lời", _key("answered_rate")),
        ("resolved_rate", "Tỷ lệ giải quyết", _key("resolved_rate")),
    ),
    records=_petition_records,
    years=_petition_years,
)


# --- delegates -----------------------------------------------------------------------------------


def _delegate_records(council: Council, year: int) -> Iterable[Any]:
    """The delegates of the terms that cover part of the year."""
    positions = Position.objects.select_related("committee").order_by("start_date", "pk")
    return (
        delegates_public(council=council)
        .filter(term__start_date__lte=dt.date(year, 12, 31))
        .filter(Q(term__end_date__isnull=True) | Q(term__end_date__gte=dt.date(year, 1, 1)))
        .select_related("term", "committee", "delegate_group")
        .prefetch_related(Prefetch("positions", queryset=positions))
        .order_by("id")
    )


def _delegate_years(council: Council) -> list[int]:
    this_year = timezone.localdate().year
    years: set[int] = set()
    spans = (
        delegates_public(council=council)
        .values_list("term__start_date", "term__end_date")
        .distinct()
    )
    for start, end in spans:
        years.update(range(start.year, (end.year if end else this_year) + 1))
    return sorted(years)


def _positions(delegate: Delegate) -> str:
    return "; ".join(
        f"{p.get_role_display()} {p.committee.name}" if p.committee_id else p.get_role_display()
        for p in delegate.positions.all()
    )


DELEGATES = Register(
    label="Đại biểu",
    columns=(
        ("pk", "Khóa", lambda d: d.pk),
        ("id", "Mã định danh", lambda d: ocd_id("delegate", council_id=d.term.council_id, pk=d.pk)),
        ("name", "Họ và tên", lambda d: d.full_name),
        ("gender", "Giới tính", lambda d: d.gender),
        ("job_title", "Chức vụ, nơi công tác", lambda d: d.job_title),
        ("electoral_unit", "Đơn vị bầu cử", lambda d: d.electoral_unit),
        ("is_full_time", "Chuyên trách", lambda d: d.is_full_time),
        ("status", "Tình trạng", lambda d: d.status),
        ("term", "Khóa HĐND", lambda d: d.term.roman),
        ("committee", "Ban", lambda d: d.committee.name if d.committee_id else ""),
        (
            "delegate_group",
            "Tổ đại biểu",
            lambda d: d.delegate_group.name if d.delegate_group_id else "",
        ),
        ("positions", "Chức danh", _positions),
    ),
    records=_delegate_records,
    years=_delegate_years,
)


REGISTERS: dict[str, Register] = {
    "sessions": SESSIONS,
    "resolutions": RESOLUTIONS,
    "oversight-activities": ACTIVITIES,
    "petition-figures": PETITION_FIGURES,
    "delegates": DELEGATES,
}
