"""A report's number taken from the council's outgoing register ("Vào sổ, lấy số"): the next
number of the "BC" series (documents.services.document_number_issue), an entry whose source is
the report, and the number kept on the report (AnnualReport.number) so that the PDF and the
.docx print it.

The report prints "Số: <number>/<symbol>". A number from the register is printed with the
entry's own symbol (the series' symbol on the day the number was given), so the printed
reference is the register's reference even when the council's `report_symbol` differs from
its BC series' symbol. A number typed by hand (before the register, or from a paper register)
keeps the council's `report_symbol` and is never replaced here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from council.models import Council
from documents.models import OutgoingDocument
from documents.selectors import documents_of_source
from documents.services import document_number_issue
from reports.models import AnnualReport
from reports.wording import level_word

# The register's series of reports (documents.services.DEFAULT_SERIES).
SERIES_CODE = "BC"


def report_kind_label(report: AnnualReport) -> str:
    """What the register calls the document ("Tên loại văn bản")."""
    if report.is_session_report:
        return "Báo cáo giám sát giải quyết kiến nghị của cử tri"
    return "Báo cáo kết quả hoạt động của Thường trực HĐND"


def report_subject(report: AnnualReport, council: Council | None = None) -> str:
    """The subject the report prints under "BÁO CÁO" (reports.pdf's contexts say the same; a
    test holds them together), as the register records it."""
    council = council or report.council
    lw = level_word(council)
    period = report.period
    if period is not None:
        return f"Kết quả hoạt động {period.label} của Thường trực HĐND {lw}"
    session = report.session
    return (
        "Kết quả giám sát việc giải quyết ý kiến, kiến nghị của cử tri gửi đến "
        f"kỳ họp thứ {session.number}, HĐND {lw} khóa {session.term.roman}"
    )


def report_register_entry(report: AnnualReport) -> OutgoingDocument | None:
    """The register's live (not cancelled) entry of the report, if it has been numbered there."""
    if report.pk is None:
        return None
    return (
        documents_of_source(source=report)
        .exclude(status=OutgoingDocument.Status.CANCELLED)
        .order_by("-pk")
        .first()
    )


def _holds(report: AnnualReport, entry: OutgoingDocument) -> bool:
    """Whether the report's number is the entry's (a clerk may have typed another since)."""
    number = report.number.strip()
    return number.isdigit() and int(number) == entry.number


def report_symbol(report: AnnualReport, council: Council | None = None) -> str:
    """The symbol printed after the report's number: its register entry's when the report
    carries that entry's number, else the council's report symbol."""
    council = council or report.council
    if report.number.strip():
        entry = report_register_entry(report)
        if entry is not None and _holds(report, entry):
            return entry.symbol
    return council.report_symbol


def report_reference(report: AnnualReport, council: Council | None = None) -> str:
    """ "05/BC-HĐND" as the report prints it, or "" while it has no number."""
    number = report.number.strip()
    return f"{number}/{report_symbol(report, council)}" if number else ""


def report_may_number(report: AnnualReport) -> bool:
    """Whether "Vào sổ, lấy số" would take a number: no live entry, and no number but one whose
    entry was cancelled."""
    if report.pk is None or report_register_entry(report) is not None:
        return False
    number = report.number.strip()
    return not number or (
        number.isdigit() and documents_of_source(source=report).filter(number=int(number)).exists()
    )


class Numbering(Enum):
    NUMBERED = "numbered"  # this call took the number
    ALREADY = "already"  # numbered from the register before: nothing done
    BY_HAND = "by_hand"  # a number typed by hand: kept, the register not asked


@dataclass(frozen=True)
class NumberingResult:
    outcome: Numbering
    reference: str  # "05/BC-HĐND"
    entry: OutgoingDocument | None

    @property
    def message(self) -> str:
        if self.outcome == Numbering.NUMBERED:
            return _("Đã vào sổ, lấy số %(ref)s. Bấm «Tạo báo cáo» để bản PDF in số này.") % {
                "ref": self.reference
            }
        if self.outcome == Numbering.ALREADY:
            return _("Báo cáo đã được vào sổ với số %(ref)s; không lấy số mới.") % {
                "ref": self.reference
            }
        return _(
            "Báo cáo đã có số %(ref)s do Văn phòng ghi; giữ nguyên số này, không lấy số trong sổ."
        ) % {"ref": self.reference}


@transaction.atomic
def report_number_issue(
    *, report: AnnualReport, user: Any = None, today: dt.date | None = None
) -> NumberingResult:
    """Give the report the next number of the council's BC series, once.

    The report's row is locked first, so two presses at once queue up and the second finds the
    first's entry. A report already in the register (its live entry) gets nothing new; a
    report with a number typed by hand keeps it. A number whose entry was cancelled is
    replaced by a new one. The report's date is fixed to the register's date, so the header
    prints the day the number was given for."""
    locked = AnnualReport.objects.select_for_update().get(pk=report.pk)
    council = locked.council
    entry = report_register_entry(locked)
    if entry is not None:
        return NumberingResult(Numbering.ALREADY, entry.reference, entry)
    if not report_may_number(locked):
        return NumberingResult(Numbering.BY_HAND, report_reference(locked, council), None)
    day = locked.dated(today)
    entry = document_number_issue(
        council=council,
        series_code=SERIES_CODE,
        date=day,
        subject=report_subject(locked, council),
        signer_name=locked.signer_name,
        signer_title=" ".join(p for p in (locked.signing_authority, locked.signer_title) if p),
        recipients="\n".join(locked.recipient_lines),
        kind_label=report_kind_label(locked),
        source=locked,
        user=user,
    )
    locked.number = f"{entry.number:02d}"
    locked.report_date = day
    locked.full_clean()
    locked.save(update_fields=["number", "report_date", "updated_at"])
    report.number, report.report_date = locked.number, locked.report_date
    return NumberingResult(Numbering.NUMBERED, entry.reference, entry)
