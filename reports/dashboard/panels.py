"""Beside the cards: what is overdue, by the agency that owes it; the oversight programme
planned against done; the next sessions and how far their documents have come in. Each count
is a Figure linked to the page that lists it (reports.dashboard.cards)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from council.models import Council, Term
from oversight.selectors import overdue_recommendations_by_addressee, programme_progress_list
from reports.dashboard.cards import Figure, list_url
from sessions.selectors import sessions_ahead
from voters.selectors import overdue_petitions_by_recipient

# Rows of each "Cần chú ý" list: the agencies owing the most; the full lists are a click away.
ATTENTION_ROWS = 8


@dataclass(frozen=True)
class AttentionRow:
    """One agency that owes answers: how many, the oldest how late, and the list of them."""

    agency: str
    figure: Figure  # the count, linked to the agency's overdue list
    days_overdue: int
    instances: int | None = None  # petitions: their lượt


@dataclass(frozen=True)
class Attention:
    recommendations: list[AttentionRow]
    recommendations_url: str
    petitions: list[AttentionRow]
    petitions_url: str


def attention(*, council: Council, today: dt.date) -> Attention:
    """What is overdue today, across the council's whole record: late is late, whatever year
    the work began in."""
    rec_url = reverse("oversight:recommendation_overdue")
    pet_url = reverse("voters:petition_overdue")
    return Attention(
        recommendations=[
            AttentionRow(
                agency=row.organization,
                figure=Figure(
                    f"recommendations:{row.organization_id}",
                    _("kiến nghị sau giám sát"),
                    row.recommendations,
                    list_url("oversight:recommendation_overdue", addressee=row.organization_id),
                    warn=True,
                ),
                days_overdue=row.days_overdue,
            )
            for row in overdue_recommendations_by_addressee(
                council=council, today=today, limit=ATTENTION_ROWS
            )
        ],
        recommendations_url=rec_url,
        petitions=[
            AttentionRow(
                agency=row.organization,
                figure=Figure(
                    f"petitions:{row.organization_id}",
                    _("kiến nghị cử tri"),
                    row.petitions,
                    list_url("voters:petition_overdue", recipient=row.organization_id),
                    warn=True,
                ),
                days_overdue=row.days_overdue,
                instances=row.instances,
            )
            for row in overdue_petitions_by_recipient(
                council=council, today=today, limit=ATTENTION_ROWS
            )
        ],
        petitions_url=pet_url,
    )


@dataclass(frozen=True)
class ProgrammeLine:
    year: int
    title: str
    planned: Figure
    done: Figure

    @property
    def percent(self) -> int:
        planned = self.planned.count_on_list
        return round(100 * self.done.count_on_list / planned) if planned else 0


def programmes(*, council: Council, year: int | None, term: Term | None) -> list[ProgrammeLine]:
    lines = []
    for row in programme_progress_list(council=council, year=year, term=term):
        url = reverse("oversight:programme_detail", args=[row.programme_id])
        lines.append(
            ProgrammeLine(
                year=row.year,
                title=row.title,
                planned=Figure(
                    "planned", _("nội dung theo kế hoạch"), row.planned, url, measure="planned"
                ),
                done=Figure("done", _("đã thực hiện"), row.done, url, measure="done"),
            )
        )
    return lines


@dataclass(frozen=True)
class SessionLine:
    title: str
    url: str
    start_date: dt.date
    end_date: dt.date
    ahead: bool
    figures: list[Figure]


def sessions(*, council: Council, today: dt.date) -> list[SessionLine]:
    lines = []
    for s in sessions_ahead(council=council, today=today):
        url = reverse("sessions:session_detail", args=[s.session_id]) + "#agenda"
        lines.append(
            SessionLine(
                title=_("Kỳ họp thứ %(n)s (%(kind)s), khóa %(roman)s")
                % {"n": s.number, "kind": s.kind_label, "roman": s.term_roman},
                url=url,
                start_date=s.start_date,
                end_date=s.end_date,
                ahead=s.ahead,
                figures=[
                    Figure("submissions", _("tờ trình đã nhận"), s.submissions, url,
                           measure="agenda:submission"),
                    Figure("to_review", _("tờ trình giao Ban thẩm tra"), s.to_review, url,
                           measure="agenda:to_review"),
                    Figure("reviews", _("báo cáo thẩm tra đã có"), s.reviews, url,
                           measure="agenda:review_report"),
                    Figure("agenda", _("văn bản trong hồ sơ kỳ họp"), s.agenda_items, url,
                           measure="agenda:all"),
                ],
            )
        )  # fmt: skip
    return lines
