"""The dashboard's cards: each figure with the URL of the list that counts it and its value a
year earlier.

Every figure links to the list that counts it, and the list shows that very number: rows in
its count, or a sum beside the count (core.views.ListTotalsMixin: petitions in lượt,
meetings' voters, received citizens, questions). A rate links to the records of its numerator.
tests/reports/test_dashboard_links.py follows every link and compares."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from oversight.selectors import ANY_QUESTIONING
from reports.document import ACTOR_LABELS, KIND_LABELS
from reports.selectors import AnnualFigures


def list_url(name: str, **params: object) -> str:
    """The list page `name` with filter parameters (empty ones dropped). A wrong name raises
    NoReverseMatch: a broken link must fail, never turn into another page."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    base = _list_path(name, get_script_prefix(), get_urlconf())
    return f"{base}?{query}" if query else base


@functools.lru_cache(maxsize=128)
def _list_path(name: str, _prefix: str, _urlconf: object) -> str:
    # The dashboard links ~150 figures (both years' cards) to a dozen lists: each list's path
    # is reversed once per URLconf and script prefix (the key), not once per figure (a reverse
    # takes 0.045 ms: ~6 ms a page).
    return reverse(name)


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


@dataclass(frozen=True)
class Figure:
    key: str  # stable within its card, to pair it with last year's
    label: str
    value: int | str
    url: str = ""
    warn: bool = False
    # What the linked page shows for this figure: its rows ("rows"), a sum printed beside them
    # (a ListTotal key), or a count of the page's own ("planned", "agenda:<doc type>"), and
    # the number it must show there when the figure is not that count (a rate's numerator).
    measure: str = "rows"
    linked_count: int | None = None
    previous: int | str | None = None
    previous_year: int | None = None  # the year of `previous`, set with it

    @property
    def display(self) -> str:
        """Counts as 1.234; rates ("66,67%") as given."""
        return _number(self.value) if isinstance(self.value, int) else self.value

    @property
    def count_on_list(self) -> int:
        """The number the linked page must show."""
        if self.linked_count is not None:
            return self.linked_count
        assert isinstance(self.value, int), self.key
        return self.value

    @property
    def change(self) -> int | None:
        if isinstance(self.value, int) and isinstance(self.previous, int):
            return self.value - self.previous
        return None

    @property
    def shows_change(self) -> bool:
        """A change worth printing: nothing either year says nothing."""
        return self.change is not None and bool(self.value or self.previous)

    @property
    def change_display(self) -> str:
        change = self.change
        if change is None:
            return ""
        if change > 0:
            return f"+{_number(change)}"
        return f"−{_number(-change)}" if change < 0 else "±0"

    @property
    def previous_display(self) -> str:
        if self.previous is None:
            return ""
        return _number(self.previous) if isinstance(self.previous, int) else self.previous

    # The texts beside a figure of a year, set here rather than by {% blocktranslate %} in the
    # template: ~60 figures a page, two translated texts each, were a third of its rendering.

    @property
    def previous_title(self) -> str:
        """The tooltip with the value of the year before: "Năm 2025: 1.234"."""
        return _("Năm %(y)s: %(n)s") % {"y": self.previous_year, "n": self.previous_display}

    @property
    def change_note(self) -> str:
        """A card's main figure against the year before: "+2 so với 2025", "bằng năm 2025"."""
        if self.change:
            return _("%(d)s so với %(y)s") % {"d": self.change_display, "y": self.previous_year}
        return _("bằng năm %(y)s") % {"y": self.previous_year}


@dataclass(frozen=True)
class Card:
    key: str
    title: str
    icon: str
    main: Figure
    details: list[Figure] = field(default_factory=list)
    previous_year: int | None = None

    @property
    def figures(self) -> list[Figure]:
        return [self.main, *self.details]

    @property
    def details_html(self) -> SafeString:
        """The card's breakdown, one <li> a figure, as the dashboard's template printed them in
        a loop: ~60 lines a page of a dozen template lookups each were half of its rendering."""
        lines = []
        for f in self.details:
            value = (
                format_html('<a href="{}">{}</a>', f.url, f.display)
                if f.url
                else conditional_escape(f.display)
            )
            delta = ""
            if self.previous_year:
                delta = format_html(
                    ' <span class="text-muted fw-normal figure-delta" title="{}">{}</span>',
                    f.previous_title,
                    f"({f.change_display})" if f.shows_change else "",
                )
            lines.append(
                format_html(
                    _DETAIL_LINE,
                    " text-danger fw-semibold" if f.warn else "",
                    capfirst(f.label),
                    value,
                    delta,
                )
            )
        return mark_safe("".join(lines))  # every part escaped by format_html


