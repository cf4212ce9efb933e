"""A year of work in a real browser: a staff member records a session, a resolution with its
signed PDF, an oversight activity with a recommendation and a voter petition; a leader, logged
in at the same time in another browser context, sees the dashboard figures move, generates
the annual report and downloads the PDF.

Everything goes through the pages (forms, links, buttons, JavaScript, HTMX), against the live
server; the database is only used to seed what exists before the year starts and to check
what the pages claim. Screenshots: var/e2e-screenshots/NN-step.png."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path

import pytest
from django.conf import settings

from accounts.services import user_create_with_role
from core.roles import Role
from oversight.models import OversightActivity, OversightRecommendation
from reports.models import ReportRequest
from reports.tasks import render_annual_report
from resolutions.models import Resolution, ResolutionAttachment
from sessions.models import Session
from tests.conftest import PASSWORD
from tests.reports.conftest import celery_broker, pdf_text, start_worker, stop_worker
from voters.models import VoterPetition

pytestmark = [pytest.mark.chromium, pytest.mark.django_db(transaction=True)]

YEAR = 2019  # inside the `term` fixture (2016-2021)
CARDS = ("sessions", "resolutions", "oversight", "recommendations", "petitions")
# A real worker starts (a few seconds on 2 busy cores), then renders the PDF.
WORKER_TIMEOUT_MS = 90_000

# The smallest well-formed PDF: one empty page. Uploads are typed by content (%PDF magic).
SIGNED_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n"
    b"%%EOF\n"
)


def _login(page, username: str) -> None:
    page.goto("/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "/dang-nhap/" not in url)


def _save(page, url_pattern: str) -> int:
    """Press the form's «Lưu» and return the id in the URL it lands on (the new record)."""
    page.locator("form button[type=submit]", has_text="Lưu").click()
    page.wait_for_url(re.compile(url_pattern))
    return int(re.search(url_pattern, page.url).group(1))


def _figures(page) -> dict[str, int]:
    """The main figure of each dashboard card, "1.234" read as 1234."""
    return {
        key: int(page.locator(f"#card-{key} .figure-value").inner_text().replace(".", ""))
        for key in CARDS
    }


