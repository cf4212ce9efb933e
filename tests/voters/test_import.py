from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from voters import imports
from voters.models import VoterPetition

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _xlsx(rows: list[list]) -> SimpleUploadedFile:
    wb = Workbook()
    ws = wb.active
    ws.title = imports.SHEET_NAME
    ws.append(imports.HEADERS)
    for row in rows:
        ws.append(row)
    buffer = BytesIO()
    wb.save(buffer)
    return SimpleUploadedFile("kien-nghi.xlsx", buffer.getvalue())


@pytest.fixture
def good_rows(session, petition_field, committee, organization):
    return [
        [
            1,
            "Đề nghị sửa đường liên xã",
            3,
            "15/06/2019",
            12,
            petition_field.name,
            "Tỉnh",
            organization.short_name,
            committee.name,
        ],
        [2, "Đề nghị kéo điện về thôn", None, D(2019, 6, 16), None, "", "Trung ương", "", ""],
    ]


def _upload(client, term, rows):
    return client.post(reverse("voters:petition_import"), {"term": term.pk, "file": _xlsx(rows)})


def _confirm(client, term, response):
    return client.post(
        reverse("voters:petition_import_confirm"),
        {"token": response.context["token"], "term": term.pk},
    )


def test_good_file_previews_then_creates_everything_on_confirm(
    staff_client, term, good_rows, session, committee
):
    preview = _upload(staff_client, term, good_rows)
    assert preview.status_code == 200
    assert len(preview.context["result"].new_rows) == 2
    assert not VoterPetition.objects.exists()  # nothing saved before confirmation

    done = _confirm(staff_client, term, preview)

    assert done.status_code == 302
    first = VoterPetition.objects.get(content="Đề nghị sửa đường liên xã")
    assert (first.instances, first.session, first.committee) == (3, session, committee)
    assert first.level == VoterPetition.Level.PROVINCE
    second = VoterPetition.objects.get(content="Đề nghị kéo điện về thôn")
    assert (second.instances, second.level, second.received_date) == (1, "central", D(2019, 6, 16))
    assert first.status_changes.count() == 1


def test_importing_the_same_file_again_creates_no_duplicates(staff_client, term, good_rows):
    _confirm(staff_client, term, _upload(staff_client, term, good_rows))
    assert VoterPetition.objects.count() == 2

    preview = _upload(staff_client, term, good_rows)
    assert len(preview.context["result"].new_rows) == 0
    assert len(preview.context["result"].skipped_rows) == 2
    _confirm(staff_client, term, preview)

    assert VoterPetition.objects.count() == 2


def test_bad_file_reports_every_error_with_row_and_column_and_saves_nothing(
    staff_client, term, good_rows, media
):
    rows = [
        good_rows[0],
        [2, "", 0, "31/02/2019", 99, "Lĩnh vực lạ", "Huyện", "", ""],
        [3, "Đề nghị hợp lệ", 1, "01/08/2025", None, "", "Huyện", "Cơ quan lạ", "Ban lạ"],
    ]
    response = _upload(staff_client, term, rows)

    assert response.status_code == 200
    errors = {(e.row, e.column) for e in response.context["errors"]}
    assert errors >= {
        (3, "Nội dung ý kiến, kiến nghị"),
        (3, "Số lượt"),
        (3, "Ngày tiếp nhận"),
        (3, "Kỳ họp thứ"),
        (3, "Lĩnh vực"),
        (4, "Ngày tiếp nhận"),  # outside the term
        (4, "Thẩm quyền giải quyết"),  # district level after 30/06/2025
        (4, "Cơ quan giải quyết"),
        (4, "Ban theo dõi"),
    }
    body = response.content.decode()
    assert "chưa có dòng nào được ghi" in body
    assert not VoterPetition.objects.exists()
    assert not list((media / "imports").glob("*.xlsx"))  # the rejected upload is not kept


def test_wrong_headers_are_reported(staff_client, term):
    wb = Workbook()
    wb.active.append(["Nội dung", "Ngày"])
    buffer = BytesIO()
    wb.save(buffer)
    response = staff_client.post(
        reverse("voters:petition_import"),
        {"term": term.pk, "file": SimpleUploadedFile("x.xlsx", buffer.getvalue())},
    )
    assert any(e.row == 1 for e in response.context["errors"])


def test_a_file_that_is_not_excel_is_refused(staff_client, term):
    response = staff_client.post(
        reverse("voters:petition_import"),
        {"term": term.pk, "file": SimpleUploadedFile("a.xlsx", b"plain text, not a workbook")},
    )
    assert "không phải là loại được phép" in response.content.decode()


def test_confirm_refuses_a_token_that_is_not_ours(staff_client, term):
    response = staff_client.post(
        reverse("voters:petition_import_confirm"), {"token": "../../etc/passwd", "term": term.pk}
    )
    assert response.status_code == 302
    assert not VoterPetition.objects.exists()


def test_template_has_vietnamese_headers_and_instructions(leader_client):
    response = leader_client.get(reverse("voters:petition_template"))
    wb = load_workbook(BytesIO(response.content))
    assert wb.sheetnames == [imports.SHEET_NAME, "Hướng dẫn"]
    assert [c.value for c in wb[imports.SHEET_NAME][1]] == imports.HEADERS
