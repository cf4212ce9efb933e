from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.voters.conftest import answer
from voters import selectors, services
from voters.models import CitizenReception, Letter, VoterPetition

pytestmark = pytest.mark.django_db
D = dt.date
Status = VoterPetition.Status


@pytest.fixture
def two_of_three_answered(make_petition, forward, staff_user):
    """Three forwarded petitions of one instance each, two answered and resolved."""
    petitions = [make_petition() for _ in range(3)]
    forward(petitions)
    for p in petitions[:2]:
        answer(p, staff_user, outcome=Status.RESOLVED)
    return petitions


def test_rates_are_rounded_by_default(council, two_of_three_answered):
    stats = selectors.petition_stats(council=council, year=2019)
    assert stats.forwarded_instances == 3
    assert stats.answered_instances == 2
    assert stats.resolved_instances == 2
    assert stats.answered_rate == "66,67%"
    assert stats.resolved_rate == "66,67%"


def test_rates_are_truncated_when_the_council_says_so(council, two_of_three_answered):
    council.rate_rounding = "truncate"
    council.save()
    stats = selectors.petition_stats(council=council, year=2019)
    assert stats.answered_rate == "66,66%"
    assert stats.resolved_rate == "66,66%"


def test_consolidated_petitions_are_counted_once(council, make_petition, staff_user):
    originals = [make_petition(instances=n) for n in (2, 3)]
    make_petition(instances=1, content="Khác")
    services.petition_consolidate(petitions=originals, content="Tổng hợp", user=staff_user)

    stats = selectors.petition_stats(council=council, year=2019)

    assert stats.petitions == 2  # the consolidated one and the other, not the originals
    assert stats.instances == 6
    assert dict((code, n) for code, _label, n in stats.by_status)[Status.COMPILED] == 5


def test_stats_group_by_status_level_field_committee_and_session(
    council, make_petition, petition_field, committee, session, staff_user
):
    make_petition(instances=2, field=petition_field, committee=committee, session=session)
    make_petition(instances=1, level=VoterPetition.Level.CENTRAL)

    stats = selectors.petition_stats(council=council, year=2019)

    assert ("province", "Tỉnh", 2) in stats.by_level
    assert ("central", "Trung ương", 1) in stats.by_level
    assert (petition_field.name, 2) in stats.by_field
    assert (committee.name, 2) in stats.by_committee
    assert selectors.petition_stats_by_session(council=council, year=2019) == [
        ("Trước và sau kỳ họp thứ 12", 2),
        ("Ngoài kỳ họp", 1),
    ]
    assert selectors.petition_stats(council=council, year=2019, session=session).instances == 2
    assert selectors.petition_stats(council=council, year=2020).instances == 0


def test_year_attribution_is_the_received_date(council, term, make_petition):
    make_petition(instances=4, received=D(2018, 12, 28))
    make_petition(instances=1, received=D(2019, 1, 3))
    assert selectors.petition_counts_by_year(council=council, term=term) == [(2018, 4), (2019, 1)]


def test_unanswered_overdue_counts_forwarded_petitions_past_the_deadline(
    council, make_petition, forward, staff_user
):
    old, recent = make_petition(), make_petition()
    forward([old], day=D(2019, 8, 1))
    forward([recent], day=D(2019, 9, 1), number="300/HĐND-VP")

    stats = selectors.petition_stats(council=council, year=2019, today=D(2019, 9, 5))

    assert stats.unanswered_overdue == 1
    assert list(selectors.petitions_overdue(council=council, today=D(2019, 9, 5))) == [old]


def test_petition_stats_query_count_does_not_grow_with_data(
    council, make_petition, django_assert_max_num_queries
):
    for _ in range(5):
        make_petition()
    with django_assert_max_num_queries(8):
        selectors.petition_stats(council=council, year=2019)


def test_letter_stats_are_counts_only(council, term, staff_user, organization):
    services.letter_save(
        letter=Letter(
            term=term,
            received_date=D(2019, 3, 1),
            kind=Letter.Kind.COMPLAINT,
            summary="Khiếu nại",
            forwarded_to=organization,
            forwarded_date=D(2019, 3, 5),
            sender_name="Người Gửi Bí Mật",
            sender_phone="0900000999",
        ),
        user=staff_user,
    )
    CitizenReception.objects.create(term=term, date=D(2019, 4, 10), host="Thường trực", persons=5)

    stats = selectors.letter_stats(council=council, year=2019)

    assert stats.letters == 1
    assert stats.forwarded == 1
    assert ("complaint", "Khiếu nại", 1) in stats.by_kind
    assert stats.receptions == 1
    assert stats.citizens_received == 5
    text = repr(dataclasses.asdict(stats))
    assert "Bí Mật" not in text and "0900000999" not in text


def test_each_batch_carries_its_own_petitions_figures(
    council, make_petition, forward, staff_user, django_assert_max_num_queries
):
    """Per-batch subqueries (no join grouped over every batch): one statement, right figures."""
    first = [make_petition(instances=n) for n in (3, 4, 5)]
    second = [make_petition(instances=2)]
    forward(first, number="10/HĐND-VP")
    forward(second, day=D(2019, 9, 1), number="11/HĐND-VP")
    answer(first[0], staff_user)
    answer(first[1], staff_user, outcome=VoterPetition.Status.RESOLVED)
    with django_assert_max_num_queries(1):
        rows = {
            b.number: (b.petition_count, b.instance_total, b.answered_count)
            for b in selectors.batch_queryset(council=council)
        }
    assert rows == {"10/HĐND-VP": (3, 12, 2), "11/HĐND-VP": (1, 2, 0)}


@pytest.mark.postgres
def test_the_year_figures_can_be_read_from_an_index_alone():
    """The dashboard's and the annual report's petition figures read these columns of the
    counted petitions of a date range (voters/0005): all of them are in the index."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'petition_counted_figures'"
        )
        (definition,) = cursor.fetchone()
    assert "(received_date) INCLUDE (id, term_id, status, level, field_id, committee_id, " in (
        definition
    )
    assert "WHERE (consolidated_into_id IS NULL)" in definition
