"""Báo cáo kết quả giám sát: the report of a supervision's results with its recommendations,
made from its oversight.OversightActivity.

The narrative is the council's template: the opening (what was supervised, on what basis,
when, and section I, the results, which the activity's recorded results fill through
{ket_qua} so that the clerk reads and completes them in the issue form) and the closing. The
facts the document adds are the recommendations (KIẾN NGHỊ), grouped by the body each is
addressed to, with their deadlines; more than a few are also tabled in an appendix (STT, body,
recommendation, deadline), the list the follow-up is chased against."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.composition import Appendix, Block, Composed, Table
from documents.models import DocumentTemplate
from oversight.models import OversightActivity, OversightRecommendation
from oversight.selectors import activity_document_facts
from reports.routine import supervision as common
from reports.routine.base import Draft, Issued, RoutineKind, TemplateDefaults, composed_frame

DOC_TYPE = "BÁO CÁO"

# From this many recommendations on, they are tabled in an appendix as well.
APPENDIX_FROM = 6

DEFAULTS = TemplateDefaults(
    series_code="BC",
    doc_type=DOC_TYPE,
    subject="Kết quả {chuyen_de_thuong}",
    opening=(
        "Thực hiện {can_cu}, {thoi_gian}, {chu_the} đã tiến hành {chuyen_de_thuong} đối với: "
        "{co_quan}. Trên cơ sở xem xét báo cáo của các cơ quan, đơn vị chịu sự giám sát và "
        "kết quả làm việc trực tiếp, {chu_the} báo cáo kết quả như sau:\n"
        "I. KẾT QUẢ GIÁM SÁT\n"
        "{ket_qua}"
    ),
    closing=(
        "Trên đây là báo cáo kết quả {chuyen_de_thuong} của {chu_the}. Đề nghị các cơ quan, "
        "đơn vị được kiến nghị nghiêm túc thực hiện và báo cáo kết quả thực hiện về Thường trực "
        "HĐND {cap} (qua {van_phong}) đúng thời hạn."
    ),
    recipients=(
        "Thường trực HĐND {cap};\n"
        "Các Ban của HĐND {cap};\n"
        "Đại biểu HĐND {cap};\n"
        "UBND {cap};\n"
        "Các cơ quan, đơn vị chịu sự giám sát;\n"
        "Lưu: VT."
    ),
)


def may_issue(activity: OversightActivity) -> str:
    if refusal := common.kind_refusal(activity):
        return refusal
    if not common.is_finished(activity) and not activity.recommendations.exists():
        return _(
            "Hoạt động giám sát chưa kết thúc (chưa ghi ngày kết thúc, hoặc ngày kết thúc chưa "
            "đến) và chưa có kiến nghị nào: chưa lập được báo cáo kết quả giám sát."
        )
    return ""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _deadline(recommendation: OversightRecommendation) -> str:
    return common.vn_date(recommendation.deadline)


def _by_addressee(
    recommendations: list[OversightRecommendation],
) -> list[tuple[Any, list[OversightRecommendation]]]:
    """The recommendations grouped by their addressee, in the order each body first appears."""
    groups: dict[int, tuple[Any, list[OversightRecommendation]]] = {}
    for recommendation in recommendations:
        groups.setdefault(recommendation.addressee_id, (recommendation.addressee, []))[1].append(
            recommendation
        )
    return list(groups.values())


def _recommendation_blocks(recommendations: list[OversightRecommendation]) -> list[Block]:
    if not recommendations:
        return []
    blocks = [common.heading(_("KIẾN NGHỊ"))]
    if len(recommendations) >= APPENDIX_FROM:
        blocks.append(
            common.paragraph(
                _("Danh sách %(count)s kiến nghị tại Phụ lục kèm theo Báo cáo này.")
                % {"count": f"{len(recommendations):02d}"}
            )
        )
    for n, (addressee, group) in enumerate(_by_addressee(recommendations), start=1):
        blocks.append(common.paragraph(_("%(n)s. Đối với %(body)s:") % {"n": n, "body": addressee}))
        for recommendation in group:
            text = _one_line(recommendation.content).rstrip(" .;")
            if recommendation.deadline:
                text = _("%(text)s (thời hạn thực hiện: %(deadline)s)") % {
                    "text": text,
                    "deadline": _deadline(recommendation),
                }
            blocks.append(common.item(f"- {text}."))
    return blocks


def _appendix(
    recommendations: list[OversightRecommendation], issued: Issued, body: str
) -> Appendix | None:
    if len(recommendations) < APPENDIX_FROM:
        return None
    rows = [
        [
            str(n),
            recommendation.addressee.name,
            _one_line(recommendation.content),
            _deadline(recommendation),
        ]
        for n, recommendation in enumerate(recommendations, start=1)
    ]
    table = Table(
        columns=[_("STT"), _("Cơ quan thực hiện"), _("Nội dung kiến nghị"), _("Thời hạn")],
        rows=rows,
        widths=[7, 25, 53, 15],
        numeric=[0, 3],
    )
    return Appendix(
        title=_("PHỤ LỤC"),
        subtitle=_("Danh sách kiến nghị sau giám sát"),
        note=_("(Kèm theo Báo cáo số %(reference)s ngày %(date)s của %(body)s)")
        % {"reference": issued.reference, "date": common.vn_date(issued.date), "body": body},
        blocks=[Block(kind="table", table=table)],
    )


def compose(*, source: OversightActivity, draft: Draft, issued: Issued) -> Composed:
    facts = activity_document_facts(activity=source)
    recommendations = facts.recommendations
    blocks = [
        *common.text_blocks(draft.opening),
        *_recommendation_blocks(recommendations),
        *common.text_blocks(draft.closing),
    ]
    return Composed(
        **composed_frame(
            draft=draft,
            issued=issued,
            title=_("Báo cáo kết quả giám sát số %(reference)s") % {"reference": issued.reference},
        ),
        blocks=common.numbered(blocks),
        appendix=_appendix(recommendations, issued, common.supervising_body(facts)),
    )


def on_issued(activity: OversightActivity, entry: Any) -> None:
    """The activity's "Số báo cáo kết quả" and its date are the register's once issued."""
    common.record_number(
        activity,
        entry=entry,
        result_report_number=entry.reference,
        result_report_date=entry.date,
    )


ROUTINE = RoutineKind(
    kind=DocumentTemplate.Kind.SUPERVISION_REPORT,
    label=gettext_lazy("Báo cáo kết quả giám sát"),
    model=OversightActivity,
    defaults=DEFAULTS,
    placeholders=common.PLACEHOLDERS,
    values=common.values,
    addressees=common.no_addressees,
    compose=compose,
    may_issue=may_issue,
    on_issued=on_issued,
)
