"""What the supervision plan (reports.routine.supervision_plan) and the report of a
supervision's results (reports.routine.supervision_report) share: the placeholders an
activity fills, how its supervising body and basis are named, and the template's texts read
as blocks whose section headings ("I. MỤC ĐÍCH, YÊU CẦU") are numbered with the document's own.

The council's level and name come from its record (Council.level_word, place_name,
secretariat_name), never from here: "HĐND tỉnh", "HĐND phường", "HĐND đặc khu" alike."""

from __future__ import annotations

import re
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.text import fold
from documents.composition import Block, paragraphs
from oversight.models import Actor, Kind, OversightActivity
from oversight.selectors import ActivityDocumentFacts, activity_document_facts
from oversight.services import activity_save

# The activities a plan and a report of results are made for: a supervision, an inspection, a
# survey (a questioning, a hearing or a report review has its own papers).
DOCUMENT_KINDS = (Kind.THEMATIC_SUPERVISION, Kind.INSPECTION, Kind.SURVEY)

# The form's word, mid-sentence, when the recorded topic does not start with it.
FORM_WORDS = {
    Kind.THEMATIC_SUPERVISION: "giám sát",
    Kind.INSPECTION: "kiểm tra",
    Kind.SURVEY: "khảo sát",
}
_FORM_STARTS = ("giam sat", "tai giam sat", "kiem tra", "khao sat")

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
_HEADING = re.compile(r"^(?:[IVXL]+)\.\s+(\S.*)$")

PLACEHOLDERS = {
    "chuyen_de": gettext_lazy(
        "Nội dung giám sát như đã ghi ở hoạt động, mở đầu bằng hình thức "
        "(«Giám sát việc thực hiện …»)"
    ),
    "chuyen_de_thuong": gettext_lazy(
        "Nội dung giám sát viết thường chữ đầu, để đặt giữa câu («giám sát việc thực hiện …»)"
    ),
    "hinh_thuc": gettext_lazy("Hình thức: giám sát, kiểm tra hoặc khảo sát"),
    "chu_the": gettext_lazy(
        "Chủ thể giám sát («Thường trực HĐND tỉnh», «Ban Pháp chế HĐND tỉnh», "
        "«Đoàn giám sát của HĐND tỉnh»)"
    ),
    "can_cu": gettext_lazy(
        "Văn bản làm căn cứ: quyết định, nghị quyết thành lập đoàn giám sát; nếu không có, "
        "chương trình giám sát năm"
    ),
    "co_quan": gettext_lazy("Các cơ quan, đơn vị chịu sự giám sát, cách nhau bởi dấu phẩy"),
    "thoi_gian": gettext_lazy("Thời gian giám sát («từ ngày 06/05/2019 đến ngày 17/05/2019»)"),
    "tu_ngay": gettext_lazy("Ngày bắt đầu (dd/mm/yyyy)"),
    "den_ngay": gettext_lazy("Ngày kết thúc (dd/mm/yyyy), trống nếu chưa ghi"),
    "nam": gettext_lazy("Năm của hoạt động giám sát"),
    "so_ke_hoach": gettext_lazy("Số kế hoạch giám sát đã ghi ở hoạt động"),
    "ket_qua": gettext_lazy("Kết quả giám sát đã ghi ở hoạt động (trường «Ghi chú»)"),
    "van_phong": gettext_lazy("Tên Văn phòng của HĐND"),
}


def vn_date(day) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def lower_first(text: str) -> str:
    """ "Giám sát việc …" -> "giám sát việc …"; an abbreviation ("UBND …") is left alone."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def topic_line(activity: OversightActivity) -> str:
    """The topic as a plan's subject: starting with its form ("Giám sát …"), as the
    secretariat usually records it; a bare topic ("Việc thực hiện …") gets the form's word."""
    topic = " ".join(activity.topic.split())
    if fold(topic).startswith(_FORM_STARTS):
        return topic
    word = FORM_WORDS.get(activity.kind, "giám sát")
    return f"{word[0].upper()}{word[1:]} {lower_first(topic)}"


def council_body(council, word: str) -> str:
    """ "HĐND tỉnh", "UBND phường": the council's own level word."""
    return f"{word} {council.level_word}"


def supervising_body(facts: ActivityDocumentFacts) -> str:
    activity, hdnd = facts.activity, council_body(facts.council, "HĐND")
    if activity.actor == Actor.COUNCIL:
        return _("Đoàn giám sát của %(hdnd)s") % {"hdnd": hdnd}
    if activity.actor == Actor.STANDING:
        return _("Thường trực %(hdnd)s") % {"hdnd": hdnd}
    if activity.actor == Actor.COMMITTEE and activity.committee is not None:
        return f"{activity.committee.name} {hdnd}"
    if activity.actor == Actor.DELEGATE_GROUP and activity.delegate_group is not None:
        name = activity.delegate_group.name
        return name if fold(name).startswith("to ") else _("Tổ đại biểu %(name)s") % {"name": name}
    if activity.actor == Actor.DELEGATE and activity.delegate is not None:
        return _("Đại biểu %(hdnd)s %(name)s") % {"hdnd": hdnd, "name": activity.delegate}
    return activity.actor_label


