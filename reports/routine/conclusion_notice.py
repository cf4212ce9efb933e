"""Thông báo kết luận (TB-HĐND): what the Thường trực HĐND concluded at one of its meetings
(standing.StandingMeeting), numbered in the council's TB series.

The narrative is the council's template: the opening (when the meeting was held, who chaired
it, who attended, what it considered) and the closing. The facts the document adds are the
conclusions, numbered 1, 2, 3 … in their order, each followed by the tasks it gave ("Giao …
thực hiện: …, hoàn thành trước ngày dd/mm/yyyy."). A task since cancelled is not printed."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.composition import Block, Composed, paragraphs
from documents.models import DocumentTemplate
from reports.routine.base import Draft, Issued, RoutineKind, TemplateDefaults, composed_frame
from standing.models import ConclusionTask, StandingMeeting
from standing.selectors import meeting_agenda, meeting_conclusions

DOC_TYPE = "THÔNG BÁO"

DEFAULTS = TemplateDefaults(
    series_code="TB",
    doc_type=DOC_TYPE,
    subject="Kết luận của Thường trực HĐND {cap} tại {phien_hop}",
    opening=(
        "Ngày {ngay_hop}, Thường trực HĐND {cap} tổ chức {phien_hop} dưới sự chủ trì của "
        "{chu_tri}. Tham dự phiên họp có {thanh_phan}.\n"
        "Phiên họp đã xem xét các nội dung: {noi_dung}. Sau khi nghe các cơ quan báo cáo, "
        "trình bày và ý kiến thảo luận của các đại biểu dự họp, Thường trực HĐND {cap} kết "
        "luận như sau:"
    ),
    closing=(
        "Thường trực HĐND {cap} thông báo để các cơ quan, đơn vị biết, tổ chức thực hiện và "
        "báo cáo kết quả về Thường trực HĐND {cap} (qua {van_phong}) đúng thời hạn."
    ),
    recipients=(
        "Thường trực HĐND {cap};\n"
        "UBND {cap};\n"
        "Các Ban của HĐND {cap};\n"
        "{co_quan_thuc_hien}\n"
        "Lưu: VT."
    ),
)

PLACEHOLDERS = {
    "phien_hop": gettext_lazy(
        "Tên phiên họp viết thường chữ đầu, để đặt giữa câu («phiên họp tháng 3/2019»)"
    ),
    "ngay_hop": gettext_lazy("Ngày họp (dd/mm/yyyy)"),
    "chu_tri": gettext_lazy(
        "Người chủ trì và chức vụ («đồng chí Hoàng Văn A, Chủ tịch HĐND tỉnh»)"
    ),
    "thanh_phan": gettext_lazy(
        "Thành phần dự họp: các thành viên Thường trực và khách mời đã ghi ở phiên họp"
    ),
    "noi_dung": gettext_lazy("Các nội dung của phiên họp, cách nhau bởi dấu chấm phẩy"),
    "co_quan_thuc_hien": gettext_lazy(
        "Các cơ quan được giao việc, mỗi cơ quan một dòng (dùng ở «Nơi nhận»)"
    ),
    "van_phong": gettext_lazy("Tên Văn phòng của HĐND"),
}


def _vn_date(day: Any) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _lower_first(text: str) -> str:
    """ "Phiên họp tháng 3/2019" -> "phiên họp tháng 3/2019"; "UBND …" is left alone."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _hdnd(meeting: StandingMeeting) -> str:
    return f"HĐND {meeting.term.council.level_word}"


def _printed_tasks(conclusion: Any) -> list[ConclusionTask]:
    return [t for t in conclusion.tasks.all() if t.status != ConclusionTask.Status.CANCELLED]


def values(meeting: StandingMeeting) -> dict[str, str]:
    """The meeting's placeholders; {cap} and {dia_danh} are every kind's (reports.routine.issue)."""
    council = meeting.term.council
    chair = meeting.chaired_by
    if chair is not None:
        title = chair.job_title.strip()
        chu_tri = _("đồng chí %(name)s") % {"name": chair.full_name}
        if title:
            chu_tri = f"{chu_tri}, {title}"
    else:
        chu_tri = _("đồng chí Chủ tịch %(hdnd)s") % {"hdnd": _hdnd(meeting)}
    guests = [
        _lower_first(line.strip().rstrip(";,."))
        for line in meeting.guests.splitlines()
        if line.strip()
    ]
    attending = [_("các đồng chí thành viên Thường trực %(hdnd)s") % {"hdnd": _hdnd(meeting)}]
    agenda = [_one_line(entry.title).rstrip(".;") for entry in meeting_agenda(meeting=meeting)]
    bodies: list[str] = []
    for conclusion in meeting_conclusions(meeting=meeting):
        for task in _printed_tasks(conclusion):
            if task.responsible.name not in bodies:
                bodies.append(task.responsible.name)
    return {
        "phien_hop": _lower_first(str(meeting)),
        "ngay_hop": _vn_date(meeting.date),
        "chu_tri": chu_tri,
        "thanh_phan": ", ".join(attending + guests),
        "noi_dung": "; ".join(agenda) or _("các nội dung theo chương trình phiên họp"),
        "co_quan_thuc_hien": "\n".join(f"{name};" for name in bodies),
        "van_phong": council.secretariat_name,
    }


def no_addressees(meeting: StandingMeeting) -> list[str]:
    """A notice is not addressed ("Kính gửi") but sent to its recipients."""
    return []


def may_issue(meeting: StandingMeeting) -> str:
    if not meeting.conclusions.exists():
        return _("Phiên họp chưa ghi kết luận nào: chưa lập được thông báo kết luận.")
    return ""


def task_line(task: ConclusionTask) -> str:
    """ "- Giao Sở Tài chính thực hiện: rà soát …, hoàn thành trước ngày 30/09/2019." """
    content = _lower_first(_one_line(task.content)).rstrip(" .;")
    line = _("- Giao %(body)s thực hiện: %(content)s") % {
        "body": task.responsible.name,
        "content": content,
    }
    if task.deadline:
        line += _(", hoàn thành trước ngày %(day)s") % {"day": _vn_date(task.deadline)}
    return line + "."


def conclusion_blocks(meeting: StandingMeeting) -> list[Block]:
    blocks: list[Block] = []
    for n, conclusion in enumerate(meeting_conclusions(meeting=meeting), start=1):
        lines = [line.strip() for line in conclusion.text.splitlines() if line.strip()]
        if not lines:
            continue
        blocks.append(Block(kind="paragraph", text=f"{n}. {lines[0]}"))
        blocks.extend(paragraphs("\n".join(lines[1:])))
        blocks.extend(Block(kind="item", text=task_line(t)) for t in _printed_tasks(conclusion))
    return blocks


def compose(*, source: StandingMeeting, draft: Draft, issued: Issued) -> Composed:
    return Composed(
        **composed_frame(
            draft=draft,
            issued=issued,
            title=_("Thông báo kết luận số %(reference)s") % {"reference": issued.reference},
        ),
        blocks=[
            *paragraphs(draft.opening),
            *conclusion_blocks(source),
            *paragraphs(draft.closing),
        ],
    )


ROUTINE = RoutineKind(
    kind=DocumentTemplate.Kind.CONCLUSION_NOTICE,
    label=gettext_lazy("Thông báo kết luận phiên họp Thường trực"),
    model=StandingMeeting,
    defaults=DEFAULTS,
    placeholders=PLACEHOLDERS,
    values=values,
    addressees=no_addressees,
    compose=compose,
    may_issue=may_issue,
)
