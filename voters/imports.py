"""Excel import of voter petitions: the downloadable template, and the parsing and validation of
an uploaded file. Nothing here writes; services.petitions_import does, all or nothing.

Each row gets a fingerprint (term, session, received date and folded content). It is stored
on the petition with a unique constraint, so importing the same file again creates nothing.

An uploaded file is checked against the limits below before openpyxl parses any of it
(_archive_refusal), and uploads kept for a preview are deleted by a scheduled task
(import_stash_purge, run by voters.tasks.purge_import_stash)."""

from __future__ import annotations

import datetime as dt
import hashlib
import pyexpat
import time
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.scoping import of_council
from core.text import fold
from council.models import Committee, Organization, Term
from voters.models import DISTRICT_LEVEL_END, PetitionField, VoterPetition

MAX_ROWS = 5000
SHEET_NAME = "Kiến nghị"
# VoterPetition.instances is an integer column: PostgreSQL refuses more than this when the row
# is written (SQLite takes up to 2**63 - 1; the same file must pass or fail on both).
MAX_INSTANCES = 2_147_483_647

# Limits on an uploaded workbook, checked before openpyxl reads it. An .xlsx is a zip of XML
# parts; a full petition file (MAX_ROWS rows) unpacks to a few MB and about 250,000 XML
# elements even with rich text. Unchecked, a 1.5 MB upload holding one 1.5 GB string ended in
# MemoryError after 26 s, and 338 KB holding 3 million cells took 77 s and 2.8 GB.
MAX_PART_BYTES = 20 * 1024 * 1024  # one part (zip member), unpacked
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # all parts together, so many parts under the cap add up
MAX_CELLS = 200_000  # cells in all the sheets together
# Elements of any kind in any part. openpyxl spends about 40 µs on each style record and 18 µs
# on each shared string: 20 MB of "<xf/>" alone would keep a worker busy for 160 s.
MAX_XML_ELEMENTS = 500_000

# (header, required, width, explanation for the instructions sheet)
COLUMNS: list[tuple[str, bool, int, str]] = [
    ("STT", False, 6, "Số thứ tự, không bắt buộc."),
    (
        "Nội dung ý kiến, kiến nghị",
        True,
        70,
        "Bắt buộc. Nội dung kiến nghị như trong báo cáo tổng hợp.",
    ),
    ("Số lượt", False, 10, "Số lượt cử tri kiến nghị, số nguyên từ 1 trở lên; bỏ trống là 1."),
    ("Ngày tiếp nhận", True, 16, "Bắt buộc, dạng dd/mm/yyyy (hoặc ô kiểu ngày của Excel)."),
    (
        "Kỳ họp thứ",
        False,
        12,
        "Số thứ tự kỳ họp trong nhiệm kỳ đã chọn (kiến nghị trước và sau kỳ họp thứ mấy).",
    ),
    ("Lĩnh vực", False, 30, "Tên lĩnh vực đúng như danh mục lĩnh vực kiến nghị."),
    (
        "Thẩm quyền giải quyết",
        True,
        20,
        "Bắt buộc: Trung ương, Tỉnh, Huyện (chỉ trước 01/07/2025) hoặc Xã.",
    ),
    ("Cơ quan giải quyết", False, 30, "Tên hoặc tên viết tắt cơ quan trong danh mục."),
    ("Ban theo dõi", False, 26, "Tên Ban của HĐND trong nhiệm kỳ đã chọn."),
]
HEADERS = [c[0] for c in COLUMNS]
COL_CONTENT, COL_INSTANCES, COL_DATE, COL_SESSION, COL_FIELD, COL_LEVEL, COL_ORG, COL_BAN = range(
    1, 9
)

