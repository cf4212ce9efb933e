"""Every link of the dashboard opens the list that counts its figure, and that list shows the
same number (issue 17): its rows, or the sum it prints beside them (lượt, voters, citizens,
questions); a rate's list holds the records of its numerator. Walked on the demo data for a
year and for a whole term."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

from council.models import Term
from reports.dashboard import Dashboard, Figure
from reports.dashboard.cards import list_url

pytestmark = pytest.mark.django_db


class _Links(HTMLParser):
    """The href of every link inside <main> (the menu and the footer are not the page's)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.inside = True
        elif tag == "a" and self.inside:
            self.hrefs.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.inside = False


def _hrefs(html: str) -> set[str]:
    parser = _Links()
    parser.feed(html)
    return set(parser.hrefs)


def _count_on(response, measure: str) -> int:
    """The number the page shows for `measure` (Figure.measure), read from its context."""
    ctx = response.context
    if measure == "rows":
        return ctx["table"].paginator.count
    if measure in ("planned", "done"):
        return getattr(ctx["progress"], measure)
    if measure.startswith("agenda:"):
        kind = measure.removeprefix("agenda:")
        items = list(ctx["agenda"])
        if kind == "all":
            return len(items)
        if kind == "to_review":
            return sum(1 for i in items if i.doc_type == "submission" and i.reviewing_committee_id)
        return sum(1 for i in items if i.doc_type == kind)
    return {total.key: total.value for total in ctx["list_totals"]}[measure]


def _walk(client, url: str) -> tuple[Dashboard, list[str]]:
    response = client.get(url)
    assert response.status_code == 200
    dashboard: Dashboard = response.context["dashboard"]
    figures: list[Figure] = dashboard.figures
    # Nothing on the page links anywhere unchecked: every link is a figure's, or one of the
    # page's own ways elsewhere (another year, the report, the full overdue lists...).
    own = {
        dashboard.attention.recommendations_url,
        dashboard.attention.petitions_url,
        reverse("oversight:programme_list"),
    }
    communes = reverse("reports:communes")
    if year := response.context["year"]:
        own.add(reverse("reports:annualreport_detail", args=[year]))
        communes += f"?year={year}"
    own.add(communes)
    # The province's commune councils: the demo's three, each a row.
    assert len(client.get(communes).context["rows"]) == 3
    unchecked = {
        href
        for href in _hrefs(response.content.decode()) - {f.url for f in figures} - own
        if not href.startswith("?year=")
    }
    assert not unchecked
    wrong = []
    for figure in figures:
        page = client.get(figure.url)
        assert page.status_code == 200, figure.url
        shown = _count_on(page, figure.measure)
        if shown != figure.count_on_list:
            wrong.append(f"{figure.label} = {figure.count_on_list}, {figure.url} shows {shown}")
    return dashboard, wrong


def test_every_link_of_the_dashboard_opens_a_list_that_counts_the_same_number(leader_client):
    call_command("load_demo", verbosity=0)
    term = Term.objects.get(roman="XVI")
    for url in (
        reverse("reports:dashboard") + "?year=2019",
        reverse("reports:dashboard") + f"?term={term.pk}",
    ):
        dashboard, wrong = _walk(leader_client, url)
        assert wrong == [], url
        values = {(c.key, f.key): f.value for c in dashboard.cards for f in c.figures}
        # The walk compared real figures, not zeros: the demo's 2019 and its term.
        assert values[("petitions", "total")] > 0
        assert values[("meetings", "voters")] > 0
        assert values[("letters", "citizens")] > 0
        assert values[("questioning", "questions")] > 0
        assert values[("standing", "matters_answered")] > 0
        assert dashboard.attention.recommendations and dashboard.attention.petitions
    assert dashboard.programmes and dashboard.sessions  # the term's: programmes 2019, 2020


def test_a_list_that_does_not_exist_fails_loudly_instead_of_linking_elsewhere():
    with pytest.raises(NoReverseMatch):
        list_url("voters:petition_list", year=2019)
