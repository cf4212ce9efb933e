"""The columns of the voters app's Excel exports, declared once: the export views and the
benchmark (bench/) build their files from these. Citizens' personal data are columns of their
own, added only for those who may see them (roles.can_view_personal_data)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from core.exports import Columns, choice_label
from voters.models import CitizenReception, Letter, VoterMeeting, VoterPetition


def _number_of(session: Any) -> Any:
    return session.number if session else ""


MEETING_COLUMNS: Columns = (
    (_("Ngày"), lambda m: m.date),
    (_("Hình thức"), choice_label(VoterMeeting, "timing")),
    (_("Kỳ họp thứ"), lambda m: _number_of(m.session)),
    (_("Xã, phường"), lambda m: str(m.location_unit)),
    (_("Địa điểm"), lambda m: m.venue),
    (_("Tổ đại biểu"), lambda m: str(m.delegate_group or "")),
    (_("Số cử tri"), lambda m: m.voters_attended),
    (_("Chuyên đề"), lambda m: m.topic),
)

# The tables PETITION_COLUMNS read: the export joins only these, not petition_queryset's ten.
PETITION_RELATED = ("session", "field", "responsible_org", "committee", "batch")
PETITION_COLUMNS: Columns = (
    ("#", lambda p: p.pk),
    (_("Ngày tiếp nhận"), lambda p: p.received_date),
    (_("Nội dung"), lambda p: p.content),
    (_("Số lượt"), lambda p: p.instances),
    (_("Kỳ họp thứ"), lambda p: _number_of(p.session)),
    (_("Lĩnh vực"), lambda p: str(p.field or "")),
    (_("Thẩm quyền"), choice_label(VoterPetition, "level")),
    (_("Cơ quan giải quyết"), lambda p: str(p.responsible_org or "")),
    (_("Ban theo dõi"), lambda p: str(p.committee or "")),
    (_("Trạng thái"), choice_label(VoterPetition, "status")),
    (_("Công văn chuyển"), lambda p: p.batch.number if p.batch else ""),
    (_("Ngày chuyển"), lambda p: p.batch.date if p.batch else None),
    (_("Văn bản trả lời"), lambda p: p.answer_number),
    (_("Ngày trả lời"), lambda p: p.answer_date),
    (_("Gộp vào kiến nghị #"), lambda p: p.consolidated_into_id or ""),
)

LETTER_COLUMNS: Columns = (
    (_("Ngày nhận"), lambda x: x.received_date),
    (_("Loại đơn"), choice_label(Letter, "kind")),
    (_("Tóm tắt nội dung"), lambda x: x.summary),
    (_("Phân loại"), lambda x: x.classification),
    (_("Đủ điều kiện xử lý"), lambda x: _("Có") if x.eligible else _("Không")),
    (_("Hướng xử lý"), choice_label(Letter, "handling")),
    (_("Chuyển đến"), lambda x: str(x.forwarded_to or "")),
    (_("Ngày chuyển"), lambda x: x.forwarded_date),
    (_("Kết quả"), lambda x: x.result),
)
LETTER_PERSONAL_COLUMNS: Columns = (  # Letter.PERSONAL_FIELDS
    (_("Họ tên người gửi"), lambda x: x.sender_name),
    (_("Địa chỉ"), lambda x: x.sender_address),
    (_("Số điện thoại"), lambda x: x.sender_phone),
    (_("Số CCCD/CMND"), lambda x: x.sender_id_number),
)

RECEPTION_COLUMNS: Columns = (
    (_("Ngày tiếp"), lambda r: r.date),
    (_("Hình thức"), choice_label(CitizenReception, "kind")),
    (_("Người chủ trì"), lambda r: r.host),
    (_("Địa điểm"), lambda r: r.location),
    (_("Số lượt công dân"), lambda r: r.persons),
    (_("Số vụ việc"), lambda r: r.cases),
    (_("Số đoàn đông người"), lambda r: r.group_cases),
    (_("Nội dung chủ yếu"), lambda r: r.summary),
)
RECEPTION_PERSONAL_COLUMNS: Columns = ((_("Họ tên, địa chỉ công dân"), lambda r: r.visitors),)
