"""Import of an office's existing register of letters from Excel (voters.casework.imports,
voters.views.case_import): all or nothing, row errors in Vietnamese, rows grouped into cases,
the template downloads and imports back."""

from __future__ import annotations

import datetime as dt
import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from council.models import Council, Organization, Term
from voters.casework import imports
from voters.models import Case, Letter

pytestmark = pytest.mark.django_db

D = dt.date
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _row(**values: str) -> list:
    """A row of the template, its cells named by header."""
    row = dict.fromkeys(imports.HEADERS, "")
    row.update(
        {
            "Ngày nhận": "04/03/2019",
            "Họ tên người gửi": "Nguyễn Văn An",
            "Loại đơn": "Khiếu nại",
            "Nội dung": "Khiếu nại việc bồi thường khi thu hồi đất",
        }
    )
    for key, value in values.items():
        row[key] = value
    return [row[h] for h in imports.HEADERS]


def _xlsx(*rows: list) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = imports.SHEET_NAME
    ws.append(imports.HEADERS)
    for row in rows:
        ws.append(row)
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _upload(client, content: bytes):
    upload = SimpleUploadedFile("so-don.xlsx", content, content_type=XLSX)
    return client.post(reverse("voters:case_import"), {"file": upload})


def _confirm(client, preview):
    token = re.search(r'name="token" value="([0-9a-f]+)"', preview.content.decode()).group(1)
    return client.post(reverse("voters:case_import_confirm"), {"token": token})


@pytest.fixture
def register(term, organization, petition_field, commune) -> bytes:
    return _xlsx(
        _row(
            **{
                "Số thứ tự": "1",
                "Số vụ việc": "VV-7",
                "Số CCCD": "001080001234",
                "Địa chỉ": "Thôn Đông",
                "Lĩnh vực": "giao thong - xay dung",
                "Địa bàn": "Xã Thử",
                "Hướng xử lý": "Chuyển",
                "Chuyển đến": "UBND tỉnh",
                "Ngày chuyển": "11/03/2019",
            }
        ),
        _row(
            **{
                "Số thứ tự": "2",
                "Số vụ việc": "vv-7",
                "Ngày nhận": "20/05/2019",
                "Nội dung": "Tiếp tục khiếu nại việc bồi thường",
                "Kết quả": "UBND tỉnh đã trả lời",
            }
        ),
        _row(
            **{
                "Số thứ tự": "3",
                "Ngày nhận": "05/03/2019",
                "Họ tên người gửi": "",
                "Loại đơn": "Tố cáo",
                "Nội dung": "Tố cáo cán bộ địa chính",
                "Đủ điều kiện": "Không",
                "Lý do": "Đơn nặc danh",
                "Hướng xử lý": "Lưu đơn",
            }
        ),
        _row(
            **{
                "Số thứ tự": "4",
                "Ngày nhận": "06/03/2019",
                "Họ tên người gửi": "Trần Thị Bình",
                "Loại đơn": "Kiến nghị, phản ánh",
                "Nội dung": "Phản ánh đèn đường hỏng",
                "Đủ điều kiện": "Không",
                "Lý do": "Cơ quan đã có văn bản trả lời trước đó",
            }
        ),
    )


def test_a_valid_register_imports_every_row_after_its_preview(register, staff_client):
    preview = _upload(staff_client, register)

    assert preview.status_code == 200
    assert "Sẽ tạo 4 đơn thư thuộc 3 vụ việc" in preview.content.decode()
    assert not Letter.objects.exists()  # the preview writes nothing

    response = _confirm(staff_client, preview)

    assert response.status_code == 302
    letters = list(Letter.objects.order_by("received_date"))
    assert [x.summary for x in letters] == [
        "Khiếu nại việc bồi thường khi thu hồi đất",
        "Tố cáo cán bộ địa chính",
        "Phản ánh đèn đường hỏng",
        "Tiếp tục khiếu nại việc bồi thường",
    ]
    first, anonymous, feedback, again = letters
    assert (first.sender_id_number, first.forwarded_to.short_name) == ("001080001234", "UBND tỉnh")
    assert first.forwarded_date == D(2019, 3, 11) and first.handling == "forwarded"
    assert first.term.ordinal == 9 and first.import_key
    assert (anonymous.eligible, anonymous.ineligible_reason, anonymous.kind) == (
        False,
        "anonymous",
        "denunciation",
    )
    assert (feedback.ineligible_reason, feedback.processing_note) == (
        "other",
        "Cơ quan đã có văn bản trả lời trước đó",
    )
    assert again.result == "UBND tỉnh đã trả lời"
    case = first.case
    assert case.field.name == "Giao thông - xây dựng" and case.locality.name == "Xã Thử"


