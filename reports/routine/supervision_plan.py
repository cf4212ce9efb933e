"""Kế hoạch giám sát: the plan of a thematic supervision (an inspection, a survey), made from
its oversight.OversightActivity.

The fixed texts are the council's template: the opening (the basis and section I, MỤC ĐÍCH,
YÊU CẦU) and the closing (section IV, TỔ CHỨC THỰC HIỆN); the facts come from the activity:
section II, whom and what it supervises and where, and section III, who supervises, the team,
how and when. Sections are numbered in the order they stand (reports.routine.supervision
.numbered), so a secretariat that drops or adds a section in its template keeps I, II, III …"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.composition import Block, Composed
from documents.models import DocumentTemplate
from oversight.models import Actor, Kind, OversightActivity
from oversight.selectors import activity_document_facts
from reports.routine import supervision as common
from reports.routine.base import Draft, Issued, RoutineKind, TemplateDefaults, composed_frame

DOC_TYPE = "KẾ HOẠCH"

DEFAULTS = TemplateDefaults(
    series_code="KH",
    doc_type=DOC_TYPE,
    subject="{chuyen_de}",
    opening=(
        "Căn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân;\n"
        "Thực hiện {can_cu};\n"
        "{chu_the} ban hành Kế hoạch {chuyen_de_thuong} như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "1. Mục đích\n"
        "Xem xét, đánh giá việc tổ chức thực hiện chính sách, pháp luật đối với nội dung giám "
        "sát; ghi nhận kết quả đạt được, chỉ ra những tồn tại, hạn chế, khó khăn, vướng mắc và "
        "nguyên nhân; kiến nghị cơ quan có thẩm quyền có giải pháp khắc phục, nâng cao hiệu "
        "lực, hiệu quả quản lý nhà nước trong thời gian tới.\n"
        "2. Yêu cầu\n"
        "Hoạt động {hinh_thuc} bảo đảm đúng quy định của pháp luật, khách quan, công khai, "
        "thiết thực, hiệu quả, không làm cản trở hoạt động bình thường của cơ quan, đơn vị chịu "
        "sự giám sát. Cơ quan, đơn vị chịu sự giám sát chuẩn bị báo cáo đầy đủ, đúng nội dung, "
        "đúng thời gian và cung cấp thông tin, tài liệu theo yêu cầu của Đoàn giám sát."
    ),
    closing=(
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "1. Các cơ quan, đơn vị chịu sự giám sát xây dựng báo cáo bằng văn bản theo đề cương "
        "gửi Đoàn giám sát (qua {van_phong}) chậm nhất 05 ngày làm việc trước buổi làm việc "
        "với Đoàn giám sát; bố trí thành phần làm việc phù hợp.\n"
        "2. {van_phong} xây dựng đề cương báo cáo, lịch làm việc cụ thể; bảo đảm các điều kiện "
        "phục vụ hoạt động của Đoàn giám sát.\n"
        "3. Kết thúc {hinh_thuc}, Đoàn giám sát tổng hợp, báo cáo kết quả và gửi kiến nghị đến "
        "cơ quan, tổ chức có thẩm quyền theo quy định.\n"
        "Trên đây là Kế hoạch {chuyen_de_thuong} của {chu_the}."
    ),
    recipients=(
        "Thường trực HĐND {cap};\n"
        "Các Ban của HĐND {cap};\n"
        "UBND {cap};\n"
        "Các cơ quan, đơn vị chịu sự giám sát;\n"
        "Thành viên Đoàn giám sát;\n"
        "Lưu: VT."
    ),
)

# How the team works, by the activity's form (the only fixed words outside the template).
METHODS = {
    Kind.THEMATIC_SUPERVISION: (
        "Xem xét báo cáo của cơ quan, đơn vị chịu sự giám sát; làm việc trực tiếp, khảo sát "
        "thực tế tại một số cơ quan, đơn vị, địa phương."
    ),
    Kind.INSPECTION: (
        "Xem xét báo cáo, hồ sơ, tài liệu; làm việc trực tiếp với cơ quan, đơn vị được kiểm tra."
    ),
    Kind.SURVEY: (
        "Khảo sát thực tế, làm việc trực tiếp với cơ quan, đơn vị; xem xét báo cáo, tài liệu "
        "có liên quan."
    ),
}


def may_issue(activity: OversightActivity) -> str:
    if refusal := common.kind_refusal(activity):
        return refusal
    if not activity.supervised_organizations.exists():
        return _(
            "Hoạt động chưa ghi cơ quan chịu sự giám sát: kế hoạch phải nêu đối tượng giám sát. "
            "Bổ sung ở trang sửa hoạt động."
        )
    return ""


def _listed(lines: list[str]) -> list[Block]:
    """ "- A;" … "- C." as a list closes."""
    return [
        common.item(f"- {line}{'.' if n == len(lines) else ';'}")
        for n, line in enumerate(lines, start=1)
    ]


def _numbered_parts(parts: list[tuple[str, list[Block]]]) -> list[Block]:
    """Subsections "1. …", "2. …" numbered among those present."""
    blocks: list[Block] = []
    for n, (lead, rest) in enumerate(parts, start=1):
        blocks.append(common.paragraph(f"{n}. {lead}"))
        blocks.extend(rest)
    return blocks


def _facts_blocks(activity: OversightActivity) -> list[Block]:
    facts = activity_document_facts(activity=activity)
    activity, council = facts.activity, facts.council
    body = common.supervising_body(facts)

    subject_parts: list[tuple[str, list[Block]]] = [
        (_("Nội dung: %(topic)s.") % {"topic": common.topic_line(activity)}, []),
    ]
    if facts.organizations:
        subject_parts.append(
            (
                _("Đối tượng chịu sự giám sát:"),
                _listed([org.name for org in facts.organizations]),
            )
        )
    subject_parts.append(
        (
            _("Phạm vi: trên địa bàn %(area)s.")
            % {"area": f"{council.level_word} {council.place_name}"},
            [],
        )
    )

    who = _("Chủ thể giám sát: %(body)s.") % {"body": body}
    if activity.committee is not None and activity.actor in (Actor.COUNCIL, Actor.STANDING):
        who = _("Chủ thể giám sát: %(body)s; %(ban)s %(hdnd)s chủ trì tham mưu.") % {
            "body": body,
            "ban": activity.committee.name,
            "hdnd": common.council_body(council, "HĐND"),
        }
    method_parts: list[tuple[str, list[Block]]] = [(who, [])]
    if facts.members:
        method_parts.append(
            (
                _("Thành phần Đoàn giám sát:"),
                _listed(
                    [
                        f"{m.full_name}, {m.job_title}" if m.job_title else m.full_name
                        for m in facts.members
                    ]
                ),
            )
        )
    method_parts.append(
        (
            _("Phương thức: %(method)s")
            % {"method": METHODS.get(activity.kind, METHODS[Kind.THEMATIC_SUPERVISION])},
            [],
        )
    )
    method_parts.append(
        (_("Thời gian: %(period)s.") % {"period": common.period(activity)}, []),
    )
    return [
        common.heading(_("NỘI DUNG, ĐỐI TƯỢNG, PHẠM VI GIÁM SÁT")),
        *_numbered_parts(subject_parts),
        common.heading(_("PHƯƠNG THỨC, THỜI GIAN GIÁM SÁT")),
        *_numbered_parts(method_parts),
    ]


def compose(*, source: OversightActivity, draft: Draft, issued: Issued) -> Composed:
    blocks = [
        *common.text_blocks(draft.opening),
        *_facts_blocks(source),
        *common.text_blocks(draft.closing),
    ]
    return Composed(
        **composed_frame(
            draft=draft,
            issued=issued,
            title=_("Kế hoạch giám sát số %(reference)s") % {"reference": issued.reference},
        ),
        blocks=common.numbered(blocks),
    )


def on_issued(activity: OversightActivity, entry: Any) -> None:
    """The activity's "Số kế hoạch" is the register's number once the plan is issued."""
    common.record_number(activity, entry=entry, plan_number=entry.reference)


ROUTINE = RoutineKind(
    kind=DocumentTemplate.Kind.SUPERVISION_PLAN,
    label=gettext_lazy("Kế hoạch giám sát"),
    model=OversightActivity,
    defaults=DEFAULTS,
    placeholders=common.PLACEHOLDERS,
    values=common.values,
    addressees=common.no_addressees,
    compose=compose,
    may_issue=may_issue,
    on_issued=on_issued,
)
