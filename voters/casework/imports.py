"""Excel import of an office's existing register of letters (sổ theo dõi đơn thư): the template
to download, the parsing and validation of an uploaded file, and the import itself, all or
nothing. The steps are the petition import's (voters.imports, voters.views.petition_import):
upload, every row checked (row, column and a Vietnamese message for each problem), preview,
confirm; the upload is checked by core.spreadsheets before openpyxl reads any of it and kept
there between preview and confirmation.

Cases. A register lists letters; the same matter sent again is another row. Rows with the same
value in the optional column "Số vụ việc" become letters of one case (the earliest row opens
it, with its kind, field and locality); a row with that column blank is a case of its own.
The value is the file's own label (the old register's number, say): cases get their number
in the app, per council and year, as every case does. Content is not compared to group rows:
a register's similar wording is no proof of one matter, and staff attach a letter to another
case later in the app if they were one.

Every letter is written through voters.services.letter_save, so it gets its case and its
deadlines as a letter entered by hand does. Its term is the council's term on the day it was
received; organisations are looked up in the uploading login's council (its own, its
province's, the shared ones). Each row has a fingerprint (council, day, kind, sender and
content), stored on the letter (Letter.import_key, unique): the same file imported again
creates nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from core.imports import import_finished_send
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
from council.models import AdministrativeUnit, Council, Organization, Term
from council.selectors import organizations_by_name
from voters import services
from voters.models import Case, Letter, PetitionField

MAX_ROWS = 5000
SHEET_NAME = "Sổ theo dõi đơn"

# (header, required, width, explanation for the instructions sheet and the upload page)
COLUMNS: list[tuple[str, bool, int, str]] = [
    ("Số thứ tự", False, 8, "Không bắt buộc."),
    (
        "Số vụ việc",
        False,
        12,
        "Các dòng ghi cùng một số (ví dụ số vụ việc trong sổ cũ) là các đơn của cùng một vụ "
        "việc; để trống thì mỗi dòng là một vụ việc. Số vụ việc trong phần mềm được cấp mới.",
    ),
    ("Ngày nhận", True, 13, "Bắt buộc, dạng dd/mm/yyyy, trong một nhiệm kỳ của HĐND."),
    ("Họ tên người gửi", False, 24, "Để trống với đơn nặc danh."),
    ("Địa chỉ", False, 30, ""),
    ("Số CCCD", False, 15, "Số căn cước công dân hoặc chứng minh nhân dân."),
    ("Loại đơn", True, 16, "Bắt buộc: Khiếu nại, Tố cáo hoặc Kiến nghị, phản ánh."),
    ("Nội dung", True, 60, "Bắt buộc: tóm tắt nội dung đơn."),
    (
        "Lĩnh vực",
        False,
        22,
        "Ghi như trong sổ; trùng tên một lĩnh vực trong danh mục thì vụ việc được gắn lĩnh vực đó.",
    ),
    ("Địa bàn", False, 20, "Tên đơn vị hành chính nơi phát sinh, có hiệu lực vào ngày nhận."),
    ("Đủ điều kiện", False, 12, "Có hoặc Không; để trống là Có."),
    (
        "Lý do",
        False,
        30,
        "Bắt buộc khi không đủ điều kiện: nặc danh, không ký tên, đơn trùng, đã được giải quyết, "
        "hết thời hiệu, nội dung không rõ, gửi nhiều nơi, hoặc lý do khác (ghi rõ).",
    ),
    ("Hướng xử lý", False, 18, "Chuyển, Hướng dẫn, Theo dõi đôn đốc hoặc Lưu đơn."),
    ("Chuyển đến", False, 30, "Tên hoặc tên viết tắt cơ quan trong danh mục."),
    ("Ngày chuyển", False, 13, "dd/mm/yyyy; bắt buộc khi có «Chuyển đến»."),
    ("Kết quả", False, 40, "Kết quả giải quyết của cơ quan có thẩm quyền, nếu đã có."),
]
HEADERS = [c[0] for c in COLUMNS]
(
    COL_NO,
    COL_GROUP,
    COL_DATE,
    COL_NAME,
    COL_ADDRESS,
    COL_ID,
    COL_KIND,
    COL_CONTENT,
    COL_FIELD,
    COL_LOCALITY,
    COL_ELIGIBLE,
    COL_REASON,
    COL_HANDLING,
    COL_ORG,
    COL_FORWARDED,
    COL_RESULT,
) = range(len(HEADERS))

Kind = Letter.Kind
KIND_WORDS = {
    "khieu nai": Kind.COMPLAINT,
    "to cao": Kind.DENUNCIATION,
    "kien nghi, phan anh": Kind.PETITION_FEEDBACK,
    "kien nghi phan anh": Kind.PETITION_FEEDBACK,
    "kien nghi": Kind.PETITION_FEEDBACK,
    "phan anh": Kind.PETITION_FEEDBACK,
}
YES_NO = {"co": True, "x": True, "dung": True, "khong": False}
Handling = Letter.Handling
HANDLING_WORDS = {
    "chuyen": Handling.FORWARDED,
    "chuyen don": Handling.FORWARDED,
    "huong dan": Handling.GUIDED,
    "theo doi": Handling.MONITORED,
    "don doc": Handling.MONITORED,
    "theo doi don doc": Handling.MONITORED,
    "theo doi, don doc": Handling.MONITORED,
    "luu": Handling.FILED,
    "luu don": Handling.FILED,
}
Reason = Letter.IneligibleReason
# The words a register writes for each reason (folded), tried in this order.
REASON_WORDS: list[tuple[str, str]] = [
    ("nac danh", Reason.ANONYMOUS),
    ("mao danh", Reason.ANONYMOUS),
    ("khong ro dia chi", Reason.ANONYMOUS),
    ("khong ky", Reason.NOT_SIGNED),
    ("diem chi", Reason.NOT_SIGNED),
    ("trung", Reason.DUPLICATE),
    ("da duoc giai quyet", Reason.ALREADY_SETTLED),
    ("da giai quyet", Reason.ALREADY_SETTLED),
    ("thoi hieu", Reason.OUT_OF_TIME),
    ("khong ro", Reason.UNCLEAR),
    ("nhieu noi", Reason.COPY),
    ("dong gui", Reason.COPY),
]


@dataclass
class ParsedRow:
    row: int
    group: str  # the folded "Số vụ việc": rows with the same one make one case
    group_label: str
    term: Term
    received_date: dt.date
    kind: str
    sender_name: str
    sender_address: str
    sender_id_number: str
    summary: str
    classification: str
    field: PetitionField | None
    locality: AdministrativeUnit | None
    eligible: bool
    ineligible_reason: str
    reason_text: str
    handling: str
    forwarded_to: Organization | None
    forwarded_date: dt.date | None
    result: str
    fingerprint: str
    duplicate_of: str = ""  # why it will be skipped: already imported, or repeats a row above

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label


@dataclass
class ImportResult:
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    refusal: str = ""  # why the whole file was turned away before any row was read

    @property
    def new_rows(self) -> list[ParsedRow]:
        return [r for r in self.rows if not r.duplicate_of]

    @property
    def skipped_rows(self) -> list[ParsedRow]:
        return [r for r in self.rows if r.duplicate_of]

    @property
    def case_count(self) -> int:
        """Cases the new rows make: one per group label, one per row without one."""
        groups = {r.group for r in self.new_rows if r.group}
        return len(groups) + sum(1 for r in self.new_rows if not r.group)


def fingerprint(
    *, council: Council, received_date: dt.date, kind: str, sender: str, summary: str
) -> str:
    key = "|".join([str(council.pk), received_date.isoformat(), kind, fold(sender), fold(summary)])
    return hashlib.sha256(key.encode()).hexdigest()


SAMPLE_ROW = [
    1,
    "VV01",
    "15/03/2025",
    "Nguyễn Văn Mẫu",
    "Thôn Đông, xã Mẫu (ví dụ, xoá dòng này)",
    "001080001234",
    "Khiếu nại",
    "Khiếu nại quyết định thu hồi đất (ví dụ, xoá dòng này)",
    "Đất đai",
    "",
    "Có",
    "",
    "Hướng dẫn",
    "",
    "",
    "",
]


def template_workbook() -> bytes:
    """The documented template: the register's sheet with Vietnamese headers and one example
    row, and an instructions sheet."""
    return template_workbook_of(
        sheet_name=SHEET_NAME,
        columns=COLUMNS,
        sample_row=SAMPLE_ROW,
        guide_title="Hướng dẫn nhập sổ theo dõi đơn thư",
        guide_usage=(
            "Nhập mỗi đơn một dòng ở trang «Sổ theo dõi đơn», từ dòng 2, giữ nguyên dòng tiêu đề. "
            "Cột tô đỏ là bắt buộc. Khi tải lên, hệ thống kiểm tra mọi dòng và chỉ ghi vào khi "
            "không còn lỗi nào; tải lại cùng một tệp không tạo đơn trùng."
        ),
        guide_key_width=22,
    )


def _reason(text: str) -> str:
    folded = fold(text)
    for label_value, label in Reason.choices:
        if folded == fold(str(label)):
            return label_value
    for words, reason in REASON_WORDS:
        if words in folded:
            return reason
    return Reason.OTHER


class _Lookups:
    """What rows refer to, loaded once for the whole file (a few queries)."""

    def __init__(self, council: Council) -> None:
        self.terms = list(Term.objects.filter(council=council).order_by("-start_date"))
        self.fields: dict[str, list[PetitionField]] = {}
        for f in PetitionField.objects.all():
            self.fields.setdefault(fold(f.name), []).append(f)
        self.units: dict[str, list[AdministrativeUnit]] = {}
        for unit in AdministrativeUnit.objects.all():
            self.units.setdefault(fold(unit.name), []).append(unit)
        # The council's own organisation of a name first, then its province's, then a shared one.
        self.orgs = organizations_by_name(council=council)

    def term_on(self, day: dt.date) -> Term | None:
        return next((t for t in self.terms if t.contains(day)), None)


def parse_workbook(*, path: Path, council: Council) -> ImportResult:
    """Validate every row, collecting every problem (row, column, message) rather than stopping
    at the first, so the user fixes the file in one go. Writes nothing."""
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
        ws.reset_dimensions()  # a sheet's declared size is only a claim (voters.imports)
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
        lookups = _Lookups(council)
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
            parsed = _parse_row(
                number, values, council=council, lookups=lookups, errors=result.errors
            )
            if parsed is None:
                continue
            if parsed.fingerprint in seen:
                parsed.duplicate_of = _("trùng dòng %(n)s") % {"n": seen[parsed.fingerprint]}
            else:
                seen[parsed.fingerprint] = number
            result.rows.append(parsed)
    except Unreadable:
        return ImportResult(refusal=_("Không đọc được tệp Excel (.xlsx)."))
    finally:
        wb.close()
    existing = set(
        Letter.objects.filter(import_key__in=[r.fingerprint for r in result.rows]).values_list(
            "import_key", flat=True
        )
    )
    for r in result.rows:
        if not r.duplicate_of and r.fingerprint in existing:
            r.duplicate_of = _("đã nhập trước đây")
    return result


def _parse_row(
    number: int, values: tuple, *, council: Council, lookups: _Lookups, errors: list[RowError]
) -> ParsedRow | None:
    before = len(errors)

    def err(col: int, message: str) -> None:
        errors.append(RowError(number, HEADERS[col], message))

    def text(col: int, limit: int | None = None) -> str:
        value = cell_text(values[col])
        if limit is not None and len(value) > limit:
            err(col, _("dài quá %(n)s ký tự.") % {"n": limit})
        return value

    received = cell_date(values[COL_DATE])
    term = None
    if received is None:
        err(COL_DATE, _("ngày không hợp lệ, nhập theo dạng dd/mm/yyyy."))
    else:
        term = lookups.term_on(received)
        if term is None:
            err(COL_DATE, _("ngày nhận không thuộc nhiệm kỳ nào của HĐND."))
    name = text(COL_NAME, 150)
    address = text(COL_ADDRESS, 300)
    id_number = text(COL_ID, 20)
    kind = KIND_WORDS.get(fold(text(COL_KIND)))
    if kind is None:
        err(COL_KIND, _("phải là Khiếu nại, Tố cáo hoặc Kiến nghị, phản ánh."))
    summary = text(COL_CONTENT)
    if not summary:
        err(COL_CONTENT, _("chưa có nội dung đơn."))
    classification = text(COL_FIELD, 200)
    pfield = None
    if classification and received is not None:
        # A register's own wording is kept as written; a name of the taxonomy also links it.
        candidates = [
            f for f in lookups.fields.get(fold(classification), []) if f.is_valid_on(received)
        ]
        pfield = candidates[0] if candidates else None
    locality = None
    if text(COL_LOCALITY) and received is not None:
        units = [
            u for u in lookups.units.get(fold(text(COL_LOCALITY)), []) if u.is_valid_on(received)
        ]
        if not units:
            err(
                COL_LOCALITY,
                _("không có đơn vị hành chính «%(v)s» có hiệu lực vào ngày nhận.")
                % {"v": text(COL_LOCALITY)},
            )
        elif len(units) > 1:
            err(
                COL_LOCALITY,
                _("có %(n)s đơn vị hành chính cùng tên «%(v)s»; hãy chọn địa bàn trên phần mềm.")
                % {"n": len(units), "v": text(COL_LOCALITY)},
            )
        else:
            locality = units[0]
    eligible = True
    if text(COL_ELIGIBLE):
        answer = YES_NO.get(fold(text(COL_ELIGIBLE)))
        if answer is None:
            err(COL_ELIGIBLE, _("phải là Có hoặc Không."))
        else:
            eligible = answer
    reason_text = text(COL_REASON)
    reason = ""
    if not eligible:
        if not reason_text:
            err(COL_REASON, _("đơn không đủ điều kiện xử lý: ghi lý do."))
        else:
            reason = _reason(reason_text)
    elif reason_text:
        err(COL_REASON, _("đơn đủ điều kiện xử lý thì không ghi lý do không đủ."))
    handling = ""
    if text(COL_HANDLING):
        handling = HANDLING_WORDS.get(fold(text(COL_HANDLING)), "")
        if not handling:
            err(COL_HANDLING, _("phải là Chuyển, Hướng dẫn, Theo dõi đôn đốc hoặc Lưu đơn."))
    org = None
    if text(COL_ORG):
        org = lookups.orgs.get(fold(text(COL_ORG)))
        if org is None:
            err(COL_ORG, _("không có cơ quan «%(v)s» trong danh mục.") % {"v": text(COL_ORG)})
    forwarded = None
    if text(COL_FORWARDED):
        forwarded = cell_date(values[COL_FORWARDED])
        if forwarded is None:
            err(COL_FORWARDED, _("ngày không hợp lệ, nhập theo dạng dd/mm/yyyy."))
        elif received is not None and forwarded < received:
            err(COL_FORWARDED, _("ngày chuyển đơn không được trước ngày nhận đơn."))
    elif text(COL_ORG):
        err(COL_FORWARDED, _("ghi ngày chuyển đơn."))
    result = text(COL_RESULT)
    if len(errors) > before or received is None or term is None or kind is None:
        return None
    return ParsedRow(
        row=number,
        group=fold(text(COL_GROUP)),
        group_label=text(COL_GROUP),
        term=term,
        received_date=received,
        kind=kind,
        sender_name=name,
        sender_address=address,
        sender_id_number=id_number,
        summary=summary,
        classification=classification,
        field=pfield,
        locality=locality,
        eligible=eligible,
        ineligible_reason=reason,
        reason_text=reason_text,
        handling=handling,
        forwarded_to=org,
        forwarded_date=forwarded,
        result=result,
        fingerprint=fingerprint(
            council=council, received_date=received, kind=kind, sender=name, summary=summary
        ),
    )


@transaction.atomic
def letters_import(*, rows: list[ParsedRow], user: Any) -> list[Letter]:
    """Create the letters of a validated import and their cases, all or nothing. Rows are
    written in the order received, so a case is opened by its earliest letter (its number in
    the year of that letter) and the later ones join it. A concurrent import of the same file
    hits the unique import key and the whole import rolls back."""
    created: list[Letter] = []
    cases: dict[str, Case] = {}
    for row in sorted(
        (r for r in rows if not r.duplicate_of), key=lambda r: (r.received_date, r.row)
    ):
        letter = Letter(
            term=row.term,
            received_date=row.received_date,
            kind=row.kind,
            summary=row.summary,
            classification=row.classification,
            eligible=row.eligible,
            ineligible_reason=row.ineligible_reason,
            handling=row.handling,
            forwarded_to=row.forwarded_to,
            forwarded_date=row.forwarded_date,
            result=row.result,
            sender_name=row.sender_name,
            sender_address=row.sender_address,
            sender_id_number=row.sender_id_number,
            import_key=row.fingerprint,
            case=cases.get(row.group) if row.group else None,
        )
        if row.ineligible_reason == Reason.OTHER:
            letter.processing_note = row.reason_text
        letter = services.letter_save(letter=letter, user=user)
        if row.group and row.group not in cases:
            cases[row.group] = letter.case
        case = letter.case
        if (row.field and not case.field_id) or (row.locality and not case.locality_id):
            case.field = case.field or row.field
            case.locality = case.locality or row.locality
            case.full_clean()
            case.save(update_fields=["field", "locality", "updated_at"])
        created.append(letter)
    if created:
        import_finished_send(
            sender=Letter,
            user=user,
            item=created[0],
            what=_("đơn thư"),
            count=len(created),
            url=reverse("voters:letter_list"),
        )
    return created