def test_rows_with_the_same_case_label_become_letters_of_one_case(register, staff_client):
    _confirm(staff_client, _upload(staff_client, register))

    first = Letter.objects.get(received_date=D(2019, 3, 4))
    again = Letter.objects.get(received_date=D(2019, 5, 20))
    assert again.case_id == first.case_id  # "VV-7" and "vv-7": one label
    assert Case.objects.count() == 3
    assert first.case.kind == "complaint" and first.case.year == 2019
    others = Letter.objects.exclude(case=first.case)
    assert len({x.case_id for x in others}) == 2  # rows without a label: a case each


def test_one_bad_row_imports_nothing_and_the_page_names_its_row_and_column(register, staff_client):
    bad = _xlsx(
        _row(),
        _row(**{"Loại đơn": "Đơn khác", "Ngày nhận": "31/02/2019"}),
        _row(**{"Chuyển đến": "Sở Không Có"}),
    )

    response = _upload(staff_client, bad)

    text = response.content.decode()
    assert "Tệp có 4 lỗi; chưa có dòng nào được ghi." in text
    assert (
        "<td>3</td><td>Loại đơn</td><td>phải là Khiếu nại, Tố cáo hoặc Kiến nghị, phản ánh.</td>"
        in text
    )
    assert (
        "<td>3</td><td>Ngày nhận</td><td>ngày không hợp lệ, nhập theo dạng dd/mm/yyyy.</td>" in text
    )
    assert (
        "<td>4</td><td>Chuyển đến</td><td>không có cơ quan «Sở Không Có» trong danh mục.</td>"
        in text
    )
    assert "<td>4</td><td>Ngày chuyển</td><td>ghi ngày chuyển đơn.</td>" in text
    assert not Letter.objects.exists()


def test_the_row_errors_read_as_vietnamese_sentences(term, tmp_path):
    path = tmp_path / "so.xlsx"
    path.write_bytes(_xlsx(_row(**{"Đủ điều kiện": "Không"})))

    result = imports.parse_workbook(path=path, council=term.council)

    assert [str(e) for e in result.errors] == [
        "Dòng 2, cột «Lý do»: đơn không đủ điều kiện xử lý: ghi lý do."
    ]


def test_a_date_outside_every_term_of_the_council_is_an_error(term, tmp_path):
    path = tmp_path / "so.xlsx"
    path.write_bytes(_xlsx(_row(**{"Ngày nhận": "04/03/2015"})))

    result = imports.parse_workbook(path=path, council=term.council)

    assert [e.message for e in result.errors] == ["ngày nhận không thuộc nhiệm kỳ nào của HĐND."]


def test_another_councils_organisation_is_not_found(term, tmp_path):
    elsewhere = Council.objects.create(name="Hội đồng nhân dân tỉnh Bên Cạnh", short_name="BC")
    Organization.objects.create(name="Sở Tư pháp tỉnh Bên Cạnh", council=elsewhere, kind="so")
    path = tmp_path / "so.xlsx"
    path.write_bytes(
        _xlsx(_row(**{"Chuyển đến": "Sở Tư pháp tỉnh Bên Cạnh", "Ngày chuyển": "05/03/2019"}))
    )

    result = imports.parse_workbook(path=path, council=term.council)

    assert [e.column for e in result.errors] == ["Chuyển đến"]


def test_the_same_register_imported_again_creates_nothing(register, staff_client):
    _confirm(staff_client, _upload(staff_client, register))

    preview = _upload(staff_client, register)

    assert "Sẽ tạo 0 đơn thư thuộc 0 vụ việc" in preview.content.decode()
    assert preview.content.decode().count("đã nhập trước đây") == 4
    assert Letter.objects.count() == 4


def test_a_row_repeated_in_the_file_is_imported_once(term, staff_client):
    preview = _upload(staff_client, _xlsx(_row(), _row()))

    assert "trùng dòng 2" in preview.content.decode()
    _confirm(staff_client, preview)
    assert Letter.objects.count() == 1


def test_the_template_downloads_and_imports_back(council, staff_client):
    Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=D(2021, 6, 1), end_date=D(2026, 5, 31)
    )

    response = staff_client.get(reverse("voters:case_import_template"))

    assert response.status_code == 200
    wb = load_workbook(BytesIO(response.content))
    assert [c.value for c in wb[imports.SHEET_NAME][1]] == imports.HEADERS
    assert "Hướng dẫn" in wb.sheetnames
    _confirm(staff_client, _upload(staff_client, response.content))
    letter = Letter.objects.get()
    assert (letter.received_date, letter.kind, letter.sender_name) == (
        D(2025, 3, 15),
        "complaint",
        "Nguyễn Văn Mẫu",
    )
    assert letter.case.number == "01/2025"


def test_a_leader_may_not_import(leader_client):
    assert leader_client.get(reverse("voters:case_import")).status_code == 403
    assert leader_client.get(reverse("voters:case_import_template")).status_code == 403
