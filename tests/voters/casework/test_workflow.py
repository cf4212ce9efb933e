"""The case workflow's writes and reads (voters.casework.services, selectors): a letter received
into a new or a chosen case, its processing with the legal deadlines, a denunciation forwarded
only once, the documents' numbers, the answer and the close, the overdue queue by body and the
likely duplicates offered on entry. Dates worked by hand from the rules of workflow_fixtures
(no holiday falls in March-April 2026 outside 30/4 and Hùng Vương's 27/4)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from council.models import AdministrativeUnit, Council, Term
from documents.models import OutgoingDocument
from documents.services import document_number_issue
from tests.voters.casework.workflow_fixtures import *  # noqa: F403 (the fixtures)
from tests.voters.casework.workflow_fixtures import D
from voters.casework import selectors, services
from voters.models import Case, CaseDocument, Letter

pytestmark = pytest.mark.django_db

FORWARDED = D(2026, 3, 10)  # a Tuesday


def forward(letter: Letter, to, user, *, day: dt.date = FORWARDED) -> Letter:
    return services.letter_process(
        letter=letter, handling=Letter.Handling.FORWARDED, date=day, forwarded_to=to, user=user
    )


# --- intake ------------------------------------------------------------------------------------


def test_a_letter_received_without_a_case_opens_one_with_its_processing_deadline(receive):
    letter = receive()
    case = letter.case
    assert (case.seq, case.year, case.kind) == (1, 2026, Letter.Kind.COMPLAINT)
    assert case.title.startswith("Khiếu nại quyết định thu hồi đất")
    # 10 working days from Monday 02/03/2026, the day of receipt not counted.
    assert letter.processing_due == D(2026, 3, 16)
    assert letter.answer_due is None


def test_a_letter_attached_to_a_chosen_case_keeps_its_own_kind(receive):
    first = receive()
    second = receive(kind=Letter.Kind.PETITION_FEEDBACK, received=D(2026, 3, 20), case=first.case)
    assert second.case == first.case
    assert second.kind == Letter.Kind.PETITION_FEEDBACK
    assert first.case.kind == Letter.Kind.COMPLAINT
    assert Case.objects.count() == 1


def test_a_letter_is_not_attached_to_another_councils_case(receive, council):
    commune = Council.objects.create(
        name="HĐND xã Khác",
        short_name="HĐND xã Khác",
        level=Council.Level.COMMUNE,
        parent=council,
        place_name="Khác",
        header_name="HỘI ĐỒNG NHÂN DÂN\nXÃ KHÁC",
        secretariat_name="Văn phòng xã Khác",
    )
    term = Term.objects.create(council=commune, ordinal=1, roman="I", start_date=D(2021, 6, 1))
    foreign = receive().case
    letter = Letter(term=term, received_date=D(2026, 3, 3), kind="complaint", summary="Đơn")
    with pytest.raises(ValidationError, match="HĐND khác"):
        services.letter_intake(letter=letter, case=foreign, user=None)


def test_a_letter_attached_to_a_closed_case_opens_it_again(receive, staff_user):
    case = receive().case
    services.case_close(case=case, date=D(2026, 3, 5), result="Đã giải quyết", user=staff_user)
    receive(received=D(2026, 4, 6), case=case)
    case.refresh_from_db()
    assert (case.status, case.closed_date) == (Case.Status.OPEN, None)


# --- processing ----------------------------------------------------------------------------------


def test_forwarding_a_complaint_sets_the_body_and_its_answer_deadline(receive, body, staff_user):
    letter = forward(receive(), body, staff_user)
    letter.refresh_from_db()
    assert (letter.handling, letter.forwarded_to, letter.forwarded_date) == (
        Letter.Handling.FORWARDED,
        body,
        FORWARDED,
    )
    assert letter.processed_date == FORWARDED
    # Accepted within 10 days (20/03), resolved within 30 more: 19/04 is a Sunday, so 20/04.
    assert letter.answer_due == D(2026, 4, 20)


def test_a_denunciation_is_forwarded_only_once(receive, body, other_body, staff_user):
    first = receive(kind=Letter.Kind.DENUNCIATION, summary="Tố cáo cán bộ địa chính nhận tiền")
    forward(first, body, staff_user)
    # 7 working days to accept (19/03), 30 days to resolve: 18/04 a Saturday, so 20/04.
    assert Letter.objects.get(pk=first.pk).answer_due == D(2026, 4, 20)
    again = receive(kind=Letter.Kind.DENUNCIATION, received=D(2026, 4, 1), case=first.case)
    with pytest.raises(ValidationError, match="chỉ chuyển một lần"):
        forward(again, other_body, staff_user, day=D(2026, 4, 2))
    with pytest.raises(ValidationError, match="chỉ chuyển một lần"):
        forward(Letter.objects.get(pk=first.pk), other_body, staff_user, day=D(2026, 4, 2))
    assert Letter.objects.filter(forwarded_to=other_body).count() == 0
    # Nor is the forwarding undone to make room for a second one.
    with pytest.raises(ValidationError, match="chỉ chuyển một lần"):
        services.letter_process(
            letter=Letter.objects.get(pk=first.pk),
            handling=Letter.Handling.FILED,
            date=D(2026, 4, 2),
            user=staff_user,
        )
    assert Letter.objects.get(pk=first.pk).forwarded_to == body


def test_a_complaint_may_be_forwarded_again_to_another_body(receive, body, other_body, staff_user):
    letter = forward(receive(), body, staff_user)
    forward(letter, other_body, staff_user, day=D(2026, 3, 12))
    assert Letter.objects.get(pk=letter.pk).forwarded_to == other_body


def test_filing_an_ineligible_letter_keeps_its_reason_and_clears_any_forwarding(
    receive, body, staff_user
):
    letter = forward(receive(), body, staff_user)
    services.letter_process(
        letter=letter,
        handling=Letter.Handling.FILED,
        date=D(2026, 3, 11),
        ineligible_reason=Letter.IneligibleReason.ANONYMOUS,
        note="Đơn không ghi địa chỉ",
        user=staff_user,
    )
    letter.refresh_from_db()
    assert (letter.eligible, letter.ineligible_reason) == (False, "anonymous")
    assert (letter.forwarded_to, letter.forwarded_date, letter.answer_due) == (None, None, None)
    assert letter.processing_note == "Đơn không ghi địa chỉ"


def test_forwarding_needs_a_body_and_a_date_after_receipt(receive, body, staff_user):
    letter = receive()
    with pytest.raises(ValidationError):
        services.letter_process(
            letter=letter, handling=Letter.Handling.FORWARDED, date=FORWARDED, user=staff_user
        )
    with pytest.raises(ValidationError):
        forward(letter, body, staff_user, day=D(2026, 3, 1))


# --- documents -------------------------------------------------------------------------------------


def test_document_numbers_follow_per_series_and_year_and_are_never_given_twice(
    receive, body, staff_user
):
    letter = forward(receive(), body, staff_user)
    case = letter.case

    def issue(kind, day):
        return services.case_document_issue(
            case=case, kind=kind, letter=letter, date=day, recipient=body, user=staff_user
        )

    slips = [issue(CaseDocument.Kind.FORWARDING, D(2026, 3, 10)) for _ in range(2)]
    urging = issue(CaseDocument.Kind.FOLLOW_UP, D(2026, 5, 4))
    guidance = issue(CaseDocument.Kind.GUIDANCE, D(2026, 5, 5))
    next_year = issue(CaseDocument.Kind.FORWARDING, D(2027, 1, 4))
    assert [s.reference for s in slips] == ["01/PC-HĐND", "02/PC-HĐND"]
    # Guidance and urging letters are công văn: one series between them.
    assert (urging.reference, guidance.reference) == ("01/HĐND-VP", "02/HĐND-VP")
    entry = next_year.register_entry
    assert (entry.series.code, entry.year, entry.number) == ("PC", 2027, 1)
    assert issue(CaseDocument.Kind.FORWARDING, D(2026, 6, 1)).register_entry.number == 3


def test_a_case_document_takes_the_registers_next_number_past_one_registered_by_hand(
    receive, body, staff_user
):
    """The issue: a clerk registering a công văn by hand under "Cấp số" and the case page
    numbering its own gave one number twice. Both now take the register's next."""
    letter = forward(receive(), body, staff_user)
    case = letter.case

    def issue(kind, day):
        return services.case_document_issue(
            case=case, kind=kind, letter=letter, date=day, recipient=body, user=staff_user
        )

    urging = issue(CaseDocument.Kind.FOLLOW_UP, D(2026, 5, 4))
    by_hand = document_number_issue(
        council=case.council,
        series_code="CV",
        date=D(2026, 5, 4),
        subject="V/v chuẩn bị kỳ họp",
        signer_name="",
        signer_title="",
        recipients="UBND tỉnh",
    )
    guidance = issue(CaseDocument.Kind.GUIDANCE, D(2026, 5, 5))
    assert [urging.reference, by_hand.reference, guidance.reference] == [
        "01/HĐND-VP",
        "02/HĐND-VP",
        "03/HĐND-VP",
    ]
    entry = guidance.register_entry
    assert (entry.source, entry.date, entry.kind_label) == (
        guidance,
        D(2026, 5, 5),
        "Văn bản hướng dẫn công dân",
    )
    assert entry.subject == guidance.subject and entry.signer_name == guidance.signer_name
    # The register never names the citizen a guidance letter goes to.
    assert entry.recipients.startswith("Người gửi đơn;")
    assert urging.register_entry.recipients.startswith(f"{body.name};")
    references = OutgoingDocument.objects.filter(council=case.council).values_list(
        "series__code", "number"
    )
    assert len(set(references)) == len(references) == 3


