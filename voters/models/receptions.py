"""Citizen reception (tiếp công dân)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel


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
