from __future__ import annotations

import datetime as dt

import pytest

from council.models import Committee
from oversight import selectors
from oversight.models import (
    Actor,
    Kind,
    OversightProgramme,
    OversightRecommendation,
    ProgrammeItem,
    Question,
)
from oversight.services import programme_item_save, programme_save, question_save

pytestmark = pytest.mark.django_db

D = dt.date
Status = OversightRecommendation.Status


# --- year attribution ----------------------------------------------------------------------


def test_activity_counts_in_the_year_of_its_end_date(council, make_activity):
    make_activity(topic="Tháng 12 sang tháng 1", start_date=D(2019, 12, 9), end_date=D(2020, 1, 10))

    assert selectors.activity_list(council=council, year=2019).count() == 0
    assert selectors.activity_list(council=council, year=2020).count() == 1
    assert selectors.oversight_counts(council=council, year=2019).standing_thematic == 0
    assert selectors.oversight_counts(council=council, year=2020).standing_thematic == 1


def test_activity_without_end_date_counts_in_the_year_it_started(council, make_activity):
    make_activity(start_date=D(2019, 12, 20), end_date=None)

    assert selectors.activity_list(council=council, year=2019).count() == 1
    assert selectors.activity_list(council=council, year=2020).count() == 0
    assert selectors.activity_list(council=council).get().attributed_year == 2019


def test_counts_by_year_use_the_same_rule(council, term, make_activity):
    make_activity(start_date=D(2018, 12, 3), end_date=D(2019, 1, 15))
    make_activity(start_date=D(2019, 3, 1))
    make_activity(start_date=D(2020, 3, 1), end_date=D(2020, 3, 2))

    assert selectors.oversight_counts_by_year(council=council, term=term) == [(2019, 2), (2020, 1)]


def test_recommendations_count_in_the_year_of_their_activity(
    council, make_activity, make_recommendation
):
    late = make_activity(start_date=D(2019, 12, 1), end_date=D(2020, 1, 5))
    make_recommendation(activity=late)

    assert selectors.recommendation_counts(council=council, year=2019).total == 0
    assert selectors.recommendation_counts(council=council, year=2020).total == 1
    assert selectors.recommendation_list(council=council, year=2020).count() == 1


# --- overdue, computed from today ------------------------------------------------------------

TODAY = D(2020, 3, 15)


@pytest.mark.parametrize(
    ("deadline", "status", "overdue"),
    [
        (TODAY, Status.NOT_STARTED, False),  # due today: not late yet
        (TODAY - dt.timedelta(days=1), Status.NOT_STARTED, True),
        (TODAY - dt.timedelta(days=1), Status.IN_PROGRESS, True),
        (TODAY - dt.timedelta(days=1), Status.PARTLY_DONE, True),
        (TODAY - dt.timedelta(days=300), Status.DONE, False),  # done is never overdue
        (None, Status.NOT_STARTED, False),
    ],
)
def test_overdue_is_computed_around_the_deadline(
    council, make_recommendation, deadline, status, overdue
):
    rec = make_recommendation(deadline=deadline, status=status)

    assert rec.is_overdue(TODAY) is overdue
    assert selectors.recommendation_counts(council=council, today=TODAY).overdue == int(overdue)
    listed = selectors.recommendation_overdue_list(council=council, today=TODAY)
    assert list(listed) == ([rec] if overdue else [])
    flagged = selectors.recommendation_list(council=council, today=TODAY).get()
    assert flagged.is_overdue_now is overdue


def test_overdue_moves_with_today_without_any_write(council, make_recommendation):
    rec = make_recommendation(deadline=D(2020, 3, 15))

    assert not selectors.recommendation_overdue_list(council=council, today=D(2020, 3, 15)).exists()
    assert list(selectors.recommendation_overdue_list(council=council, today=D(2020, 3, 16))) == [
        rec
    ]


def test_overdue_list_is_sorted_by_days_overdue_in_sql(council, make_recommendation):
    a = make_recommendation(content="Mười ngày", deadline=TODAY - dt.timedelta(days=10))
    b = make_recommendation(content="Một trăm ngày", deadline=TODAY - dt.timedelta(days=100))
    c = make_recommendation(content="Một ngày", deadline=TODAY - dt.timedelta(days=1))

    rows = list(selectors.recommendation_overdue_list(council=council, today=TODAY))

    assert rows == [b, a, c]
    assert [r.days_overdue.days for r in rows] == [100, 10, 1]
    assert rows[0].days_overdue.days == b.days_overdue(TODAY)


def test_overdue_list_filters_by_addressee_and_committee(
    council, committee, other_committee, organization, make_activity, make_recommendation
):
    ours = make_activity(actor=Actor.COMMITTEE, committee=committee)
    theirs = make_activity(actor=Actor.COMMITTEE, committee=other_committee)
    mine = make_recommendation(activity=ours, deadline=D(2019, 6, 1))
    make_recommendation(activity=theirs, deadline=D(2019, 6, 1))

    by_committee = selectors.recommendation_overdue_list(
        council=council, today=TODAY, committee=committee
    )
    assert list(by_committee) == [mine]
    assert (
        selectors.recommendation_overdue_list(
            council=council, today=TODAY, addressee=organization.pk
        ).count()
        == 2
    )