# A line of Card.details_html, with the template's indentation.
_DETAIL_LINE = (
    '\n          <li class="d-flex justify-content-between gap-2{}">'
    "\n            <span>{}</span>"
    '\n            <span class="text-nowrap">{}{}</span>'
    "\n          </li>\n          "
)


def dashboard_cards(*, figures: AnnualFigures, previous: AnnualFigures | None = None) -> list[Card]:
    """The cards of `figures`; with `previous` (the year before), each figure carries its
    value of that year."""
    cards = _cards(figures)
    if previous is None or previous.year is None:
        return cards
    # Only the year before's values are read: its figures are not linked anywhere.
    before = {
        (card.key, f.key): f.value for card in _cards(previous, link=_no_link) for f in card.figures
    }

    def paired(card: Card, f: Figure) -> Figure:
        # A breakdown absent last year (a field with no resolution then) was 0 then.
        default = 0 if isinstance(f.value, int) else None
        previous_value = before.get((card.key, f.key), default)
        return dataclasses.replace(f, previous=previous_value, previous_year=previous.year)

    return [
        dataclasses.replace(
            card,
            main=paired(card, card.main),
            details=[paired(card, f) for f in card.details],
            previous_year=previous.year,
        )
        for card in cards
    ]


def _no_link(name: str, **params: object) -> str:
    return ""


