"""Issuing a routine document: its texts from the council's template (or the generator's
defaults), the clerk's corrections, a number from the outgoing register, and the document
composed and kept on the register's entry. Also the template's own writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from council.models import Council
from documents.models import DocumentSeries, DocumentTemplate, OutgoingDocument
from documents.selectors import document_template
from documents.services import document_number_issue
from documents.templating import fill, unknown_placeholders
from reports.routine.base import Draft, Issued, RoutineKind, TemplateKind
from reports.wording import level_word, place_date_line

# The texts of a template, in the order the template page shows them.
TEXT_FIELDS = (
    "series_code",
    "doc_type",
    "subject",
    "opening",
    "closing",
    "recipients",
    "signing_authority",
    "signer_title",
    "signer_name",
)
# The texts in which placeholders are filled.
FILLED_FIELDS = ("subject", "opening", "closing", "recipients")


@dataclass(frozen=True)
class TemplateTexts:
    """A kind's texts for one council: its saved template, else the generator's defaults."""

    series_code: str
    doc_type: str
    subject: str
    opening: str
    closing: str
    recipients: str
    signing_authority: str
    signer_title: str
    signer_name: str
    saved: bool  # False: the defaults, nobody has edited them yet


def common_values(council: Council) -> dict[str, str]:
    """The placeholders every kind knows: the council's own words, never a level's."""
    return {"cap": level_word(council), "dia_danh": council.place_name}


COMMON_PLACEHOLDERS = {
    "cap": "Cấp của HĐND như văn bản viết: «tỉnh», «xã», «phường» …",
    "dia_danh": "Địa danh ghi trên văn bản: «Địa danh trên văn bản» trong thông tin của HĐND",
}


def routine_template_texts(
    *, routine: RoutineKind | TemplateKind, council: Council
) -> TemplateTexts:
    saved = document_template(council=council, kind=routine.kind)
    if saved is not None:
        return TemplateTexts(**{f: getattr(saved, f) for f in TEXT_FIELDS}, saved=True)
    d = routine.defaults
    return TemplateTexts(
        series_code=d.series_code,
        doc_type=d.doc_type,
        subject=d.subject,
        opening=d.opening,
        closing=d.closing,
        recipients=d.recipients,
        signing_authority=d.signing_authority,
        signer_title=d.signer_title,
        signer_name="",
        saved=False,
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def routine_draft(
    *, routine: RoutineKind, source: Model, council: Council, today: dt.date | None = None
) -> Draft:
    """The document's texts before the clerk corrects them: the template with the source's
    values in its placeholders, dated today."""
    texts = routine_template_texts(routine=routine, council=council)
    values = {**common_values(council), **routine.values(source)}
    return Draft(
        date=today or timezone.localdate(),
        subject=fill(texts.subject, values),
        addressees=routine.addressees(source),
        opening=fill(texts.opening, values),
        closing=fill(texts.closing, values),
        recipients=_lines(fill(texts.recipients, values)),
        signing_authority=texts.signing_authority,
        signer_title=texts.signer_title,
        signer_name=texts.signer_name,
        doc_type=texts.doc_type,
    )


@transaction.atomic
def routine_document_issue(
    *, routine: RoutineKind, source: Model, council: Council, draft: Draft, user: Any = None
) -> OutgoingDocument:
    """Number the document in its template's series (the register locks the series: two
    clerks issuing at once get consecutive numbers), compose it with that number and keep
    the result on the entry, in one transaction: a document that failed to compose leaves no
    number behind."""
    refusal = routine.may_issue(source)
    if refusal:
        raise ValidationError(refusal)
    if not draft.subject.strip():
        raise ValidationError({"subject": _("Nhập trích yếu của văn bản.")})
    texts = routine_template_texts(routine=routine, council=council)
    entry = document_number_issue(
        council=council,
        series_code=texts.series_code,
        date=draft.date,
        subject=draft.subject,
        signer_name=draft.signer_name,
        signer_title=" / ".join(p for p in (draft.signing_authority, draft.signer_title) if p),
        recipients="\n".join(draft.recipients),
        kind_label=routine.label,
        source=source,
        user=user,
    )
    issued = Issued(
        reference=entry.reference,
        number_line=f"Số: {entry.reference}",
        place_date=place_date_line(council.place_name, entry.date),
        date=entry.date,
        header_lines=council.header_lines,
    )
    composed = routine.compose(source=source, draft=draft, issued=issued)
    entry.content = composed.to_json()
    entry.save(update_fields=["content", "updated_at"])
    if routine.on_issued is not None:
        routine.on_issued(source, entry)
    return entry


@transaction.atomic
def routine_template_save(
    *,
    routine: RoutineKind | TemplateKind,
    council: Council,
    texts: dict[str, str],
    user: Any = None,
) -> DocumentTemplate:
    """Save the council's texts of a kind. A placeholder the kind does not know, or a series
    the council does not keep, is refused with a message naming it."""
    known = {**COMMON_PLACEHOLDERS, **routine.placeholders}
    unknown = unknown_placeholders([texts.get(f, "") for f in FILLED_FIELDS], known)
    errors: dict[str, str] = {}
    if unknown:
        errors["opening"] = _(
            "Mẫu dùng tên thay thế không có: %(names)s. Các tên dùng được: %(known)s."
        ) % {
            "names": ", ".join("{" + n + "}" for n in unknown),
            "known": ", ".join("{" + n + "}" for n in known),
        }
    code = texts.get("series_code", "").strip()
    if not DocumentSeries.objects.filter(council=council, code=code).exists():
        errors["series_code"] = _("HĐND chưa có sổ văn bản mã «%(code)s».") % {"code": code}
    if errors:
        raise ValidationError(errors)
    template = DocumentTemplate.objects.filter(council=council, kind=routine.kind).first()
    if template is None:
        template = DocumentTemplate(council=council, kind=routine.kind)
        if user is not None and getattr(user, "is_authenticated", False):
            template.created_by = user
    for name in TEXT_FIELDS:
        setattr(template, name, texts.get(name, "").strip())
    template.full_clean()
    template.save()
    return template


@transaction.atomic
def routine_template_reset(*, routine: RoutineKind | TemplateKind, council: Council) -> None:
    """Back to the generator's defaults: the saved texts are deleted."""
    DocumentTemplate.objects.filter(council=council, kind=routine.kind).delete()