def test_recommendation_counts_give_every_status(council, make_recommendation):
    make_recommendation(status=Status.DONE, deadline=D(2019, 1, 1))
    make_recommendation(status=Status.IN_PROGRESS, deadline=D(2019, 1, 1))
    make_recommendation(status=Status.IN_PROGRESS, deadline=D(2030, 1, 1))

    counts = selectors.recommendation_counts(council=council, today=TODAY)

    assert counts.total == 3
    assert counts.overdue == 1
    by_status = {code: n for code, _label, n in counts.by_status}
    assert by_status == {
        "not_started": 0,
        "in_progress": 2,
        "done": 1,
        "partly_done": 0,
        "not_implemented": 0,
    }
    assert ("done", "Hoàn thành", 1) in counts.by_status


# --- counts by actor and kind ----------------------------------------------------------------


def test_oversight_counts_by_actor_and_kind(
    council, term, committee, other_committee, make_activity
):
    make_activity(actor=Actor.COUNCIL)
    make_activity(actor=Actor.STANDING)
    make_activity(actor=Actor.STANDING, kind=Kind.INSPECTION)
    make_activity(actor=Actor.STANDING, kind=Kind.EXPLANATION)
    questioning = make_activity(actor=Actor.STANDING, kind=Kind.QUESTIONING_INTERSESSION)
    make_activity(actor=Actor.COMMITTEE, committee=committee)
    make_activity(actor=Actor.COMMITTEE, committee=committee)
    make_activity(actor=Actor.COMMITTEE, committee=other_committee, kind=Kind.SURVEY)
    make_activity(actor=Actor.COMMITTEE, committee=committee, start_date=D(2018, 1, 1))
    for text in ("Câu một", "Câu hai"):
        question_save(question=Question(activity=questioning, content=text))

    counts = selectors.oversight_counts(council=council, year=2019)

    assert counts.hdnd_thematic == 1
    assert counts.standing_thematic == 1
    assert counts.standing_inspections == 1
    assert counts.explanation_hearings == 1
    assert counts.questioning_between_sessions == 1
    assert counts.committee_thematic == 2
    assert counts.committee_by_name == (("Ban Pháp chế", 0), ("Ban Kinh tế - Ngân sách", 2))
    assert counts.questions_total == 2
    assert counts.total == 8
    assert ("committee", "survey", 1) in counts.by_actor_kind
    assert selectors.oversight_counts(council=council, term=term).total == 9


def test_oversight_counts_take_a_bounded_number_of_queries(
    council, committee, make_activity, django_assert_max_num_queries
):
    for i in range(6):
        make_activity(actor=Actor.COMMITTEE, committee=committee, topic=f"Chuyên đề {i}")

    with django_assert_max_num_queries(3):
        selectors.oversight_counts(council=council, year=2019)
    with django_assert_max_num_queries(1):
        selectors.recommendation_counts(council=council, year=2019)


def test_counts_ignore_another_council(council, term, make_activity):
    from council.models import Council, Term

    other = Council.objects.create(
        name="HĐND tỉnh Khác",
        short_name="Khác",
        place_name="Khác",
        header_name="X",
        secretariat_name="VP",
    )
    other_term = Term.objects.create(
        council=other, ordinal=1, roman="I", start_date=D(2016, 1, 1), end_date=D(2021, 1, 1)
    )
    make_activity(term=other_term)

    assert selectors.oversight_counts(council=council, year=2019).total == 0
    assert selectors.activity_list(council=council).count() == 0


# --- planned against done --------------------------------------------------------------------


def test_programme_shows_planned_against_done(term, committee, make_activity):
    programme = programme_save(programme=OversightProgramme(term=term, year=2019))
    done = programme_item_save(
        item=ProgrammeItem(programme=programme, actor=Actor.STANDING, topic="Đất đai")
    )
    late = programme_item_save(
        item=ProgrammeItem(programme=programme, actor=Actor.STANDING, topic="Y tế")
    )
    programme_item_save(
        item=ProgrammeItem(
            programme=programme, actor=Actor.COMMITTEE, committee=committee, topic="Giáo dục"
        )
    )
    make_activity(programme_item=done, start_date=D(2019, 5, 1))
    make_activity(programme_item=done, start_date=D(2019, 9, 1))
    # Carried out only in the next year: not done in the 2019 programme.
    make_activity(programme_item=late, start_date=D(2019, 12, 20), end_date=D(2020, 1, 8))

    progress = selectors.programme_progress(programme=programme)

    assert (progress.planned, progress.done) == (3, 1)
    items = selectors.programme_items(programme=programme)
    assert {i.topic: i.done_count for i in items} == {
        "Đất đai": 2,
        "Y tế": 0,
        "Giáo dục": 0,
    }


def test_committee_by_name_merges_the_same_ban_across_terms(council, term, make_activity):
    from council.models import Term

    next_term = Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=D(2021, 6, 1)
    )
    old = Committee.objects.create(term=term, code="dan_toc", name="Ban Dân tộc")
    new = Committee.objects.create(term=next_term, code="dan_toc", name="Ban Dân tộc")
    make_activity(actor=Actor.COMMITTEE, committee=old, start_date=D(2021, 3, 1))
    make_activity(term=next_term, actor=Actor.COMMITTEE, committee=new, start_date=D(2021, 9, 1))

    counts = selectors.oversight_counts(council=council, year=2021)

    assert counts.committee_by_name == (("Ban Dân tộc", 2),)
