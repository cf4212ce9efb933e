"""The Excel import turns hostile files away before parsing them (issue 15): parts that unpack
too big, too many cells or XML elements, a sheet whose <dimension> lies; and the uploads kept
for a preview are deleted after IMPORT_STASH_MAX_AGE_HOURS. The limits are lowered in the tests
so that the files stay a few KB."""

from __future__ import annotations

import os
import re
import struct
import time
import zipfile
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from core import spreadsheets
from voters import imports
from voters.models import VoterPetition

pytestmark = pytest.mark.django_db

SHEET_PART = "xl/worksheets/sheet1.xml"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _rows(n: int) -> list[list]:
    return [[i, f"Đề nghị sửa đường liên xã số {i}", 1, "15/06/2019", None, "", "Tỉnh", "", ""]
            for i in range(1, n + 1)]  # fmt: skip


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


def _edit_part(data: bytes, name: str, edit) -> bytes:
    """The same workbook with one part's XML passed through `edit`."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == name:
                content = edit(content.decode()).encode()
            dst.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _lying_dimension(data: bytes) -> bytes:
    return _edit_part(
        data,
        SHEET_PART,
        lambda xml: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:I2"', xml),
    )


def _understate_size(data: bytes, name: str, size: int) -> bytes:
    """The zip's central directory, which the zip module trusts, claims `name` unpacks to `size`."""
    buf = bytearray(data)
    at = buf.find(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", buf, at + 28)[0]
        if buf[at + 46 : at + 46 + name_length] == name.encode():
            struct.pack_into("<I", buf, at + 24, size)
            return bytes(buf)
        at = buf.find(b"PK\x01\x02", at + 4)
    raise AssertionError(f"{name} is not in the archive")


def _upload(client, term, data: bytes):
    return client.post(
        reverse("voters:petition_import"),
        {"term": term.pk, "file": SimpleUploadedFile("kien-nghi.xlsx", data)},
    )


def _assert_refused(response, media, words: str) -> None:
    assert response.status_code == 200
    assert "result" not in response.context  # no preview
    assert any(words in e for e in response.context["form"].errors["file"])
    assert words in response.content.decode()
    assert not VoterPetition.objects.exists()
    assert not list((media / "imports").glob("*"))  # the stashed upload is deleted


def test_a_part_that_unpacks_past_the_limit_is_refused(staff_client, term, media, monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_PART_BYTES", 1024 * 1024)
    # openpyxl cuts a cell at 32,767 characters: the string is put into the XML afterwards, at
    # the end of the first petition's text (B2), however the writer escapes the text before it
    # (lxml writes "liên" as "li&#234;n").
    end_of_b2 = '</t></is></c><c r="C2"'
    data = _edit_part(
        _workbook(_rows(2)),
        SHEET_PART,
        lambda xml: xml.replace(end_of_b2, " " + "A" * 3 * 1024 * 1024 + end_of_b2, 1),
    )
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert archive.getinfo(SHEET_PART).file_size > 3 * 1024 * 1024  # unpacks to 3 MB ...
    assert len(data) < 100_000  # ... from an upload of a few KB

    response = _upload(staff_client, term, data)

    _assert_refused(response, media, "khi giải nén ra lớn hơn 1,0\xa0MB")


def test_a_part_whose_zip_header_understates_its_size_is_refused(staff_client, term, media):
    # Long enough that openpyxl opens the workbook before it reaches the end of the sheet.
    data = _workbook(_rows(400))
    with zipfile.ZipFile(BytesIO(data)) as archive:
        real_size = archive.getinfo(SHEET_PART).file_size
    # The header passes any size check; what the part really holds is longer.
    data = _understate_size(data, SHEET_PART, real_size - 100)

    response = _upload(staff_client, term, data)

    _assert_refused(response, media, "Không đọc được tệp Excel")


@pytest.mark.parametrize("lie", [False, True], ids=["honest-dimension", "dimension-A1:I2"])
def test_a_sheet_with_more_cells_than_the_limit_is_refused(
    staff_client, term, media, monkeypatch, lie
):
    monkeypatch.setattr(spreadsheets, "MAX_CELLS", 100)
    data = _workbook(_rows(30))  # 31 rows of at least 5 cells
    if lie:
        data = _lying_dimension(data)

    response = _upload(staff_client, term, data)

    _assert_refused(response, media, "có hơn 100 ô dữ liệu")


def test_cells_are_counted_before_openpyxl_builds_a_row(staff_client, term, media, monkeypatch):
    # openpyxl builds every cell of a row before handing the row over: the count cannot wait
    # for the row (one row of 5 million "<c/>" fits in 20 MB).
    monkeypatch.setattr(spreadsheets, "MAX_CELLS", 100)
    data = _edit_part(
        _workbook(_rows(1)),
        SHEET_PART,
        lambda xml: xml.replace(
            "</sheetData>", '<row r="3">' + "<c/>" * 500 + "</row></sheetData>"
        ),
    )

    response = _upload(staff_client, term, data)

    _assert_refused(response, media, "có hơn 100 ô dữ liệu")


def test_a_flood_of_xml_elements_outside_the_sheet_is_refused(
    staff_client, term, media, monkeypatch
):
    # openpyxl builds an object for each style record: ~40 µs each, 160 s for 20 MB of them.
    monkeypatch.setattr(spreadsheets, "MAX_XML_ELEMENTS", 2000)
    data = _edit_part(
        _workbook(_rows(2)),
        "xl/styles.xml",
        lambda xml: xml.replace(
            "</cellXfs>", '<xf numFmtId="0" fontId="0" />' * 5000 + "</cellXfs>"
        ),
    )

    response = _upload(staff_client, term, data)

    _assert_refused(response, media, "cấu trúc bên trong quá phức tạp")


def test_every_row_is_read_whatever_the_sheet_dimension_claims(staff_client, term):
    response = _upload(staff_client, term, _lying_dimension(_workbook(_rows(30))))

    assert response.status_code == 200
    assert not response.context.get("errors")
    assert [r.row for r in response.context["result"].new_rows] == list(range(2, 32))


def test_rows_past_the_row_limit_are_reported_whatever_the_dimension_claims(
    staff_client, term, media, monkeypatch
):
    monkeypatch.setattr(imports, "MAX_ROWS", 20)

    response = _upload(staff_client, term, _lying_dimension(_workbook(_rows(30))))

    assert "result" not in response.context
    assert any("quá 20 dòng" in e.message for e in response.context["errors"])
    assert not list((media / "imports").glob("*"))


def test_an_ordinary_file_passes_the_limits_untouched(staff_client, term):
    response = _upload(staff_client, term, _workbook(_rows(200)))

    assert len(response.context["result"].new_rows) == 200


def test_confirming_a_stash_that_no_longer_passes_the_limits_saves_nothing(
    staff_client, term, media, monkeypatch
):
    preview = _upload(staff_client, term, _workbook(_rows(30)))
    monkeypatch.setattr(spreadsheets, "MAX_CELLS", 100)

    response = staff_client.post(
        reverse("voters:petition_import_confirm"),
        {"token": preview.context["token"], "term": term.pk},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("voters:petition_import")
    assert "có hơn 100 ô dữ liệu" in response.content.decode()
    assert not VoterPetition.objects.exists()
    assert not list((media / "imports").glob("*"))


def _stash(name: str, *, hours_old: float):
    path = spreadsheets.imports_dir() / f"{name}.xlsx"
    path.write_bytes(b"PK")
    then = time.time() - hours_old * 3600
    os.utime(path, (then, then))
    return path


def test_purge_deletes_stashed_uploads_older_than_the_max_age_and_keeps_fresh_ones(media, settings):
    settings.IMPORT_STASH_MAX_AGE_HOURS = 24
    old = _stash("a" * 32, hours_old=25)
    fresh = _stash("b" * 32, hours_old=23)

    assert spreadsheets.import_stash_purge() == 1

    assert not old.exists()
    assert fresh.exists()


def test_purge_reads_its_max_age_from_settings(media, settings):
    settings.IMPORT_STASH_MAX_AGE_HOURS = 1
    two_hours_old = _stash("c" * 32, hours_old=2)

    spreadsheets.import_stash_purge()

    assert not two_hours_old.exists()


def test_the_scheduled_task_purges_the_stash(settings):
    from voters.tasks import purge_import_stash

    settings.IMPORT_STASH_MAX_AGE_HOURS = 24
    old = _stash("d" * 32, hours_old=48)
    fresh = _stash("e" * 32, hours_old=1)

    purge_import_stash.delay()

    assert not old.exists()
    assert fresh.exists()


def test_celery_beat_runs_the_purge_beside_the_reports_sweeper():
    import reports.tasks  # noqa: F401  (adds its sweeper to the schedule when imported)
    from config.celery import app
    from voters.tasks import purge_import_stash

    schedule = app.conf.beat_schedule
    assert schedule["voters-purge-import-stash"]["task"] == purge_import_stash.name
    assert purge_import_stash.name in app.tasks
    assert "reports-requeue-stale-requests" in schedule
