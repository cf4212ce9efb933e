"""The year-end report of the Standing Committee: the narrative edited per year, and every
request to render it as a PDF (kept, with its status, so no request is ever lost)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from council.models import Council, TimeStampedModel


class AnnualReport(TimeStampedModel):
    """Báo cáo kết quả hoạt động năm của Thường trực HĐND: only the parts people write.
    Figures are never stored here; they come from the data when the PDF is rendered."""

    class Authority(models.TextChoices):
        ON_BEHALF = "TM. THƯỜNG TRỰC HĐND", _("TM. THƯỜNG TRỰC HĐND")
        FOR_CHAIR = "KT. CHỦ TỊCH", _("KT. CHỦ TỊCH")

    class SignerTitle(models.TextChoices):
        CHAIR = "CHỦ TỊCH", _("CHỦ TỊCH")
        VICE_CHAIR = "PHÓ CHỦ TỊCH", _("PHÓ CHỦ TỊCH")

    council = models.ForeignKey(
        Council, verbose_name=_("HĐND"), on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    number = models.CharField(
        _("Số báo cáo"), max_length=20, blank=True, help_text=_("Chỉ ghi số, ví dụ: 125")
    )
    report_date = models.DateField(_("Ngày báo cáo"), null=True, blank=True)
    place_date_override = models.CharField(
        _("Dòng địa danh, ngày tháng (ghi đè)"),
        max_length=200,
        blank=True,
        help_text=_("Bỏ trống để tạo tự động từ địa danh và ngày báo cáo."),
    )
    assessment = models.TextField(_("II. Đánh giá chung"), blank=True)
    next_year_tasks = models.TextField(_("III. Phương hướng, nhiệm vụ năm tới"), blank=True)
    other_work = models.TextField(_("6. Công tác khác"), blank=True)
    signing_authority = models.CharField(
        _("Thẩm quyền ký"),
        max_length=40,
        choices=Authority.choices,
        default=Authority.ON_BEHALF,
    )
    signer_title = models.CharField(
        _("Chức vụ người ký"),
        max_length=40,
        choices=SignerTitle.choices,
        default=SignerTitle.CHAIR,
    )
    signer_name = models.CharField(_("Họ và tên người ký"), max_length=120, blank=True)
    recipients = models.TextField(
        _("Nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận; dòng cuối: Lưu: VT.")
    )

    class Meta:
        verbose_name = _("Báo cáo kết quả hoạt động năm")
        verbose_name_plural = _("Báo cáo kết quả hoạt động năm")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "year"],
                name="annualreport_unique_year",
                violation_error_message=_("Năm này đã có báo cáo."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1945) & Q(year__lte=2200),
                name="annualreport_year_plausible",
                violation_error_message=_("Năm không hợp lệ."),
            ),
        ]

    def __str__(self) -> str:
        return f"Báo cáo kết quả hoạt động năm {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("reports:annualreport_detail", args=[self.year])

    @property
    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


def report_upload_to(instance: ReportRequest, filename: str) -> str:
    """reports/<year>/<generated name>: the user never chooses a path on the server."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return f"reports/{instance.annual_report.year}/bao-cao-{instance.annual_report.year}-{stamp}-{instance.pk}.pdf"


class ReportRequest(models.Model):
    """One press of "Tạo báo cáo". The row is the task's state: the Celery task only carries
    its id, and every generated version stays listed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ")
        RUNNING = "running", _("Đang tạo")
        DONE = "done", _("Hoàn thành")
        FAILED = "failed", _("Lỗi")

    annual_report = models.ForeignKey(
        AnnualReport,
        verbose_name=_("Báo cáo"),
        on_delete=models.PROTECT,
        related_name="requests",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người yêu cầu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("Yêu cầu lúc"), default=timezone.now)
    status = models.CharField(
        _("Trạng thái"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("Số lần gửi vào hàng đợi"), default=0)
    last_enqueued_at = models.DateTimeField(_("Gửi hàng đợi lần cuối"), null=True, blank=True)
    queue_error = models.TextField(_("Lỗi hàng đợi"), blank=True)
    # The Celery task id that claimed the row. The broker delivers the same task id again only
    # when the worker that had it died before acknowledging (acks_late + reject_on_worker_lost),
    # so that delivery may take the row over at once instead of waiting for the sweeper.
    claimed_by = models.CharField(
        _("Tác vụ đang xử lý"), max_length=255, blank=True, editable=False
    )
    started_at = models.DateTimeField(_("Bắt đầu"), null=True, blank=True)
    finished_at = models.DateTimeField(_("Kết thúc"), null=True, blank=True)
    duration = models.DurationField(_("Thời gian tạo"), null=True, blank=True)
    error = models.TextField(_("Lỗi"), blank=True)
    file = models.FileField(_("Tệp PDF"), upload_to=report_upload_to, blank=True, max_length=255)
    figures = models.JSONField(
        _("Số liệu tại thời điểm tạo"), default=dict, blank=True, encoder=DjangoJSONEncoder
    )

    class Meta:
        verbose_name = _("Yêu cầu tạo báo cáo")
        verbose_name_plural = _("Yêu cầu tạo báo cáo")
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["status", "requested_at"])]

    def __str__(self) -> str:
        return f"{self.annual_report} ({self.requested_at:%d/%m/%Y %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("reports:annualreport_detail", args=[self.annual_report.year])

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING)

    @property
    def duration_seconds(self) -> float | None:
        return self.duration.total_seconds() if isinstance(self.duration, dt.timedelta) else None