def basis(facts: ActivityDocumentFacts) -> str:
    """What the supervision was decided by, as "Thực hiện …" continues."""
    activity = facts.activity
    number = activity.establishing_number.strip()
    if number:
        # A bare number ("15/QĐ-HĐND") reads "văn bản số 15/QĐ-HĐND".
        return _("văn bản số %(number)s") % {"number": number} if number[0].isdigit() else number
    if activity.establishing_resolution is not None:
        return str(activity.establishing_resolution)
    if activity.programme_item is not None:
        return _("%(programme)s của %(hdnd)s") % {
            "programme": activity.programme_item.programme,
            "hdnd": council_body(facts.council, "HĐND"),
        }
    return _("Chương trình công tác năm %(year)s của %(body)s") % {
        "year": activity.year,
        "body": supervising_body(facts),
    }


def period(activity: OversightActivity) -> str:
    start, end = activity.start_date, activity.end_date
    if end is None:
        return _("từ ngày %(start)s") % {"start": vn_date(start)}
    if end == start:
        return _("ngày %(start)s") % {"start": vn_date(start)}
    return _("từ ngày %(start)s đến ngày %(end)s") % {"start": vn_date(start), "end": vn_date(end)}


def organizations_text(facts: ActivityDocumentFacts) -> str:
    return ", ".join(org.name for org in facts.organizations)


def values(activity: OversightActivity) -> dict[str, str]:
    """The activity's placeholders; {cap} and {dia_danh} are every kind's (reports.routine.issue)."""
    facts = activity_document_facts(activity=activity)
    activity, council = facts.activity, facts.council
    line = topic_line(activity)
    return {
        "chuyen_de": line,
        "chuyen_de_thuong": lower_first(line),
        "hinh_thuc": FORM_WORDS.get(activity.kind, "giám sát"),
        "chu_the": supervising_body(facts),
        "can_cu": basis(facts),
        "co_quan": organizations_text(facts),
        "thoi_gian": period(activity),
        "tu_ngay": vn_date(activity.start_date),
        "den_ngay": vn_date(activity.end_date),
        "nam": str(activity.year),
        "so_ke_hoach": activity.plan_number,
        "ket_qua": activity.notes.strip(),
        "van_phong": council.secretariat_name,
    }


def no_addressees(activity: OversightActivity) -> list[str]:
    """A plan or a report is not addressed ("Kính gửi") but sent to its recipients."""
    return []


def kind_refusal(activity: OversightActivity) -> str:
    if activity.kind not in DOCUMENT_KINDS:
        return _("Chỉ lập văn bản này cho hoạt động giám sát chuyên đề, kiểm tra hoặc khảo sát.")
    return ""


def is_finished(activity: OversightActivity) -> bool:
    return activity.end_date is not None and activity.end_date <= timezone.localdate()


def record_number(activity: OversightActivity, *, entry: Any, **numbers: Any) -> None:
    """Write the register's number (and date) onto the activity's own fields ("Số kế hoạch",
    "Số báo cáo kết quả"), through its service, inside the issuing transaction."""
    fresh = OversightActivity.objects.get(pk=activity.pk)
    for name, value in numbers.items():
        setattr(fresh, name, value)
    activity_save(activity=fresh, user=getattr(entry, "created_by", None))


def text_blocks(text: str) -> list[Block]:
    """A template's text, one paragraph a line, "- …" lines as items, and a line such as
    "I. MỤC ĐÍCH, YÊU CẦU" (a Roman numeral, then capitals) as a section heading, numbered
    later with the sections the document adds (`numbered`)."""
    blocks: list[Block] = []
    for line in text.splitlines():
        line = line.strip()
        match = _HEADING.match(line)
        if match and match.group(1) == match.group(1).upper():
            blocks.append(Block(kind="heading", text=match.group(1)))
        else:
            blocks.extend(paragraphs(line))
    return blocks


def numbered(blocks: list[Block]) -> list[Block]:
    """The section headings numbered I, II, III … in the order they stand, whichever part of
    the document (the template's opening or closing, or the facts) each came from."""
    out, n = [], 0
    for block in blocks:
        if block.kind == "heading":
            roman = ROMAN[n] if n < len(ROMAN) else str(n + 1)
            n += 1
            block = Block(kind="heading", text=f"{roman}. {block.text}")
        out.append(block)
    return out


def heading(text: str) -> Block:
    return Block(kind="heading", text=text)


def paragraph(text: str) -> Block:
    return Block(kind="paragraph", text=text)


def item(text: str) -> Block:
    return Block(kind="item", text=text)
