"""The PDF of a generated document (documents.composition.Composed), in the frame of every
document of the council (NĐ 30/2020: templates/reports/pdf/_document_header.html and
_signature.html, static/css/report.css), rendered by WeasyPrint as the reports are.

The .docx (reports.routine.docx) is written from the same `Composed` and repeats the measures
taken here: the text width of the A4 page and where a list of addressees stands."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string

from documents.composition import Block, Composed, Copy, Table
from reports.fonts import report_font
from reports.pdf import html_pdf

# A4 (210 mm) less the margins of NĐ 30/2020 (left 30 mm, right 15 mm).
TEXT_WIDTH_MM = 165.0
ADDRESSEE_SIZE_PT = 14.0
ADDRESSEE_LABEL = "Kính gửi:"
# Between "Kính gửi:" and the addressees when they are listed one a line.
ADDRESSEE_GAP_MM = 2.5
MM_PER_PT = 25.4 / 72


@cache
def _font(size: float) -> Any:
    from PIL import ImageFont

    path = Path(settings.BASE_DIR) / "static" / "fonts" / "LiberationSerif-Regular.ttf"
    return ImageFont.truetype(str(path), size=size)


def text_width_mm(text: str, *, size: float = ADDRESSEE_SIZE_PT) -> float:
    """How wide `text` prints in the document's regular face, in millimetres (Liberation Serif
    has the widths of Times New Roman, so the measure holds for either)."""
    return _font(size * 10).getlength(text) / 10 * MM_PER_PT


@dataclass(frozen=True)
class AddresseeLayout:
    """Several addressees: "Kính gửi:" then one addressee a line, all lines starting where the
    first does, the block centred on the page as a single "Kính gửi: …" line is."""

    indent_mm: float  # from the left margin to "Kính gửi:"
    label_mm: float  # from "Kính gửi:" to the addressees

    @property
    def items_mm(self) -> float:
        return self.indent_mm + self.label_mm


def addressee_layout(addressees: list[str]) -> AddresseeLayout:
    label = round(text_width_mm(ADDRESSEE_LABEL) + ADDRESSEE_GAP_MM, 1)
    longest = max((text_width_mm(line) for line in addressees), default=0.0)
    # A little slack: the two writers' fonts are metric-compatible, not identical.
    indent = max(0.0, (TEXT_WIDTH_MM - label - longest - 2.0) / 2)
    return AddresseeLayout(indent_mm=round(indent, 1), label_mm=label)


def column_widths(table: Table) -> list[float]:
    """The columns' shares of the line, in per cent: the table's own, else equal shares (a
    list of the wrong length counts as none)."""
    count = len(table.columns)
    if len(table.widths) == count and all(w > 0 for w in table.widths):
        total = float(sum(table.widths))
        return [w * 100.0 / total for w in table.widths]
    return [100.0 / count] * count if count else []


@dataclass(frozen=True)
class _Signer:
    """What _signature.html reads."""

    signing_authority: str
    signer_title: str
    signer_name: str


def _table_context(table: Table) -> dict[str, Any]:
    numeric = set(table.numeric)
    return {
        "title": table.title,
        "columns": [
            {"text": text, "width": f"{width:.2f}", "num": i in numeric}
            for i, (text, width) in enumerate(zip(table.columns, column_widths(table), strict=True))
        ],
        "rows": [
            {
                "emphasis": table.row_emphasis(index),
                "cells": [{"text": cell, "num": i in numeric} for i, cell in enumerate(row)],
            }
            for index, row in enumerate(table.rows)
        ],
    }


def _blocks_context(blocks: list[Block]) -> list[dict[str, Any]]:
    return [
        {
            "kind": block.kind,
            "text": block.text,
            "table": _table_context(block.table) if block.table is not None else None,
        }
        for block in blocks
    ]


def _copy_context(copy: Copy) -> dict[str, Any]:
    addressees = [line for line in copy.addressees if line.strip()]
    return {
        "addressees": addressees,
        "addressee_layout": addressee_layout(addressees) if len(addressees) > 1 else None,
        "blocks": _blocks_context(copy.blocks),
    }


def composed_context(composed: Composed) -> dict[str, Any]:
    signature = composed.signature
    addressees = [line for line in composed.addressees if line.strip()]
    layout = addressee_layout(addressees) if len(addressees) > 1 else None
    return {
        "copies": [_copy_context(copy) for copy in composed.printed_copies()],
        "one_per_addressee": bool(composed.copies),
        "composed": composed,
        "header_lines": composed.header_lines,
        "doc_type": composed.doc_type,
        "number_line": composed.number_line,
        "place_date": composed.place_date,
        "subject": composed.subject,
        "subject_under_number": composed.subject_under_number,
        "addressees": addressees,
        "addressee_layout": layout,
        "blocks": _blocks_context(composed.blocks),
        # As the document says them: the generator wrote them (reports.pdf.recipient_items).
        "recipients": composed.recipients,
        "signer": _Signer(
            signing_authority=signature.authority if signature else "",
            signer_title=signature.title if signature else "",
            signer_name=signature.name if signature else "",
        ),
        "has_signature": signature is not None or bool(composed.recipients),
        "appendix": composed.appendix,
        "appendix_blocks": (_blocks_context(composed.appendix.blocks) if composed.appendix else []),
        "font": report_font(),
    }


def composed_html(composed: Composed) -> str:
    return render_to_string("reports/pdf/composed.html", composed_context(composed))


def composed_pdf(composed: Composed) -> bytes:
    return html_pdf(composed_html(composed))
