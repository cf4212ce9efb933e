"""The dashboard a chairman opens (issue 17): it opens on a year that has figures and says so,
sets each figure beside the year before, shows what is overdue by the agency that owes it, the
oversight programme planned against done and the next sessions' preparation, in a number of
queries that does not grow with the data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from core.services import record_save
from council.models import Organization, Term
from oversight.models import Actor, Kind, OversightActivity, OversightProgramme, ProgrammeItem
from oversight.models import OversightRecommendation as Recommendation
from oversight.services import (
    activity_save,
    programme_item_save,
    programme_save,
    recommendation_save,
)
from resolutions.services import resolution_create
from sessions.models import AgendaItem, Session
from sessions.services import agenda_item_save
from voters import services as voters_services
from voters.models import VoterPetition

pytestmark = pytest.mark.django_db

D = dt.date
DASHBOARD = reverse("reports:dashboard")


def _session(term: Term, number: int, day: dt.date, kind: str = "regular") -> Session:
    return record_save(
        instance=Session(term=term, number=number, kind=kind, start_date=day, end_date=day)
    )


def _figure(response, card: str, key: str):
    cards = {c.key: c for c in response.context["dashboard"].cards}
    return next(f for f in cards[card].figures if f.key == key)


# --- the first screen ------------------------------------------------------------------------


def test_dashboard_opens_on_the_latest_year_with_data_and_says_so(leader_client, term):
    this_year = timezone.localdate().year
    _session(term, 1, D(2018, 7, 10))
    _session(term, 2, D(2019, 7, 10))
    response = leader_client.get(reverse("home"))
    assert response.context["year"] == 2019
    assert _figure(response, "sessions", "total").value == 1
    html = response.content.decode()
    assert (
        f"Năm {this_year} chưa có số liệu kỳ họp; đang hiển thị năm 2019, năm gần nhất đã có số "
        "liệu." in html
    )
    # A year asked for is shown as asked, even empty (with the years that have figures).
    asked = leader_client.get(DASHBOARD + f"?year={this_year}")
    assert asked.context["year"] == this_year
    assert "đang hiển thị năm" not in asked.content.decode()
    assert 'href="?year=2019"' in asked.content.decode()


def test_dashboard_opens_on_this_year_once_it_has_data(leader_client, council):
    today = timezone.localdate()
    term = Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=D(today.year - 1, 1, 1)
    )
    _session(term, 1, D(today.year - 1, 7, 10))
    _session(term, 2, D(today.year, 1, 1))
    response = leader_client.get(reverse("home"))
    assert response.context["year"] == today.year
    assert "đang hiển thị năm" not in response.content.decode()


# --- beside each figure, the year before ------------------------------------------------------


def test_each_card_sets_its_figures_beside_the_year_before(leader_client, council, term):
    for number, (day, kind) in enumerate(
        [
            (D(2018, 7, 10), "regular"),
            (D(2019, 4, 1), "thematic"),
            (D(2019, 7, 10), "regular"),
            (D(2019, 12, 10), "regular"),
        ],
        start=1,
    ):
        _session(term, number, day, kind)
    resolution_create(council=council, adopted_date=D(2018, 7, 12), title="Nghị quyết 2018")
    response = leader_client.get(DASHBOARD + "?year=2019")
    sessions = _figure(response, "sessions", "total")
    assert (sessions.value, sessions.previous, sessions.change_display) == (3, 1, "+2")
    thematic = _figure(response, "sessions", "thematic")
    assert (thematic.value, thematic.previous, thematic.change_display) == (1, 0, "+1")
    resolutions = _figure(response, "resolutions", "total")
    assert (resolutions.value, resolutions.previous, resolutions.change_display) == (0, 1, "−1")
    html = response.content.decode()
    assert "+2 so với 2018" in html
    assert "−1 so với 2018" in html
    assert "Năm 2018: 1" in html  # the year before's figure, on hover
    # A whole term has no "year before".
    term_page = leader_client.get(DASHBOARD + f"?term={term.pk}")
    assert _figure(term_page, "sessions", "total").previous is None
    assert "so với" not in term_page.content.decode()


# --- what needs attention ----------------------------------------------------------------------


@pytest.fixture
def agencies(db) -> tuple[Organization, Organization]:
    return (
        Organization.objects.create(name="Sở Tài chính", short_name="STC", kind="department"),
        Organization.objects.create(name="Sở Y tế", short_name="SYT", kind="department"),
    )


def test_needs_attention_groups_what_is_overdue_by_the_agency_that_owes_it(
    leader_client, term, staff_user, agencies
):
    today = timezone.localdate()
    finance, health = agencies
    activity = activity_save(
        activity=OversightActivity(
            term=term,
            actor=Actor.STANDING,
            kind=Kind.THEMATIC_SUPERVISION,
            topic="Giám sát chi ngân sách",
            start_date=D(2019, 5, 6),
        )
    )

    def recommend(agency: Organization, days_late: int, **extra) -> None:
        recommendation_save(
            recommendation=Recommendation(
                activity=activity,
                content=f"Kiến nghị {days_late}",
                addressee=agency,
                deadline=today - dt.timedelta(days=days_late),
                **extra,
            )
        )

    recommend(finance, 40)
    recommend(finance, 10)
    recommend(health, 5)
    recommend(health, 0)  # due today: not late yet
    recommend(health, 90, status=Recommendation.Status.DONE)  # done: not late
    petitions = [
        voters_services.petition_save(
            petition=VoterPetition(
                term=term, received_date=D(2019, 6, 1), content=f"Kiến nghị {i}", instances=i
            ),
            user=staff_user,
        )
        for i in (2, 3)
    ]
    voters_services.forwarding_batch_create(
        term=term,
        recipient=health,
        number="1/HĐND-VP",
        date=today - dt.timedelta(days=45),
        petitions=petitions,
        user=staff_user,
    )
    response = leader_client.get(DASHBOARD + "?year=2019")
    attention = response.context["dashboard"].attention
    late = [(r.agency, r.figure.value, r.days_overdue) for r in attention.recommendations]
    assert late == [("Sở Tài chính", 2, 40), ("Sở Y tế", 1, 5)]
    assert [
        (r.agency, r.figure.value, r.instances, r.days_overdue) for r in attention.petitions
    ] == [
        ("Sở Y tế", 2, 5, 15)  # 45 days since the letter, 30 to answer
    ]
    finance_list = leader_client.get(attention.recommendations[0].figure.url)
    assert finance_list.context["table"].paginator.count == 2
    health_list = leader_client.get(attention.petitions[0].figure.url)
    assert health_list.context["table"].paginator.count == 2
    assert "(5 lượt)" in health_list.content.decode()
    html = response.content.decode()
    assert "Cần chú ý" in html and "quá hạn đến 40 ngày" in html


# --- the oversight programme and the next sessions ---------------------------------------------


def test_programme_planned_against_done_for_the_year(leader_client, council, term):
    resolution = resolution_create(
        council=council, adopted_date=D(2018, 12, 10), title="Chương trình giám sát năm 2019"
    )
    programme = programme_save(
        programme=OversightProgramme(term=term, year=2019, adopted_by=resolution)
    )
    items = [
        programme_item_save(
            item=ProgrammeItem(
                programme=programme, actor=Actor.STANDING, topic=f"Nội dung {i}", order=i
            )
        )
        for i in range(3)
    ]
    for item, end in ((items[0], D(2019, 6, 1)), (items[1], D(2020, 1, 10))):
        activity_save(
            activity=OversightActivity(
                term=term,
                actor=Actor.STANDING,
                kind=Kind.THEMATIC_SUPERVISION,
                topic=item.topic,
                start_date=D(2019, 5, 1),
                end_date=end,  # the second ends in 2020: not done in 2019's programme
                programme_item=item,
            )
        )
    response = leader_client.get(DASHBOARD + "?year=2019")
    (line,) = response.context["dashboard"].programmes
    assert (line.planned.value, line.done.value, line.percent) == (3, 1, 33)
    assert "Đã thực hiện 1/3 nội dung" in response.content.decode()
    page = leader_client.get(line.done.url)
    assert (page.context["progress"].planned, page.context["progress"].done) == (3, 1)
    assert leader_client.get(DASHBOARD + "?year=2018").context["dashboard"].programmes == []


def test_next_sessions_show_how_far_their_documents_have_come(
    leader_client, council, term, committee
):
    today = timezone.localdate()
    later = Term.objects.create(council=council, ordinal=10, roman="X", start_date=D(2021, 6, 1))
    past = _session(term, 1, D(2019, 7, 10))
    soon = _session(later, 1, today + dt.timedelta(days=20))
    after = _session(later, 2, today + dt.timedelta(days=60), "thematic")
    docs = [
        (AgendaItem.DocType.SUBMISSION, committee),
        (AgendaItem.DocType.SUBMISSION, committee),
        (AgendaItem.DocType.SUBMISSION, None),
        (AgendaItem.DocType.REVIEW_REPORT, committee),
        (AgendaItem.DocType.REPORT, None),
    ]
    for order, (doc_type, ban) in enumerate(docs, start=1):
        agenda_item_save(
            item=AgendaItem(
                session=soon, order=order, doc_type=doc_type, title=f"Văn bản {order}",
                reviewing_committee=ban,
            )
        )  # fmt: skip
    response = leader_client.get(DASHBOARD + "?year=2019")
    lines = response.context["dashboard"].sessions
    assert [line.start_date for line in lines] == [soon.start_date, after.start_date]
    first = {f.key: f.value for f in lines[0].figures}
    assert first == {"submissions": 3, "to_review": 2, "reviews": 1, "agenda": 5}
    assert all(line.ahead for line in lines)
    html = response.content.decode()
    assert "Kỳ họp sắp tới" in html and "Tờ trình giao Ban thẩm tra" in html
    # None planned: the latest ones, said as such.
    Session.objects.filter(term=later).delete()
    response = leader_client.get(DASHBOARD + "?year=2019")
    assert [line.url.split("#")[0] for line in response.context["dashboard"].sessions] == [
        past.get_absolute_url()
    ]
    assert "Kỳ họp gần nhất" in response.content.decode()


def test_resolutions_without_a_field_link_to_the_unclassified_ones(leader_client, council, term):
    resolution_create(council=council, adopted_date=D(2019, 7, 12), title="Không lĩnh vực")
    response = leader_client.get(DASHBOARD + "?year=2019")
    unclassified = _figure(response, "resolutions", "field:Chưa phân loại")
    assert unclassified.value == 1
    listed = leader_client.get(unclassified.url)
    assert listed.context["table"].paginator.count == 1
    assert '<option value="null" selected>Chưa phân loại</option>' in listed.content.decode()


# --- queries --------------------------------------------------------------------------------


def _add_year_of_work(*, council, term, committee, organization, staff_user, count: int) -> None:
    """`count` more of each record the dashboard and its panels read, in 2018 and 2019."""
    today = timezone.localdate()
    base = Session.objects.filter(term=term).count()
    for i in range(count):
        day = D(2018 + i % 2, 1 + i % 12, 1 + i % 28)
        session = _session(term, base + i + 1, day, "thematic" if i % 2 else "regular")
        agenda_item_save(
            item=AgendaItem(
                session=session, order=1, title=f"Tờ trình {i}", reviewing_committee=committee
            )
        )
        resolution_create(council=council, adopted_date=day, title=f"Nghị quyết {base + i}")
        activity = activity_save(
            activity=OversightActivity(
                term=term,
                actor=Actor.COMMITTEE,
                committee=committee,
                kind=Kind.THEMATIC_SUPERVISION,
                topic=f"Giám sát {base + i}",
                start_date=day,
                end_date=day,
            )
        )
        recommendation_save(
            recommendation=Recommendation(
                activity=activity,
                content=f"Kiến nghị {base + i}",
                addressee=organization,
                deadline=today - dt.timedelta(days=i + 1),
            )
        )
        petition = voters_services.petition_save(
            petition=VoterPetition(
                term=term, received_date=day, content=f"Kiến nghị {base + i}", instances=2
            ),
            user=staff_user,
        )
        voters_services.forwarding_batch_create(
            term=term, recipient=organization, number=f"{base + i}/HĐND-VP", date=D(2019, 12, 30),
            petitions=[petition], user=staff_user,
        )  # fmt: skip
    programme = OversightProgramme.objects.filter(term=term, year=2019).first()
    programme = programme or programme_save(programme=OversightProgramme(term=term, year=2019))
    for i in range(count):
        programme_item_save(
            item=ProgrammeItem(programme=programme, actor=Actor.STANDING, topic=f"Nội dung {i}")
        )


# Queries of the dashboard (nothing is cached): the session, the user and his roles (3), the
# current council (1) and its terms (1), the figures of the year and of the year before from
# the same statements grouped by year (12: reports.selectors.annual_figures_of_years, two of
# them the casework's letters and cases), the term's trend with the years that have sessions
# (1), the panels: overdue recommendations and petitions, the programme, the sessions ahead
# (4). The term view has no year before: its
# figures take annual_figures' 10 (no casework card: the case list has no term).
YEAR_QUERIES = 22
TERM_QUERIES = 20


@pytest.mark.parametrize("rows", [2, 12])
def test_dashboard_queries_do_not_grow_with_the_data(
    rows, leader_client, council, term, committee, organization, staff_user,
    django_assert_num_queries,
):  # fmt: skip
    _add_year_of_work(
        council=council, term=term, committee=committee, organization=organization,
        staff_user=staff_user, count=rows,
    )  # fmt: skip
    leader_client.get(reverse("council:registry"))  # the session's first request reads more
    with django_assert_num_queries(YEAR_QUERIES):
        response = leader_client.get(DASHBOARD + "?year=2019")
    dashboard = response.context["dashboard"]
    assert _figure(response, "sessions", "total").value == rows // 2
    assert dashboard.attention.recommendations[0].figure.value == rows
    assert dashboard.programmes[0].planned.value == rows
    with django_assert_num_queries(TERM_QUERIES):
        leader_client.get(DASHBOARD + f"?term={term.pk}")


def test_figures_of_two_years_are_those_of_each_year(
    council, term, committee, organization, staff_user, django_assert_num_queries
):
    """The dashboard reads the year and the year before from the same grouped statements
    (annual_figures_of_years): every figure as annual_figures gives it for that year alone,
    except the thematic supervisions per Ban, which the dashboard does not show."""
    import dataclasses

    from core.services import record_save
    from reports.selectors import annual_figures, annual_figures_of_years
    from voters.models import PetitionField

    _add_year_of_work(
        council=council, term=term, committee=committee, organization=organization,
        staff_user=staff_user, count=7,
    )  # fmt: skip
    soil = record_save(instance=PetitionField(name="Đất đai - môi trường", order=2))
    for day, field, ban in [(D(2019, 3, 1), soil, committee), (D(2018, 5, 2), soil, None)]:
        voters_services.petition_save(
            petition=VoterPetition(
                term=term, received_date=day, content="Kiến nghị có lĩnh vực", instances=3,
                field=field, committee=ban,
            ),
            user=staff_user,
        )  # fmt: skip
    today = D(2020, 2, 1)
    with django_assert_num_queries(12):
        both = annual_figures_of_years(council=council, years=(2019, 2018), today=today)
    assert both[2019].petitions.by_field != both[2018].petitions.by_field  # data in each year
    for year in (2019, 2018, 2017):
        alone = annual_figures(council=council, year=year, today=today)
        alone = dataclasses.replace(
            alone,
            oversight=dataclasses.replace(alone.oversight, committee_by_name=()),
            reviews=None,
            cases=alone.cases.without_breakdowns(),
        )
        got = annual_figures_of_years(council=council, years=(year, year - 1), today=today)
        assert got[year] == alone


def test_figures_of_years_apart_are_those_of_each_year(council, term, committee, staff_user):
    """The petitions and letters of the years asked for are told apart by their day (a CASE on
    the day, voters.selectors._year_of), for years that are not next to each other too: the
    year between them is read, and counted in neither."""
    from voters.models import Letter
    from voters.selectors import (
        letter_stats,
        letter_stats_of_years,
        petition_stats,
        petition_stats_of_years,
    )

    days = [D(2017, 1, 1), D(2017, 12, 31), D(2018, 1, 1), D(2018, 6, 30), D(2019, 1, 1)]
    for i, day in enumerate(days):
        voters_services.petition_save(
            petition=VoterPetition(
                term=term, received_date=day, content=f"Kiến nghị {i}", instances=i + 1,
                committee=committee if i % 2 else None,
            ),
            user=staff_user,
        )  # fmt: skip
        voters_services.letter_save(
            letter=Letter(
                term=term, received_date=day, kind=Letter.Kind.COMPLAINT, summary=f"Đơn {i}"
            ),
            user=staff_user,
        )
    today = D(2020, 2, 1)
    petitions = petition_stats_of_years(council=council, years=(2019, 2017), today=today)
    letters = letter_stats_of_years(council=council, years=(2019, 2017))
    assert set(petitions) == set(letters) == {2019, 2017}
    assert (petitions[2017].instances, petitions[2019].instances) == (1 + 2, 5)
    for year in (2019, 2017):
        assert petitions[year] == petition_stats(council=council, year=year, today=today)
        assert letters[year] == letter_stats(council=council, year=year)


def test_breakdown_lines_escape_their_labels(leader_client, council, term, staff_user):
    """A card's breakdown is joined in Python (reports.dashboard.cards.Card.details_html): a
    name typed by a user is escaped there as the template escaped it."""
    from resolutions.models import ResolutionField

    field = record_save(instance=ResolutionField(name='Đất <đai> & "rừng"', order=1))
    resolution_create(council=council, adopted_date=D(2019, 3, 1), title="Nghị quyết", field=field)
    html = leader_client.get(DASHBOARD + "?year=2019").content.decode()
    assert "<span>Đất &lt;đai&gt; &amp; &quot;rừng&quot;</span>" in html
    assert "<đai>" not in html
