"""The leaders' dashboard as data: cards of figures (reports.dashboard.cards), each linked to
the list that counts it and set beside the year before, and the panels beside them
(reports.dashboard.panels): what needs attention, the oversight programme planned against done,
the next sessions' preparation.

Built from the apps' selectors (reports.selectors.annual_figures and a few reads of their
own), so the page costs the same queries whatever the volume of data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from council.models import Council, Term
from reports import selectors
from reports.charts import figure_charts
from reports.dashboard import panels
from reports.dashboard.cards import Card, Figure, dashboard_cards
from reports.dashboard.panels import Attention, ProgrammeLine, SessionLine

__all__ = ["Card", "Dashboard", "Figure", "dashboard_data", "default_year", "years_with_data"]


@dataclass(frozen=True)
class Dashboard:
    cards: list[Card]
    charts: list[Any]
    attention: Attention
    programmes: list[ProgrammeLine]
    sessions: list[SessionLine]
    trend_term: Term | None
    data_years: list[int]  # the years that have sessions, newest first

    @property
    def figures(self) -> list[Figure]:
        """Every figure of the page that links somewhere."""
        found = [f for card in self.cards for f in card.figures]
        found += [row.figure for row in self.attention.recommendations + self.attention.petitions]
        found += [f for line in self.programmes for f in (line.planned, line.done)]
        found += [f for line in self.sessions for f in line.figures]
        return [f for f in found if f.url]


def years_with_data(*, council: Council) -> list[int]:
    """The years that have sessions, newest first (reports.selectors.term_trend_and_years): a
    council meets every year, so a year without a session has not been entered yet. Read
    before the figures only to choose the year the page opens on (Dashboard.data_years has
    them otherwise)."""
    return selectors.term_trend_and_years(council=council, term=None)[1]


def default_year(*, data_years: list[int], today: dt.date) -> int:
    """The year the dashboard opens on: this year once it has data, else the latest year up to
    this one that has (figures are often entered after the fact), else this year."""
    if today.year in data_years:
        return today.year
    return next((y for y in data_years if y < today.year), today.year)


def _trend_term(*, year: int | None, term: Term | None, terms: list[Term]) -> Term | None:
    """The term whose years the charts show: the one viewed, else the one the year ends in
    (or begins in, for a year after the last term's end)."""
    if term is not None or year is None:
        return term
    for day in (dt.date(year, 12, 31), dt.date(year, 1, 1)):
        found = next((t for t in terms if t.contains(day)), None)
        if found is not None:
            return found
    return None


def dashboard_data(
    *, council: Council, year: int | None, term: Term | None, terms: list[Term], today: dt.date
) -> Dashboard:
    """Everything the dashboard shows for a year (beside the year before) or a term (`terms`:
    the council's)."""
    trend_term = _trend_term(year=year, term=term, terms=terms)
    previous: selectors.AnnualFigures | None = None
    if year is not None:
        # The year and the year before from the same grouped statements.
        of_years = selectors.annual_figures_of_years(
            council=council, years=(year, year - 1), today=today
        )
        figures, previous = of_years[year], of_years[year - 1]
    else:
        figures = selectors.annual_figures(council=council, term=term, today=today)
    # The trend's statement also reads the years that have sessions: no query of their own.
    trend, data_years = selectors.term_trend_and_years(
        council=council, term=trend_term, today=today
    )
    return Dashboard(
        cards=dashboard_cards(figures=figures, previous=previous),
        # SVG escaped in charts.py, inserted with |safe
        charts=figure_charts(figures, trend),
        attention=panels.attention(council=council, today=today),
        programmes=panels.programmes(council=council, year=year, term=term),
        sessions=panels.sessions(council=council, today=today),
        trend_term=trend_term,
        data_years=data_years,
    )