LEVEL_WORDS = {
    "trung uong": VoterPetition.Level.CENTRAL,
    "tw": VoterPetition.Level.CENTRAL,
    "tinh": VoterPetition.Level.PROVINCE,
    "cap tinh": VoterPetition.Level.PROVINCE,
    "huyen": VoterPetition.Level.DISTRICT,
    "cap huyen": VoterPetition.Level.DISTRICT,
    "xa": VoterPetition.Level.COMMUNE,
    "cap xa": VoterPetition.Level.COMMUNE,
}


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


@dataclass
class ParsedRow:
    row: int
    content: str
    instances: int
    received_date: dt.date
    session: Any
    field: PetitionField | None
    level: str
    responsible_org: Organization | None
    committee: Committee | None
    fingerprint: str
    duplicate_of: str = ""  # why it will be skipped: already imported, or repeats a row above

    @property
    def level_label(self) -> str:
        return VoterPetition.Level(self.level).label


@dataclass
class ImportResult:
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # Why the whole file was turned away before any row was read ("" if it was not).
    refusal: str = ""

    @property
    def new_rows(self) -> list[ParsedRow]:
        return [r for r in self.rows if not r.duplicate_of]

    @property
    def skipped_rows(self) -> list[ParsedRow]:
        return [r for r in self.rows if r.duplicate_of]


def fingerprint(*, term: Term, session: Any, received_date: dt.date, content: str) -> str:
    key = "|".join(
        [
            str(term.pk),
            str(session.pk if session is not None else ""),
            received_date.isoformat(),
            fold(content),
        ]
    )
    return hashlib.sha256(key.encode()).hexdigest()


def template_workbook() -> bytes:
    """The documented template: the data sheet with Vietnamese headers and one example row,
    and an instructions sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    ws.append(HEADERS)
    for i, (_header, required, width, _help) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font = Font(bold=True, color="C00000" if required else "000000")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.append(
        [
            1,
            "Đề nghị sớm sửa chữa tuyến đường liên xã bị sạt lở (ví dụ, xoá dòng này)",
            2,
            "15/05/2019",
            8,
            "",
            "Tỉnh",
            "",
            "",
        ]
    )
    ws.freeze_panes = "A2"
    guide = wb.create_sheet("Hướng dẫn")
    guide.column_dimensions["A"].width = 30
    guide.column_dimensions["B"].width = 90
    guide.append(["Hướng dẫn nhập kiến nghị cử tri"])
    guide["A1"].font = Font(bold=True, size=13)
    guide.append([])
    guide.append(
        [
            "Cách dùng",
            "Nhập mỗi kiến nghị một dòng ở trang «Kiến nghị», từ dòng 2, giữ nguyên dòng tiêu đề. "
            "Cột tô đỏ là bắt buộc. Khi tải lên, hệ thống kiểm tra mọi dòng và chỉ ghi vào khi "
            "không còn lỗi nào; tải lại cùng một tệp không tạo kiến nghị trùng.",
        ]
    )
    guide.append([])
    guide.append(["Cột", "Cách điền"])
    guide["A5"].font = Font(bold=True)
    guide["B5"].font = Font(bold=True)
    for header, _required, _width, help_text in COLUMNS:
        guide.append([header, help_text])
    for row in guide.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


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
                        "tệp), quá nhiều đối với một tệp kiến nghị. Hãy chia nhỏ tệp, hoặc xoá "
                        "các trang và cột không dùng."
                    )
                    % {"n": number_format(MAX_CELLS, force_grouping=True)}
                )
        if self.elements > MAX_XML_ELEMENTS:
            raise _Refused(
                _(
                    "Tệp bị từ chối: cấu trúc bên trong quá phức tạp đối với một tệp kiến nghị. "
                    "Hãy chép các dòng kiến nghị sang tệp mẫu rồi tải lên lại."
                )
            )


def _too_big(limit: int) -> str:
    return _(
        "Tệp bị từ chối: dữ liệu trong tệp khi giải nén ra lớn hơn %(size)s, quá lớn đối với "
        "một tệp kiến nghị. Hãy chép các dòng kiến nghị sang tệp mẫu rồi tải lên lại."
    ) % {"size": filesizeformat(limit)}


def _archive_refusal(path: Path) -> str:
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


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _parse_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = _text(value)
    # isdigit() alone lets "²" through, which int() refuses.
    return int(text) if text.isascii() and text.isdigit() else None


class _Lookups:
    """Everything a row may refer to, loaded once (a few queries for the whole file)."""

    def __init__(self, term: Term) -> None:
        from sessions.models import Session

        self.sessions = {s.number: s for s in Session.objects.filter(term=term)}
        self.fields: dict[str, list[PetitionField]] = {}
        for f in PetitionField.objects.all():
            self.fields.setdefault(fold(f.name), []).append(f)
        self.orgs: dict[str, Organization] = {}
        # The organisations the term's council may name: its own, its province's, shared ones.
        for org in of_council(Organization.objects.all(), term.council):
            self.orgs.setdefault(fold(org.name), org)
            if org.short_name:
                self.orgs.setdefault(fold(org.short_name), org)
        self.committees = {fold(c.name): c for c in Committee.objects.filter(term=term)}


class _Unreadable(Exception):
    """openpyxl failed while reading the sheet's rows."""


