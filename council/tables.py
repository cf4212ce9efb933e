from django.utils.translation import gettext_lazy as _

from core import tables
from core.tables import SUMMARY_ATTRS
from council import models as m


class TermTable(tables.Table):
    roman = tables.Column(linkify=True, verbose_name=_("Khóa"))

    class Meta:
        model = m.Term
        fields = ["roman", "council", "start_date", "end_date"]
        empty_text = _("Chưa có nhiệm kỳ nào.")


class CommitteeTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = m.Committee
        fields = ["name", "code", "term", "order"]
        empty_text = _("Chưa có Ban nào.")


class DelegateGroupTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = m.DelegateGroup
        fields = ["name", "area", "term"]
        empty_text = _("Chưa có Tổ đại biểu nào.")


class DelegateTable(tables.Table):
    full_name = tables.Column(linkify=True)

    class Meta:
        model = m.Delegate
        fields = [
            "full_name",
            "gender",
            "birth_year",
            "job_title",
            "delegate_group",
            "committee",
            "is_full_time",
            "status",
            "term",
        ]
        empty_text = _("Chưa có đại biểu nào.")


class OrganizationTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = m.Organization
        fields = ["name", "short_name", "kind", "level", "is_active"]
        empty_text = _("Chưa có cơ quan, tổ chức nào.")


class AdministrativeUnitTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = m.AdministrativeUnit
        fields = ["name", "unit_type", "level", "parent", "valid_from", "valid_to"]
        empty_text = _("Chưa có đơn vị hành chính nào.")


class InterSessionMatterTable(tables.Table):
    subject = tables.Column(linkify=True, attrs=SUMMARY_ATTRS)

    class Meta:
        model = m.InterSessionMatter
        fields = [
            "received_date",
            "subject",
            "submitted_by",
            "submission_number",
            "opinion_date",
            "outcome",
        ]
        empty_text = _("Chưa có nội dung phát sinh nào.")


class AppraisalRequestTable(tables.Table):
    subject = tables.Column(linkify=True, attrs=SUMMARY_ATTRS)

    class Meta:
        model = m.AppraisalRequest
        fields = ["received_date", "subject", "doc_kind", "requester", "answered_date"]
        empty_text = _("Chưa có yêu cầu thẩm định nào.")


class CouncilTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = m.Council
        fields = ["name", "place_name", "secretariat_name", "resolution_sequence"]
        empty_text = _("Chưa khai báo HĐND.")


class PositionTable(tables.Table):
    delegate = tables.Column(linkify=True)

    class Meta:
        model = m.Position
        fields = ["delegate", "role", "committee", "start_date", "end_date"]
        empty_text = _("Chưa có chức danh nào.")