def test_a_forwarding_slip_names_the_complainant_and_the_council_from_its_data(
    receive, body, staff_user
):
    letter = forward(receive(), body, staff_user)
    slip = services.case_document_issue(
        case=letter.case,
        kind=CaseDocument.Kind.FORWARDING,
        letter=letter,
        date=FORWARDED,
        user=staff_user,
    )
    assert slip.recipient == body  # the body the letter went to
    assert slip.subject == "V/v chuyển đơn của công dân"
    assert "Thường trực HĐND tỉnh Thử Nghiệm nhận được đơn khiếu nại" in slip.body
    assert "Nguyễn Văn Bình" in slip.body and "Thôn Nà Sèn" in slip.body
    assert "chuyển đơn đến Ủy ban nhân dân tỉnh Thử Nghiệm để xem xét" in slip.body


def test_a_denunciations_slip_never_names_the_denunciator(receive, body, staff_user):
    letter = forward(
        receive(kind=Letter.Kind.DENUNCIATION, summary="Tố cáo cán bộ địa chính nhận tiền"),
        body,
        staff_user,
    )
    documents = [
        services.case_document_issue(
            case=letter.case, kind=kind, letter=letter, date=FORWARDED, user=staff_user,
            recipient=body,
        )
        for kind in CaseDocument.Kind.values
    ]  # fmt: skip
    for document in documents:
        text = f"{document.subject} {document.body}"
        for secret in ("Nguyễn Văn Bình", "Nà Sèn", "020190001234"):
            assert secret not in text
    assert "nhận được đơn tố cáo." in documents[0].body
    assert "Tố cáo cán bộ địa chính nhận tiền" in documents[0].body
    assert "Điều 47 Luật Tố cáo" in documents[0].body


