"""What the apps below tell as it happens, through their signals (core.imports.import_finished,
reports.signals.report_ready), received by notifications: an import finished, to the user who
ran it, once it committed; a report ready, to whoever asked for it. Neither app imports
notifications."""

from __future__ import annotations

import ast
import datetime as dt
import re
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from core.imports import import_finished_send
from council.models import Delegate
from notifications.models import Channel, Event, Notification
from notifications.services import preferences_save
from reports.models import ReportRequest
from reports.signals import report_ready
from resolutions import services as resolution_services
from resolutions.models import DelegateVote, Resolution
from voters import imports as petition_imports
from voters.models import VoterPetition

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _petitions_xlsx(contents: list[str]) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = petition_imports.SHEET_NAME
    sheet.append(petition_imports.HEADERS)
    for number, content in enumerate(contents, start=1):
        sheet.append([number, content, None, dt.date(2019, 6, 16), None, "", "Trung ương", "", ""])
    buffer = BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("kien-nghi.xlsx", buffer.getvalue())


def _import_petitions(client, term, contents: list[str]):
    preview = client.post(
        reverse("voters:petition_import"), {"term": term.pk, "file": _petitions_xlsx(contents)}
    )
    assert preview.status_code == 200
    return client.post(
        reverse("voters:petition_import_confirm"),
        {"token": preview.context["token"], "term": term.pk},
    )


def test_a_petition_import_tells_the_user_who_ran_it_once_committed(
    notification_rules,
    staff_client,
    staff_user,
    staff,
    term,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        done = _import_petitions(
            staff_client, term, ["Đề nghị sửa đường liên xã", "Đề nghị kéo điện về thôn"]
        )
    assert done.status_code == 302
    # Nothing before the import's transaction commits.
    assert not Notification.objects.exists()
    for callback in callbacks:
        callback()
    line = Notification.objects.get()
    first = VoterPetition.objects.order_by("pk").first()
    assert (line.user, line.rule.event, line.item) == (staff_user, Event.IMPORT_FINISHED, first)
    assert line.title == "Đã nhập xong từ tệp Excel: 2 kiến nghị cử tri"
    assert line.url == f"/cu-tri/kien-nghi/?term={term.pk}"
    assert (line.in_app, line.email) == (True, False)  # the rule's defaults: in the app only
    # The other staff, who did not run it, are not told.
    assert not Notification.objects.filter(user=staff).exists()


def test_an_import_that_wrote_nothing_new_tells_nothing(
    notification_rules, staff_client, term, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _import_petitions(staff_client, term, ["Đề nghị sửa đường liên xã"])
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        _import_petitions(staff_client, term, ["Đề nghị sửa đường liên xã"])  # a duplicate
    assert VoterPetition.objects.count() == 1
    assert not Notification.objects.exists()


def test_a_letter_import_tells_its_user_how_many_never_who_wrote(
    notification_rules, staff_client, staff_user, term, django_capture_on_commit_callbacks
):
    from voters.casework import imports as letter_imports
    from voters.models import Letter

    row = dict.fromkeys(letter_imports.HEADERS, "")
    row.update(
        {
            "Số thứ tự": "1",
            "Ngày nhận": "04/03/2019",
            "Họ tên người gửi": "Nguyễn Văn Bình",
            "Loại đơn": "Khiếu nại",
            "Nội dung": "Khiếu nại việc bồi thường khi thu hồi đất",
        }
    )
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = letter_imports.SHEET_NAME
    sheet.append(letter_imports.HEADERS)
    sheet.append([row[header] for header in letter_imports.HEADERS])
    buffer = BytesIO()
    workbook.save(buffer)
    preview = staff_client.post(
        reverse("voters:case_import"),
        {"file": SimpleUploadedFile("so-don.xlsx", buffer.getvalue())},
    )
    token = re.search(r'name="token" value="([0-9a-f]+)"', preview.content.decode()).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        done = staff_client.post(reverse("voters:case_import_confirm"), {"token": token})
    assert done.status_code == 302
    line = Notification.objects.get()
    assert (line.user, line.item) == (staff_user, Letter.objects.get())
    assert line.title == "Đã nhập xong từ tệp Excel: 1 đơn thư"
    assert line.url == "/cu-tri/don-thu/"
    assert "Bình" not in line.title


def test_a_vote_import_tells_its_user_and_a_user_who_opted_out_nothing(
    notification_rules, council, term, staff_user, staff, django_capture_on_commit_callbacks
):
    delegates = [
        Delegate.objects.create(term=term, full_name=name, birth_year=1970)
        for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")
    ]
    resolution = resolution_services.resolution_create(
        council=council, adopted_date=dt.date(2020, 12, 10), title="Nghị quyết về dự toán"
    )
    votes = {delegate.pk: DelegateVote.Choice.FOR for delegate in delegates}
    with django_capture_on_commit_callbacks(execute=True):
        resolution_services.delegate_votes_import(
            resolution=resolution, votes=votes, user=staff_user
        )
    line = Notification.objects.get()
    assert (line.user, line.item) == (staff_user, Resolution.objects.get())
    assert line.title == "Đã nhập xong từ tệp Excel: 3 biểu quyết của đại biểu"
    assert line.url == resolution.get_absolute_url()

    rule = notification_rules[Event.IMPORT_FINISHED]
    preferences_save(user=staff, choices={(rule.pk, Channel.IN_APP): False})
    with django_capture_on_commit_callbacks(execute=True):
        resolution_services.delegate_votes_import(resolution=resolution, votes=votes, user=staff)
    assert not Notification.objects.filter(user=staff).exists()


def test_a_failing_listener_never_fails_the_import(
    notification_rules, staff_user, term, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(**kwargs):
        raise RuntimeError("mail server on fire")

    monkeypatch.setattr("notifications.receivers.notification_send", broken)
    with django_capture_on_commit_callbacks(execute=True):
        import_finished_send(
            sender=VoterPetition, user=staff_user, item=term, what="x", count=1, url="/"
        )
    assert not Notification.objects.exists()


def test_a_report_ready_signal_tells_whoever_asked_once(
    notification_rules, leader_user, council, term
):
    from reports.services import annual_report_request

    request = annual_report_request(council=council, year=2019, user=leader_user, enqueue=False)
    ReportRequest.objects.filter(pk=request.pk).update(
        status=ReportRequest.Status.DONE, finished_at=timezone.now()
    )
    report_ready.send_robust(sender=ReportRequest, request_id=request.pk)
    report_ready.send_robust(sender=ReportRequest, request_id=request.pk)  # a redelivery
    line = Notification.objects.get()
    assert (line.user, line.item, line.rule.event) == (leader_user, request, Event.REPORT_READY)
    assert "đã tạo xong" in line.title


@pytest.mark.parametrize(
    "module",
    [
        "reports/tasks.py",
        "reports/signals.py",
        "core/imports.py",
        "voters/services.py",
        "voters/casework/imports.py",
        "resolutions/services.py",
    ],
)
def test_the_apps_below_do_not_import_notifications(module):
    tree = ast.parse(Path(settings.BASE_DIR, module).read_text())
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not {name for name in imported if name and name.startswith("notifications")}
