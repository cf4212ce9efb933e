"""Confirming an Excel import is all or nothing (issue 16): a row the database refuses while the
file is being written rolls back every row written before it, and the user gets the preview
back with a message instead of an error page. The confirmation checks the file again against
the data as it is then, and a sheet openpyxl cannot read is turned away like any unreadable
file."""

from __future__ import annotations

import re
import threading
import time
import zipfile
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, OperationalError, connection, transaction
from django.urls import reverse
from openpyxl import Workbook

from accounts.services import user_create_with_role
from core.roles import Role
from core.spreadsheets import archive_refusal
from voters import imports, services
from voters.models import ForwardingBatch, PetitionStatusChange, VoterPetition

pytestmark = pytest.mark.django_db

SHEET_PART = "xl/worksheets/sheet1.xml"
ROLLED_BACK = "Không có dòng nào được ghi"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def rows(session, committee, organization):
    return [
        [1, "Đề nghị sửa đường liên xã", 3, "15/06/2019", 12, "", "Tỉnh", "UBND tỉnh", ""],
        [2, "Đề nghị kéo điện về thôn", 1, "16/06/2019", 12, "", "Tỉnh", "", committee.name],
        [3, "Đề nghị xây trường mầm non", 2, "17/06/2019", None, "", "Xã", "", ""],
    ]


