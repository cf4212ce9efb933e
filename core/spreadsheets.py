"""Spreadsheets uploaded for an import (voter petitions, the register of letters, a resolution's
vote per delegate): kept between the preview and its confirmation under a random name, checked
against size limits before openpyxl parses any of them, their problems reported row by row;
the pieces every import reads and templates its workbook with. Each import's own rules live in
its app (voters.imports, voters.casework.imports, resolutions.vote_imports); stashed uploads
nobody confirmed are deleted by a scheduled task (voters.tasks.purge_import_stash,
import_stash_purge)."""

from __future__ import annotations

import datetime as dt
import pyexpat
import time
import uuid
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

# Limits on an uploaded workbook, checked before openpyxl reads it. An .xlsx is a zip of XML
# parts; a full petition file (5,000 rows) unpacks to a few MB and about 250,000 XML
# elements even with rich text. Unchecked, a 1.5 MB upload holding one 1.5 GB string ended in
# MemoryError after 26 s, and 338 KB holding 3 million cells took 77 s and 2.8 GB.
MAX_PART_BYTES = 20 * 1024 * 1024  # one part (zip member), unpacked
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # all parts together, so many parts under the cap add up
MAX_CELLS = 200_000  # cells in all the sheets together
# Elements of any kind in any part. openpyxl spends about 40 µs on each style record and 18 µs
# on each shared string: 20 MB of "<xf/>" alone would keep a worker busy for 160 s.
MAX_XML_ELEMENTS = 500_000


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Dòng %(row)s, cột «%(col)s»: %(msg)s") % {
            "row": self.row,
            "col": self.column,
            "msg": self.message,
        }


def imports_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def stash_upload(upload: Any) -> str:
    """Keep the uploaded file between preview and confirmation under a random name; the
    browser only ever sends back that uuid."""
    token = uuid.uuid4().hex
    with (imports_dir() / f"{token}.xlsx").open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return token


def stashed_path(token: str) -> Path | None:
    """The stashed file for a token, or None for anything that is not one of ours."""
    try:
        token = uuid.UUID(hex=token).hex
    except (ValueError, TypeError, AttributeError):
        return None
    path = imports_dir() / f"{token}.xlsx"
    return path if path.is_file() else None


