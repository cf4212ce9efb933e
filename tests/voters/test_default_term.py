"""The term a page or a new record's form opens on (issue 17): the term in force once it has
records of that kind, else the latest term that has, so a new term, or data entered after the
fact, never opens on empty drop-downs and empty summaries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from council.models import Term
from council.selectors import term_with_records
from voters.models import VoterPetition

pytestmark = pytest.mark.django_db


@pytest.fixture
def current_term(council) -> Term:
    """A term begun 100 days ago, with nothing entered in it yet."""
    start = timezone.localdate() - dt.timedelta(days=100)
    return Term.objects.create(council=council, ordinal=10, roman="X", start_date=start)


def test_the_rule_prefers_the_term_in_force_then_the_latest_with_records(
    council, term, current_term, make_petition
):
    today = timezone.localdate()
    petitions = VoterPetition.objects.all()
    # Nothing anywhere: the term in force.
    assert term_with_records(council=council, records=petitions, today=today) == current_term
    make_petition()  # in the earlier term (2019)
    assert term_with_records(council=council, records=petitions, today=today) == term
    make_petition(term=current_term, received=today)
    assert term_with_records(council=council, records=petitions, today=today) == current_term
    # Past every term (the last one ended, the next not declared): the latest with records.
    VoterPetition.objects.filter(term=current_term).delete()
    current_term.end_date = today - dt.timedelta(days=1)
    current_term.save(update_fields=["end_date"])
    assert term_with_records(council=council, records=petitions, today=today) == term


def test_a_new_petition_opens_on_the_term_that_has_petitions(
    staff_client, term, current_term, make_petition
):
    url = reverse("voters:voterpetition_create")
    make_petition()
    assert staff_client.get(url).context["form"].initial["term"] == term.pk
    make_petition(term=current_term, received=timezone.localdate())
    assert staff_client.get(url).context["form"].initial["term"] == current_term.pk


def test_petitions_by_session_open_on_the_latest_term_with_petitions_and_say_so(
    leader_client, term, current_term, make_petition, session
):
    url = reverse("voters:petition_by_session")
    make_petition(session=session, instances=3)
    response = leader_client.get(url)
    assert response.context["term"] == term
    assert [row.instances for row in response.context["rows"]] == [3]
    html = response.content.decode()
    assert (
        "Nhiệm kỳ khóa X chưa có kiến nghị; đang hiển thị khóa IX, nhiệm kỳ gần nhất đã có số "
        "liệu." in html
    )
    make_petition(term=current_term, received=timezone.localdate())
    response = leader_client.get(url)
    assert response.context["term"] == current_term
    assert "chưa có kiến nghị; đang hiển thị" not in response.content.decode()
    # Asked for every term: no default.
    assert leader_client.get(url + "?term=").context["term"] is None