def _cards(figures: AnnualFigures, link: Callable[..., str] = list_url) -> list[Card]:
    scope = {"year": figures.year or "", "term": figures.term_id or ""}
    cards: list[Card] = []

    s = figures.sessions
    url = lambda **p: link("sessions:session_list", **scope, **p)  # noqa: E731
    cards.append(
        Card(
            "sessions",
            _("Kỳ họp"),
            "bi-people",
            Figure("total", _("kỳ họp"), s.total, url()),
            [
                Figure("regular", _("thường lệ"), s.regular, url(kind="regular")),
                Figure("thematic", s.thematic_label, s.thematic, url(kind="thematic")),
            ],
        )
    )

    r = figures.resolutions
    url = lambda **p: link("resolutions:resolution_list", **scope, **p)  # noqa: E731
    field_ids = dict(r.field_ids)
    cards.append(
        Card(
            "resolutions",
            _("Nghị quyết"),
            "bi-journal-text",
            Figure("total", _("nghị quyết"), r.total, url()),
            [
                Figure("normative", _("quy phạm pháp luật"), r.normative, url(is_normative="true")),
                Figure("individual", _("cá biệt"), r.individual, url(is_normative="false")),
            ]
            + [
                # A field's name not among the ids is the unclassified line ("Chưa phân loại").
                Figure(f"field:{name}", name, count, url(field=field_ids.get(name, "null")))
                for name, count in r.by_field
            ],
        )
    )

    o = figures.oversight
    url = lambda **p: link("oversight:activity_list", **scope, **p)  # noqa: E731
    cards.append(
        Card(
            "oversight",
            _("Hoạt động giám sát"),
            "bi-search",
            Figure("total", _("hoạt động"), o.total, url()),
            [
                Figure(
                    f"{actor}:{kind}",
                    f"{ACTOR_LABELS.get(actor, actor)}: {KIND_LABELS.get(kind, kind).lower()}",
                    count,
                    url(actor=actor, kind=kind),
                )
                for actor, kind, count in o.by_actor_kind
            ],
        )
    )
    questioning = url(kind=ANY_QUESTIONING)
    cards.append(
        Card(
            "questioning",
            _("Chất vấn, giải trình"),
            "bi-question-circle",
            Figure(
                "total",
                _("phiên chất vấn"),
                o.questioning_at_sessions + o.questioning_between_sessions,
                questioning,
            ),
            [
                Figure(
                    "at_sessions",
                    _("tại kỳ họp"),
                    o.questioning_at_sessions,
                    url(kind="questioning_session"),
                ),
                Figure(
                    "between_sessions",
                    _("giữa hai kỳ họp"),
                    o.questioning_between_sessions,
                    url(kind="questioning_intersession"),
                ),
                Figure(
                    "questions",
                    _("câu hỏi chất vấn"),
                    o.questions_total,
                    questioning,
                    measure="questions",
                ),
                Figure(
                    "explanation",
                    _("phiên giải trình"),
                    o.explanation_hearings,
                    url(kind="explanation"),
                ),
            ],
        )
    )

    rc = figures.recommendations
    # Follow-up has no term: a term's view shows the whole record, and so does the list.
    url = lambda **p: link("oversight:recommendation_list", year=figures.year, **p)  # noqa: E731
    cards.append(
        Card(
            "recommendations",
            _("Kiến nghị sau giám sát"),
            "bi-flag",
            Figure("total", _("kiến nghị"), rc.total, url()),
            [
                Figure(f"status:{code}", label, count, url(status=code))
                for code, label, count in rc.by_status
            ]
            + [Figure("overdue", _("quá hạn"), rc.overdue, url(overdue=1), warn=bool(rc.overdue))],
        )
    )

    st = figures.standing
    matters = lambda **p: link("council:intersessionmatter_list", **scope, **p)  # noqa: E731
    appraisals = lambda **p: link("council:appraisalrequest_list", **scope, **p)  # noqa: E731
    cards.append(
        Card(
            "standing",
            _("Giải quyết công việc giữa hai kỳ họp"),
            "bi-briefcase",
            Figure("matters", _("nội dung phát sinh"), st.intersession_matters, matters()),
            [
                Figure(
                    "matters_answered",
                    _("đã cho ý kiến"),
                    st.intersession_matters_answered,
                    matters(answered=1),
                ),
                Figure("appraisals", _("báo cáo, tờ trình thẩm định"), st.appraisals, appraisals()),
                Figure(
                    "appraisals_answered",
                    _("đã trả lời thẩm định"),
                    st.appraisals_answered,
                    appraisals(answered=1),
                ),
            ],
        )
    )

    p = figures.petitions
    meetings = link("voters:votermeeting_list", **scope)
    cards.append(
        Card(
            "meetings",
            _("Tiếp xúc cử tri"),
            "bi-megaphone",
            Figure("total", _("cuộc tiếp xúc"), p.meetings, meetings),
            [
                Figure(
                    "voters",
                    _("lượt cử tri tham dự"),
                    p.voters_attended,
                    meetings,
                    measure="voters",
                )
            ],
        )
    )
    url = lambda **q: link("voters:voterpetition_list", **scope, **q)  # noqa: E731
    cards.append(
        Card(
            "petitions",
            _("Kiến nghị của cử tri"),
            "bi-chat-square-text",
            Figure("total", _("lượt kiến nghị"), p.instances, url(), measure="instances"),
            [
                Figure(f"status:{code}", label, count, url(status=code), measure="instances")
                for code, label, count in p.by_status
            ]
            + [
                Figure(
                    "answered_rate",
                    _("tỷ lệ trả lời"),
                    p.answered_rate,
                    url(answered=1),
                    measure="instances",
                    linked_count=p.answered_instances,
                ),
                Figure(
                    "resolved_rate",
                    _("tỷ lệ đã giải quyết"),
                    p.resolved_rate,
                    url(status="resolved"),
                    measure="instances",
                    linked_count=p.resolved_instances,
                ),
                Figure(
                    "overdue",
                    _("quá hạn chưa trả lời"),
                    p.unanswered_overdue,
                    url(unanswered_overdue=1),
                    warn=bool(p.unanswered_overdue),
                ),
            ],
        )
    )

    lt = figures.letters
    letters = lambda **q: link("voters:letter_list", **scope, **q)  # noqa: E731
    receptions = link("voters:citizenreception_list", **scope)
    cards.append(
        Card(
            "letters",
            _("Đơn thư, tiếp công dân"),
            "bi-envelope",
            Figure("total", _("đơn thư"), lt.letters, letters()),
            [
                Figure(f"kind:{code}", label, count, letters(kind=code))
                for code, label, count in lt.by_kind
            ]
            + [
                Figure("forwarded", _("đã chuyển"), lt.forwarded, letters(forwarded=1)),
                Figure("receptions", _("buổi tiếp công dân"), lt.receptions, receptions),
                Figure(
                    "citizens",
                    _("lượt công dân"),
                    lt.citizens_received,
                    receptions,
                    measure="persons",
                ),
            ],
        )
    )

    c = figures.cases
    # A year's only: the case list is filtered by year, it has no term (AnnualFigures.cases).
    if c is not None and figures.year is not None:
        cases = lambda **q: link("voters:case_list", year=figures.year, **q)  # noqa: E731
        cards.append(
            Card(
                "cases",
                _("Khiếu nại, tố cáo"),
                "bi-folder2-open",
                Figure("total", _("vụ việc"), c.cases, cases()),
                [
                    Figure(f"kind:{code}", label, count, cases(kind=code))
                    for code, label, count in c.cases_by_kind
                ]
                + [
                    Figure("letters", _("đơn tiếp nhận"), c.letters, letters()),
                    Figure(
                        "in_time_rate",
                        _("đơn xử lý đúng hạn"),
                        c.in_time_rate,
                        letters(processing="in_time"),
                        linked_count=c.processed_in_time,
                    ),
                    Figure(
                        "processing_overdue",
                        _("đơn quá hạn chưa xử lý"),
                        c.processing_overdue,
                        letters(processing="overdue"),
                        warn=bool(c.processing_overdue),
                    ),
                    Figure(
                        "answer_overdue",
                        _("vụ việc quá hạn trả lời"),
                        c.answer_overdue,
                        cases(overdue=1),
                        warn=bool(c.answer_overdue),
                    ),
                ],
            )
        )
    return cards
