"""Excel import of voter petitions: the downloadable template, and the parsing and validation of
an uploaded file. Nothing here writes; services.petitions_import does, all or nothing.

Each row gets a fingerprint (term, session, received date and folded content). It is stored
on the petition with a unique constraint, so importing the same file again creates nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from council.models import Committee, Organization, Term
from council.text import fold
from voters.models import DISTRICT_LEVEL_END, PetitionField, VoterPetition

MAX_ROWS = 5000
SHEET_NAME = "Kiến nghị"

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
    return int(text) if text.isdigit() else None


class _Lookups:
    """Everything a row may refer to, loaded once (a few queries for the whole file)."""

    def __init__(self, term: Term) -> None:
        from sessions.models import Session

        self.sessions = {s.number: s for s in Session.objects.filter(term=term)}
        self.fields: dict[str, list[PetitionField]] = {}
        for f in PetitionField.objects.all():
            self.fields.setdefault(fold(f.name), []).append(f)
        self.orgs: dict[str, Organization] = {}
        for org in Organization.objects.all():
            self.orgs.setdefault(fold(org.name), org)
            if org.short_name:
                self.orgs.setdefault(fold(org.short_name), org)
        self.committees = {fold(c.name): c for c in Committee.objects.filter(term=term)}


def parse_workbook(*, path: Path, term: Term) -> ImportResult:
    """Validate every row; collect every problem (row, column, message) rather than stopping at
    the first, so the user fixes the file in one go."""
    result = ImportResult()
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception:
        result.errors.append(RowError(0, "", _("Không đọc được tệp Excel (.xlsx).")))
        return result
    try:
        ws = wb[SHEET_NAME] if SHEET_NAME in wb.sheetnames else wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
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