def import_stash_purge(*, older_than: dt.timedelta | None = None) -> int:
    """Delete stashed uploads older than `older_than` (default IMPORT_STASH_MAX_AGE_HOURS):
    previews nobody confirmed, and uploads whose request died before deleting them. Returns how
    many were deleted."""
    if older_than is None:
        older_than = dt.timedelta(hours=settings.IMPORT_STASH_MAX_AGE_HOURS)
    cutoff = time.time() - older_than.total_seconds()
    purged = 0
    for path in imports_dir().glob("*.xlsx"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                purged += 1
        except FileNotFoundError:
            continue  # confirmed or refused meanwhile: its own request deleted it
    return purged


class _Refused(Exception):
    """Raised inside the archive scan to stop reading at the first limit crossed."""


_CELL_ELEMENT = "http://schemas.openxmlformats.org/spreadsheetml/2006/main c"
_SCAN_CHUNK = 64 * 1024


class _ArchiveScan:
    """Counts what a workbook holds while its parts are decompressed and tokenised, a chunk at a
    time, keeping nothing: memory stays at one chunk whatever the file unpacks to."""

    def __init__(self) -> None:
        self.unpacked = 0
        self.cells = 0
        self.elements = 0

    def read_part(self, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
        # expat, which openpyxl parses with too (through xml.etree, lxml not being installed),
        # here without building a tree; names arrive as "<namespace> <local name>".
        parser = pyexpat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = self._element
        is_xml = True
        part_bytes = 0
        with archive.open(member) as stream:
            while chunk := stream.read(_SCAN_CHUNK):
                # The zip directory's sizes were checked already, but they are only a claim: the
                # bytes are counted as they come out of the decompressor.
                part_bytes += len(chunk)
                self.unpacked += len(chunk)
                if part_bytes > MAX_PART_BYTES:
                    raise _Refused(_too_big(MAX_PART_BYTES))
                if self.unpacked > MAX_UNPACKED_BYTES:
                    raise _Refused(_too_big(MAX_UNPACKED_BYTES))
                if is_xml:
                    try:
                        parser.Parse(chunk, False)
                    except pyexpat.ExpatError:
                        # Not XML (an image, a printer setting): openpyxl cannot parse it either.
                        # It is still read to the end, for its size and checksum.
                        is_xml = False

    def _element(self, name: str, attributes: Any) -> None:
        self.elements += 1
        # Counted here, not per row read by openpyxl: one row of 5 million "<c/>" fits in the
        # part limit, and openpyxl builds all of a row's cells before returning it (1 million
        # cells in one row: 345 MB).
        if name == _CELL_ELEMENT:
            self.cells += 1
            if self.cells > MAX_CELLS:
                raise _Refused(
                    _(
                        "Tệp bị từ chối: có hơn %(n)s ô dữ liệu (tính cả các trang khác trong "
                        "tệp), quá nhiều đối với một tệp nhập dữ liệu. Hãy chia nhỏ tệp, hoặc xoá "
                        "các trang và cột không dùng."
                    )
                    % {"n": number_format(MAX_CELLS, force_grouping=True)}
                )
        if self.elements > MAX_XML_ELEMENTS:
            raise _Refused(
                _(
                    "Tệp bị từ chối: cấu trúc bên trong quá phức tạp đối với một tệp nhập dữ liệu. "
                    "Hãy chép các dòng dữ liệu sang tệp mẫu rồi tải lên lại."
                )
            )


def _too_big(limit: int) -> str:
    return _(
        "Tệp bị từ chối: dữ liệu trong tệp khi giải nén ra lớn hơn %(size)s, quá lớn đối với "
        "một tệp nhập dữ liệu. Hãy chép các dòng dữ liệu sang tệp mẫu rồi tải lên lại."
    ) % {"size": filesizeformat(limit)}


def archive_refusal(path: Path) -> str:
    """Why the workbook at `path` must not be parsed, or "" if it may be."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if any(m.file_size > MAX_PART_BYTES for m in members):
                return _too_big(MAX_PART_BYTES)
            if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
                return _too_big(MAX_UNPACKED_BYTES)
            scan = _ArchiveScan()
            for member in members:
                scan.read_part(archive, member)
    except _Refused as refused:
        return str(refused)
    except Exception:
        # Whatever stops the zip module (not a zip, a checksum that does not match because a
        # header understated a size, encryption, an unknown compression) stops the import too.
        return _("Không đọc được tệp Excel (.xlsx).")
    return ""


def cell_text(value: Any) -> str:
    """A cell's value as one line of text: 12.0 -> \"12\", runs of spaces and line breaks as one."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def cell_date(value: Any) -> dt.date | None:
    """A date cell, or a date typed as text (dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = cell_text(value)
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


class Unreadable(Exception):
    """openpyxl failed while reading the sheet's rows."""


def sheet_rows(ws: Any, *, max_col: int) -> Iterator[tuple]:
    """The sheet's rows as openpyxl reads them, its failures raised as Unreadable.

    A read-only sheet is parsed only now, row by row, so what the archive scan let through
    fails here: XML that is not well formed (the scan stops tokenising a part it cannot parse;
    openpyxl raises ParseError), or a cell whose value its type cannot hold (text in a number
    or boolean cell, a shared string that does not exist: ValueError, IndexError...)."""
    rows = ws.iter_rows(max_col=max_col, values_only=True)
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except Exception as exc:
            raise Unreadable from exc
        yield values


# A template's column: (header, required, width, how to fill it in).
TemplateColumn = tuple[str, bool, int, str]


def template_workbook(
    *,
    sheet_name: str,
    columns: Sequence[TemplateColumn],
    sample_row: Sequence[Any],
    guide_title: str,
    guide_usage: str,
    guide_key_width: int = 30,
) -> bytes:
    """An import's documented template: the data sheet with its headers (the required ones in
    red) and one example row, and an instructions sheet saying how to fill in each column."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name
    ws.append([header for header, _required, _width, _help in columns])
    for i, (_header, required, width, _help) in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font = Font(bold=True, color="C00000" if required else "000000")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.append(list(sample_row))
    ws.freeze_panes = "A2"
    guide = wb.create_sheet("Hướng dẫn")
    guide.column_dimensions["A"].width = guide_key_width
    guide.column_dimensions["B"].width = 90
    guide.append([guide_title])
    guide["A1"].font = Font(bold=True, size=13)
    guide.append([])
    guide.append(["Cách dùng", guide_usage])
    guide.append([])
    guide.append(["Cột", "Cách điền"])
    guide["A5"].font = Font(bold=True)
    guide["B5"].font = Font(bold=True)
    for header, _required, _width, help_text in columns:
        guide.append([header, help_text])
    for row in guide.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
