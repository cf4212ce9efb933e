"""Công văn chuyển ý kiến, kiến nghị của cử tri: the letter by which Thường trực HĐND forwards a
list of voters' petitions (a voters.ForwardingBatch) to UBND or another competent body, with
the list itself as its appendix (brief §4.3).

The letter's number comes from the outgoing register's CV series; once given, the batch records
it as its own "Số công văn" (on_issued), so the answer deadlines of its petitions count from the
letter actually sent. The deadline printed in the closing paragraph follows the app's rule for
petition answers (voters.selectors.ANSWER_DEADLINE_DAYS after the letter's date)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Max, Min
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.composition import Appendix, Block, Composed, Table, paragraphs
from documents.models import DocumentTemplate, OutgoingDocument
from documents.selectors import documents_of_source
from reports.routine.base import Draft, Issued, RoutineKind, TemplateDefaults, composed_frame
from voters import selectors as voter_selectors
from voters import services as voter_services
from voters.models import ForwardingBatch, VoterPetition

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV")


def _day(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _council(batch: ForwardingBatch) -> Any:
    return batch.term.council


def _period(batch: ForwardingBatch) -> str:
    """When the petitions were raised, as the subject and the opening say it: "trước và sau
    Kỳ họp thứ 12, HĐND tỉnh khóa IX", or, for a batch of no session, the days they were
    received on."""
    council = _council(batch)
    if batch.session_id:
        return _("trước và sau Kỳ họp thứ %(n)s, HĐND %(level)s khóa %(term)s") % {
            "n": batch.session.number,
            "level": council.level_word,
            "term": batch.term.roman,
        }
    span = VoterPetition.objects.filter(batch=batch).aggregate(
        first=Min("received_date"), last=Max("received_date")
    )
    if span["first"] is None:
        return ""
    if span["first"] == span["last"]:
        return _("tiếp nhận ngày %(d)s") % {"d": _day(span["first"])}
    return _("tiếp nhận từ ngày %(a)s đến ngày %(b)s") % {
        "a": _day(span["first"]),
        "b": _day(span["last"]),
    }


def _answer_due(batch: ForwardingBatch) -> dt.date:
    return batch.date + dt.timedelta(days=voter_selectors.ANSWER_DEADLINE_DAYS)


PLACEHOLDERS: dict[str, str] = {
    "noi_nhan": gettext_lazy(
        "Tên đầy đủ của cơ quan nhận công văn, ghi cả tên địa phương, ví dụ: Ủy ban nhân dân tỉnh …"
    ),
    "noi_nhan_viet_tat": gettext_lazy("Tên viết tắt của cơ quan nhận công văn, ví dụ: UBND tỉnh"),
    "so_kien_nghi": gettext_lazy("Số ý kiến, kiến nghị chuyển theo công văn"),
    "so_luot": gettext_lazy("Tổng số lượt cử tri nêu các ý kiến, kiến nghị đó"),
    "thoi_diem": gettext_lazy(
        "Kiến nghị của đợt nào: «trước và sau Kỳ họp thứ 12, HĐND tỉnh khóa IX», hoặc, khi "
        "công văn không gắn với kỳ họp, «tiếp nhận từ ngày … đến ngày …»"
    ),
    "han_tra_loi": format_lazy(
        gettext_lazy(
            "Hạn trả lời bằng văn bản (dd/mm/yyyy): ngày công văn ghi ở đợt chuyển cộng {n} "
            "ngày, như hạn dùng để theo dõi kiến nghị quá hạn trả lời"
        ),
        n=voter_selectors.ANSWER_DEADLINE_DAYS,
    ),
    "khoa": gettext_lazy("Khóa HĐND (số La Mã), ví dụ: IX"),
}


def values(batch: ForwardingBatch) -> dict[str, str]:
    """The batch's placeholders; {cap} and {dia_danh} are every kind's (reports.routine.issue)."""
    petitions = VoterPetition.objects.filter(batch=batch)
    recipient = batch.recipient
    return {
        "noi_nhan": recipient.name,
        "noi_nhan_viet_tat": recipient.short_name or recipient.name,
        "so_kien_nghi": str(petitions.count()),
        "so_luot": str(sum(petitions.values_list("instances", flat=True))),
        "thoi_diem": _period(batch),
        "han_tra_loi": _day(_answer_due(batch)),
        "khoa": batch.term.roman,
    }


def addressees(batch: ForwardingBatch) -> list[str]:
    return [batch.recipient.name]


def may_issue(batch: ForwardingBatch) -> str:
    if not VoterPetition.objects.filter(batch=batch).exists():
        return _("Công văn này chưa mang kiến nghị nào: chưa lập được văn bản chuyển.")
    issued = (
        documents_of_source(source=batch).exclude(status=OutgoingDocument.Status.CANCELLED).first()
    )
    if issued is not None:
        return _(
            "Đã lập công văn số %(ref)s ngày %(day)s từ đợt chuyển này. Muốn lập lại, hãy huỷ số "
            "đó trong sổ văn bản đi trước."
        ) % {"ref": issued.reference, "day": _day(issued.date)}
    return ""


def _place(petition: VoterPetition) -> str:
    """Where the voters raised it: the meeting's commune and day; for a consolidated petition
    the communes of the meetings its originals came from."""
    if petition.meeting_id:
        meeting = petition.meeting
        return _("%(unit)s (tiếp xúc ngày %(day)s)") % {
            "unit": meeting.location_unit.name,
            "day": _day(meeting.date),
        }
    if petition.is_consolidated:
        units = [o.meeting.location_unit.name for o in petition.originals.all() if o.meeting_id]
        return ", ".join(dict.fromkeys(units))
    return ""


COLUMNS = [
    gettext_lazy("STT"),
    gettext_lazy("Nội dung ý kiến, kiến nghị"),
    gettext_lazy("Địa phương, cuộc tiếp xúc"),
    gettext_lazy("Số lượt"),
]
WIDTHS = [7, 56, 27, 10]


def appendix_blocks(batch: ForwardingBatch) -> list[Block]:
    """The petitions by field, each field a heading and a table; numbered on through the whole
    list, so that an answer may cite "kiến nghị số 17" without naming its field."""
    groups: dict[str, list[VoterPetition]] = {}
    for petition in voter_selectors.batch_petitions(batch=batch):
        name = petition.field.name if petition.field_id else _("Lĩnh vực khác")
        groups.setdefault(name, []).append(petition)
    blocks: list[Block] = []
    number = 0
    for index, (name, petitions) in enumerate(groups.items()):
        rows = []
        for petition in petitions:
            number += 1
            rows.append(
                [str(number), petition.content.strip(), _place(petition), str(petition.instances)]
            )
        if len(groups) > 1:
            roman = ROMAN[index] if index < len(ROMAN) else str(index + 1)
            blocks.append(Block(kind="heading", text=f"{roman}. {name.upper()}"))
        table = Table(
            columns=[str(c) for c in COLUMNS], rows=rows, widths=list(WIDTHS), numeric=[0, 3]
        )
        blocks.append(Block(kind="table", table=table))
    return blocks


def compose(*, source: ForwardingBatch, draft: Draft, issued: Issued) -> Composed:
    council = _council(source)
    level = council.level_word
    period = _period(source)
    scope = _("thuộc thẩm quyền giải quyết của %(org)s") % {"org": source.recipient.name}
    subtitle = f"{period}, {scope}" if period else scope
    return Composed(
        **composed_frame(
            draft=draft,
            issued=issued,
            title=_("Công văn chuyển kiến nghị cử tri số %(ref)s") % {"ref": issued.reference},
        ),
        blocks=[*paragraphs(draft.opening), *paragraphs(draft.closing)],
        appendix=Appendix(
            title=_("DANH SÁCH Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI"),
            subtitle=subtitle[:1].upper() + subtitle[1:],
            note=_("(Kèm theo Công văn số %(ref)s ngày %(day)s của Thường trực HĐND %(level)s)")
            % {"ref": issued.reference, "day": _day(issued.date), "level": level},
            blocks=appendix_blocks(source),
        ),
    )


def on_issued(batch: ForwardingBatch, entry: OutgoingDocument) -> None:
    """The batch's "Số công văn" becomes the register's: the list of forwarding letters and the
    overdue answers then name the letter actually sent, dated as it was sent."""
    voter_services.forwarding_batch_letter_record(
        batch=batch, number=entry.reference, date=entry.date, subject=entry.subject
    )


ROUTINE = RoutineKind(
    kind=DocumentTemplate.Kind.PETITION_FORWARDING,
    label=gettext_lazy("Công văn chuyển kiến nghị cử tri"),
    model=ForwardingBatch,
    defaults=TemplateDefaults(
        series_code="CV",
        doc_type="",
        subject="V/v chuyển ý kiến, kiến nghị của cử tri {thoi_diem}",
        opening=(
            "Thực hiện quy định về tiếp xúc cử tri và việc tổng hợp, chuyển, theo dõi giải "
            "quyết ý kiến, kiến nghị của cử tri, Thường trực Hội đồng nhân dân {cap} đã tổng hợp "
            "{so_kien_nghi} ý kiến, kiến nghị ({so_luot} lượt) của cử tri {thoi_diem} thuộc "
            "thẩm quyền giải quyết của {noi_nhan} (có danh sách kèm theo)."
        ),
        closing=(
            "Thường trực Hội đồng nhân dân {cap} đề nghị {noi_nhan} xem xét, chỉ đạo các cơ "
            "quan, đơn vị liên quan giải quyết và trả lời bằng văn bản gửi Thường trực Hội đồng "
            "nhân dân {cap} trước ngày {han_tra_loi} để tổng hợp, báo cáo Hội đồng nhân dân "
            "{cap} tại kỳ họp gần nhất và thông báo kết quả đến cử tri.\n"
            "Trân trọng./."
        ),
        recipients=(
            "Như trên;\n"
            "Thường trực HĐND {cap};\n"
            "Các Ban của HĐND {cap};\n"
            "Ủy ban MTTQ Việt Nam {cap};\n"
            "Các Tổ đại biểu HĐND {cap};\n"
            "Lưu: VT."
        ),
    ),
    placeholders=PLACEHOLDERS,
    values=values,
    addressees=addressees,
    compose=compose,
    may_issue=may_issue,
    on_issued=on_issued,
)
