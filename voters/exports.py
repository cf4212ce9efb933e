"""The columns of the voters app's Excel exports, declared once: the export views and the
benchmark (bench/) build their files from these. Citizens' personal data are columns of their
own, added only for those who may see them (roles.can_view_personal_data)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from core.exports import Columns, choice_label
from voters.casework.identity import public_value
from voters.models import CitizenReception, Letter, ReceptionVisit, VoterMeeting, VoterPetition


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

# The petition export reads plain values (QuerySet.values(*PETITION_FIELDS)), not model objects:
# building 10,000 petitions with their five related records took 1.0 s, longer than writing
# the file; their values take 0.15 s. The field paths join only the tables the columns read.
PETITION_FIELDS = (
    "pk",
    "received_date",
    "content",
    "instances",
    "session__number",
    "field__name",
    "level",
    "responsible_org__short_name",
    "responsible_org__name",
    "committee__name",
    "status",
    "batch__number",
    "batch__date",
    "answer_number",
    "answer_date",
    "consolidated_into_id",
)
# A related record that is not there reads None: an empty cell, as "" was with model objects.
PETITION_COLUMNS: Columns = (
    ("#", lambda p: p["pk"]),
    (_("Ngày tiếp nhận"), lambda p: p["received_date"]),
    (_("Nội dung"), lambda p: p["content"]),
    (_("Số lượt"), lambda p: p["instances"]),
    (_("Kỳ họp thứ"), lambda p: p["session__number"]),
    (_("Lĩnh vực"), lambda p: p["field__name"]),
    (_("Thẩm quyền"), choice_label(VoterPetition, "level")),
    # str(Organization): its short name, else its name.
    (
        _("Cơ quan giải quyết"),
        lambda p: p["responsible_org__short_name"] or p["responsible_org__name"],
    ),
    (_("Ban theo dõi"), lambda p: p["committee__name"]),
    (_("Trạng thái"), choice_label(VoterPetition, "status")),
    (_("Công văn chuyển"), lambda p: p["batch__number"]),
    (_("Ngày chuyển"), lambda p: p["batch__date"]),
    (_("Văn bản trả lời"), lambda p: p["answer_number"]),
    (_("Ngày trả lời"), lambda p: p["answer_date"]),
    (_("Gộp vào kiến nghị #"), lambda p: p["consolidated_into_id"]),
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
# Letter.PERSONAL_FIELDS. A denunciator's identity is in no export, the handler's either
# (voters.casework.identity): a file leaves the system. The rows need their case selected.
LETTER_PERSONAL_COLUMNS: Columns = (
    (_("Họ tên người gửi"), lambda x: public_value(x, "sender_name")),
    (_("Địa chỉ"), lambda x: public_value(x, "sender_address")),
    (_("Số điện thoại"), lambda x: public_value(x, "sender_phone")),
    (_("Số CCCD/CMND"), lambda x: public_value(x, "sender_id_number")),
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

# The register of reception (sổ tiếp công dân): one row a visit, a denunciator masked for everyone.
REGISTER_COLUMNS: Columns = (
    (_("Ngày tiếp"), lambda v: v.reception.date),
    (_("Người chủ trì"), lambda v: v.reception.host),
    (_("Số người"), lambda v: v.persons),
    (_("Loại vụ việc"), choice_label(ReceptionVisit, "kind")),
    (_("Nội dung trình bày"), lambda v: v.content),
    (_("Ý kiến trả lời, hướng dẫn"), lambda v: v.response),
    (_("Vụ việc số"), lambda v: v.case.number if v.case_id else ""),
)
REGISTER_PERSONAL_COLUMNS: Columns = (  # ReceptionVisit.PERSONAL_FIELDS
    (_("Họ tên công dân"), lambda v: public_value(v, "citizen_name")),
    (_("Địa chỉ"), lambda v: public_value(v, "citizen_address")),
    (_("Số CCCD/CMND"), lambda v: public_value(v, "citizen_id_number")),
)
