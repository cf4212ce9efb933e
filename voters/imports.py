"""Excel import of voter petitions: the downloadable template, and the parsing and validation of
an uploaded file. Nothing here writes; services.petitions_import does, all or nothing.

Each row gets a fingerprint (term, session, received date and folded content). It is stored
on the petition with a unique constraint, so importing the same file again creates nothing.

An uploaded file is checked against core.spreadsheets' limits before openpyxl parses any of it
(archive_refusal); the upload is kept there between the preview and its confirmation."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from core.spreadsheets import (
    RowError,
    Unreadable,
    archive_refusal,
    cell_date,
    cell_text,
    sheet_rows,
)
from core.spreadsheets import template_workbook as template_workbook_of
from core.text import fold
from council.models import DISTRICT_LEVEL_END, Committee, Organization, Term
from council.selectors import organizations_by_name
from voters.models import PetitionField, VoterPetition

MAX_ROWS = 5000
SHEET_NAME = "Kiến nghị"
# VoterPetition.instances is an integer column: PostgreSQL refuses more than this when the row
# is written (SQLite takes up to 2**63 - 1; the same file must pass or fail on both).
MAX_INSTANCES = 2_147_483_647

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
    return template_workbook_of(
        sheet_name=SHEET_NAME,
        columns=COLUMNS,
        sample_row=[
            1,
            "Đề nghị sớm sửa chữa tuyến đường liên xã bị sạt lở (ví dụ, xoá dòng này)",
            2,
            "15/05/2019",
            8,
            "",
            "Tỉnh",
            "",
            "",
        ],
        guide_title="Hướng dẫn nhập kiến nghị cử tri",
        guide_usage=(
            "Nhập mỗi kiến nghị một dòng ở trang «Kiến nghị», từ dòng 2, giữ nguyên dòng tiêu đề. "
            "Cột tô đỏ là bắt buộc. Khi tải lên, hệ thống kiểm tra mọi dòng và chỉ ghi vào khi "
            "không còn lỗi nào; tải lại cùng một tệp không tạo kiến nghị trùng."
        ),
    )


def _parse_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = cell_text(value)
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
        self.orgs = organizations_by_name(council=term.council)
        self.committees = {fold(c.name): c for c in Committee.objects.filter(term=term)}


def parse_workbook(*, path: Path, term: Term) -> ImportResult:
    """Validate every row; collect every problem (row, column, message) rather than stopping at
    the first, so the user fixes the file in one go."""
    result = ImportResult(refusal=archive_refusal(path))
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
        rows = sheet_rows(ws, max_col=len(HEADERS))
        header = next(rows, None) or ()
        for i, expected in enumerate(HEADERS):
            got = cell_text(header[i]) if i < len(header) else ""
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
            if not any(cell_text(v) for v in values[: len(HEADERS)]):
                continue
            parsed = _parse_row(number, values, term=term, lookups=lookups, errors=result.errors)
            if parsed is None:
                continue
            if parsed.fingerprint in seen:
                parsed.duplicate_of = _("trùng dòng %(n)s") % {"n": seen[parsed.fingerprint]}
            else:
                seen[parsed.fingerprint] = number
            result.rows.append(parsed)
    except Unreadable:
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

    content = cell_text(values[COL_CONTENT])
    if not content:
        err(COL_CONTENT, _("chưa có nội dung kiến nghị."))
    instances = 1
    if cell_text(values[COL_INSTANCES]):
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
    received = cell_date(values[COL_DATE])
    if received is None:
        err(COL_DATE, _("ngày không hợp lệ, nhập theo dạng dd/mm/yyyy."))
    elif not term.contains(received):
        err(COL_DATE, _("ngày nằm ngoài nhiệm kỳ đã chọn."))
    session = None
    if cell_text(values[COL_SESSION]):
        n = _parse_int(values[COL_SESSION])
        session = lookups.sessions.get(n) if n is not None else None
        if session is None:
            err(
                COL_SESSION,
                _("không có kỳ họp thứ «%(v)s» trong nhiệm kỳ đã chọn.")
                % {"v": cell_text(values[COL_SESSION])},
            )
    pfield = None
    if cell_text(values[COL_FIELD]):
        candidates = lookups.fields.get(fold(cell_text(values[COL_FIELD])), [])
        if received is not None:
            candidates = [f for f in candidates if f.is_valid_on(received)]
        if not candidates:
            err(
                COL_FIELD,
                _("không có lĩnh vực «%(v)s» (áp dụng vào ngày tiếp nhận).")
                % {"v": cell_text(values[COL_FIELD])},
            )
        else:
            pfield = candidates[0]
    level = LEVEL_WORDS.get(fold(cell_text(values[COL_LEVEL])))
    if level is None:
        err(COL_LEVEL, _("phải là Trung ương, Tỉnh, Huyện hoặc Xã."))
    elif level == VoterPetition.Level.DISTRICT and received and received > DISTRICT_LEVEL_END:
        err(COL_LEVEL, _("cấp huyện chỉ áp dụng cho kiến nghị trước ngày 01/07/2025."))
    org = None
    if cell_text(values[COL_ORG]):
        org = lookups.orgs.get(fold(cell_text(values[COL_ORG])))
        if org is None:
            err(
                COL_ORG,
                _("không có cơ quan «%(v)s» trong danh mục.") % {"v": cell_text(values[COL_ORG])},
            )
    committee = None
    if cell_text(values[COL_BAN]):
        committee = lookups.committees.get(fold(cell_text(values[COL_BAN])))
        if committee is None:
            err(
                COL_BAN,
                _("không có «%(v)s» trong nhiệm kỳ đã chọn.") % {"v": cell_text(values[COL_BAN])},
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