def _workbook(rows: list[list]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = imports.SHEET_NAME
    ws.append(imports.HEADERS)
    for row in rows:
        ws.append(row)
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _upload(client, term, data: bytes):
    return client.post(
        reverse("voters:petition_import"),
        {"term": term.pk, "file": SimpleUploadedFile("kien-nghi.xlsx", data)},
    )


def _confirm(client, term, token: str):
    return client.post(reverse("voters:petition_import_confirm"), {"token": token, "term": term.pk})


def _counts() -> tuple[int, int, int]:
    """Petitions, their status history (a petition's first step is written with it) and
    công văn: what an import writes or could set off."""
    return (
        VoterPetition.objects.count(),
        PetitionStatusChange.objects.count(),
        ForwardingBatch.objects.count(),
    )


def _assert_preview_kept(response, token: str, media) -> None:
    """Nothing written, and the preview back with the same stashed file to confirm again."""
    assert response.status_code == 200
    assert response.templates[0].name == "voters/petition_import_preview.html"
    assert response.context["token"] == token
    assert (media / "imports" / f"{token}.xlsx").is_file()
    body = response.content.decode()
    assert "dữ liệu đã thay đổi trong lúc xem trước" in body
    assert ROLLED_BACK in body


def _after_the_confirmation_check(monkeypatch, write_meanwhile) -> None:
    """Run `write_meanwhile(result)` once, after the confirmation has checked the file again
    and before it writes: the moment another user's write is not yet seen."""
    check = imports.parse_workbook
    done = []

    def checked_then_written_meanwhile(**kwargs):
        result = check(**kwargs)
        if not done:
            done.append(True)
            write_meanwhile(result)
        return result

    monkeypatch.setattr(imports, "parse_workbook", checked_then_written_meanwhile)


def _other_staff_user():
    return user_create_with_role(
        username="chuyenvien2", password="test-password-2019", role=Role.STAFF
    )


# --- a row refused while the file is written --------------------------------------------------


def test_a_database_error_at_the_third_row_saves_no_row_of_the_file(
    staff_client, term, rows, media, monkeypatch
):
    preview = _upload(staff_client, term, _workbook(rows))
    token = preview.context["token"]
    before = _counts()
    save = services.petition_save
    calls = []

    def locked_at_the_third_row(**kwargs):
        calls.append(kwargs["petition"].content)
        if len(calls) == 3:
            raise OperationalError("database is locked")
        return save(**kwargs)

    monkeypatch.setattr(services, "petition_save", locked_at_the_third_row)

    response = _confirm(staff_client, term, token)

    assert len(calls) == 3  # two rows were written before the third failed ...
    assert _counts() == before  # ... and rolled back with it
    _assert_preview_kept(response, token, media)
    assert "Sẽ tạo 3 kiến nghị mới" in response.content.decode()

    monkeypatch.setattr(services, "petition_save", save)
    again = _confirm(staff_client, term, token)

    assert again.status_code == 302
    assert VoterPetition.objects.count() == 3
    assert not (media / "imports" / f"{token}.xlsx").exists()


def test_a_row_imported_meanwhile_by_another_user_rolls_the_whole_file_back(
    staff_client, staff_user, term, rows, media, monkeypatch
):
    """Two users confirm files sharing a row at the same moment: the unique import key stops
    the second one at that row, after it wrote the rows above it."""
    preview = _upload(staff_client, term, _workbook(rows))
    token = preview.context["token"]
    other_user = _other_staff_user()
    _after_the_confirmation_check(
        monkeypatch,
        lambda result: services.petitions_import(term=term, rows=[result.rows[2]], user=other_user),
    )

    response = _confirm(staff_client, term, token)

    assert list(VoterPetition.objects.values_list("content", "created_by")) == [
        ("Đề nghị xây trường mầm non", other_user.pk)  # the other user's row, nothing of ours
    ]
    assert PetitionStatusChange.objects.count() == 1
    _assert_preview_kept(response, token, media)
    # The preview shown again is the file checked against the data as it is now.
    result = response.context["result"]
    assert [r.row for r in result.new_rows] == [2, 3]
    assert [(r.row, r.duplicate_of) for r in result.skipped_rows] == [(4, "đã nhập trước đây")]

    _confirm(staff_client, term, token)

    assert VoterPetition.objects.filter(created_by=staff_user).count() == 2
    assert VoterPetition.objects.count() == 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_confirmations_racing_on_postgresql_hit_the_unique_constraint_and_roll_back(
    staff_client, term, rows, media, monkeypatch
):
    """The real race: the other user's row is written but not committed when ours is checked,
    so only the database's unique index can stop ours, at INSERT, with an IntegrityError."""
    preview = _upload(staff_client, term, _workbook(rows))
    token = preview.context["token"]
    other_user = _other_staff_user()
    before = _counts()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        our_pid = cursor.fetchone()[0]
    written = threading.Event()
    failures: list[BaseException] = []

    def other_confirmation(row) -> None:
        try:
            with transaction.atomic():
                services.petitions_import(term=term, rows=[row], user=other_user)
                written.set()
                # Commit only once our INSERT of the same row waits for this transaction.
                deadline = time.monotonic() + 30
                with connection.cursor() as cursor:
                    while time.monotonic() < deadline:
                        cursor.execute(
                            "SELECT count(*) FROM pg_locks WHERE pid = %s AND NOT granted",
                            [our_pid],
                        )
                        if cursor.fetchone()[0]:
                            break
                        time.sleep(0.05)
                    else:
                        raise AssertionError("our confirmation never waited for the row")
        except BaseException as exc:  # reported by the test, not lost in the thread
            failures.append(exc)
            written.set()
        finally:
            connection.close()

    threads: list[threading.Thread] = []

    def start_the_other_confirmation(result) -> None:
        thread = threading.Thread(target=other_confirmation, args=(result.rows[1],))
        threads.append(thread)
        thread.start()
        written.wait(30)

    _after_the_confirmation_check(monkeypatch, start_the_other_confirmation)
    write = services.petitions_import
    raised: list[BaseException] = []

    def recording(**kwargs):
        try:
            return write(**kwargs)
        except Exception as exc:
            raised.append(exc)
            raise

    monkeypatch.setattr(services, "petitions_import", recording)

    response = _confirm(staff_client, term, token)
    threads[0].join(30)

    assert not failures
    assert [type(exc) for exc in raised] == [IntegrityError]
    petitions, history, batches = _counts()
    assert (petitions, history, batches) == (before[0] + 1, before[1] + 1, before[2])
    assert VoterPetition.objects.get().created_by == other_user
    _assert_preview_kept(response, token, media)
    assert [r.row for r in response.context["result"].skipped_rows] == [3]


def test_a_number_of_voters_too_large_for_the_database_is_reported_at_upload(
    staff_client, term, rows, media
):
    # An integer column: 3 billion passed the checks and failed only when written (on
    # PostgreSQL; SQLite stored it).
    rows[1][2] = 3_000_000_000

    response = _upload(staff_client, term, _workbook(rows))

    assert "result" not in response.context  # no preview
    assert [(e.row, e.column) for e in response.context["errors"]] == [(3, "Số lượt")]
    assert not VoterPetition.objects.exists()
    assert not list((media / "imports").glob("*"))


def test_a_superscript_digit_in_a_number_column_is_a_row_error(staff_client, term, rows):
    # str.isdigit() takes "²" for a digit and int() refuses it: this was an error page.
    rows[0][2] = "²"
    rows[1][4] = "1²"

    response = _upload(staff_client, term, _workbook(rows))

    assert [(e.row, e.column) for e in response.context["errors"]] == [
        (2, "Số lượt"),
        (3, "Kỳ họp thứ"),
    ]
    assert not VoterPetition.objects.exists()


# --- the data changed between the preview and the confirmation ---------------------------------


def test_a_row_imported_by_someone_else_after_the_preview_is_skipped_and_the_rest_saved(
    staff_client, staff_user, client, term, rows
):
    preview = _upload(staff_client, term, _workbook(rows))
    assert len(preview.context["result"].new_rows) == 3
    other_user = _other_staff_user()
    other = type(client)()
    other.force_login(other_user)
    other_preview = _upload(other, term, _workbook([rows[1]]))
    _confirm(other, term, other_preview.context["token"])

    response = _confirm(staff_client, term, preview.context["token"])

    assert response.status_code == 302
    assert sorted(VoterPetition.objects.values_list("content", "created_by")) == sorted(
        [
            ("Đề nghị sửa đường liên xã", staff_user.pk),
            ("Đề nghị kéo điện về thôn", other_user.pk),  # once, the other user's
            ("Đề nghị xây trường mầm non", staff_user.pk),
        ]
    )
    page = staff_client.get(response.url)
    assert "Đã nhập 2 kiến nghị; bỏ qua 1 dòng trùng." in page.content.decode()


def test_a_committee_renamed_after_the_preview_is_reported_and_nothing_saved(
    staff_client, term, rows, committee, media
):
    preview = _upload(staff_client, term, _workbook(rows))
    committee.name = "Ban Kinh tế - Ngân sách và Đầu tư"
    committee.save()

    response = _confirm(staff_client, term, preview.context["token"])

    assert response.status_code == 200
    assert [(e.row, e.column) for e in response.context["errors"]] == [(3, "Ban theo dõi")]
    assert not VoterPetition.objects.exists()
    assert not list((media / "imports").glob("*"))


# --- a sheet that passes the limits but that openpyxl cannot read ------------------------------


def _break_sheet(data: bytes, pattern: str, replacement: str) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == SHEET_PART:
                xml, found = re.subn(pattern, replacement, content.decode(), count=1)
                assert found, pattern
                content = xml.encode()
            dst.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


BROKEN_SHEETS = {
    # A row closed with a tag that was never opened, after the data rows.
    "unclosed-tag": ("</sheetData>", '<row r="9"><c r="A9"><v>1</v></row></sheetData>'),
    "text-in-a-number-cell": (r'<c r="A3" t="n"><v>2</v>', '<c r="A3" t="n"><v>hai</v>'),
    "missing-shared-string": (r'<c r="A3" t="n"><v>2</v>', '<c r="A3" t="s"><v>99</v>'),
    "text-in-a-boolean-cell": (r'<c r="A3" t="n"><v>2</v>', '<c r="A3" t="b"><v>có</v>'),
    "text-in-a-date-cell": (r'<c r="A3" t="n"><v>2</v>', '<c r="A3" t="d"><v>hôm qua</v>'),
}


@pytest.mark.parametrize("pattern, replacement", BROKEN_SHEETS.values(), ids=BROKEN_SHEETS)
def test_a_sheet_openpyxl_cannot_read_is_refused_and_its_upload_deleted(
    staff_client, term, rows, media, tmp_path, pattern, replacement
):
    data = _break_sheet(_workbook(rows), pattern, replacement)
    checked = tmp_path / "checked.xlsx"
    checked.write_bytes(data)
    assert archive_refusal(checked) == ""  # within every limit

    response = _upload(staff_client, term, data)

    assert response.status_code == 200
    assert "result" not in response.context  # no preview
    assert response.context["form"].errors["file"] == ["Không đọc được tệp Excel (.xlsx)."]
    assert not response.context["errors"]  # refused as a whole, no row errors half-collected
    assert not VoterPetition.objects.exists()
    assert not list((media / "imports").glob("*"))
