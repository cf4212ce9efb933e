import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council.models import AppraisalRequest, InterSessionMatter
from oversight.models import OversightActivity
from reports.models import AnnualReport, ReportRequest
from reports.services import annual_report_render, annual_report_request
from resolutions.models import Resolution, ResolutionField
from sessions.models import Session
from tests.reports.conftest import celery_broker, pdf_text

pytestmark = pytest.mark.django_db

D = dt.date


def _add_rows(*, council, term, committee, organization, count: int, offset: int = 0) -> None:
    """`count` more of each record the dashboard counts, all in 2019."""
    field, _created = ResolutionField.objects.get_or_create(name="Ngân sách - tài chính")
    for i in range(offset, offset + count):
        day = D(2019, 1 + i % 12, 1 + i % 28)
        Session.objects.create(
            term=term,
            number=i + 1,
            kind=Session.Kind.THEMATIC if i % 2 else Session.Kind.REGULAR,
            start_date=day,
            end_date=day,
        )
        Resolution.objects.create(
            council=council,
            term=term,
            number=i + 1,
            year=2019,
            series=Resolution.Series.INDIVIDUAL,
            is_normative=False,
            adopted_date=day,
            title=f"Nghị quyết {i}",
            field=field,
        )
        InterSessionMatter.objects.create(
            term=term, received_date=day, submitted_by=organization, subject=f"Nội dung {i}"
        )
        AppraisalRequest.objects.create(
            term=term, requester="UBND", subject=f"Tờ trình {i}", received_date=day
        )
        OversightActivity.objects.create(
            term=term,
            actor="committee",
            committee=committee,
            kind="thematic",
            topic=f"Giám sát {i}",
            start_date=day,
            end_date=day,
        )


def _query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_dashboard_query_count_does_not_grow_with_the_data(
    leader_client, council, term, committee, organization
):
    url = reverse("reports:dashboard") + "?year=2019"
    leader_client.get(reverse("council:registry"))  # the session's first request reads more
    _add_rows(council=council, term=term, committee=committee, organization=organization, count=2)
    few = _query_count(leader_client, url)
    _add_rows(
        council=council,
        term=term,
        committee=committee,
        organization=organization,
        count=40,
        offset=2,
    )
    many = _query_count(leader_client, url)
    assert few == many
    assert many <= 70
    term_url = reverse("reports:dashboard") + f"?term={term.pk}"
    assert _query_count(leader_client, term_url) <= 90


def test_dashboard_shows_figures_with_links_to_the_filtered_lists(
    leader_client, council, term, committee, organization
):
    _add_rows(council=council, term=term, committee=committee, organization=organization, count=3)
    response = leader_client.get(reverse("home") + "?year=2019")
    html = response.content.decode()
    assert response.status_code == 200
    assert "/ky-hop/?year=2019&amp;kind=thematic" in html
    assert "/nghi-quyet/?year=2019&amp;is_normative=false" in html
    assert "/nghi-quyet/?year=2019&amp;field=" in html
    assert "/hoi-dong/noi-dung-phat-sinh/?year=2019" in html
    assert "/hoi-dong/tham-dinh/?year=2019" in html
    assert "actor=committee&amp;kind=thematic" in html
    assert "bất thường" in html  # 2019: the pre-2020 word for non-regular sessions
    assert "<svg" in html


def test_dashboard_points_to_years_with_data_when_the_year_is_empty(
    leader_client, council, term, committee, organization
):
    _add_rows(council=council, term=term, committee=committee, organization=organization, count=1)
    html = leader_client.get(reverse("reports:dashboard") + "?year=2024").content.decode()
    assert 'href="?year=2019"' in html


def test_dashboard_term_view_counts_the_whole_term(
    leader_client, council, term, committee, organization
):
    _add_rows(council=council, term=term, committee=committee, organization=organization, count=2)
    response = leader_client.get(reverse("reports:dashboard") + f"?term={term.pk}")
    assert response.status_code == 200
    assert f"term={term.pk}" in response.content.decode()
    assert leader_client.get(reverse("reports:dashboard") + "?term=999999").status_code == 404


# --- permissions ------------------------------------------------------------------------------


def _urls(request_pk: int) -> dict[str, str]:
    return {
        "dashboard": reverse("reports:dashboard"),
        "detail": reverse("reports:annualreport_detail", args=[2019]),
        "update": reverse("reports:annualreport_update", args=[2019]),
        "generate": reverse("reports:annualreport_generate", args=[2019]),
        "status": reverse("reports:reportrequest_status", args=[request_pk]),
        "download": reverse("reports:reportrequest_download", args=[request_pk]),
    }