def test_a_follow_up_may_issue_its_urging_letter(receive, body, staff_user):
    letter = forward(receive(), body, staff_user)
    follow_up = services.case_follow_up(
        case=letter.case,
        date=D(2026, 4, 21),
        organization=body,
        method="document",
        note="Đề nghị trả lời",
        issue_document=True,
        user=staff_user,
    )
    document = CaseDocument.objects.get(case=letter.case)
    assert (document.kind, document.letter, document.recipient) == ("follow_up", letter, body)
    assert follow_up.case == letter.case
    assert "chưa nhận được thông báo kết quả" in document.body


# --- answer, close, reopen, classification --------------------------------------------------------


def test_an_answer_then_a_close_end_the_case_and_reopening_waits_again(receive, staff_user):
    case = receive().case
    services.case_record_answer(
        case=case, date=D(2026, 4, 10), summary="UBND tỉnh đã trả lời", user=staff_user
    )
    assert (case.status, case.answered_date) == (Case.Status.ANSWERED, D(2026, 4, 10))
    services.case_close(case=case, date=D(2026, 4, 15), result="Đã giải quyết", user=staff_user)
    case.refresh_from_db()
    assert (case.status, case.closed_date, case.closing_note) == (
        Case.Status.CLOSED,
        D(2026, 4, 15),
        "Đã giải quyết",
    )
    with pytest.raises(ValidationError, match="kết thúc"):
        services.case_record_answer(case=case, date=D(2026, 4, 16), summary="x", user=staff_user)
    services.case_reopen(case=case, user=staff_user)
    case.refresh_from_db()
    assert (case.status, case.closed_date) == (Case.Status.OPEN, None)