@pytest.mark.parametrize(
    "via_worker",
    [
        pytest.param(False, id="in-process"),
        # In CI the user's click travels through Redis to a real Celery worker process, which
        # must see the test's committed rows (PostgreSQL) and write where the server reads.
        pytest.param(True, id="real-worker", marks=[pytest.mark.worker, pytest.mark.postgres]),
    ],
)
def test_staff_records_a_year_and_leader_downloads_its_report(
    via_worker: bool,
    new_page,
    shots,
    server_lock,
    monkeypatch,
    tmp_path: Path,
    council,
    term,
    organization,
    staff_user,
) -> None:
    leader = user_create_with_role(
        username="lanhdao", password=PASSWORD, role=Role.LEADER, full_name="Nguyễn Văn Lãnh"
    )
    # What the council already had that year: the figures must move from here, not from zero.
    Session.objects.create(
        term=term,
        number=1,
        regular_slot=Session.RegularSlot.MID_YEAR,
        start_date=dt.date(YEAR, 7, 10),
        end_date=dt.date(YEAR, 7, 12),
        status=Session.Status.CLOSED,
    )
    server_errors: list[str] = []

    def watch(page):
        page.on(
            "response",
            lambda r: server_errors.append(f"{r.status} {r.url}") if r.status >= 500 else None,
        )
        return page

    # --- The leader opens the dashboard of the year before anything is recorded.
    boss = watch(new_page())
    _login(boss, leader.username)
    boss.wait_for_selector("#card-sessions")
    boss.select_option("#id_year", str(YEAR))  # the selector submits itself (reports.js)
    boss.wait_for_url(re.compile(rf"[?&]year={YEAR}\b"))
    before = _figures(boss)
    assert before["sessions"] == 1
    shots.take(boss, "leader-dashboard-before")

    # --- The staff member logs in, in a browser context of their own.
    page = watch(new_page())
    page.goto("/dang-nhap/")
    page.fill("#id_username", staff_user.username)
    page.fill("#id_password", PASSWORD)
    shots.take(page, "staff-login")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "/dang-nhap/" not in url)

    # A session (kỳ họp), from the list's «Thêm mới» button.
    page.goto("/ky-hop/")
    page.get_by_role("link", name="Thêm mới").first.click()
    page.wait_for_url("**/ky-hop/them/")
    page.select_option("#id_term", str(term.pk))
    page.fill("#id_number", "12")
    page.select_option("#id_kind", Session.Kind.REGULAR)
    page.select_option("#id_regular_slot", Session.RegularSlot.YEAR_END)
    page.fill("#id_start_date", f"04/12/{YEAR}")
    page.fill("#id_end_date", f"06/12/{YEAR}")
    page.fill("#id_venue", "Hội trường trụ sở HĐND tỉnh")
    page.select_option("#id_status", Session.Status.CLOSED)
    shots.take(page, "session-form")
    session_id = _save(page, r"/ky-hop/(\d+)/$")
    page.get_by_text("Đã lưu").first.wait_for()
    shots.take(page, "session-created")
    session = Session.objects.get(pk=session_id)
    assert (session.number, session.start_date) == (12, dt.date(YEAR, 12, 4))

    # A normative resolution adopted at that session; the number is left to the system.
    page.goto("/nghi-quyet/them/")
    page.check("#id_is_normative")
    page.fill("#id_adopted_date", f"06/12/{YEAR}")
    page.fill("#id_effective_date", f"16/12/{YEAR}")
    page.select_option("#id_session", str(session_id))
    page.fill("#id_title", "Quy định mức chi hỗ trợ cho cán bộ làm công tác tiếp công dân")
    page.fill("#id_votes_for", "48")
    page.fill("#id_delegates_present", "50")
    page.fill("#id_signer", "Nguyễn Văn A")
    shots.take(page, "resolution-form")
    resolution_id = _save(page, r"/nghi-quyet/(\d+)/$")
    shots.take(page, "resolution-created")
    resolution = Resolution.objects.get(pk=resolution_id)
    assert (resolution.session_id, resolution.year, resolution.is_normative) == (
        session_id,
        YEAR,
        True,
    )

    # Its signed text, as a PDF upload.
    signed = tmp_path / "nghi-quyet-ky-so.pdf"
    signed.write_bytes(SIGNED_PDF)
    page.get_by_role("link", name="Tải tệp").click()
    page.wait_for_url(re.compile(r"/nghi-quyet/\d+/tep/them/$"))
    page.select_option("#id_kind", ResolutionAttachment.Kind.SIGNED)
    page.set_input_files("#id_upload", str(signed))
    page.locator("form button[type=submit]", has_text="Lưu").click()
    page.wait_for_url(re.compile(rf"/nghi-quyet/{resolution_id}/$"))
    attachment_link = page.get_by_role("link", name=signed.name)
    attachment_link.wait_for()
    shots.take(page, "resolution-signed-pdf-uploaded")
    # Served back through the permission-checking view, as a download, byte for byte.
    with page.expect_download() as download_info:
        attachment_link.click()
    assert Path(download_info.value.path()).read_bytes() == SIGNED_PDF

    # An oversight activity by the Standing Committee, then a recommendation from it.
    page.goto("/giam-sat/hoat-dong/them/")
    page.select_option("#id_term", str(term.pk))
    page.select_option("#id_actor", "standing")
    page.select_option("#id_kind", "thematic")
    page.fill("#id_topic", "Việc thực hiện chính sách hỗ trợ nhà ở cho người có công")
    page.fill("#id_start_date", f"12/08/{YEAR}")
    page.fill("#id_end_date", f"30/08/{YEAR}")
    page.select_option("#id_supervised_organizations", [str(organization.pk)])
    shots.take(page, "oversight-activity-form")
    activity_id = _save(page, r"/giam-sat/hoat-dong/(\d+)/$")
    shots.take(page, "oversight-activity-created")
    page.get_by_role("link", name="Thêm kiến nghị").click()
    page.wait_for_url(re.compile(rf"/giam-sat/hoat-dong/{activity_id}/kien-nghi/them/$"))
    page.fill("#id_content", "Rà soát, hoàn thành hỗ trợ nhà ở cho các hộ còn lại")
    page.select_option("#id_addressee", str(organization.pk))
    page.fill("#id_deadline", f"31/12/{YEAR}")
    recommendation_id = _save(page, r"/giam-sat/kien-nghi/(\d+)/$")
    shots.take(page, "oversight-recommendation-created")
    assert OversightRecommendation.objects.get(pk=recommendation_id).activity_id == activity_id
    assert OversightActivity.objects.get(pk=activity_id).supervised_organizations.get() == (
        organization
    )

    # A voter petition raised before that session, counted twice (two meetings raised it).
    page.goto("/cu-tri/kien-nghi/them/")
    page.select_option("#id_term", str(term.pk))
    page.select_option("#id_session", str(session_id))
    page.fill("#id_received_date", f"20/11/{YEAR}")
    page.fill("#id_content", "Đề nghị sớm sửa chữa tuyến đường tỉnh 226 đoạn qua xã Thử Nghiệm")
    page.fill("#id_instances", "2")
    page.select_option("#id_responsible_org", str(organization.pk))
    shots.take(page, "voter-petition-form")
    petition_id = _save(page, r"/cu-tri/kien-nghi/(\d+)/$")
    shots.take(page, "voter-petition-created")
    assert VoterPetition.objects.get(pk=petition_id).session_id == session_id

    # --- The leader reloads the dashboard: every figure moved by what was just recorded.
    boss.reload()
    boss.wait_for_selector("#card-sessions")
    after = _figures(boss)
    shots.take(boss, "leader-dashboard-after")
    assert after == {
        "sessions": before["sessions"] + 1,
        "resolutions": before["resolutions"] + 1,
        "oversight": before["oversight"] + 1,
        "recommendations": before["recommendations"] + 1,
        "petitions": before["petitions"] + 2,
    }

    # --- The annual report. A worker is not there yet: the broker accepts the task and the
    # row waits, polling itself (HTMX, every 2 s) until the worker has rendered the PDF.
    queued: list[int] = []
    if via_worker:
        broker = celery_broker(settings.CELERY_BROKER_URL)
    else:  # the broker is a list, and the test plays the worker
        broker = contextlib.nullcontext()
        monkeypatch.setattr(
            render_annual_report, "apply_async", lambda args, **options: queued.append(args[0])
        )
    worker = None
    with broker:
        boss.get_by_role("link", name=f"Báo cáo năm {YEAR}").click()
        boss.wait_for_url(f"**/bao-cao/nam/{YEAR}/")
        shots.take(boss, "annual-report-page")
        boss.get_by_role("button", name="Tạo báo cáo").click()
        boss.wait_for_url(f"**/bao-cao/nam/{YEAR}/")
        pending = boss.locator('tr[data-status="pending"]')
        pending.wait_for()
        request_id = int(pending.get_attribute("id").removeprefix("request-"))
        assert queued == ([] if via_worker else [request_id])
        shots.take(boss, "annual-report-queued")
        with boss.expect_response(lambda r: r.url.endswith(f"/bao-cao/yeu-cau/{request_id}/")):
            pass  # the row asks the server for its state without reloading the page

        if via_worker:  # the worker starts and takes the task from Redis
            worker_log = tmp_path / "worker.log"
            worker = start_worker(log_path=worker_log, media_root=Path(settings.MEDIA_ROOT))
        else:
            with server_lock:  # the worker picks the task up
                render_annual_report(request_id)
    try:
        done = boss.locator(f'tr#request-{request_id}[data-status="done"]')
        done.wait_for(timeout=WORKER_TIMEOUT_MS if via_worker else None)
    finally:
        if worker is not None:
            stop_worker(worker)
    if via_worker:
        assert "reports.tasks.render_annual_report" in worker_log.read_text(errors="replace")
    download_link = boss.locator(
        f'tr#request-{request_id}[data-status="done"] a', has_text="Tải PDF"
    )
    download_link.wait_for()
    # Swapped in place by the poll: the page was not reloaded, its notice is still there.
    assert boss.get_by_text("Đã gửi yêu cầu tạo báo cáo").is_visible()
    shots.take(boss, "annual-report-ready")
    with boss.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename.startswith(f"bao-cao-ket-qua-hoat-dong-nam-{YEAR}-")
    pdf = Path(download.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 10_000  # a real rendered report, not an empty page
    (shots.directory / f"annual-report-{YEAR}.pdf").write_bytes(pdf)  # kept beside the shots
    text = pdf_text(pdf)
    assert "TỈNH THỬ NGHIỆM" in text and f"năm {YEAR}" in text
    report_request = ReportRequest.objects.get()
    assert (report_request.status, report_request.requested_by_id, report_request.attempts) == (
        ReportRequest.Status.DONE,
        leader.pk,
        1,
    )
    # The report counts what the staff member recorded, as the dashboard did.
    assert report_request.figures["sessions"]["total"] == after["sessions"]
    assert report_request.figures["resolutions"]["total"] == after["resolutions"]

    assert not server_errors, server_errors