@pytest.fixture
def done_request(council, term, staff_user):
    request = annual_report_request(council=council, year=2019, user=staff_user, enqueue=False)
    annual_report_render(request_id=request.pk)
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.DONE
    return request


def test_anonymous_visitor_is_sent_to_login_everywhere(client, done_request):
    for name, url in _urls(done_request.pk).items():
        response = client.post(url) if name == "generate" else client.get(url)
        assert response.status_code == 302, name
        assert response.url.startswith(reverse("login")), name


def test_committee_member_reads_and_downloads_but_neither_edits_nor_generates(
    committee_client, done_request
):
    urls = _urls(done_request.pk)
    assert committee_client.get(urls["dashboard"]).status_code == 200
    detail = committee_client.get(urls["detail"])
    assert detail.status_code == 200
    html = detail.content.decode()
    # The report's own page, with the finished file offered, but no button to make another.
    assert "Báo cáo kết quả hoạt động năm 2019" in html
    assert urls["download"] in html
    assert urls["generate"] not in html
    assert committee_client.get(urls["update"]).status_code == 403
    assert committee_client.post(urls["generate"]).status_code == 403
    assert committee_client.get(urls["download"]).status_code == 200
    assert ReportRequest.objects.count() == 1


# Committed for real, as in production: the task is enqueued when the service's transaction
# commits, before the view reads the row back to tell the user what happened.
@pytest.mark.django_db(transaction=True)
def test_leader_generates_and_downloads_but_does_not_edit_the_narrative(
    role_groups, leader_client, done_request
):
    urls = _urls(done_request.pk)
    assert leader_client.get(urls["update"]).status_code == 403
    assert leader_client.post(urls["update"], {"number": "9"}).status_code == 403
    response = leader_client.post(urls["generate"], follow=True)
    assert response.status_code == 200
    assert "Đã tạo xong báo cáo năm 2019" in response.content.decode()
    assert ReportRequest.objects.filter(status=ReportRequest.Status.DONE).count() == 2
    download = leader_client.get(urls["download"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_generate_accepts_only_post(leader_client):
    assert leader_client.get(_urls(1)["generate"]).status_code == 405


def test_staff_edits_the_narrative_that_the_pdf_then_prints(staff_client, council, term):
    url = reverse("reports:annualreport_update", args=[2019])
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(
        url,
        {
            "number": "125",
            "report_date": "05/12/2019",
            "place_date_override": "",
            "other_work": "",
            "assessment": "Hoạt động có nhiều đổi mới.",
            "next_year_tasks": "Nâng cao chất lượng giám sát.",
            "signing_authority": "KT. CHỦ TỊCH",
            "signer_title": "PHÓ CHỦ TỊCH",
            "signer_name": "Đoàn Thị Hậu",
            "recipients": "UBND tỉnh;\nLưu: VT.",
        },
    )
    assert response.status_code == 302
    report = AnnualReport.objects.get(council=council, year=2019)
    assert report.signer_name == "Đoàn Thị Hậu"
    request = annual_report_request(council=council, year=2019, user=None, enqueue=False)
    annual_report_render(request_id=request.pk)
    request.refresh_from_db()
    text = pdf_text(request.file.read())
    assert "Số: 125/BC-HĐND" in text
    assert "Thử Nghiệm, ngày 05 tháng 12 năm 2019" in text
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in text
    assert "Đoàn Thị Hậu" in text
    assert "Hoạt động có nhiều đổi mới." in text


def test_narrative_form_rejects_a_number_with_letters(staff_client, council, term):
    response = staff_client.post(
        reverse("reports:annualreport_update", args=[2019]),
        {"number": "12a", "signing_authority": "TM. THƯỜNG TRỰC HĐND", "signer_title": "CHỦ TỊCH"},
    )
    assert response.status_code == 200
    assert "Số báo cáo chỉ gồm chữ số" in response.content.decode()


def test_status_fragment_polls_while_pending_and_offers_the_download_when_done(
    leader_client, council, term, staff_user
):
    request = annual_report_request(council=council, year=2019, user=staff_user, enqueue=False)
    url = reverse("reports:reportrequest_status", args=[request.pk])
    pending = leader_client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 2s"' in pending
    annual_report_render(request_id=request.pk)
    done = leader_client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in done
    assert reverse("reports:reportrequest_download", args=[request.pk]) in done

    from accounts.models import SecurityEvent

    download = leader_client.get(reverse("reports:reportrequest_download", args=[request.pk]))
    assert download.status_code == 200
    event = SecurityEvent.objects.get(kind=SecurityEvent.Kind.REPORT_DOWNLOAD)
    assert event.path == reverse("reports:reportrequest_download", args=[request.pk])


def test_download_of_an_unfinished_report_is_404(leader_client, council, term, staff_user):
    request = annual_report_request(council=council, year=2019, user=staff_user, enqueue=False)
    url = reverse("reports:reportrequest_download", args=[request.pk])
    assert leader_client.get(url).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_the_user_gets_a_clear_message_and_the_request_is_kept(
    role_groups, leader_client, council, term
):
    url = reverse("reports:annualreport_generate", args=[2019])
    with celery_broker("redis://127.0.0.1:1/0"):
        response = leader_client.post(url, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "tạm thời không kết nối được" in html
    assert "đã được ghi nhận" in html
    request = ReportRequest.objects.get()
    assert request.status == ReportRequest.Status.PENDING
    assert 'hx-trigger="every 2s"' in html


def test_a_write_shows_on_the_dashboard_at_once(staff_client, council, term):
    import datetime as dt

    from sessions.models import Session

    url = "/bao-cao/?year=2019"
    page = staff_client.get(url).content.decode()
    Session.objects.create(
        term=term,
        number=3,
        start_date=dt.date(2019, 8, 20),
        end_date=dt.date(2019, 8, 20),
        kind="thematic",
    )
    page_after = staff_client.get(url).content.decode()
    assert page_after != page  # the new session shows at once


def test_report_narrative_edit_refuses_a_stale_save_and_downloads_are_logged(
    staff_client, council, term, staff_user
):
    from accounts.models import SecurityEvent
    from reports.models import AnnualReport
    from reports.services import annual_report_save

    report = annual_report_save(
        report=AnnualReport(council=council, year=2019, number="125", signer_name="A")
    )
    url = reverse("reports:annualreport_update", args=[2019])
    form = staff_client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    AnnualReport.objects.filter(pk=report.pk).update(number="126")
    report.refresh_from_db()
    report.signer_name = "B"
    report.save()  # someone else saved in between
    response = staff_client.post(url, {**data, "number": "999"})
    assert response.status_code == 200
    assert "CHƯA được lưu" in response.content.decode()
    report.refresh_from_db()
    assert report.number == "126"
    page = staff_client.get(reverse("reports:annualreport_detail", args=[2019])).content.decode()
    assert "Lịch sử thay đổi" in page
    assert not SecurityEvent.objects.filter(kind=SecurityEvent.Kind.REPORT_DOWNLOAD).exists()


@pytest.mark.parametrize(
    "client_fixture", ["staff_client", "leader_client", "committee_client", "admin_client_"]
)
def test_a_report_made_from_the_command_line_shows_as_such(request, term, client_fixture):
    """`manage.py annual_report` (README) saves a request without a user: the year's page and
    the request's status row name the command line instead of answering 500."""
    from django.core.management import call_command

    call_command("annual_report", year=2019)
    report_request = ReportRequest.objects.get()
    assert report_request.requested_by is None
    client = request.getfixturevalue(client_fixture)

    page = client.get(reverse("reports:annualreport_detail", args=[2019]))
    row = client.get(reverse("reports:reportrequest_status", args=[report_request.pk]))

    assert page.status_code == 200
    assert "Dòng lệnh (máy chủ)" in page.content.decode()
    assert row.status_code == 200
    assert "Dòng lệnh (máy chủ)" in row.content.decode()


@pytest.mark.parametrize("year", [1945, 2015, 2022, 2200])
def test_a_report_for_a_year_outside_the_councils_terms_is_refused(leader_client, term, year):
    """The term runs 2016-2021: any other year is refused with the reason, and nothing kept."""
    response = leader_client.post(
        reverse("reports:annualreport_generate", args=[year]), follow=True
    )

    assert response.status_code == 200
    assert f"Năm {year} không thuộc nhiệm kỳ nào" in response.content.decode()
    assert not ReportRequest.objects.exists()
    assert not AnnualReport.objects.exists()


def test_report_requests_are_throttled_per_user(leader_client, staff_user, term):
    from django.test import Client

    from reports.services import REQUESTS_PER_USER

    staff_client = Client()
    staff_client.force_login(staff_user)

    generate = reverse("reports:annualreport_generate", args=[2019])
    for _ in range(REQUESTS_PER_USER):
        leader_client.post(generate)
    response = leader_client.post(generate, follow=True)

    assert "Vui lòng chờ ít phút rồi thử lại" in response.content.decode()
    assert ReportRequest.objects.count() == REQUESTS_PER_USER
    # Another user is not held back by the first one's requests.
    staff_client.post(generate)
    assert ReportRequest.objects.count() == REQUESTS_PER_USER + 1


def test_the_command_refuses_a_year_outside_the_terms(term):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="Năm 2030 không thuộc nhiệm kỳ nào"):
        call_command("annual_report", year=2030)
    assert not ReportRequest.objects.exists()