def test_a_stale_status_change_is_refused(receive, staff_user):
    case = receive().case
    stale = Case.objects.get(pk=case.pk)
    services.case_close(case=case, date=D(2026, 3, 5), result="", user=staff_user)
    with pytest.raises(ValidationError, match="người khác"):
        services.case_record_answer(case=stale, date=D(2026, 3, 6), summary="x", user=staff_user)


def test_an_extension_of_a_denunciation_moves_the_answer_deadline(receive, body, staff_user):
    letter = forward(
        receive(kind=Letter.Kind.DENUNCIATION, summary="Tố cáo cán bộ địa chính"), body, staff_user
    )
    case = Case.objects.get(pk=letter.case_id)
    case.extensions = 1
    services.case_update(case=case, user=staff_user)
    # Accepted 19/03, 30 days and one extension of 30: 18/05/2026.
    assert Letter.objects.get(pk=letter.pk).answer_due == D(2026, 5, 18)


def test_a_complaint_has_no_extension_and_a_locality_must_be_valid_on_receipt(receive, staff_user):
    case = receive().case
    case.extensions = 1
    with pytest.raises(ValidationError) as refused:
        services.case_update(case=case, user=staff_user)
    assert "extensions" in refused.value.error_dict
    district = AdministrativeUnit.objects.create(
        name="Cũ", level="district", unit_type="huyen", valid_to=D(2025, 6, 30)
    )
    case = Case.objects.get(pk=case.pk)
    case.locality = district
    with pytest.raises(ValidationError) as refused:
        services.case_update(case=case, user=staff_user)
    assert "locality" in refused.value.error_dict


def test_a_letter_moved_to_another_case_leaves_no_empty_case(receive, staff_user):
    kept = receive().case
    stray = receive(received=D(2026, 3, 4), summary="Đơn khác")
    emptied = stray.case_id
    services.letter_attach(letter=stray, case=kept, user=staff_user)
    assert Letter.objects.get(pk=stray.pk).case == kept
    assert not Case.objects.filter(pk=emptied).exists()


# --- reads -----------------------------------------------------------------------------------------


