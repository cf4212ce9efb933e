"""The page that makes a report of any period (issue 17): a year, the first 6 or 9 months, a term,
any range of days, or a session's petitions; the same checks as the year's button (the period
inside the council's terms, throttling)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from core.periods import PeriodKind
from reports.models import AnnualReport, ReportRequest
from reports.services import REQUESTS_PER_USER, annual_report_request
from sessions.models import Session
from tests.helpers import post_form

pytestmark = pytest.mark.django_db

D = dt.date
URL = "/bao-cao/ky-bao-cao/"


def test_the_period_page_is_for_the_roles_that_generate(
    staff_user, leader_user, committee_user, term
):
    assert reverse("reports:report_new") == URL
    assert Client().get(URL).status_code == 302  # to the login page
    clients = {}
    for user in (staff_user, leader_user, committee_user):
        clients[user] = Client()
        clients[user].force_login(user)
    committee = clients[committee_user]
    assert committee.get(URL).status_code == 403
    assert committee.post(URL, {"kind": "year", "year": "2019"}).status_code == 403
    for user in (staff_user, leader_user):
        page = clients[user].get(URL)
        assert page.status_code == 200
        html = page.content.decode()
        assert "Kết quả hoạt động 6 tháng đầu năm" in html
        assert "Kết quả giám sát giải quyết kiến nghị của cử tri gửi đến kỳ họp" in html
    assert not AnnualReport.objects.exists()


def _post(client, data, callbacks):
    with callbacks(execute=True):
        return client.post(URL, data, follow=True)


@pytest.mark.parametrize(
    ("data", "kind", "start", "end", "title"),
    [
        (
            {"kind": "half", "year": "2019"},
            PeriodKind.FIRST_MONTHS,
            D(2019, 1, 1),
            D(2019, 6, 30),
            "Báo cáo kết quả hoạt động 6 tháng đầu năm 2019",
        ),
        (
            {"kind": "nine_months", "year": "2019"},
            PeriodKind.FIRST_MONTHS,
            D(2019, 1, 1),
            D(2019, 9, 30),
            "Báo cáo kết quả hoạt động 9 tháng đầu năm 2019",
        ),
        (
            {"kind": "custom", "date_from": "15/03/2019", "date_to": "30/09/2019"},
            PeriodKind.CUSTOM,
            D(2019, 3, 15),
            D(2019, 9, 30),
            "Báo cáo kết quả hoạt động từ ngày 15/03/2019 đến ngày 30/09/2019",
        ),
        (
            {"kind": "year", "year": "2020"},
            PeriodKind.YEAR,
            D(2020, 1, 1),
            D(2020, 12, 31),
            "Báo cáo kết quả hoạt động năm 2020",
        ),
    ],
)
def test_a_leader_makes_the_report_of_the_chosen_period(
    leader_client, term, django_capture_on_commit_callbacks, data, kind, start, end, title
):
    response = _post(leader_client, data, django_capture_on_commit_callbacks)
    report = AnnualReport.objects.get()
    assert (report.kind, report.start_date, report.end_date) == (kind, start, end)
    assert response.redirect_chain[-1][0] == report.get_absolute_url()
    assert title in response.content.decode()
    request = report.requests.get()
    assert request.status == ReportRequest.Status.DONE
    download = leader_client.get(reverse("reports:reportrequest_download", args=[request.pk]))
    assert download.status_code == 200


def test_a_term_report_covers_the_whole_term(
    staff_client, term, django_capture_on_commit_callbacks
):
    _post(staff_client, {"kind": "term", "term": str(term.pk)}, django_capture_on_commit_callbacks)
    report = AnnualReport.objects.get()
    assert (report.kind, report.start_date, report.end_date) == (
        PeriodKind.TERM,
        D(2016, 6, 1),
        D(2021, 5, 31),
    )
    assert report.title == "Báo cáo kết quả hoạt động nhiệm kỳ 2016 - 2021"


def test_a_sessions_petitions_report_is_made_from_the_period_page(
    staff_client, term, django_capture_on_commit_callbacks
):
    session = Session.objects.create(
        term=term, number=9, kind="regular", start_date=D(2019, 7, 10), end_date=D(2019, 7, 12)
    )
    _post(
        staff_client,
        {"kind": "session", "session": str(session.pk)},
        django_capture_on_commit_callbacks,
    )
    report = AnnualReport.objects.get()
    assert (report.kind, report.session) == (AnnualReport.Kind.SESSION_PETITIONS, session)
    assert report.requests.get().status == ReportRequest.Status.DONE


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "custom", "date_from": "01/01/2019"}, "Cần chọn hoặc nhập mục này"),
        (
            {"kind": "custom", "date_from": "01/10/2019", "date_to": "30/09/2019"},
            "Ngày kết thúc không được trước ngày bắt đầu",
        ),
        (
            {"kind": "custom", "date_from": "31/02/2019", "date_to": "30/09/2019"},
            "Nhập ngày theo dạng dd/mm/yyyy",
        ),
        ({"kind": "term"}, "Cần chọn hoặc nhập mục này"),
        ({"kind": "session", "session": "9223372036854775808"}, "hợp lệ"),
        ({"kind": "half", "year": "20190"}, "Năm không hợp lệ"),
        ({"kind": "quarter", "year": "2019"}, "không"),
    ],
)
def test_an_incomplete_choice_is_sent_back_with_the_reason(staff_client, term, data, message):
    response = staff_client.post(URL, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AnnualReport.objects.exists()


def test_a_period_outside_the_terms_is_refused_with_the_reason(staff_client, term):
    response = staff_client.post(URL, {"kind": "half", "year": "2022"}, follow=True)
    html = response.content.decode()
    assert "Kỳ báo cáo 6 tháng đầu năm 2022 không nằm trong các nhiệm kỳ" in html
    assert response.redirect_chain[-1][0] == URL
    assert not AnnualReport.objects.exists()


def test_the_period_page_is_throttled_like_the_years_button(leader_client, leader_user, term):
    for _ in range(REQUESTS_PER_USER):
        annual_report_request(council=term.council, year=2019, user=leader_user, enqueue=False)
    response = leader_client.post(URL, {"kind": "half", "year": "2019"}, follow=True)
    assert "Vui lòng chờ ít phút rồi thử lại" in response.content.decode()
    assert ReportRequest.objects.count() == REQUESTS_PER_USER
    assert not AnnualReport.objects.filter(kind=PeriodKind.FIRST_MONTHS).exists()


def test_staff_edit_a_half_years_narrative_and_the_year_page_lists_it(
    staff_client, council, term, django_capture_on_commit_callbacks
):
    _post(staff_client, {"kind": "half", "year": "2019"}, django_capture_on_commit_callbacks)
    report = AnnualReport.objects.get()
    url = reverse("reports:report_update", args=[report.pk])
    page = staff_client.get(url).content.decode()
    assert "III. Phương hướng, nhiệm vụ thời gian tới" in page
    response = post_form(
        staff_client,
        url,
        {
            "number": "61",
            "signing_authority": "TM. THƯỜNG TRỰC HĐND",
            "signer_title": "CHỦ TỊCH",
            "recipients": "UBND tỉnh;\nLưu: VT.",
        },
    )
    assert response.status_code == 302 and response.url == report.get_absolute_url()
    report.refresh_from_db()
    assert report.number == "61"
    year_page = staff_client.get(reverse("reports:annualreport_detail", args=[2019]))
    html = year_page.content.decode()
    assert report.get_absolute_url() in html
    assert "Báo cáo kết quả hoạt động 6 tháng đầu năm 2019" in html
    assert URL in html
