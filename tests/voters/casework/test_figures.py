"""The casework's figures (voters.casework.figures) over a small year worked by hand: letters
and cases, by kind, field, locality and competence, eligibility and its reasons, processing in
time, forwarding and answers, follow-ups, receptions and their register; the period's ends,
the year before and another council's rows left out; counts only; statements bounded."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from core.periods import Period
from council.models import Council, Term
from voters.casework.figures import case_figures, case_figures_of_years
from voters.models import (
    Case,
    CaseFollowUp,
    CitizenReception,
    Letter,
    PetitionField,
    ReceptionVisit,
)
from voters.services import letter_save

pytestmark = pytest.mark.django_db

D = dt.date
TODAY = D(2020, 1, 1)
K = Letter.Kind
SECRET_NAME = "Người Gửi Bí Mật"


def _letter(term, received, kind, *, case=None, user=None, deadlines=None, **extra) -> Letter:
    """A letter through the real write function; its dates of processing and deadlines then
    written as the case says (the deadline rules, voters.casework.deadlines, may fill them on
    save: the figures are tested on dates stated here, not on the rules)."""
    letter = letter_save(
        letter=Letter(
            term=term,
            received_date=received,
            kind=kind,
            summary=f"Nội dung đơn mẫu ngày {received:%d/%m/%Y}",
            case=case,
            sender_name=SECRET_NAME,
            sender_phone="0900000999",
            sender_id_number="001099000999",
            **extra,
        ),
        user=user,
    )
    dates = {"processed_date": None, "processing_due": None, "answer_due": None}
    dates.update(deadlines or {})
    Letter.objects.filter(pk=letter.pk).update(**dates)
    return letter


def _case(letter: Letter, **fields) -> Case:
    Case.objects.filter(pk=letter.case_id).update(**fields)
    return Case.objects.get(pk=letter.case_id)


@pytest.fixture
def other_council_rows(db, organization):
    """A letter, a follow-up and a reception of 2019 of another council: never counted."""
    other = Council.objects.create(
        name="Hội đồng nhân dân tỉnh Khác", short_name="HĐND tỉnh Khác", place_name="Khác"
    )
    other_term = Term.objects.create(
        council=other, ordinal=9, roman="IX", start_date=D(2016, 6, 1), end_date=D(2021, 5, 31)
    )
    letter = _letter(other_term, D(2019, 6, 1), K.COMPLAINT, eligible=True)
    CaseFollowUp.objects.create(case=letter.case, date=D(2019, 6, 5), organization=organization)
    reception = CitizenReception.objects.create(
        term=other_term, date=D(2019, 6, 10), host="Thường trực", persons=7, cases=2
    )
    ReceptionVisit.objects.create(reception=reception, kind=K.COMPLAINT, content="Nội dung")
    return other


@pytest.fixture
def year(council, term, staff_user, organization, commune, other_council_rows):
    """The council's 2019, with a letter on each side of it. Each expected figure is counted
    in a comment in the tests."""
    land = PetitionField.objects.create(name="Đất đai", order=1)
    policy = PetitionField.objects.create(name="Chế độ chính sách", order=2)
    # C1: a complaint sent twice; forwarded once, processed in time, then late; answered.
    l1 = _letter(
        term,
        D(2019, 1, 10),
        K.COMPLAINT,
        user=staff_user,
        forwarded_to=organization,
        forwarded_date=D(2019, 1, 15),
        deadlines={
            "processed_date": D(2019, 1, 15),
            "processing_due": D(2019, 1, 24),
            "answer_due": D(2019, 3, 1),
        },
    )
    c1 = _case(
        l1, field=land, locality=commune, status=Case.Status.ANSWERED, answered_date=D(2019, 2, 20)
    )
    l2 = _letter(
        term,
        D(2019, 2, 1),
        K.COMPLAINT,
        case=c1,
        user=staff_user,
        deadlines={"processed_date": D(2019, 2, 20), "processing_due": D(2019, 2, 15)},
    )
    assert l2.case_id == c1.pk
    # C2: a group's denunciation within the council's competence, never processed (overdue
    # since 19/03/2019), forwarded and never answered (due 01/06/2019).
    l3 = _letter(
        term,
        D(2019, 3, 5),
        K.DENUNCIATION,
        user=staff_user,
        forwarded_to=organization,
        forwarded_date=D(2019, 3, 20),
        deadlines={"processing_due": D(2019, 3, 19), "answer_due": D(2019, 6, 1)},
    )
    c2 = _case(l3, field=land, within_competence=True, group_size=6)
    # C3: an anonymous letter on the year's last day; no field, no locality.
    _letter(
        term,
        D(2019, 12, 31),
        K.PETITION_FEEDBACK,
        eligible=False,
        ineligible_reason=Letter.IneligibleReason.ANONYMOUS,
    )
    # C4: a duplicate on the year's first day, closed (its answer deadline does not count).
    l5 = _letter(
        term,
        D(2019, 1, 1),
        K.PETITION_FEEDBACK,
        eligible=False,
        ineligible_reason=Letter.IneligibleReason.DUPLICATE,
        deadlines={"answer_due": D(2019, 2, 1)},
    )
    _case(l5, field=policy, status=Case.Status.CLOSED, closed_date=D(2019, 3, 1))
    # C5: a case of 2018 sent again in 2019: the letter of 2019 counts, the case does not.
    l6 = _letter(term, D(2018, 12, 31), K.COMPLAINT)
    _letter(term, D(2019, 5, 5), K.COMPLAINT, case=l6.case)
    # C6: 2020, out.
    l8 = _letter(term, D(2020, 1, 1), K.DENUNCIATION)

    CaseFollowUp.objects.create(case=c1, date=D(2019, 3, 10), organization=organization)
    CaseFollowUp.objects.create(case=c2, date=D(2020, 1, 5), organization=organization)
    in_year = CitizenReception.objects.create(
        term=term, date=D(2019, 4, 10), host="Thường trực", persons=5, cases=3
    )
    before = CitizenReception.objects.create(
        term=term, date=D(2018, 12, 31), host="Thường trực", persons=9, cases=4
    )
    for case in (c1, c1, None):
        ReceptionVisit.objects.create(
            reception=in_year,
            kind=K.COMPLAINT,
            content="Trình bày khiếu nại",
            case=case,
            citizen_name=SECRET_NAME,
        )
    ReceptionVisit.objects.create(
        reception=before, kind=K.COMPLAINT, content="Trình bày", case=l8.case
    )
    return {"land": land, "policy": policy, "commune": commune, "c1": c1, "c2": c2}


def test_letters_of_the_year_are_counted_by_kind_eligibility_and_processing(council, year):
    f = case_figures(council=council, year=2019, today=TODAY)
    # L1, L2, L3, L4 (31/12), L5 (01/01) and L7 (a 2018 case's letter); not L6, L8, nor the
    # other council's.
    assert f.letters == 6
    assert f.letters_by_kind == (
        ("complaint", "Khiếu nại", 3),
        ("denunciation", "Tố cáo", 1),
        ("petition_feedback", "Kiến nghị, phản ánh", 2),
    )
    assert (f.eligible, f.ineligible) == (4, 2)
    assert f.ineligible_by_reason == (
        ("anonymous", "Đơn nặc danh, mạo danh, không rõ địa chỉ", 1),
        ("duplicate", "Đơn trùng, đã xử lý", 1),
    )
    assert f.forwarded == 2  # L1, L3
    # L1 by 15/01 of 24/01; L2 on 20/02 of 15/02; L3 due 19/03 and never processed.
    assert (f.processed_in_time, f.processed_late, f.processing_overdue) == (1, 1, 1)
    assert f.in_time_rate == "50%"


def test_cases_count_in_the_year_of_their_first_letter(council, year):
    f = case_figures(council=council, year=2019, today=TODAY)
    # C1, C2, C3, C4; C5's first letter is of 2018, C6's of 2020.
    assert f.cases == 4
    assert f.cases_by_kind == (
        ("complaint", "Khiếu nại", 1),
        ("denunciation", "Tố cáo", 1),
        ("petition_feedback", "Kiến nghị, phản ánh", 2),
    )
    assert (f.within_competence, f.outside_competence) == (1, 3)
    assert f.group_cases == 1
    assert (f.answered, f.closed) == (1, 1)
    # C2 only: C1 is answered, C4 closed (and its letter was never forwarded).
    assert f.answer_overdue == 1
    assert f.by_field == (
        (year["land"].pk, "Đất đai", 2),
        (year["policy"].pk, "Chế độ chính sách", 1),
        (None, "Chưa phân loại lĩnh vực", 1),
    )
    assert f.by_locality == (
        (year["commune"].pk, "Xã Thử, Huyện Thử", 1),
        (None, "Chưa xác định địa bàn", 3),
    )


def test_follow_ups_receptions_and_the_register_of_the_year_are_counted(council, year):
    f = case_figures(council=council, year=2019, today=TODAY)
    assert f.follow_ups == 1  # 10/03/2019; not 05/01/2020, not the other council's
    assert (f.receptions, f.citizens_received, f.reception_cases) == (1, 5, 3)
    # Three rows of the register, two of them for C1: one case received at reception.
    assert (f.visits, f.visit_cases) == (3, 1)


def test_overdue_is_counted_against_the_day_given(council, year):
    # On 10/03/2019 L3's processing (due 19/03) and C2's answer (due 01/06) are not late yet.
    f = case_figures(council=council, year=2019, today=D(2019, 3, 10))
    assert (f.processing_overdue, f.answer_overdue) == (0, 0)


def test_a_period_leaves_out_the_days_outside_it(council, year):
    f = case_figures(
        council=council, period=Period.between(D(2019, 1, 2), D(2019, 12, 30)), today=TODAY
    )
    # L5 (01/01) and L4 (31/12) out, and their cases.
    assert (f.letters, f.cases) == (4, 2)
    before = case_figures(council=council, year=2018, today=TODAY)
    assert (before.letters, before.cases, before.receptions, before.visits) == (1, 1, 1, 1)


def test_a_terms_figures_are_its_letters_and_the_cases_they_opened(council, term, year):
    f = case_figures(council=council, term=term, today=TODAY)
    assert (f.letters, f.cases) == (8, 6)
    assert (f.receptions, f.visits, f.follow_ups) == (2, 4, 2)


def test_two_years_from_two_statements_are_those_of_each_year(
    council, year, django_assert_num_queries
):
    with django_assert_num_queries(2):
        both = case_figures_of_years(council=council, years=(2019, 2018), today=TODAY)
    for y in (2019, 2018):
        alone = case_figures(council=council, year=y, today=TODAY)
        assert both[y] == alone.without_breakdowns()
        assert both[y] == case_figures(council=council, year=y, today=TODAY, breakdowns=False)
    assert both[2019].cases == 4


@pytest.mark.parametrize("rows", [1, 8])
def test_statements_do_not_grow_with_the_data(
    rows, council, term, organization, django_assert_num_queries
):
    field = PetitionField.objects.create(name="Đất đai", order=1)
    reception = CitizenReception.objects.create(term=term, date=D(2019, 4, 10), host="TT")
    for i in range(rows):
        letter = _letter(term, D(2019, 3, 1 + i), K.DENUNCIATION)
        _case(letter, field=field)
        CaseFollowUp.objects.create(case=letter.case, date=D(2019, 4, 1), organization=organization)
        ReceptionVisit.objects.create(
            reception=reception, kind=K.DENUNCIATION, content="…", case=letter.case
        )
    # Letters, cases, fields, localities, follow-ups, receptions, the register.
    with django_assert_num_queries(7):
        f = case_figures(council=council, year=2019, today=TODAY)
    assert (f.letters, f.cases, f.follow_ups, f.visit_cases) == (rows, rows, rows, rows)
    with django_assert_num_queries(2):
        case_figures(council=council, year=2019, today=TODAY, breakdowns=False)


def test_figures_are_counts_only(council, year):
    f = case_figures(council=council, year=2019, today=TODAY)
    text = repr(dataclasses.asdict(f))
    assert SECRET_NAME not in text
    assert "0900000999" not in text and "001099000999" not in text


def test_exactly_one_scope_is_asked_for(council, term):
    with pytest.raises(ValueError):
        case_figures(council=council, year=2019, term=term)