def test_the_overdue_queue_groups_by_body_with_days_late(
    receive, body, other_body, staff_user, django_assert_num_queries
):
    for _ in range(2):
        forward(receive(), body, staff_user)  # due 20/04
    late_other = forward(receive(kind=Letter.Kind.PETITION_FEEDBACK), other_body, staff_user)
    answered = forward(receive(), body, staff_user)
    services.case_record_answer(
        case=answered.case, date=D(2026, 4, 1), summary="Đã trả lời", user=staff_user
    )
    with django_assert_num_queries(1):
        queue = selectors.overdue_cases(council=body.council, today=D(2026, 4, 30))
    assert [(b.organization, b.count) for b in queue] == [(body, 2), (other_body, 1)]
    assert [row.days_late for row in queue[0].rows] == [10, 10]
    # A petition is answered within 15 days of 10/03: 25/03, so 36 days late on 30/04.
    assert queue[1].rows[0].letter == late_other and queue[1].rows[0].days_late == 36
    assert selectors.overdue_cases(council=body.council, today=D(2026, 3, 20)) == []


def test_the_case_list_counts_letters_and_flags_the_overdue(
    receive, body, staff_user, council, django_assert_num_queries
):
    late = forward(receive(), body, staff_user)
    receive(received=D(2026, 3, 9), case=late.case)
    receive(summary="Kiến nghị sửa đường")
    with django_assert_num_queries(1):
        rows = list(selectors.case_list_queryset(council=council, today=D(2026, 4, 30)))
    by_pk = {case.pk: case for case in rows}
    assert (by_pk[late.case_id].letters_count, by_pk[late.case_id].overdue) == (2, True)
    assert by_pk[late.case_id].last_received == D(2026, 3, 9)
    assert sum(case.overdue for case in rows) == 1


def test_likely_duplicates_by_id_number_or_by_folded_name_and_content(receive, council):
    same_id = receive(summary="Tranh chấp ranh giới thửa đất với hộ liền kề").case
    same_name = receive(
        sender_name="NGUYEN VAN BINH",
        sender_id_number="",
        summary="Khiếu nại bồi thường thu hồi đất làm đường tránh",
    ).case
    receive(sender_name="Trần Thị Hoa", sender_id_number="", summary="Xin trợ cấp hộ nghèo")
    found = selectors.case_candidates(
        council=council,
        sender_name="Nguyễn Văn Bình",
        sender_id_number="0201 9000 1234",
        summary="Khiếu nại việc thu hồi đất làm đường tránh",
    )
    reasons = {candidate.case: candidate.reason for candidate in found}
    assert reasons[same_id] == "cùng số CCCD"
    assert reasons[same_name] == "cùng người gửi, nội dung tương tự"
    assert len(found) == 2


def test_a_denunciators_name_finds_no_case_for_someone_who_may_not_read_it(
    receive, council, staff_user, leader_user
):
    from accounts.services import user_create_with_role
    from core.roles import Role

    receive(kind=Letter.Kind.DENUNCIATION, summary="Tố cáo trưởng thôn thu tiền trái phép")
    colleague = user_create_with_role(
        username="dongnghiep", password="x-long-password-1", role=Role.STAFF
    )
    typed = {
        "council": council,
        "sender_name": "Nguyễn Văn Bình",
        "sender_id_number": "020190001234",
        "summary": "Đề nghị làm rõ việc sửa nhà văn hóa",
    }
    # The letter's keeper (who received it) is told; another clerk is told nothing.
    assert [c.reason for c in selectors.case_candidates(**typed, user=staff_user)] == [
        "cùng số CCCD"
    ]
    assert selectors.case_candidates(**typed, user=colleague) == []
    # The content alone is no secret: a similar denunciation is found by anyone entering it.
    similar = selectors.case_candidates(
        **{**typed, "summary": "Tố cáo trưởng thôn thu tiền trái phép của hộ dân"},
        user=colleague,
    )
    assert [c.reason for c in similar] == ["nội dung tương tự"]