def _sheet_rows(ws: Any) -> Iterator[tuple]:
    """The sheet's rows as openpyxl reads them, its failures raised as _Unreadable.

    A read-only sheet is parsed only now, row by row, so what the archive scan let through
    fails here: XML that is not well formed (the scan stops tokenising a part it cannot parse;
    openpyxl raises ParseError), or a cell whose value its type cannot hold (text in a number
    or boolean cell, a shared string that does not exist: ValueError, IndexError...)."""
    rows = ws.iter_rows(max_col=len(HEADERS), values_only=True)
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except Exception as exc:
            raise _Unreadable from exc
        yield values


def parse_workbook(*, path: Path, term: Term) -> ImportResult:
    """Validate every row; collect every problem (row, column, message) rather than stopping at
    the first, so the user fixes the file in one go."""
    result = ImportResult(refusal=_archive_refusal(path))
    if result.refusal:
        return result
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception:
        result.refusal = _("Không đọc được tệp Excel (.xlsx).")
        return result
    try:
        ws = wb[SHEET_NAME] if SHEET_NAME in wb.sheetnames else wb.worksheets[0]
        # The sheet's <dimension> is only what the program that wrote it claims: trusted, a
        # sheet declaring A1:I2 was read as its first data row, the rest dropped without a word.
        ws.reset_dimensions()
        rows = _sheet_rows(ws)
        header = next(rows, None) or ()
        for i, expected in enumerate(HEADERS):
            got = _text(header[i]) if i < len(header) else ""
            if fold(got) != fold(expected):
                result.errors.append(
                    RowError(
                        1,
                        get_column_letter(i + 1),
                        _("tiêu đề phải là «%(exp)s» (đang là «%(got)s»); hãy dùng tệp mẫu.")
                        % {"exp": expected, "got": got},
                    )
                )
        if result.errors:
            return result
        lookups = _Lookups(term)
        seen: dict[str, int] = {}
        for number, values in enumerate(rows, start=2):
            if number - 1 > MAX_ROWS:
                result.errors.append(
                    RowError(number, "", _("Tệp có quá %(n)s dòng.") % {"n": MAX_ROWS})
                )
                break
            values = tuple(values) + (None,) * (len(HEADERS) - len(values))
            if not any(_text(v) for v in values[: len(HEADERS)]):
                continue
            parsed = _parse_row(number, values, term=term, lookups=lookups, errors=result.errors)
            if parsed is None:
                continue
            if parsed.fingerprint in seen:
                parsed.duplicate_of = _("trùng dòng %(n)s") % {"n": seen[parsed.fingerprint]}
            else:
                seen[parsed.fingerprint] = number
            result.rows.append(parsed)
    except _Unreadable:
        # Whatever rows were read before it, the file is turned away as a whole.
        return ImportResult(refusal=_("Không đọc được tệp Excel (.xlsx)."))
    finally:
        wb.close()
    existing = set(
        VoterPetition.objects.filter(
            import_key__in=[r.fingerprint for r in result.rows]
        ).values_list("import_key", flat=True)
    )
    for r in result.rows:
        if not r.duplicate_of and r.fingerprint in existing:
            r.duplicate_of = _("đã nhập trước đây")
    return result


