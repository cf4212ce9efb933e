"""Voter contact meetings (tiếp xúc cử tri) and voter petitions from intake to answer (kiến
nghị cử tri).

Petitions are counted in instances (lượt). A consolidated petition carries the total instances
of the originals it merges; the originals keep `consolidated_into` so they stay traceable, and
every count excludes them so no instance is counted twice."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from council.models import DISTRICT_LEVEL_END


def minutes_upload_to(instance: VoterMeeting, filename: str) -> str:
    """A generated name: the uploader's file name never reaches the file system."""
    ext = PurePath(filename).suffix.lower()[:10]
    return f"voters/minutes/{uuid.uuid4().hex}{ext}"


class PetitionField(TimeStampedModel):
    """Editable taxonomy of fields (lĩnh vực); schemes differ by province and change over time."""

    code = models.CharField(_("Mã"), max_length=40, blank=True)
    name = models.CharField(_("Lĩnh vực"), max_length=200)
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    valid_from = models.DateField(_("Áp dụng từ"), null=True, blank=True)
    valid_to = models.DateField(_("Áp dụng đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("Lĩnh vực kiến nghị")
        verbose_name_plural = _("Lĩnh vực kiến nghị")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "valid_from"],
                name="petitionfield_unique_name",
                violation_error_message=_("Đã có lĩnh vực này với cùng ngày áp dụng."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="petitionfield_valid_to_after_from",
                violation_error_message=_("Ngày hết áp dụng không được trước ngày áp dụng."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("voters:petitionfield_detail", args=[self.pk])

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class VoterMeeting(TimeStampedModel):
    council_path = "term__council"

    class Timing(models.TextChoices):
        PRE_SESSION = "pre_session", _("Trước kỳ họp")
        POST_SESSION = "post_session", _("Sau kỳ họp")
        THEMATIC = "thematic", _("Theo chuyên đề")
        AD_HOC = "ad_hoc", _("Đột xuất, theo yêu cầu")

    SESSION_TIMINGS = (Timing.PRE_SESSION, Timing.POST_SESSION)

    term = models.ForeignKey(
        "council.Term",
        verbose_name=_("Nhiệm kỳ"),
        on_delete=models.PROTECT,
        related_name="voter_meetings",
    )
    timing = models.CharField(_("Hình thức tiếp xúc"), max_length=20, choices=Timing.choices)
    session = models.ForeignKey(
        "council_sessions.Session",
        verbose_name=_("Kỳ họp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="voter_meetings",
    )
    topic = models.CharField(_("Chuyên đề, nội dung"), max_length=300, blank=True)
    date = models.DateField(_("Ngày tiếp xúc"))
    location_unit = models.ForeignKey(
        "council.AdministrativeUnit",
        verbose_name=_("Xã, phường, thị trấn"),
        on_delete=models.PROTECT,
        related_name="voter_meetings",
    )
    venue = models.CharField(_("Địa điểm"), max_length=200, blank=True)
    delegate_group = models.ForeignKey(
        "council.DelegateGroup",
        verbose_name=_("Tổ đại biểu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="voter_meetings",
    )
    delegates = models.ManyToManyField(
        "council.Delegate",
        verbose_name=_("Đại biểu tham dự"),
        blank=True,
        related_name="voter_meetings",
    )
    co_organizer = models.ForeignKey(
        "council.Organization",
        verbose_name=_("Cơ quan phối hợp (UBMTTQ)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    voters_attended = models.PositiveIntegerField(_("Số cử tri tham dự"), default=0)
    minutes = models.FileField(
        _("Biên bản"), upload_to=minutes_upload_to, blank=True, max_length=200
    )
    notes = models.TextField(_("Ghi chú"), blank=True)

    class Meta:
        verbose_name = _("Cuộc tiếp xúc cử tri")
        verbose_name_plural = _("Tiếp xúc cử tri")
        ordering = ["-date", "pk"]
        indexes = [
            models.Index(fields=["date"]),
            # A term's meetings by date: the new petition form's choice of meeting, read through
            # a server-side cursor (Django's ModelChoiceIterator), which PostgreSQL plans to
            # return its first rows fast; without it that plan walked the date index across the
            # country's 30,141 meetings to find a term's (3,355 councils: 9.9 ms, 1 ms with one
            # province in the database).
            models.Index(fields=["term", "date"], name="meeting_term_date"),
        ]

    def __str__(self) -> str:
        return f"{self.get_timing_display()} {self.date:%d/%m/%Y}: {self.location_unit.name}"

    def get_absolute_url(self) -> str:
        return reverse("voters:votermeeting_detail", args=[self.pk])

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.date and self.location_unit_id and not self.location_unit.is_valid_on(self.date):
            errors["location_unit"] = _(
                "Đơn vị hành chính «%(unit)s» không còn hiệu lực (hoặc chưa có) vào ngày %(day)s."
            ) % {"unit": self.location_unit, "day": self.date.strftime("%d/%m/%Y")}
        if self.timing in self.SESSION_TIMINGS and not self.session_id:
            errors["session"] = _("Tiếp xúc trước hoặc sau kỳ họp phải ghi rõ kỳ họp nào.")
        if self.session_id and self.term_id and self.session.term_id != self.term_id:
            errors["session"] = _("Kỳ họp không thuộc nhiệm kỳ đã chọn.")
        if self.date and self.term_id and not self.term.contains(self.date):
            errors["date"] = _("Ngày tiếp xúc nằm ngoài nhiệm kỳ đã chọn.")
        if errors:
            raise ValidationError(errors)


class ForwardingBatch(TimeStampedModel):
    """One dispatch letter (công văn) forwarding a list of petitions to UBND tỉnh or another
    body."""

    council_path = "term__council"

    term = models.ForeignKey(
        "council.Term",
        verbose_name=_("Nhiệm kỳ"),
        on_delete=models.PROTECT,
        related_name="forwarding_batches",
    )
    session = models.ForeignKey(
        "council_sessions.Session",
        verbose_name=_("Kiến nghị trước và sau kỳ họp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="forwarding_batches",
    )
    recipient = models.ForeignKey(
        "council.Organization",
        verbose_name=_("Nơi nhận"),
        on_delete=models.PROTECT,
        related_name="forwarding_batches",
    )
    number = models.CharField(_("Số công văn"), max_length=60)
    date = models.DateField(_("Ngày công văn"))
    subject = models.CharField(_("Trích yếu"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("Công văn chuyển kiến nghị")
        verbose_name_plural = _("Công văn chuyển kiến nghị")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "number", "date"],
                name="forwardingbatch_unique_number",
                violation_error_message=_("Đã có công văn mang số này trong ngày này."),
            ),
        ]

    def __str__(self) -> str:
        return _("Công văn số %(number)s ngày %(day)s gửi %(to)s") % {
            "number": self.number,
            "day": self.date.strftime("%d/%m/%Y"),
            "to": self.recipient,
        }

    def get_absolute_url(self) -> str:
        return reverse("voters:forwardingbatch_detail", args=[self.pk])


class VoterPetition(TimeStampedModel):
    council_path = "term__council"

    class Level(models.TextChoices):
        CENTRAL = "central", _("Trung ương")
        PROVINCE = "province", _("Tỉnh")
        DISTRICT = "district", _("Huyện")
        COMMUNE = "commune", _("Xã")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Mới tiếp nhận")
        COMPILED = "compiled", _("Đã tổng hợp")
        FORWARDED = "forwarded", _("Đã chuyển, chờ trả lời")
        ANSWERED = "answered", _("Đã trả lời")
        RESOLVED = "resolved", _("Đã giải quyết")
        IN_PROGRESS = "in_progress", _("Đang giải quyết")
        ROADMAP = "roadmap", _("Có lộ trình giải quyết")
        EXPLAINED = "explained", _("Đã giải thích, thông tin")
        NOT_RESOLVED = "not_resolved", _("Chưa giải quyết")
        CENTRAL_AUTHORITY = "central_authority", _("Thuộc thẩm quyền Trung ương")
        LOCAL_LOWER_LEVEL = "local_lower_level", _("Thuộc thẩm quyền cấp huyện, xã")

    OUTCOMES = (
        Status.RESOLVED,
        Status.IN_PROGRESS,
        Status.ROADMAP,
        Status.EXPLAINED,
        Status.NOT_RESOLVED,
        Status.CENTRAL_AUTHORITY,
        Status.LOCAL_LOWER_LEVEL,
    )
    ANSWERED_OR_LATER = (Status.ANSWERED, *OUTCOMES)
    FORWARDED_OR_LATER = (Status.FORWARDED, *ANSWERED_OR_LATER)
    AWAITING_FORWARDING = (Status.RECEIVED, Status.COMPILED)

    term = models.ForeignKey(
        "council.Term",
        verbose_name=_("Nhiệm kỳ"),
        on_delete=models.PROTECT,
        related_name="voter_petitions",
    )
    session = models.ForeignKey(
        "council_sessions.Session",
        verbose_name=_("Trước và sau kỳ họp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="voter_petitions",
    )
    meeting = models.ForeignKey(
        VoterMeeting,
        verbose_name=_("Cuộc tiếp xúc cử tri"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions",
    )
    received_date = models.DateField(_("Ngày tiếp nhận"))
    content = models.TextField(_("Nội dung ý kiến, kiến nghị"))
    instances = models.PositiveIntegerField(_("Số lượt"), default=1)
    field = models.ForeignKey(
        PetitionField,
        verbose_name=_("Lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions",
    )
    level = models.CharField(
        _("Thẩm quyền giải quyết"), max_length=20, choices=Level.choices, default=Level.PROVINCE
    )
    responsible_org = models.ForeignKey(
        "council.Organization",
        verbose_name=_("Cơ quan giải quyết"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="voter_petitions",
    )
    committee = models.ForeignKey(
        "council.Committee",
        verbose_name=_("Ban theo dõi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="voter_petitions",
    )
    status = models.CharField(
        _("Trạng thái"),
        max_length=30,
        choices=Status.choices,
        default=Status.RECEIVED,
        editable=False,
    )
    is_consolidated = models.BooleanField(_("Kiến nghị tổng hợp"), default=False, editable=False)
    consolidated_into = models.ForeignKey(
        "self",
        verbose_name=_("Đã gộp vào"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="originals",
        editable=False,
    )
    repeat_of = models.ForeignKey(
        "self",
        verbose_name=_("Kiến nghị lại của"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="repeats",
        help_text=_("Kiến nghị cũ đã được cử tri nêu ở kỳ họp trước."),
    )
    batch = models.ForeignKey(
        ForwardingBatch,
        verbose_name=_("Công văn chuyển"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions",
        editable=False,
    )
    answer_number = models.CharField(
        _("Số văn bản trả lời"), max_length=60, blank=True, editable=False
    )
    answer_date = models.DateField(_("Ngày trả lời"), null=True, blank=True, editable=False)
    answer_summary = models.TextField(_("Nội dung trả lời"), blank=True, editable=False)
    # Folded (lower case, no diacritics) content for search; filled by the service.
    search_text = models.TextField(editable=False, default="")
    # Fingerprint of an imported row (content + session + ...): importing a file twice
    # must not create the same petition twice.
    import_key = models.CharField(max_length=64, blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("Kiến nghị cử tri")
        verbose_name_plural = _("Kiến nghị cử tri")
        ordering = ["-received_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(instances__gte=1),
                name="petition_instances_positive",
                violation_error_message=_("Số lượt phải từ 1 trở lên."),
            ),
            models.CheckConstraint(
                condition=~Q(consolidated_into=F("pk")),
                name="petition_not_consolidated_into_self",
            ),
            models.UniqueConstraint(
                fields=["import_key"],
                condition=~Q(import_key=""),
                name="petition_unique_import_key",
                violation_error_message=_("Kiến nghị này đã được nhập từ tệp Excel trước đây."),
            ),
        ]
        indexes = [
            # The list's order (newest first, then id) read straight off the index, backwards:
            # page 1 and, reversed (core.paginators.TailFirstPaginator), the last page stop after
            # 25 rows instead of sorting. Year filters use it as well.
            models.Index(fields=["received_date", "id"], name="petition_received_id"),
            models.Index(fields=["status"]),
            # The forwarding-letter form's checklist (selectors.petitions_awaiting_forwarding,
            # a session's, in received order): a few hundred awaiting rows, where the session_id
            # index walks past every forwarded one (72,350 at B: 43 -> 3.5 ms).
            models.Index(
                fields=["session", "received_date", "id"],
                # The statuses of AWAITING_FORWARDING (not in scope here; a test compares them).
                condition=Q(consolidated_into__isnull=True, status__in=["received", "compiled"]),
                name="petition_awaiting_by_session",
            ),
            # The petitions awaiting forwarding of a council (its terms), newest first: the list
            # «Kiến nghị chờ chuyển» and its count. Without it, a commune's 50 petitions were
            # ANDed with the country's 18,941 awaiting ones of the status index (3,355 councils:
            # 4.4 ms a page, against 0.5 with one province in the database).
            models.Index(
                fields=["term", "received_date", "id"],
                condition=Q(consolidated_into__isnull=True, status__in=["received", "compiled"]),
                name="petition_awaiting_by_term",
            ),
            # The dashboard's overdue answers by recipient (overdue_petitions_by_recipient):
            # the forwarded petitions read off the index alone, not their rows scattered over the
            # table (the dashboard's "Cần chú ý" at B with the recommendations' index: 26 -> 14 ms).
            models.Index(
                fields=["batch"],
                include=["id", "instances", "term"],
                condition=Q(consolidated_into__isnull=True, status="forwarded"),
                name="petition_forwarded_by_batch",
            ),
            # A council's forwarded petitions with their letter (the voters' index page counts
            # those overdue): without it, a province's terms' 4,662 counted rows were read to
            # keep 470 forwarded (3,355 councils: 2.1-3.2 ms, 0.7 with one province).
            models.Index(
                fields=["term", "batch"],
                condition=Q(consolidated_into__isnull=True, status="forwarded"),
                name="petition_forwarded_by_term",
            ),
            # A term's counted lượt by year (the dashboard's trend): 9.5 -> 4.6 ms at B.
            models.Index(
                fields=["term"],
                include=["received_date", "instances"],
                condition=Q(consolidated_into__isnull=True),
                name="petition_counted_by_term",
            ),
            # A term's counted petitions of a year with their status (the communes' overview):
            # 24.7 -> about 1 ms with 34 provinces in the database (voters/0009).
            models.Index(
                fields=["term", "received_date"],
                include=["instances", "status"],
                condition=Q(consolidated_into__isnull=True),
                name="petition_counted_term_day",
            ),
        ]

    def __str__(self) -> str:
        text = self.content.strip().splitlines()[0] if self.content.strip() else ""
        return text if len(text) <= 80 else f"{text[:79]}…"

    def get_absolute_url(self) -> str:
        return reverse("voters:voterpetition_detail", args=[self.pk])

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if (
            self.level == self.Level.DISTRICT
            and self.received_date
            and self.received_date > DISTRICT_LEVEL_END
        ):
            errors["level"] = _(
                "Cấp huyện chỉ áp dụng cho kiến nghị tiếp nhận trước ngày 01/07/2025."
            )
        if self.session_id and self.term_id and self.session.term_id != self.term_id:
            errors["session"] = _("Kỳ họp không thuộc nhiệm kỳ đã chọn.")
        if self.meeting_id and self.term_id and self.meeting.term_id != self.term_id:
            errors["meeting"] = _("Cuộc tiếp xúc cử tri không thuộc nhiệm kỳ đã chọn.")
        org = self.responsible_org if self.responsible_org_id else None
        if org is not None and self.received_date and not org.is_valid_on(self.received_date):
            errors["responsible_org"] = _(
                "«%(org)s» không còn hoạt động vào ngày %(day)s (ngày tiếp nhận)."
            ) % {"org": org, "day": self.received_date.strftime("%d/%m/%Y")}
        if self.field_id and self.received_date and not self.field.is_valid_on(self.received_date):
            errors["field"] = _("Lĩnh vực «%(field)s» không áp dụng vào ngày %(day)s.") % {
                "field": self.field,
                "day": self.received_date.strftime("%d/%m/%Y"),
            }
        if self.repeat_of_id and self.pk and self.repeat_of_id == self.pk:
            errors["repeat_of"] = _("Kiến nghị không thể là kiến nghị lại của chính nó.")
        if self.instances is not None and self.instances < 1:
            errors["instances"] = _("Số lượt phải từ 1 trở lên.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_counted(self) -> bool:
        """Originals merged into a consolidated petition are not counted again."""
        return self.consolidated_into_id is None


class PetitionStatusChange(models.Model):
    """One step of a petition's workflow: who moved it, when, from what to what."""

    council_path = "petition__term__council"

    petition = models.ForeignKey(
        VoterPetition,
        verbose_name=_("Kiến nghị"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    from_status = models.CharField(
        _("Từ trạng thái"), max_length=30, choices=VoterPetition.Status.choices, blank=True
    )
    to_status = models.CharField(
        _("Sang trạng thái"), max_length=30, choices=VoterPetition.Status.choices
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("Thời điểm"), auto_now_add=True)
    note = models.CharField(_("Ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("Thay đổi trạng thái kiến nghị")
        verbose_name_plural = _("Lịch sử trạng thái kiến nghị")
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
