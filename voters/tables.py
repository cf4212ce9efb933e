"""Tables of the voters app. Letter tables carry the sender columns; views exclude them for
anyone who may not see personal data."""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import tables
from core.tables import SUMMARY_ATTRS
from voters.casework.identity import public_value
from voters.models import (
    CitizenReception,
    ForwardingBatch,
    Letter,
    PetitionField,
    VoterMeeting,
    VoterPetition,
)


class VoterMeetingTable(tables.Table):
    date = tables.Column(linkify=True)
    location_unit = tables.Column(verbose_name=_("Xã, phường"))
    session = tables.Column(accessor="session__number", verbose_name=_("Kỳ họp thứ"))

    class Meta:
        model = VoterMeeting
        fields = [
            "date",
            "timing",
            "session",
            "location_unit",
            "venue",
            "delegate_group",
            "voters_attended",
        ]
        empty_text = _("Chưa có cuộc tiếp xúc cử tri nào.")


class VoterPetitionTable(tables.Table):
    id = tables.Column(verbose_name="#", linkify=True)
    content = tables.Column(linkify=True, verbose_name=_("Nội dung"), attrs=SUMMARY_ATTRS)
    session = tables.Column(accessor="session__number", verbose_name=_("Kỳ họp thứ"))
    batch = tables.Column(accessor="batch__number", verbose_name=_("Công văn chuyển"))

    # The records its columns read: lists select these and no more (voters.selectors).
    related = ("session", "field", "committee", "batch")

    class Meta:
        model = VoterPetition
        fields = [
            "id",
            "received_date",
            "content",
            "instances",
            "session",
            "field",
            "level",
            "committee",
            "status",
            "batch",
        ]
        empty_text = _("Chưa có kiến nghị nào.")

    def render_content(self, value: str, record: VoterPetition) -> str:
        text = str(record)
        if record.is_consolidated:
            return format_html('{} <span class="badge text-bg-info">{}</span>', text, _("tổng hợp"))
        if record.consolidated_into_id:
            return format_html(
                '{} <span class="badge text-bg-secondary">{}</span>', text, _("đã gộp")
            )
        return text


class ForwardingBatchTable(tables.Table):
    number = tables.Column(linkify=True)
    petition_count = tables.Column(verbose_name=_("Số kiến nghị"), orderable=False)
    instance_total = tables.Column(verbose_name=_("Số lượt"), orderable=False)
    answered_count = tables.Column(verbose_name=_("Đã trả lời"), orderable=False)
    subject = tables.Column(attrs=SUMMARY_ATTRS)

    class Meta:
        model = ForwardingBatch
        fields = ["number", "date", "recipient", "session", "subject"]
        empty_text = _("Chưa có công văn chuyển kiến nghị nào.")


class LetterTable(tables.Table):
    received_date = tables.Column(linkify=True)
    summary = tables.Column(attrs=SUMMARY_ATTRS)
    # A denunciator's name is masked in every list (voters.casework.identity.public_value),
    # and not sortable: a masked row's place in a list sorted by name would hint at the name.
    sender_name = tables.Column(orderable=False)
    sender_phone = tables.Column(orderable=False)

    class Meta:
        model = Letter
        fields = [
            "received_date",
            "kind",
            "summary",
            "sender_name",
            "sender_phone",
            "eligible",
            "handling",
            "forwarded_to",
            "forwarded_date",
        ]
        empty_text = _("Chưa có đơn thư nào.")

    def render_summary(self, value: str, record: Letter) -> str:
        return value if len(value) <= 120 else f"{value[:119]}…"

    def render_sender_name(self, value: str, record: Letter) -> str:
        return public_value(record, "sender_name")

    def render_sender_phone(self, value: str, record: Letter) -> str:
        return public_value(record, "sender_phone")


class CitizenReceptionTable(tables.Table):
    date = tables.Column(linkify=True)

    class Meta:
        model = CitizenReception
        fields = ["date", "kind", "host", "location", "persons", "cases", "group_cases"]
        empty_text = _("Chưa có buổi tiếp công dân nào.")


class PetitionFieldTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = PetitionField
        fields = ["name", "code", "order", "valid_from", "valid_to"]
        empty_text = _("Chưa có lĩnh vực nào.")
