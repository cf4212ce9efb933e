"""Citizen reception (tiếp công dân)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from voters.models.letters import Letter


class CitizenReception(TimeStampedModel):
    """A citizen reception day (tiếp công dân). `visitors` is personal data."""

    council_path = "term__council"

    class Kind(models.TextChoices):
        REGULAR = "regular", _("Định kỳ")
        AD_HOC = "ad_hoc", _("Đột xuất")
        THEMATIC = "thematic", _("Theo vụ việc, chuyên đề")

    PERSONAL_FIELDS = ("visitors",)

    term = models.ForeignKey(
        "council.Term",
        verbose_name=_("Nhiệm kỳ"),
        on_delete=models.PROTECT,
        related_name="citizen_receptions",
    )
    date = models.DateField(_("Ngày tiếp"))
    host = models.CharField(_("Người chủ trì"), max_length=200)
    # The host when a delegate of the term: the reception then counts on their record (issue 20).
    host_delegate = models.ForeignKey(
        "council.Delegate",
        verbose_name=_("Đại biểu chủ trì"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="citizen_receptions_hosted",
        help_text=_("Chọn khi người chủ trì là đại biểu HĐND của nhiệm kỳ."),
    )
    kind = models.CharField(
        _("Hình thức"), max_length=20, choices=Kind.choices, default=Kind.REGULAR
    )
    location = models.CharField(_("Địa điểm"), max_length=200, blank=True)
    persons = models.PositiveIntegerField(_("Số lượt công dân"), default=0)
    cases = models.PositiveIntegerField(_("Số vụ việc"), default=0)
    group_cases = models.PositiveIntegerField(_("Số đoàn đông người"), default=0)
    summary = models.TextField(_("Nội dung chủ yếu"), blank=True)
    visitors = models.TextField(
        _("Họ tên, địa chỉ công dân"),
        blank=True,
        help_text=_("Thông tin cá nhân: chỉ chuyên viên Văn phòng và quản trị được xem."),
    )

    class Meta:
        verbose_name = _("Buổi tiếp công dân")
        verbose_name_plural = _("Tiếp công dân")
        ordering = ["-date", "-pk"]
        # The list (never cached: personal data) walks it from either end instead of sorting
        # every reception of the council (7.5 ms at 12,000).
        indexes = [models.Index(fields=["date", "id"], name="reception_date_id")]
        constraints = [
            models.CheckConstraint(
                condition=Q(group_cases__lte=F("cases")),
                name="reception_group_cases_within_cases",
                violation_error_message=_("Số đoàn đông người không vượt quá số vụ việc."),
            ),
        ]

    def __str__(self) -> str:
        return _("Tiếp công dân ngày %(day)s") % {"day": self.date.strftime("%d/%m/%Y")}

    def clean(self) -> None:
        super().clean()
        if self.host_delegate_id and self.term_id and self.host_delegate.term_id != self.term_id:
            raise ValidationError(
                {"host_delegate": _("Đại biểu chủ trì phải là đại biểu của nhiệm kỳ đã chọn.")}
            )

    def get_absolute_url(self) -> str:
        return reverse("voters:citizenreception_detail", args=[self.pk])


class ReceptionSchedule(TimeStampedModel):
    """One slot of the reception schedule (lịch tiếp công dân) of the chair, the Thường trực or
    delegates (Luật Tiếp công dân 2013 Điều 22: delegates receive citizens on the Thường trực's
    schedule). Published without personal data: it names officials, never citizens."""

    council_path = "council"

    class HostKind(models.TextChoices):
        CHAIR = "chair", _("Chủ tịch HĐND")
        STANDING = "standing", _("Thường trực HĐND")
        DELEGATE = "delegate", _("Đại biểu HĐND")
        COMMITTEE = "committee", _("Ban của HĐND")

    council = models.ForeignKey(
        "council.Council", verbose_name=_("HĐND"), on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField(_("Ngày tiếp"))
    start_time = models.TimeField(_("Từ giờ"))
    end_time = models.TimeField(_("Đến giờ"), null=True, blank=True)
    host_kind = models.CharField(_("Chủ trì"), max_length=20, choices=HostKind.choices)
    host = models.CharField(_("Người tiếp"), max_length=200)
    host_delegate = models.ForeignKey(
        "council.Delegate",
        verbose_name=_("Đại biểu tiếp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reception_slots",
    )
    location = models.CharField(_("Địa điểm"), max_length=200)
    note = models.CharField(_("Ghi chú"), max_length=300, blank=True)
    published = models.BooleanField(
        _("Công bố"), default=True, help_text=_("Hiện trên lịch tiếp công dân công khai.")
    )
    reception = models.OneToOneField(
        CitizenReception,
        verbose_name=_("Buổi tiếp đã diễn ra"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="schedule",
    )

    class Meta:
        verbose_name = _("Lịch tiếp công dân")
        verbose_name_plural = _("Lịch tiếp công dân")
        ordering = ["date", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(end_time__gt=F("start_time")),
                name="receptionschedule_end_after_start",
                violation_error_message=_("Giờ kết thúc phải sau giờ bắt đầu."),
            ),
        ]
        indexes = [models.Index(fields=["council", "date"], name="receptionschedule_council_day")]

    def __str__(self) -> str:
        return _("Lịch tiếp công dân ngày %(day)s, %(host)s") % {
            "day": self.date.strftime("%d/%m/%Y"),
            "host": self.host,
        }

    def get_absolute_url(self) -> str:
        return reverse("voters:receptionschedule_list")


class ReceptionVisit(TimeStampedModel):
    """One citizen's (or group's) matter at a reception (một lượt tiếp), the row of the
    register of reception (sổ tiếp công dân). The citizen's name, address and papers are
    personal data; when the matter is a denunciation they are as secret as a denunciator's
    letter (voters.casework.identity)."""

    council_path = "reception__term__council"

    PERSONAL_FIELDS = ("citizen_name", "citizen_address", "citizen_id_number")
    HISTORY_EXCLUDED_FIELDS = PERSONAL_FIELDS

    reception = models.ForeignKey(
        CitizenReception,
        verbose_name=_("Buổi tiếp"),
        on_delete=models.CASCADE,
        related_name="visits",
    )
    citizen_name = models.CharField(_("Họ tên công dân"), max_length=150, blank=True)
    citizen_address = models.CharField(_("Địa chỉ"), max_length=300, blank=True)
    citizen_id_number = models.CharField(_("Số CCCD/CMND"), max_length=20, blank=True)
    persons = models.PositiveSmallIntegerField(_("Số người"), default=1)
    kind = models.CharField(
        _("Loại vụ việc"),
        max_length=30,
        choices=[
            ("complaint", _("Khiếu nại")),
            ("denunciation", _("Tố cáo")),
            ("petition_feedback", _("Kiến nghị, phản ánh")),
        ],
    )
    content = models.TextField(_("Nội dung trình bày"))
    response = models.TextField(_("Ý kiến trả lời, hướng dẫn"), blank=True)
    case = models.ForeignKey(
        "voters.Case",
        verbose_name=_("Vụ việc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="visits",
    )
    letter = models.ForeignKey(
        "voters.Letter",
        verbose_name=_("Đơn nhận tại buổi tiếp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="visits",
    )
    anonymised_at = models.DateTimeField(_("Đã ẩn danh lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Lượt tiếp công dân")
        verbose_name_plural = _("Sổ tiếp công dân")
        ordering = ["reception__date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(persons__gte=1),
                name="receptionvisit_persons_positive",
                violation_error_message=_("Số người ít nhất là 1."),
            ),
        ]

    def __str__(self) -> str:
        return _("Lượt tiếp ngày %(day)s") % {"day": self.reception.date.strftime("%d/%m/%Y")}

    def get_absolute_url(self) -> str:
        return self.reception.get_absolute_url()

    @property
    def is_denunciation(self) -> bool:
        return self.kind == Letter.Kind.DENUNCIATION

    @property
    def is_group(self) -> bool:
        return self.persons >= 5
