from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.voters.conftest import answer
from voters import services
from voters.models import PetitionStatusChange, VoterMeeting, VoterPetition

pytestmark = pytest.mark.django_db
D = dt.date
Status = VoterPetition.Status


def test_consolidation_carries_total_instances_and_keeps_originals_traceable(
    make_petition, staff_user
):
    originals = [make_petition(instances=n) for n in (2, 3, 4)]

    consolidated = services.petition_consolidate(
        petitions=originals, content="Cử tri nhiều nơi đề nghị sửa đường", user=staff_user
    )

    assert consolidated.instances == 9
    assert consolidated.is_consolidated
    assert consolidated.status == Status.COMPILED
    assert set(consolidated.originals.values_list("pk", flat=True)) == {p.pk for p in originals}
    for original in originals:
        original.refresh_from_db()
        assert original.consolidated_into_id == consolidated.pk
        assert PetitionStatusChange.objects.filter(
            petition=original, note__contains=f"#{consolidated.pk}"
        ).exists()


def test_an_original_already_merged_cannot_be_merged_or_moved_again(make_petition, staff_user):
    a, b, c = (make_petition() for _ in range(3))
    services.petition_consolidate(petitions=[a, b], content="", user=staff_user)
    a.refresh_from_db()

    with pytest.raises(ValidationError):
        services.petition_consolidate(petitions=[a, c], content="", user=staff_user)
    with pytest.raises(ValidationError, match="gộp"):
        services.petition_compile(petition=a, user=staff_user)


def test_workflow_valid_path_records_every_change(make_petition, forward, staff_user):
    petition = make_petition(instances=2)
    services.petition_compile(petition=petition, user=staff_user)
    batch = forward([petition])
    answer(petition, staff_user, outcome=Status.IN_PROGRESS)
    services.petition_set_outcome(petition=petition, outcome=Status.RESOLVED, user=staff_user)

    petition.refresh_from_db()
    assert petition.status == Status.RESOLVED
    assert petition.batch == batch
    assert petition.answer_number == "1860/UBND-TH"
    steps = list(
        PetitionStatusChange.objects.filter(petition=petition).values_list(
            "from_status", "to_status", "changed_by"
        )
    )
    assert steps == [
        ("", Status.RECEIVED, staff_user.pk),
        (Status.RECEIVED, Status.COMPILED, staff_user.pk),
        (Status.COMPILED, Status.FORWARDED, staff_user.pk),
        (Status.FORWARDED, Status.ANSWERED, staff_user.pk),
        (Status.ANSWERED, Status.IN_PROGRESS, staff_user.pk),
        (Status.IN_PROGRESS, Status.RESOLVED, staff_user.pk),
    ]


def test_invalid_transition_is_refused_in_vietnamese_and_changes_nothing(make_petition, staff_user):
    petition = make_petition()

    with pytest.raises(ValidationError) as exc:
        answer(petition, staff_user)

    assert "Không thể chuyển kiến nghị" in exc.value.messages[0]
    petition.refresh_from_db()
    assert petition.status == Status.RECEIVED
    assert petition.answer_number == ""
    assert PetitionStatusChange.objects.filter(petition=petition).count() == 1


def test_outcome_before_answer_is_refused(make_petition, forward, staff_user):
    petition = make_petition()
    forward([petition])
    with pytest.raises(ValidationError):
        services.petition_set_outcome(petition=petition, outcome=Status.RESOLVED, user=staff_user)


def test_forwarding_twice_is_refused_and_the_second_batch_is_not_saved(
    make_petition, forward, staff_user
):
    petition = make_petition()
    forward([petition])
    with pytest.raises(ValidationError):
        forward([petition], number="999/HĐND-VP")
    from voters.models import ForwardingBatch

    assert not ForwardingBatch.objects.filter(number="999/HĐND-VP").exists()


def test_district_level_is_refused_after_june_2025(term, council):
    from council.models import Term

    later = Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=D(2021, 6, 1), end_date=None
    )
    petition = VoterPetition(
        term=later, received_date=D(2025, 7, 2), content="x", level=VoterPetition.Level.DISTRICT
    )
    with pytest.raises(ValidationError) as exc:
        services.petition_save(petition=petition)
    assert "01/07/2025" in str(exc.value.message_dict["level"])


def test_meeting_commune_must_be_valid_on_the_meeting_date(term, commune):
    commune.valid_to = D(2019, 3, 31)
    commune.save()
    meeting = VoterMeeting(
        term=term, timing=VoterMeeting.Timing.AD_HOC, date=D(2019, 6, 1), location_unit=commune
    )
    with pytest.raises(ValidationError) as exc:
        meeting.full_clean()
    assert "không còn hiệu lực" in str(exc.value.message_dict["location_unit"])


def test_meeting_before_a_session_needs_the_session(term, commune):
    meeting = VoterMeeting(
        term=term, timing=VoterMeeting.Timing.PRE_SESSION, date=D(2019, 6, 1), location_unit=commune
    )
    with pytest.raises(ValidationError) as exc:
        meeting.full_clean()
    assert "session" in exc.value.message_dict


def test_letter_search_text_leaves_personal_data_out(term, staff_user):
    from voters.models import Letter

    letter = services.letter_save(
        letter=Letter(
            term=term,
            received_date=D(2019, 3, 1),
            kind=Letter.Kind.COMPLAINT,
            summary="Khiếu nại về đất đai",
            sender_name="Người Gửi Bí Mật",
        ),
        user=staff_user,
    )
    assert "dat dai" in letter.search_text
    assert "bi mat" not in letter.search_text