def _parse_row(
    number: int, values: tuple, *, term: Term, lookups: _Lookups, errors: list[RowError]
) -> ParsedRow | None:
    before = len(errors)

    def err(col: int, message: str) -> None:
        errors.append(RowError(number, HEADERS[col], message))

    content = _text(values[COL_CONTENT])
    if not content:
        err(COL_CONTENT, _("chưa có nội dung kiến nghị."))
    instances = 1
    if _text(values[COL_INSTANCES]):
        parsed = _parse_int(values[COL_INSTANCES])
        if parsed is None or parsed < 1:
            err(COL_INSTANCES, _("phải là số nguyên từ 1 trở lên."))
        elif parsed > MAX_INSTANCES:
            err(
                COL_INSTANCES,
                _("số quá lớn (tối đa %(n)s).")
                % {"n": number_format(MAX_INSTANCES, force_grouping=True)},
            )
        else:
            instances = parsed
    received = _parse_date(values[COL_DATE])
    if received is None:
        err(COL_DATE, _("ngày không hợp lệ, nhập theo dạng dd/mm/yyyy."))
    elif not term.contains(received):
        err(COL_DATE, _("ngày nằm ngoài nhiệm kỳ đã chọn."))
    session = None
    if _text(values[COL_SESSION]):
        n = _parse_int(values[COL_SESSION])
        session = lookups.sessions.get(n) if n is not None else None
        if session is None:
            err(
                COL_SESSION,
                _("không có kỳ họp thứ «%(v)s» trong nhiệm kỳ đã chọn.")
                % {"v": _text(values[COL_SESSION])},
            )
    pfield = None
    if _text(values[COL_FIELD]):
        candidates = lookups.fields.get(fold(_text(values[COL_FIELD])), [])
        if received is not None:
            candidates = [f for f in candidates if f.is_valid_on(received)]
        if not candidates:
            err(
                COL_FIELD,
                _("không có lĩnh vực «%(v)s» (áp dụng vào ngày tiếp nhận).")
                % {"v": _text(values[COL_FIELD])},
            )
        else:
            pfield = candidates[0]
    level = LEVEL_WORDS.get(fold(_text(values[COL_LEVEL])))
    if level is None:
        err(COL_LEVEL, _("phải là Trung ương, Tỉnh, Huyện hoặc Xã."))
    elif level == VoterPetition.Level.DISTRICT and received and received > DISTRICT_LEVEL_END:
        err(COL_LEVEL, _("cấp huyện chỉ áp dụng cho kiến nghị trước ngày 01/07/2025."))
    org = None
    if _text(values[COL_ORG]):
        org = lookups.orgs.get(fold(_text(values[COL_ORG])))
        if org is None:
            err(
                COL_ORG,
                _("không có cơ quan «%(v)s» trong danh mục.") % {"v": _text(values[COL_ORG])},
            )
    committee = None
    if _text(values[COL_BAN]):
        committee = lookups.committees.get(fold(_text(values[COL_BAN])))
        if committee is None:
            err(
                COL_BAN,
                _("không có «%(v)s» trong nhiệm kỳ đã chọn.") % {"v": _text(values[COL_BAN])},
            )
    if len(errors) > before or received is None or level is None:
        return None
    return ParsedRow(
        row=number,
        content=content,
        instances=instances,
        received_date=received,
        session=session,
        field=pfield,
        level=level,
        responsible_org=org,
        committee=committee,
        fingerprint=fingerprint(
            term=term, session=session, received_date=received, content=content
        ),
    )
