"""What a routine document generator declares (RoutineKind) and the texts it works with.

A routine document (the forwarding letter of voters' petitions, a Thường trực meeting's
conclusion notice, a supervision plan …) is made from one record, its "source". The texts a
secretariat adjusts without a developer (subject, opening and closing paragraphs, recipients,
signer) come from the council's documents.DocumentTemplate of the kind, with placeholders
filled from the source (`values`); the clerk corrects them in the issue form (a `Draft`); the
register then gives the number (`Issued`) and `compose` lays the document out, a pure function
of the three, so that the PDF and the .docx written later from the stored result say what was
issued."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model

from documents.composition import Composed, Signature


@dataclass(frozen=True)
class TemplateDefaults:
    """The texts a council starts with for a kind, until its secretariat edits them."""

    series_code: str  # the register's series: "CV", "TB", "KH", "BC", "GM"
    doc_type: str  # "THÔNG BÁO"; "" for a công văn
    subject: str
    opening: str = ""
    closing: str = ""
    recipients: str = ""
    signing_authority: str = "TM. THƯỜNG TRỰC HĐND"
    signer_title: str = "CHỦ TỊCH"


@dataclass(frozen=True)
class Draft:
    """One document's texts as the clerk saw and corrected them before it was numbered."""

    date: dt.date
    subject: str
    addressees: list[str]
    opening: str
    closing: str
    recipients: list[str]
    signing_authority: str
    signer_title: str
    signer_name: str
    doc_type: str = ""  # the template's: "THÔNG BÁO"; "" for a công văn


@dataclass(frozen=True)
class Issued:
    """What the register gave: known only inside the transaction that took the number."""

    reference: str  # "05/HĐND-VP"
    number_line: str  # "Số: 05/HĐND-VP"
    place_date: str  # "Lạng Sơn, ngày 05 tháng 3 năm 2019"
    date: dt.date
    header_lines: list[str] = field(default_factory=list)  # the council's, as Composed wants


def composed_frame(*, draft: Draft, issued: Issued, title: str = "") -> dict[str, Any]:
    """The parts every routine document takes from its draft and its number, as keyword
    arguments of Composed: header, number, place and date, type, subject, "Kính gửi",
    recipients (as NĐ 30 prints them: "- …;" then "- Lưu: VT.") and the signature. A
    generator adds its blocks and appendix: Composed(**composed_frame(...), blocks=[...])."""
    from reports.pdf import recipient_items

    return {
        "header_lines": issued.header_lines,
        "number_line": issued.number_line,
        "place_date": issued.place_date,
        "doc_type": draft.doc_type,
        "subject": draft.subject,
        "addressees": list(draft.addressees),
        "recipients": recipient_items(draft.recipients),
        "signature": Signature(
            authority=draft.signing_authority, title=draft.signer_title, name=draft.signer_name
        ),
        "title": title or f"{draft.subject} - số {issued.reference}",
    }


def _always(source: Any) -> str:
    return ""


@dataclass(frozen=True)
class TemplateKind:
    """A kind of document whose texts a secretariat edits on the template pages, issued by a
    flow of its own (an invitation is written on its session's page): what RoutineKind
    declares of the texts, without the issue form."""

    kind: str
    label: str
    defaults: TemplateDefaults
    placeholders: dict[str, str]


@dataclass(frozen=True)
class RoutineKind:
    kind: str  # a documents.DocumentTemplate.Kind value
    label: str  # "Công văn chuyển kiến nghị cử tri": buttons, the register's kind_label
    model: type[Model]  # the source's model
    defaults: TemplateDefaults
    placeholders: dict[str, str]  # {name: what it stands for}, listed on the template page
    values: Callable[[Any], dict[str, str]]  # the placeholders' values for one source
    addressees: Callable[[Any], list[str]]  # the default "Kính gửi" lines
    # compose(*, source, draft: Draft, issued: Issued) -> Composed, writing nothing.
    compose: Callable[..., Composed]
    # "" when a document may be issued from the source, else why not (in Vietnamese).
    may_issue: Callable[[Any], str] = _always
    # Called in the issuing transaction once the number is given, for a source that records
    # its document's number itself (a forwarding batch's "Số công văn"): on_issued(source, entry).
    on_issued: Callable[[Any, Any], None] | None = None
