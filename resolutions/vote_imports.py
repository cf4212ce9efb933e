"""The voting system's export of one resolution's vote, per delegate (CSV or XLSX): parsed and
checked, every problem reported with its row, nothing written here (services.delegate_votes_save
writes, all or nothing, after the preview is confirmed).

The file has two columns, with headers: "Họ và tên" and "Biểu quyết" (Tán thành, Không tán
thành, Không biểu quyết, Vắng mặt; the English words of the voting systems are taken too). A
delegate of the term missing from the file is recorded absent.

The machinery of every import is core.spreadsheets': its row errors, the stash between preview
and confirmation, and the archive check run on a workbook before openpyxl opens it."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from core.spreadsheets import RowError, archive_refusal, cell_text
from core.text import fold
from council.models import Delegate, Term
from resolutions.models import DelegateVote

MAX_BYTES = 2 * 1024 * 1024  # a council's vote: a few hundred rows at most
MAX_ROWS = 1000
COL_NAME, COL_CHOICE = _("Họ và tên"), _("Biểu quyết")

CHOICE_WORDS = {
    "tan thanh": DelegateVote.Choice.FOR,
    "dong y": DelegateVote.Choice.FOR,
    "for": DelegateVote.Choice.FOR,
    "yes": DelegateVote.Choice.FOR,
    "khong tan thanh": DelegateVote.Choice.AGAINST,
    "khong dong y": DelegateVote.Choice.AGAINST,
    "against": DelegateVote.Choice.AGAINST,
    "no": DelegateVote.Choice.AGAINST,
    "khong bieu quyet": DelegateVote.Choice.ABSTAIN,
    "abstain": DelegateVote.Choice.ABSTAIN,
    "vang": DelegateVote.Choice.ABSENT,
    "vang mat": DelegateVote.Choice.ABSENT,
    "absent": DelegateVote.Choice.ABSENT,
}


@dataclass
class VoteImport:
    votes: dict[int, str] = field(default_factory=dict)  # delegate id -> choice, from the file
    names: dict[int, str] = field(default_factory=dict)  # delegate id -> name, for the preview
    missing: list[Delegate] = field(default_factory=list)  # the term's delegates not in the file
    errors: list[RowError] = field(default_factory=list)
    refusal: str = ""

    @property
    def all_votes(self) -> dict[int, str]:
        """The file's votes and the missing delegates as absent."""
        return {**self.votes, **{d.pk: DelegateVote.Choice.ABSENT for d in self.missing}}

    def counts(self) -> dict[str, int]:
        labels = dict(DelegateVote.Choice.choices)
        totals = {str(label): 0 for label in labels.values()}
        for choice in self.all_votes.values():
            totals[str(labels[choice])] += 1
        return totals


def _read_rows(path: Path) -> list[tuple[Any, ...]] | None:
    """The file's rows (the header first), or None if it cannot be read."""
    if zipfile.is_zipfile(path):
        if archive_refusal(path):
            return None
        try:
            wb = load_workbook(path, read_only=True, data_only=True)
            try:
                ws = wb.worksheets[0]
                ws.reset_dimensions()
                return [tuple(r) for r in ws.iter_rows(max_col=2, values_only=True)]
            finally:
                wb.close()
        except Exception:
            return None
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return None
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [tuple(r) for r in csv.reader(io.StringIO(text), dialect)]


def parse_votes(*, path: Path, term: Term) -> VoteImport:
    """Check every row against the term's delegates; collect every problem."""
    result = VoteImport()
    if path.stat().st_size > MAX_BYTES:
        result.refusal = _("Tệp quá lớn đối với kết quả biểu quyết một nghị quyết.")
        return result
    rows = _read_rows(path)
    if rows is None:
        result.refusal = _("Không đọc được tệp (chỉ nhận tệp CSV hoặc Excel .xlsx).")
        return result
    header = [fold(cell_text(v)) for v in (rows[0] if rows else ())] + ["", ""]
    if header[0] != fold(COL_NAME) or header[1] != fold(COL_CHOICE):
        result.errors.append(
            RowError(
                1,
                "",
                _("hai cột đầu phải có tiêu đề «%(a)s» và «%(b)s».")
                % {"a": COL_NAME, "b": COL_CHOICE},
            )
        )
        return result
    delegates = list(Delegate.objects.filter(term=term).order_by("full_name", "pk"))
    by_name: dict[str, list[Delegate]] = {}
    for d in delegates:
        by_name.setdefault(fold(d.full_name), []).append(d)
    seen: dict[int, int] = {}
    for number, values in enumerate(rows[1:], start=2):
        if number - 1 > MAX_ROWS:
            result.errors.append(
                RowError(number, "", _("Tệp có quá %(n)s dòng.") % {"n": MAX_ROWS})
            )
            break
        values = (*values, None, None)
        name, word = cell_text(values[0]), cell_text(values[1])
        if not name and not word:
            continue
        matches = by_name.get(fold(name), [])
        delegate = None
        if not name:
            result.errors.append(RowError(number, COL_NAME, _("chưa có họ tên đại biểu.")))
        elif not matches:
            result.errors.append(
                RowError(
                    number,
                    COL_NAME,
                    _("không có đại biểu «%(v)s» trong nhiệm kỳ của nghị quyết.") % {"v": name},
                )
            )
        elif len(matches) > 1:
            result.errors.append(
                RowError(
                    number,
                    COL_NAME,
                    _("nhiệm kỳ có %(n)s đại biểu cùng tên «%(v)s»; hãy nhập trên biểu mẫu.")
                    % {"n": len(matches), "v": name},
                )
            )
        else:
            delegate = matches[0]
        choice = CHOICE_WORDS.get(fold(word))
        if choice is None:
            result.errors.append(
                RowError(
                    number,
                    COL_CHOICE,
                    _(
                        "«%(v)s» không phải là Tán thành, Không tán thành, Không biểu quyết "
                        "hoặc Vắng mặt."
                    )
                    % {"v": word},
                )
            )
        if delegate is None:
            continue
        if delegate.pk in seen:
            result.errors.append(
                RowError(
                    number,
                    COL_NAME,
                    _("đại biểu «%(v)s» đã có ở dòng %(n)s.") % {"v": name, "n": seen[delegate.pk]},
                )
            )
            continue
        seen[delegate.pk] = number
        if choice is not None:
            result.votes[delegate.pk] = choice
            result.names[delegate.pk] = delegate.full_name
    if not result.errors and not result.votes:
        result.errors.append(RowError(2, "", _("tệp không có dòng biểu quyết nào.")))
    # Only those still holding a seat are counted absent; one who left has no vote at all.
    result.missing = [
        d for d in delegates if d.pk not in seen and d.status == Delegate.Status.ACTIVE
    ]
    return result
