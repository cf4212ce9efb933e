"""The leaders' dashboard as data: cards of figures, each figure with the URL of the filtered
list behind it. Built from one AnnualFigures, so the page costs the same queries whatever the
volume of data."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse

from reports.document import ACTOR_LABELS, KIND_LABELS
from reports.selectors import AnnualFigures


def list_url(name: str, fallback: str, **params: object) -> str:
    """The list page `name` with filter parameters (empty ones dropped)."""
    try:
        base = reverse(name)
    except NoReverseMatch:
        base = fallback
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{base}?{query}" if query else base


@dataclass(frozen=True)
class Figure:
    label: str
    value: int | str
    url: str = ""
    warn: bool = False

    @property
    def display(self) -> str:
        """Counts as 1.234; rates ("66,67%") as given."""
        return f"{self.value:,}".replace(",", ".") if isinstance(self.value, int) else self.value


@dataclass(frozen=True)
class Card:
    key: str
    title: str
    icon: str
    main: Figure
    details: list[Figure] = field(default_factory=list)


def dashboard_cards(*, figures: AnnualFigures) -> list[Card]:
    year = figures.year or ""
    term = figures.term_id or ""
    scope = {"year": year, "term": term}
    cards: list[Card] = []

    s = figures.sessions
    if s is not None:
        url = lambda **p: list_url("sessions:session_list", "/ky-hop/", **scope, **p)  # noqa: E731
        cards.append(
            Card(
                "sessions",
                "Kỳ họp",
                "bi-people",
                Figure("kỳ họp", s.total, url()),
                [
                    Figure("thường lệ", s.regular, url(kind="regular")),
                    Figure(s.thematic_label, s.thematic, url(kind="thematic")),
                ],
            )
        )
    r = figures.resolutions
    if r is not None:
        url = lambda **p: list_url("resolutions:resolution_list", "/nghi-quyet/", **scope, **p)  # noqa: E731
        field_ids = dict(r.field_ids)
        details = [
            Figure("quy phạm pháp luật", r.normative, url(is_normative="true")),
            Figure("cá biệt", r.individual, url(is_normative="false")),
        ] + [Figure(name, count, url(field=field_ids.get(name, ""))) for name, count in r.by_field]
        cards.append(
            Card(
                "resolutions",
                "Nghị quyết",
                "bi-journal-text",
                Figure("nghị quyết", r.total, url()),
                details,
            )
        )
    o = figures.oversight
    if o is not None:
        url = lambda **p: list_url("oversight:activity_list", "/giam-sat/", **scope, **p)  # noqa: E731
        details = [
            Figure(
                f"{ACTOR_LABELS.get(actor, actor)}: {KIND_LABELS.get(kind, kind).lower()}",
                count,
                url(actor=actor, kind=kind),
            )
            for actor, kind, count in o.by_actor_kind
        ]
        cards.append(
            Card(
                "oversight",
                "Hoạt động giám sát",
                "bi-search",
                Figure("hoạt động", o.total, url()),
                details,
            )
        )
        cards.append(
            Card(
                "questioning",
                "Chất vấn, giải trình",
                "bi-question-circle",
                Figure(
                    "phiên chất vấn",
                    o.questioning_at_sessions + o.questioning_between_sessions,
                    url(kind="questioning_session"),
                ),
                [
                    Figure(
                        "tại kỳ họp", o.questioning_at_sessions, url(kind="questioning_session")
                    ),
                    Figure(
                        "giữa hai kỳ họp",
                        o.questioning_between_sessions,
                        url(kind="questioning_intersession"),
                    ),
                    Figure("câu hỏi chất vấn", o.questions_total),
                    Figure("phiên giải trình", o.explanation_hearings, url(kind="explanation")),
                ],
            )
        )
    rc = figures.recommendations
    if rc is not None:
        url = lambda **p: list_url("oversight:recommendation_list", "/giam-sat/", **p)  # noqa: E731
        cards.append(
            Card(
                "recommendations",
                "Kiến nghị sau giám sát",
                "bi-flag",
                Figure("kiến nghị", rc.total, url(year=year)),
                [
                    Figure(label, count, url(year=year, status=code))
                    for code, label, count in rc.by_status
                ]
                + [Figure("quá hạn", rc.overdue, url(overdue=1), warn=bool(rc.overdue))],
            )
        )
    st = figures.standing
    cards.append(
        Card(
            "standing",
            "Giải quyết công việc giữa hai kỳ họp",
            "bi-briefcase",
            Figure(
                "nội dung phát sinh",
                st.intersession_matters,
                list_url(
                    "council:intersessionmatter_list", "/hoi-dong/noi-dung-phat-sinh/", year=year
                ),
            ),
            [
                Figure("đã cho ý kiến", st.intersession_matters_answered),
                Figure(
                    "báo cáo, tờ trình thẩm định",
                    st.appraisals,
                    list_url("council:appraisalrequest_list", "/hoi-dong/tham-dinh/", year=year),
                ),
                Figure("đã trả lời thẩm định", st.appraisals_answered),
            ],
        )
    )
    p = figures.petitions
    if p is not None:
        url = lambda **q: list_url("voters:petition_list", "/cu-tri/", **scope, **q)  # noqa: E731
        cards.append(
            Card(
                "meetings",
                "Tiếp xúc cử tri",
                "bi-megaphone",
                Figure(
                    "cuộc tiếp xúc",
                    p.meetings,
                    list_url("voters:meeting_list", "/cu-tri/", **scope),
                ),
                [Figure("lượt cử tri tham dự", p.voters_attended)],
            )
        )
        cards.append(
            Card(
                "petitions",
                "Kiến nghị của cử tri",
                "bi-chat-square-text",
                Figure("lượt kiến nghị", p.instances, url()),
                [Figure(label, count, url(status=code)) for code, label, count in p.by_status]
                + [
                    Figure("tỷ lệ trả lời", p.answered_rate),
                    Figure("tỷ lệ đã giải quyết", p.resolved_rate),
                    Figure(
                        "quá hạn chưa trả lời",
                        p.unanswered_overdue,
                        url(unanswered_overdue=1),
                        warn=bool(p.unanswered_overdue),
                    ),
                ],
            )
        )
    lt = figures.letters
    if lt is not None:
        cards.append(
            Card(
                "letters",
                "Đơn thư, tiếp công dân",
                "bi-envelope",
                Figure("đơn thư", lt.letters, list_url("voters:letter_list", "/cu-tri/", **scope)),
                [Figure(label, count) for _c, label, count in lt.by_kind]
                + [
                    Figure("đã chuyển", lt.forwarded),
                    Figure("buổi tiếp công dân", lt.receptions),
                    Figure("lượt công dân", lt.citizens_received),
                ],
            )
        )
    return cards
