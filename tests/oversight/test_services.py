from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from oversight.models import Actor, Kind, OversightActivity, ProgrammeItem
from oversight.services import activity_save

pytestmark = pytest.mark.django_db


def test_activity_save_indexes_topic_and_supervised_organisations_in_one_write(
    make_activity, organization
):
    activity = make_activity(topic="Giám sát Đất đai", supervised_organizations=[organization])

    assert "giam sat dat dai" in activity.search_text
    assert "uy ban nhan dan tinh thu nghiem" in activity.search_text
    # One create, no second "changed nothing" record in the audit trail.
    assert activity.history.count() == 1


def test_a_committee_activity_must_name_its_ban(term):
    activity = OversightActivity(
        term=term,
        actor=Actor.COMMITTEE,
        kind=Kind.THEMATIC_SUPERVISION,
        topic="Giám sát",
        start_date=dt.date(2019, 1, 1),
    )
    with pytest.raises(ValidationError) as exc:
        activity_save(activity=activity)
    assert exc.value.message_dict["committee"] == ["Chọn Ban thực hiện giám sát."]


def test_the_database_refuses_an_actor_without_its_body_and_an_end_before_start(term):
    base = {
        "term": term,
        "kind": Kind.THEMATIC_SUPERVISION,
        "topic": "Giám sát",
        "start_date": dt.date(2019, 5, 1),
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        OversightActivity.objects.create(actor=Actor.DELEGATE, **base)
    with pytest.raises(IntegrityError), transaction.atomic():
        OversightActivity.objects.create(actor=Actor.STANDING, end_date=dt.date(2019, 4, 1), **base)


def test_a_ban_of_another_term_is_refused(term, council, make_activity):
    from council.models import Committee, Term

    later = Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=dt.date(2021, 6, 1)
    )
    foreign = Committee.objects.create(term=later, code="dan_toc", name="Ban Dân tộc")
    with pytest.raises(ValidationError) as exc:
        make_activity(actor=Actor.COMMITTEE, committee=foreign)
    assert exc.value.message_dict["committee"] == ["Ban không thuộc nhiệm kỳ đã chọn."]


def test_programme_item_month_must_fall_in_its_quarter(term):
    from oversight.models import OversightProgramme
    from oversight.services import programme_item_save, programme_save

    programme = programme_save(programme=OversightProgramme(term=term, year=2019))
    item = ProgrammeItem(
        programme=programme, actor=Actor.STANDING, topic="Y tế", planned_quarter=1, planned_month=5
    )
    with pytest.raises(ValidationError) as exc:
        programme_item_save(item=item)
    assert exc.value.message_dict["planned_month"] == ["Tháng dự kiến không thuộc quý đã chọn."]


def test_renamed_bodies_and_topics_are_found_by_their_new_names(
    make_activity, make_recommendation, organization, committee
):
    """The search text names records of other tables; saving one of those refills it."""
    from core.services import record_save
    from core.text import fold
    from oversight.models import Actor, OversightActivity, OversightRecommendation

    supervised = make_activity(supervised_organizations=[organization])
    by_ban = make_activity(actor=Actor.COMMITTEE, committee=committee, topic="Giám sát thu chi")
    recommendation = make_recommendation(activity=supervised)
    organization.name = "Sở Nông nghiệp và Môi trường"
    record_save(instance=organization)
    committee.name = "Ban Kinh tế - Ngân sách và Đô thị"
    record_save(instance=committee)
    supervised.refresh_from_db(), by_ban.refresh_from_db(), recommendation.refresh_from_db()
    assert fold("Nông nghiệp và Môi trường") in supervised.search_text
    assert fold("Nông nghiệp và Môi trường") in recommendation.search_text
    assert fold("Ngân sách và Đô thị") in by_ban.search_text
    # An activity's new topic reaches its recommendations.
    supervised.topic = "Giám sát công tác phòng, chống thiên tai"
    activity_save(activity=supervised)
    recommendation.refresh_from_db()
    assert fold("phòng, chống thiên tai") in recommendation.search_text
    assert OversightActivity.objects.filter(search_text__contains="do thi").get() == by_ban
    assert OversightRecommendation.objects.filter(search_text__contains="thien tai").exists()
