"""Reports of any period (issue 17): a half-year and a range of days count exactly the records
whose day falls inside, both ends included; the title and the prose name the period; a report
is one per council and range; a period outside the council's terms is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from core.periods import Period, PeriodKind, parse_day
from core.services import record_save
from council.models import AdministrativeUnit, AppraisalRequest, InterSessionMatter, Term
from oversight.models import Actor, Kind, OversightRecommendation
from reports.models import AnnualReport, ReportRequest
from reports.pdf import annual_report_html
from reports.selectors import annual_figures
from reports.services import (
    annual_report_render,
    period_report_get_or_create,
    period_report_request,
    report_period_check,
)
from resolutions.services import resolution_create
from sessions.models import Session
from tests.oversight import conftest as oversight_fixtures
from tests.reports.conftest import pdf_text
from tests.voters import conftest as voters_fixtures
from voters.models import CitizenReception, Letter, VoterMeeting
from voters.services import letter_save

pytestmark = pytest.mark.django_db

D = dt.date
make_petition = voters_fixtures.make_petition
make_activity = oversight_fixtures.make_activity
make_recommendation = oversight_fixtures.make_recommendation

FIRST_HALF = Period.half(2019)
# Two days across the middle of the year: the last of the first half, the first of the second.
MIDYEAR = Period.between(D(2019, 6, 30), D(2019, 7, 1))


# --- the value itself -------------------------------------------------------------------------


def test_period_constructors_give_the_first_and_last_day():
    assert Period.year(2019) == Period(D(2019, 1, 1), D(2019, 12, 31), PeriodKind.YEAR)
    assert Period.half(2019) == Period(D(2019, 1, 1), D(2019, 6, 30), PeriodKind.FIRST_MONTHS)
    assert Period.half(2019, first=False) == Period(
        D(2019, 7, 1), D(2019, 12, 31), PeriodKind.SECOND_HALF
    )
    assert Period.months(2019, 9).end == D(2019, 9, 30)
    assert Period.months(2020, 2).end == D(2020, 2, 29)
    assert Period.months(2019, 12) == Period.year(2019)
    term = Term(start_date=D(2016, 6, 1), end_date=D(2021, 5, 31))
    assert Period.of_term(term) == Period(D(2016, 6, 1), D(2021, 5, 31), PeriodKind.TERM)
    running = Term(start_date=D(2021, 6, 1), end_date=None)
    assert Period.of_term(running, today=D(2023, 3, 4)).end == D(2023, 3, 4)


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(ValueError):
        Period.between(D(2019, 7, 1), D(2019, 6, 30))
    with pytest.raises(ValueError):
        Period.months(2019, 13)


def test_each_kind_of_period_is_named_as_titles_name_it():
    assert Period.year(2019).label == "năm 2019"
    assert Period.half(2019).label == "6 tháng đầu năm 2019"
    assert Period.months(2019, 9).label == "9 tháng đầu năm 2019"
    assert Period.half(2019, first=False).label == "6 tháng cuối năm 2019"
    term = Term(start_date=D(2016, 6, 1), end_date=D(2021, 5, 31))
    assert Period.of_term(term).label == "nhiệm kỳ 2016 - 2021"
    # A range chosen by its days keeps them, even the days of a named period.
    assert (
        Period.between(D(2019, 1, 1), D(2019, 9, 30)).label
        == "từ ngày 01/01/2019 đến ngày 30/09/2019"
    )


def test_days_are_read_as_documents_write_them_or_in_iso():
    assert parse_day("30/09/2019") == D(2019, 9, 30)
    assert parse_day(" 2019-09-30 ") == D(2019, 9, 30)
    for bad in ("31/02/2019", "2019/09/30", "hôm qua"):
        with pytest.raises(ValueError):
            parse_day(bad)


# --- figures ----------------------------------------------------------------------------------


@pytest.fixture
def around_midyear(
    council,
    term,
    committee,
    organization,
    staff_user,
    make_petition,
    make_activity,
    make_recommendation,
):
    """Records on the days around the periods' edges: 31/12/2018, 01/01/2019, 30/06/2019,
    01/07/2019, 31/12/2019. What each period counts is worked out in the tests."""
    sessions = {}
    for number, kind, day in [
        (5, Session.Kind.REGULAR, D(2018, 12, 31)),
        (6, Session.Kind.THEMATIC, D(2019, 1, 1)),
        (7, Session.Kind.REGULAR, D(2019, 6, 30)),
        (8, Session.Kind.REGULAR, D(2019, 7, 1)),
        (9, Session.Kind.THEMATIC, D(2019, 12, 31)),
    ]:
        sessions[number] = record_save(
            instance=Session(term=term, number=number, kind=kind, start_date=day, end_date=day),
            user=staff_user,
        )
    for number, normative in [(5, False), (6, True), (7, False), (8, False), (8, False), (9, True)]:
        session = sessions[number]
        resolution_create(
            council=council,
            title=f"Nghị quyết của kỳ họp thứ {number}",
            is_normative=normative,
            session=session,
            adopted_date=session.start_date,
            user=staff_user,
        )
    # An activity counts on its end day, else its start day.
    a1 = make_activity(
        actor=Actor.STANDING,
        kind=Kind.THEMATIC_SUPERVISION,
        start_date=D(2018, 12, 20),
        end_date=D(2019, 1, 1),
    )
    make_activity(
        actor=Actor.STANDING,
        kind=Kind.INSPECTION,
        start_date=D(2019, 6, 1),
        end_date=D(2019, 6, 30),
    )
    a3 = make_activity(
        actor=Actor.STANDING, kind=Kind.SURVEY, start_date=D(2019, 6, 20), end_date=D(2019, 7, 1)
    )
    make_activity(actor=Actor.STANDING, kind=Kind.EXPLANATION, start_date=D(2019, 6, 30))
    a5 = make_activity(
        actor=Actor.STANDING,
        kind=Kind.THEMATIC_SUPERVISION,
        start_date=D(2019, 12, 20),
        end_date=D(2020, 1, 5),
    )
    make_activity(
        actor=Actor.COMMITTEE,
        kind=Kind.THEMATIC_SUPERVISION,
        committee=committee,
        start_date=D(2019, 3, 1),
        end_date=D(2019, 3, 31),
    )
    for activity in (a1, a1, a3, a5):
        make_recommendation(activity=activity, status=OversightRecommendation.Status.IN_PROGRESS)
    for instances, day in [(7, D(2018, 12, 31)), (2, D(2019, 1, 1)), (3, D(2019, 6, 30))]:
        make_petition(instances=instances, received=day)
    for instances, day in [(5, D(2019, 7, 1)), (11, D(2019, 12, 31))]:
        make_petition(instances=instances, received=day)
    district = record_save(
        instance=AdministrativeUnit(name="Huyện Thử", level="district", unit_type="huyen")
    )
    commune = record_save(
        instance=AdministrativeUnit(name="Xã Thử", level="commune", unit_type="xa", parent=district)
    )
    for day, voters in [(D(2019, 1, 1), 40), (D(2019, 7, 1), 60)]:
        record_save(
            instance=VoterMeeting(
                term=term,
                timing=VoterMeeting.Timing.AD_HOC,
                date=day,
                location_unit=commune,
                voters_attended=voters,
            )
        )
    for kind, day in [
        (Letter.Kind.COMPLAINT, D(2019, 6, 30)),
        (Letter.Kind.DENUNCIATION, D(2019, 7, 1)),
    ]:
        letter_save(
            letter=Letter(
                term=term,
                kind=kind,
                received_date=day,
                summary="Nội dung đơn",
                handling=Letter.Handling.GUIDED,
            )
        )
    for day, persons in [(D(2019, 1, 1), 9), (D(2019, 7, 1), 4)]:
        record_save(
            instance=CitizenReception(
                term=term, date=day, host="Chủ tịch HĐND tỉnh", persons=persons
            )
        )
    # A matter between sessions counts on the day of the Standing Committee's opinion, else
    # the day it was received.
    for received, opinion in [
        (D(2019, 6, 25), D(2019, 7, 2)),
        (D(2019, 6, 30), None),
        (D(2018, 12, 28), D(2019, 1, 1)),
    ]:
        record_save(
            instance=InterSessionMatter(
                term=term,
                received_date=received,
                submitted_by=organization,
                subject=f"Tờ trình nhận ngày {received:%d/%m/%Y}",
                opinion_date=opinion,
            )
        )
    for day in (D(2019, 6, 30), D(2019, 7, 1)):
        record_save(
            instance=AppraisalRequest(
                term=term, requester="UBND tỉnh", subject="Dự thảo", received_date=day
            )
        )


def test_the_first_half_counts_exactly_the_records_inside_its_first_and_last_day(
    council, around_midyear
):
    f = annual_figures(council=council, period=FIRST_HALF)
    # Sessions opened 01/01 (thematic) and 30/06; not 31/12/2018 nor 01/07.
    assert (f.sessions.total, f.sessions.regular, f.sessions.thematic) == (2, 1, 1)
    assert f.sessions.thematic_label == "bất thường"
    # Adopted 01/01 (normative) and 30/06.
    assert (f.resolutions.total, f.resolutions.normative, f.resolutions.individual) == (2, 1, 1)
    # Ended 01/01, ended 30/06, started 30/06 without an end, the Ban's of March; not the
    # survey ending 01/07 nor the supervision ending in 2020.
    o = f.oversight
    assert o.total == 4
    assert (o.standing_thematic, o.standing_inspections, o.standing_surveys) == (1, 1, 0)
    assert (o.explanation_hearings, o.committee_thematic) == (1, 1)
    assert dict(o.committee_by_name)["Ban Kinh tế - Ngân sách"] == 1
    assert f.recommendations.total == 2  # the two of the activity ending 01/01
    # Received 01/01 (2) and 30/06 (3).
    assert (f.petitions.petitions, f.petitions.instances) == (2, 5)
    assert (f.petitions.meetings, f.petitions.voters_attended) == (1, 40)
    assert (f.letters.letters, f.letters.receptions, f.letters.citizens_received) == (1, 1, 9)
    # The matter with an opinion of 01/01, the one received 30/06 without one.
    assert (f.standing.intersession_matters, f.standing.intersession_matters_answered) == (2, 1)
    assert f.standing.appraisals == 1
    assert f.year is None and f.period == FIRST_HALF


def test_a_range_of_days_counts_exactly_the_records_inside_it(council, around_midyear):
    f = annual_figures(council=council, period=MIDYEAR)
    assert (f.sessions.total, f.sessions.regular, f.sessions.thematic) == (2, 2, 0)
    assert (f.resolutions.total, f.resolutions.normative, f.resolutions.individual) == (3, 0, 3)
    # Ended 30/06, started 30/06 without an end, ended 01/07.
    assert f.oversight.total == 3
    assert f.recommendations.total == 1
    assert (f.petitions.petitions, f.petitions.instances) == (2, 8)
    assert (f.petitions.meetings, f.petitions.voters_attended) == (1, 60)
    assert (f.letters.letters, f.letters.receptions, f.letters.citizens_received) == (2, 1, 4)
    # The matter received 25/06 got its opinion on 02/07: outside.
    assert f.standing.intersession_matters == 1
    assert f.standing.appraisals == 2


def test_a_whole_year_as_a_period_gives_the_figures_of_the_year_shortcut(
    council, around_midyear, django_assert_num_queries
):
    by_year = annual_figures(council=council, year=2019)
    # Ten statements of the council's own figures, one of its communes' resolutions' review
    # (resolutions.selectors.review_counts) and seven of its casework
    # (voters.casework.figures.case_figures with its breakdowns).
    with django_assert_num_queries(18):
        by_period = annual_figures(council=council, period=Period.year(2019))
    assert by_year == by_period
    assert by_year.year == 2019
    assert (by_year.sessions.total, by_year.resolutions.total, by_year.oversight.total) == (4, 5, 5)
    assert by_year.petitions.instances == 2 + 3 + 5 + 11


# --- the report of a period -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "subject", "opening", "ahead"),
    [
        (Period.year(2019), "năm 2019", "Trong năm 2019", "NĂM 2020"),
        (
            Period.half(2019),
            "6 tháng đầu năm 2019",
            "Trong 6 tháng đầu năm 2019",
            "6 THÁNG CUỐI NĂM 2019",
        ),
        (
            Period.months(2019, 9),
            "9 tháng đầu năm 2019",
            "Trong 9 tháng đầu năm 2019",
            "NHỮNG THÁNG CUỐI NĂM 2019",
        ),
        (
            Period.half(2019, first=False),
            "6 tháng cuối năm 2019",
            "Trong 6 tháng cuối năm 2019",
            "6 THÁNG ĐẦU NĂM 2020",
        ),
        (
            Period(D(2016, 6, 1), D(2021, 5, 31), PeriodKind.TERM),
            "nhiệm kỳ 2016 - 2021",
            "Trong nhiệm kỳ 2016 - 2021",
            "NHIỆM KỲ TỚI",
        ),
        (
            Period.between(D(2019, 1, 1), D(2019, 9, 30)),
            "từ ngày 01/01/2019 đến ngày 30/09/2019",
            "Từ ngày 01/01/2019 đến ngày 30/09/2019",
            "THỜI GIAN TỚI",
        ),
    ],
)
def test_the_title_and_the_prose_name_the_period(council, term, period, subject, opening, ahead):
    report = period_report_get_or_create(council=council, period=period)
    html, _figures = annual_report_html(report=report)
    assert f"Kết quả hoạt động {subject} của Thường trực HĐND tỉnh" in html
    # No session recorded: a zero reads as reports write it, not "đã tổ chức 00 kỳ họp".
    assert f"{opening}, Hội đồng nhân dân tỉnh chưa tổ chức kỳ họp nào" in html
    assert f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ {ahead}" in html
    assert f"Trên đây là báo cáo kết quả hoạt động {subject} của Thường trực HĐND tỉnh./." in html
    assert f"Số liệu hoạt động {subject} của HĐND tỉnh" in html
    assert report.title == f"Báo cáo kết quả hoạt động {subject}"


def test_a_half_year_report_prints_the_half_years_figures(council, around_midyear, staff_user):
    request = period_report_request(
        council=council, period=FIRST_HALF, user=staff_user, enqueue=False
    )
    assert annual_report_render(request_id=request.pk)
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.DONE, request.error
    assert request.file.name.startswith(
        "reports/2019/bao-cao-ket-qua-hoat-dong-6-thang-dau-nam-2019-"
    )
    text = pdf_text(request.file.read())
    assert "Kết quả hoạt động 6 tháng đầu năm 2019 của Thường trực HĐND tỉnh" in text
    assert (
        "Trong 6 tháng đầu năm 2019, Hội đồng nhân dân tỉnh đã tổ chức 02 kỳ họp (trong đó, có "
        "01 kỳ họp bất thường); ban hành 02 nghị quyết"
    ) in text
    assert "Thường trực HĐND tỉnh đã tổng hợp 05 lượt ý kiến, kiến nghị của cử tri" in text
    assert "Thường trực HĐND tỉnh đã tổ chức 01 buổi tiếp công dân, tiếp 09 lượt công dân." in text
    # The snapshot says which period the figures are of.
    assert request.figures["period"] == {
        "start": "2019-01-01",
        "end": "2019-06-30",
        "kind": "first_months",
    }
    assert request.figures["sessions"]["total"] == 2


def test_a_period_has_one_report_whatever_kind_first_named_it(council, term, staff_user):
    half = period_report_get_or_create(council=council, period=Period.half(2019))
    again = period_report_get_or_create(
        council=council, period=Period.between(D(2019, 1, 1), D(2019, 6, 30))
    )
    assert again == half and again.kind == PeriodKind.FIRST_MONTHS
    year = period_report_get_or_create(council=council, period=Period.year(2019))
    assert (year.kind, year.year) == (AnnualReport.Kind.YEAR, 2019)
    assert year.get_absolute_url() == "/bao-cao/nam/2019/"
    assert half.get_absolute_url() == f"/bao-cao/{half.pk}/"
    assert half.year is None
    assert AnnualReport.objects.count() == 2


def test_a_running_terms_report_follows_the_term_to_its_new_end(council, term):
    running = Term.objects.create(council=council, ordinal=10, roman="X", start_date=D(2021, 6, 1))
    first = period_report_get_or_create(
        council=council, period=Period.of_term(running, today=D(2023, 5, 1))
    )
    later = period_report_get_or_create(
        council=council, period=Period.of_term(running, today=D(2023, 6, 1))
    )
    assert later.pk == first.pk
    assert later.end_date == D(2023, 6, 1)
    assert AnnualReport.objects.filter(kind=PeriodKind.TERM).count() == 1


@pytest.mark.parametrize(
    ("period", "allowed"),
    [
        (Period.half(2016), True),  # the term began in June 2016: its year may be reported on
        (Period.between(D(2019, 12, 1), D(2021, 12, 31)), True),
        (Period.half(2022), False),
        (Period.between(D(2021, 5, 1), D(2022, 1, 31)), False),
        (Period.between(D(2015, 12, 1), D(2016, 3, 31)), False),
    ],
)
def test_a_period_outside_the_councils_terms_is_refused(council, term, period, allowed):
    if allowed:
        report_period_check(council=council, period=period)
        return
    with pytest.raises(ValidationError) as exc:
        report_period_check(council=council, period=period)
    assert f"Kỳ báo cáo {period.label} không nằm trong các nhiệm kỳ" in exc.value.messages[0]
    assert "(từ năm 2016 đến năm 2021)" in exc.value.messages[0]


def test_making_a_running_terms_report_again_runs_it_to_today(council, term, staff_user):
    from django.utils import timezone

    from reports.services import report_request

    running = Term.objects.create(council=council, ordinal=10, roman="X", start_date=D(2021, 6, 1))
    report = period_report_get_or_create(
        council=council, period=Period.of_term(running, today=D(2023, 5, 1))
    )
    request = report_request(report=report, user=staff_user, enqueue=False)
    report.refresh_from_db()
    assert request.annual_report == report
    assert (report.start_date, report.end_date) == (D(2021, 6, 1), timezone.localdate())
