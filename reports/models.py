"""The reports of the Standing Committee: the narrative edited per report (a period's activity
report, or a session's petitions report), and every request to render one as a PDF (kept, with
its status, so no request is ever lost)."""

from __future__ import annotations

import datetime as dt

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.jobs import ResentJob
from core.models import TimeStampedModel
from core.periods import Period, PeriodKind
from core.text import fold
from council.models import Council


class AnnualReport(TimeStampedModel):
    """A report of the Standing Committee, only the parts people write; figures are never
    stored here, they come from the data when the PDF is rendered.

    Two documents share the model, the form and the request → task → PDF path:
    - "Báo cáo kết quả hoạt động" of a period: a year (hence the model's name, and its URL
      /bao-cao/nam/<year>/), the first 6 or 9 months, the second half, a term, or any range of
      days, one report per council and range;
    - "Báo cáo kết quả giám sát việc giải quyết ý kiến, kiến nghị của cử tri gửi đến kỳ họp thứ
      N": the petitions of one session, one report per session."""

    council_path = "council"

    class Kind(models.TextChoices):
        YEAR = PeriodKind.YEAR.value, PeriodKind.YEAR.label
        FIRST_MONTHS = PeriodKind.FIRST_MONTHS.value, PeriodKind.FIRST_MONTHS.label
        SECOND_HALF = PeriodKind.SECOND_HALF.value, PeriodKind.SECOND_HALF.label
        TERM = PeriodKind.TERM.value, PeriodKind.TERM.label
        CUSTOM = PeriodKind.CUSTOM.value, PeriodKind.CUSTOM.label
        SESSION_PETITIONS = "session_petitions", _("Kiến nghị của cử tri gửi đến kỳ họp")

    class Authority(models.TextChoices):
        ON_BEHALF = "TM. THƯỜNG TRỰC HĐND", _("TM. THƯỜNG TRỰC HĐND")
        FOR_CHAIR = "KT. CHỦ TỊCH", _("KT. CHỦ TỊCH")

    class SignerTitle(models.TextChoices):
        CHAIR = "CHỦ TỊCH", _("CHỦ TỊCH")
        VICE_CHAIR = "PHÓ CHỦ TỊCH", _("PHÓ CHỦ TỊCH")

    council = models.ForeignKey(
        Council, verbose_name=_("HĐND"), on_delete=models.PROTECT, related_name="annual_reports"
    )
    kind = models.CharField(
        _("Loại báo cáo"), max_length=20, choices=Kind.choices, default=Kind.YEAR
    )
    # Set for a whole year's report only: the year its URL and its older rows are known by.
    year = models.PositiveSmallIntegerField(_("Năm"), null=True, blank=True)
    start_date = models.DateField(_("Từ ngày"), null=True, blank=True)
    end_date = models.DateField(_("Đến ngày"), null=True, blank=True)
    session = models.ForeignKey(
        "council_sessions.Session",
        verbose_name=_("Kỳ họp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
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
        verbose_name = _("Báo cáo của Thường trực HĐND")
        verbose_name_plural = _("Báo cáo của Thường trực HĐND")
        ordering = ["-end_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "start_date", "end_date"],
                name="annualreport_unique_period",
                violation_error_message=_("Kỳ báo cáo này đã có báo cáo."),
            ),
            models.UniqueConstraint(
                fields=["session"],
                name="annualreport_unique_session",
                violation_error_message=_("Kỳ họp này đã có báo cáo."),
            ),
            # A period's report has its two days and no session; a session's report the
            # session alone.
            models.CheckConstraint(
                condition=(
                    Q(kind="session_petitions")
                    & Q(session__isnull=False, start_date__isnull=True, end_date__isnull=True)
                )
                | (
                    ~Q(kind="session_petitions")
                    & Q(session__isnull=True, start_date__isnull=False, end_date__isnull=False)
                    & Q(end_date__gte=F("start_date"))
                ),
                name="annualreport_period_or_session",
                violation_error_message=_("Báo cáo phải có kỳ báo cáo hợp lệ hoặc một kỳ họp."),
            ),
            models.CheckConstraint(
                condition=(Q(kind="year") & Q(year__gte=1945) & Q(year__lte=2200))
                | (~Q(kind="year") & Q(year__isnull=True)),
                name="annualreport_year_of_yearly_report",
                violation_error_message=_("Năm không hợp lệ."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if self.kind == self.Kind.YEAR and self.year:
            return reverse("reports:annualreport_detail", args=[self.year])
        return reverse("reports:report_detail", args=[self.pk])

    @property
    def is_session_report(self) -> bool:
        return self.kind == self.Kind.SESSION_PETITIONS

    @property
    def period(self) -> Period | None:
        """The period a period's report covers (None for a session's report)."""
        if self.is_session_report or self.start_date is None or self.end_date is None:
            return None
        return Period(self.start_date, self.end_date, self.kind)

    @property
    def title(self) -> str:
        """ "Báo cáo kết quả hoạt động 6 tháng đầu năm 2019", as pages and file names say it."""
        period = self.period
        if period is not None:
            return f"Báo cáo kết quả hoạt động {period.label}"
        if self.session_id is not None:
            return (
                "Báo cáo kết quả giám sát việc giải quyết ý kiến, kiến nghị của cử tri gửi đến "
                f"kỳ họp thứ {self.session.number}"
            )
        return "Báo cáo"

    @property
    def short_title(self) -> str:
        """ "báo cáo năm 2019", "báo cáo kiến nghị cử tri gửi đến kỳ họp thứ 9": for messages."""
        period = self.period
        if period is not None:
            return f"báo cáo {period.label}"
        if self.session_id is not None:
            return f"báo cáo kiến nghị của cử tri gửi đến kỳ họp thứ {self.session.number}"
        return "báo cáo"

    @property
    def filing_year(self) -> int:
        """The year the report is filed under (its folder of PDFs)."""
        if self.end_date is not None:
            return self.end_date.year
        return self.session.start_date.year

    @property
    def file_stem(self) -> str:
        """ "bao-cao-ket-qua-hoat-dong-nam-2019": the title folded into a file name."""
        return slugify(fold(self.title))

    def dated(self, today: dt.date | None = None) -> dt.date:
        """The day the report bears: its own date, else the last day of its period (a report
        is written when its period is over), or today while the period runs; a session's
        report without a date, today."""
        today = today or timezone.localdate()
        if self.report_date is not None:
            return self.report_date
        period = self.period
        return min(period.end, today) if period is not None else today

    @property
    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


def report_upload_to(instance: ReportRequest, filename: str) -> str:
    """reports/<year>/<generated name>: the user never chooses a path on the server."""
    report = instance.annual_report
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return f"reports/{report.filing_year}/{report.file_stem}-{stamp}-{instance.pk}.pdf"


class ReportRequest(ResentJob):
    """One press of "Tạo báo cáo". The row is the task's state (core.jobs): the Celery task only
    carries its id, and every generated version stays listed."""

    council_path = "annual_report__council"
    timed = True

    annual_report = models.ForeignKey(
        AnnualReport,
        verbose_name=_("Báo cáo"),
        on_delete=models.PROTECT,
        related_name="requests",
    )
    duration = models.DurationField(_("Thời gian tạo"), null=True, blank=True)
    file = models.FileField(_("Tệp PDF"), upload_to=report_upload_to, blank=True, max_length=255)
    figures = models.JSONField(
        _("Số liệu tại thời điểm tạo"), default=dict, blank=True, encoder=DjangoJSONEncoder
    )

    class Meta(ResentJob.Meta):
        verbose_name = _("Yêu cầu tạo báo cáo")
        verbose_name_plural = _("Yêu cầu tạo báo cáo")
        indexes = [models.Index(fields=["status", "requested_at"])]

    def __str__(self) -> str:
        return f"{self.annual_report} ({self.requested_at:%d/%m/%Y %H:%M})"

    def get_absolute_url(self) -> str:
        return self.annual_report.get_absolute_url()

    # The row's status fragment and its file: templates/reports/_request_row.html serves every
    # kind of render through these two.
    def get_status_url(self) -> str:
        return reverse("reports:reportrequest_status", args=[self.pk])

    def get_download_url(self) -> str:
        return reverse("reports:reportrequest_download", args=[self.pk])


class Invitation(TimeStampedModel):
    """A giấy mời to a session, numbered in the council's outgoing register (sổ văn bản đi,
    series GM) when first saved, sent to the term's serving delegates (all of them, or those
    chosen) and to guests, each addressee getting a page of their own in the PDF."""

    council_path = "council"

    Authority = AnnualReport.Authority
    SignerTitle = AnnualReport.SignerTitle

    # Set from the session (Invitation.session.term.council) by the service: the numbering's
    # uniqueness needs the council on the row, a constraint cannot reach through a join.
    council = models.ForeignKey(
        Council, verbose_name=_("HĐND"), on_delete=models.PROTECT, related_name="invitations"
    )
    session = models.ForeignKey(
        "council_sessions.Session",
        verbose_name=_("Kỳ họp"),
        on_delete=models.PROTECT,
        related_name="invitations",
    )
    # The invitation's number: its entry in the register (series GM), given in the transaction
    # that first saves it (reports.invitations.invitation_save) and kept, as the register keeps
    # every number; cancelling it is the register's act, with a reason. No other number is
    # stored here: the entry's is the one printed.
    register_entry = models.OneToOneField(
        "documents.OutgoingDocument",
        verbose_name=_("Số trong sổ văn bản đi"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Only for an invitation numbered before the register existed whose number the register had
    # meanwhile given to another document (migration 0009 could not link it): the number and
    # symbol it was printed with, shown as "chưa vào sổ". Empty on every other row.
    printed_reference = models.CharField(
        _("Số, ký hiệu đã in (chưa vào sổ)"), max_length=40, blank=True, editable=False
    )
    # The document's date: the register entry's too, so it is fixed once numbered.
    date = models.DateField(_("Ngày giấy mời"))
    meeting_date = models.DateField(_("Ngày khai mạc"))
    meeting_time = models.TimeField(_("Giờ khai mạc"))
    meeting_place = models.CharField(_("Địa điểm"), max_length=300)
    notes = models.TextField(
        _("Đề nghị, lưu ý"),
        blank=True,
        help_text=_("Mang theo tài liệu, trang phục, … Mỗi dòng là một đoạn văn."),
    )
    all_delegates = models.BooleanField(
        _("Mời tất cả đại biểu đang hoạt động của nhiệm kỳ"), default=True
    )
    delegates = models.ManyToManyField(
        "council.Delegate",
        verbose_name=_("Đại biểu được mời"),
        blank=True,
        related_name="+",
        help_text=_("Chỉ dùng khi không mời tất cả đại biểu."),
    )
    guests = models.TextField(
        _("Khách mời"),
        blank=True,
        help_text=_("Mỗi dòng một nơi được mời, ví dụ: Đồng chí Bí thư Tỉnh ủy."),
    )
    signing_authority = models.CharField(
        _("Thẩm quyền ký"), max_length=40, choices=Authority.choices, default=Authority.ON_BEHALF
    )
    signer_title = models.CharField(
        _("Chức vụ người ký"), max_length=40, choices=SignerTitle.choices, default=SignerTitle.CHAIR
    )
    signer_name = models.CharField(_("Họ và tên người ký"), max_length=120, blank=True)
    recipients = models.TextField(
        _("Nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận; dòng cuối: Lưu: VT.")
    )

    class Meta:
        verbose_name = _("Giấy mời")
        verbose_name_plural = _("Giấy mời")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        if not self.reference:
            return str(_("Giấy mời (chưa vào sổ)"))
        return f"Giấy mời số {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("reports:invitation_detail", args=[self.pk])

    @property
    def reference(self) -> str:
        """The number and symbol as printed, the register's: "05/GM-HĐND" ("" before saving)."""
        if self.register_entry_id is not None:
            return self.register_entry.reference
        return self.printed_reference

    # What the PDF's templates call it.
    symbol = reference

    @property
    def is_registered(self) -> bool:
        return self.register_entry_id is not None

    @property
    def is_cancelled(self) -> bool:
        """Its number cancelled in the register (documents.services.document_cancel)."""
        return self.register_entry_id is not None and self.register_entry.is_cancelled

    @property
    def file_stem(self) -> str:
        """The files' name: giay-moi-05-2019 (by the register's number and year)."""
        if self.register_entry_id is not None:
            return f"giay-moi-{self.register_entry.number:02d}-{self.register_entry.year}"
        return f"giay-moi-{self.date.year}-{self.pk}"

    @property
    def guest_lines(self) -> list[str]:
        return [line.strip() for line in self.guests.splitlines() if line.strip()]

    @property
    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


def invitation_upload_to(instance: InvitationRequest, filename: str) -> str:
    """invitations/<year>/giay-moi-<number>-<year>-<stamp>-<pk>.pdf: a generated name."""
    invitation = instance.invitation
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return f"invitations/{invitation.date.year}/{invitation.file_stem}-{stamp}-{instance.pk}.pdf"


class InvitationRequest(ResentJob):
    """One press of "Tạo PDF" on an invitation: its pages (one an addressee) are rendered by the
    worker, as a report's (core.jobs), because 61 addressees took 47 s on a loaded 2-CPU
    server: far too long for a web request. Every version stays listed."""

    council_path = "invitation__council"
    timed = True

    invitation = models.ForeignKey(
        Invitation, verbose_name=_("Giấy mời"), on_delete=models.CASCADE, related_name="requests"
    )
    duration = models.DurationField(_("Thời gian tạo"), null=True, blank=True)
    # How many pages (addressees) the PDF holds, as it was rendered.
    addressee_count = models.PositiveIntegerField(_("Số nơi được mời"), default=0)
    file = models.FileField(
        _("Tệp PDF"), upload_to=invitation_upload_to, blank=True, max_length=255
    )

    class Meta(ResentJob.Meta):
        verbose_name = _("Yêu cầu tạo giấy mời")
        verbose_name_plural = _("Yêu cầu tạo giấy mời")
        indexes = [models.Index(fields=["status", "requested_at"])]

    def __str__(self) -> str:
        return f"{self.invitation} ({self.requested_at:%d/%m/%Y %H:%M})"

    def get_absolute_url(self) -> str:
        return self.invitation.get_absolute_url()

    def get_status_url(self) -> str:
        return reverse("reports:invitationrequest_status", args=[self.pk])

    def get_download_url(self) -> str:
        return reverse("reports:invitationrequest_download", args=[self.pk])
