"""Citizens' letters (đơn thư): complaints, denunciations, petitions and feedback."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel


class Letter(TimeStampedModel):
    """A citizen's letter (đơn thư). Sender fields are personal data: only secretariat staff
    and administrators ever see them (core.roles.can_view_personal_data)."""

    council_path = "term__council"

    class Kind(models.TextChoices):
        COMPLAINT = "complaint", _("Khiếu nại")
        DENUNCIATION = "denunciation", _("Tố cáo")
        PETITION_FEEDBACK = "petition_feedback", _("Kiến nghị, phản ánh")

    class Handling(models.TextChoices):
        FORWARDED = "forwarded", _("Chuyển cơ quan có thẩm quyền")
        GUIDED = "guided", _("Hướng dẫn công dân")
        MONITORED = "monitored", _("Theo dõi, đôn đốc")
        FILED = "filed", _("Lưu đơn")

    PERSONAL_FIELDS = ("sender_name", "sender_address", "sender_phone", "sender_id_number")

    term = models.ForeignKey(
        "council.Term", verbose_name=_("Nhiệm kỳ"), on_delete=models.PROTECT, related_name="letters"
    )
    received_date = models.DateField(_("Ngày nhận đơn"))
    kind = models.CharField(_("Loại đơn"), max_length=30, choices=Kind.choices)
    summary = models.TextField(_("Tóm tắt nội dung"))
    classification = models.CharField(_("Lĩnh vực, phân loại"), max_length=200, blank=True)
    eligible = models.BooleanField(_("Đủ điều kiện xử lý"), default=True)
    handling = models.CharField(
        _("Hướng xử lý"), max_length=20, choices=Handling.choices, blank=True
    )
    forwarded_to = models.ForeignKey(
        "council.Organization",
        verbose_name=_("Chuyển đến"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    forwarded_date = models.DateField(_("Ngày chuyển"), null=True, blank=True)
    result = models.TextField(_("Kết quả giải quyết"), blank=True)
    sender_name = models.CharField(_("Họ tên người gửi"), max_length=150, blank=True)
    sender_address = models.CharField(_("Địa chỉ người gửi"), max_length=300, blank=True)
    sender_phone = models.CharField(_("Số điện thoại"), max_length=30, blank=True)
    sender_id_number = models.CharField(_("Số CCCD/CMND"), max_length=20, blank=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("Đơn thư")
        verbose_name_plural = _("Đơn thư")
        ordering = ["-received_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(forwarded_date__isnull=True)
                | Q(forwarded_date__gte=F("received_date")),
                name="letter_forwarded_after_received",
                violation_error_message=_("Ngày chuyển đơn không được trước ngày nhận đơn."),
            ),
        ]
        # The list's order, as for petitions.
        indexes = [models.Index(fields=["received_date", "id"], name="letter_received_id")]

    def __str__(self) -> str:
        return _("Đơn %(kind)s nhận ngày %(day)s") % {
            "kind": self.get_kind_display().lower(),
            "day": self.received_date.strftime("%d/%m/%Y"),
        }

    def get_absolute_url(self) -> str:
        return reverse("voters:letter_detail", args=[self.pk])

    def clean(self) -> None:
        if self.forwarded_to_id and not self.forwarded_date:
            raise ValidationError({"forwarded_date": _("Ghi ngày chuyển đơn.")})
