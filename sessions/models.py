"""Sessions (kỳ họp) of the council."""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.jobs import BackgroundJob
from core.models import TimeStampedModel

# Luật 47/2019/QH14 renamed "kỳ họp bất thường" to "kỳ họp chuyên đề ..." from this day.
THEMATIC_RENAMING_DATE = dt.date(2020, 7, 1)


class Session(TimeStampedModel):
    council_path = "term__council"

    class Kind(models.TextChoices):
        REGULAR = "regular", _("Thường lệ")
        THEMATIC = "thematic", _("Chuyên đề / bất thường")

    class RegularSlot(models.TextChoices):
        FIRST = "first", _("Kỳ họp thứ nhất của nhiệm kỳ")
        MID_YEAR = "mid_year", _("Giữa năm")
        YEAR_END = "year_end", _("Cuối năm")
        OTHER = "other", _("Khác")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("Trực tiếp")
        ONLINE = "online", _("Trực tuyến")
        HYBRID = "hybrid", _("Trực tiếp kết hợp trực tuyến")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Dự kiến")
        IN_PROGRESS = "in_progress", _("Đang họp")
        CLOSED = "closed", _("Đã bế mạc")

    term = models.ForeignKey(
        "council.Term",
        verbose_name=_("Nhiệm kỳ"),
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    number = models.PositiveSmallIntegerField(_("Kỳ họp thứ"))
    kind = models.CharField(
        _("Loại kỳ họp"), max_length=20, choices=Kind.choices, default=Kind.REGULAR
    )
    regular_slot = models.CharField(
        _("Kỳ họp thường lệ"), max_length=20, choices=RegularSlot.choices, blank=True
    )
    start_date = models.DateField(_("Ngày khai mạc"))
    end_date = models.DateField(_("Ngày bế mạc"))
    venue = models.CharField(_("Địa điểm"), max_length=200, blank=True)
    format = models.CharField(
        _("Hình thức"), max_length=20, choices=Format.choices, default=Format.IN_PERSON
    )
    status = models.CharField(
        _("Trạng thái"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    notes = models.TextField(_("Ghi chú"), blank=True)
    question_registration_closes = models.DateTimeField(
        _("Hạn đăng ký chất vấn"),
        null=True,
        blank=True,
        help_text=_("Đại biểu được nhắc trước khi hết hạn đăng ký chất vấn."),
    )

    class Meta:
        verbose_name = _("Kỳ họp")
        verbose_name_plural = _("Kỳ họp")
        ordering = ["-start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "number"],
                name="session_unique_number_per_term",
                violation_error_message=_("Nhiệm kỳ này đã có kỳ họp mang số thứ tự này."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="session_end_not_before_start",
                violation_error_message=_("Ngày bế mạc không được trước ngày khai mạc."),
            ),
        ]
        indexes = [models.Index(fields=["start_date"])]

    def __str__(self) -> str:
        return f"Kỳ họp thứ {self.number} ({self.kind_label}), HĐND khóa {self.term.roman}"

    def get_absolute_url(self) -> str:
        return reverse("sessions:session_detail", args=[self.pk])

    @property
    def kind_label(self) -> str:
        return session_kind_label(self.kind, self.start_date)


def session_kind_label(kind: str, day: dt.date) -> str:
    """Era-aware wording: a non-regular session before 01/07/2020 is "bất thường"."""
    if kind == Session.Kind.REGULAR:
        return "thường lệ"
    return "bất thường" if day < THEMATIC_RENAMING_DATE else "chuyên đề"


def thematic_kind_labels(start: dt.date, end: dt.date) -> list[str]:
    """The words the law used for non-regular sessions from `start` to `end`, oldest first:
    ["bất thường"], ["chuyên đề"], or both for a span across 01/07/2020."""
    labels = []
    if start < THEMATIC_RENAMING_DATE:
        labels.append(session_kind_label(Session.Kind.THEMATIC, start))
    if end >= THEMATIC_RENAMING_DATE:
        labels.append(session_kind_label(Session.Kind.THEMATIC, end))
    return labels


def _agenda_upload_to(instance: AgendaItem, filename: str) -> str:
    # The stored name is generated: the uploader's file name never reaches the file system.
    from core.uploads import generated_name

    return generated_name(prefix="sessions/agenda", filename=filename)


class AgendaItem(TimeStampedModel):
    """A document the session considered: tờ trình, báo cáo or báo cáo thẩm tra of a Ban."""

    council_path = "session__term__council"

    class DocType(models.TextChoices):
        SUBMISSION = "submission", _("Tờ trình")
        REPORT = "report", _("Báo cáo")
        REVIEW_REPORT = "review_report", _("Báo cáo thẩm tra")
        DRAFT_RESOLUTION = "draft_resolution", _("Dự thảo nghị quyết")
        OTHER = "other", _("Khác")

    session = models.ForeignKey(
        Session, verbose_name=_("Kỳ họp"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    doc_type = models.CharField(
        _("Loại văn bản"), max_length=30, choices=DocType.choices, default=DocType.SUBMISSION
    )
    number_symbol = models.CharField(
        _("Số, ký hiệu"), max_length=60, blank=True, help_text=_("Ví dụ: 125/TTr-UBND")
    )
    doc_date = models.DateField(_("Ngày văn bản"), null=True, blank=True)
    title = models.CharField(_("Trích yếu"), max_length=500)
    issuer = models.ForeignKey(
        "council.Organization",
        verbose_name=_("Cơ quan ban hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewing_committee = models.ForeignKey(
        "council.Committee",
        verbose_name=_("Ban thẩm tra"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviewed_agenda_items",
    )
    attachment = models.FileField(
        _("Tệp đính kèm"), upload_to=_agenda_upload_to, blank=True, max_length=255
    )
    attachment_name = models.CharField(_("Tên tệp gốc"), max_length=255, blank=True, editable=False)

    class Meta:
        verbose_name = _("Nội dung kỳ họp")
        verbose_name_plural = _("Nội dung kỳ họp")
        ordering = ["session", "order", "pk"]

    def __str__(self) -> str:
        label = self.get_doc_type_display()
        if self.number_symbol:
            label = f"{label} số {self.number_symbol}"
        return f"{label}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("sessions:session_detail", args=[self.session_id]) + "#agenda"


class Attendance(TimeStampedModel):
    """One delegate at one session: present, absent or excused (entered in one bulk form)."""

    council_path = "session__term__council"

    class Status(models.TextChoices):
        PRESENT = "present", _("Có mặt")
        ABSENT = "absent", _("Vắng không lý do")
        EXCUSED = "excused", _("Vắng có lý do")

    session = models.ForeignKey(
        Session, verbose_name=_("Kỳ họp"), on_delete=models.CASCADE, related_name="attendances"
    )
    delegate = models.ForeignKey(
        "council.Delegate",
        verbose_name=_("Đại biểu"),
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    status = models.CharField(
        _("Tình trạng"), max_length=20, choices=Status.choices, default=Status.PRESENT
    )
    note = models.CharField(_("Ghi chú"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Điểm danh")
        verbose_name_plural = _("Điểm danh")
        ordering = ["session", "delegate__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "delegate"], name="attendance_unique_delegate_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.delegate}: {self.get_status_display()}"


# --- Session documents (tài liệu kỳ họp) for the delegates (issue 20) -------------------------


def _document_upload_to(instance: SessionDocument, filename: str) -> str:
    # Generated, like the agenda's attachments: the uploader's file name never reaches the disk.
    from core.uploads import generated_name

    return generated_name(prefix="sessions/documents", filename=filename, mime="application/pdf")


class SessionDocument(TimeStampedModel):
    """One version of a document the delegates read before and during a session.

    Replacing a document adds a row with the next `version` of the same `series`: the old row is
    kept (the secretariat can still open it, its read receipts stay), and delegates see the
    latest version already published. Nothing is shown to delegates before `published_at`; a
    time in the future schedules the publication."""

    council_path = "session__term__council"

    class Kind(models.TextChoices):
        SUBMISSION = "submission", _("Tờ trình")
        DRAFT_RESOLUTION = "draft_resolution", _("Dự thảo nghị quyết")
        REVIEW_REPORT = "review_report", _("Báo cáo thẩm tra")
        REPORT = "report", _("Báo cáo")
        OTHER = "other", _("Tài liệu khác")

    # Kept beside agenda_item so that a session's documents (the delegates' list, the zip) and
    # the council scoping are one join shorter; clean() keeps the two in agreement.
    session = models.ForeignKey(
        Session, verbose_name=_("Kỳ họp"), on_delete=models.CASCADE, related_name="documents"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("Nội dung kỳ họp"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    kind = models.CharField(
        _("Loại tài liệu"), max_length=30, choices=Kind.choices, default=Kind.SUBMISSION
    )
    title = models.CharField(_("Tên tài liệu"), max_length=500)
    order = models.PositiveSmallIntegerField(_("Thứ tự trong nội dung"), default=1)
    file = models.FileField(_("Tệp PDF"), upload_to=_document_upload_to, max_length=255)
    file_name = models.CharField(_("Tên tệp gốc"), max_length=255, blank=True, editable=False)
    file_size = models.PositiveIntegerField(_("Dung lượng (byte)"), default=0, editable=False)
    # Every version of one document shares its series; the number counts from 1.
    series = models.UUIDField(_("Chuỗi phiên bản"), default=uuid.uuid4, editable=False)
    version = models.PositiveSmallIntegerField(_("Phiên bản"), default=1, editable=False)
    replaced_at = models.DateTimeField(_("Bị thay thế lúc"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(
        _("Công bố cho đại biểu lúc"),
        null=True,
        blank=True,
        help_text=_("Để trống: chưa công bố. Một thời điểm sau này: hẹn giờ công bố."),
    )
    # Published to delegates is not public: the secretariat marks what guests and the public
    # may read on the portal (a published, latest version only).
    is_public = models.BooleanField(
        _("Công khai trên cổng thông tin"),
        default=False,
        help_text=_("Khách mời và người dân đọc được khi tài liệu đã công bố."),
    )

    class Meta:
        verbose_name = _("Tài liệu kỳ họp")
        verbose_name_plural = _("Tài liệu kỳ họp")
        ordering = ["agenda_item__order", "agenda_item_id", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "version"], name="sessiondocument_unique_version"
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1), name="sessiondocument_version_from_one"
            ),
        ]
        indexes = [models.Index(fields=["session", "published_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title} (phiên bản {self.version})"

    def get_absolute_url(self) -> str:
        return reverse("sessions:session_documents", args=[self.session_id]) + f"#tl-{self.pk}"

    def clean(self) -> None:
        super().clean()
        if (
            self.agenda_item_id
            and self.session_id
            and self.agenda_item.session_id != self.session_id
        ):
            raise ValidationError({"agenda_item": _("Nội dung này thuộc một kỳ họp khác.")})

    @property
    def is_replaced(self) -> bool:
        return self.replaced_at is not None

    def is_published(self, now: dt.datetime | None = None) -> bool:
        return self.published_at is not None and self.published_at <= (now or timezone.now())

    @property
    def publication_state(self) -> str:
        """ "draft" (no time set), "scheduled" (a time to come) or "published"."""
        if self.published_at is None:
            return "draft"
        return "published" if self.is_published() else "scheduled"


class DocumentRead(models.Model):
    """A delegate's read receipt of one document version: first and last opening, how often.
    No audit trail: it is itself the record."""

    council_path = "document__session__term__council"

    document = models.ForeignKey(
        SessionDocument, verbose_name=_("Tài liệu"), on_delete=models.CASCADE, related_name="reads"
    )
    delegate = models.ForeignKey(
        "council.Delegate",
        verbose_name=_("Đại biểu"),
        on_delete=models.CASCADE,
        related_name="document_reads",
    )
    first_opened_at = models.DateTimeField(_("Mở lần đầu"), default=timezone.now)
    last_opened_at = models.DateTimeField(_("Mở lần cuối"), default=timezone.now)
    open_count = models.PositiveIntegerField(_("Số lần mở"), default=1)

    class Meta:
        verbose_name = _("Lượt đọc tài liệu")
        verbose_name_plural = _("Lượt đọc tài liệu")
        ordering = ["document", "first_opened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "delegate"], name="documentread_unique_delegate"
            )
        ]

    def __str__(self) -> str:
        return f"{self.delegate_id} → {self.document_id}"


class DelegateNote(models.Model):
    """A delegate's private note on a document or an agenda item. Only its author reads it:
    no admin registration, no staff page, and no audit trail (the history tables are readable
    by administrators), so nobody else sees the text through the interface."""

    council_path = "delegate__term__council"

    delegate = models.ForeignKey(
        "council.Delegate",
        verbose_name=_("Đại biểu"),
        on_delete=models.CASCADE,
        related_name="notes",
    )
    document = models.ForeignKey(
        SessionDocument,
        verbose_name=_("Tài liệu"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notes",
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("Nội dung kỳ họp"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notes",
    )
    text = models.TextField(_("Ghi chú"), max_length=10000)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("Ghi chú riêng của đại biểu")
        verbose_name_plural = _("Ghi chú riêng của đại biểu")
        constraints = [
            models.CheckConstraint(
                condition=Q(document__isnull=True, agenda_item__isnull=False)
                | Q(document__isnull=False, agenda_item__isnull=True),
                name="delegatenote_one_target",
                violation_error_message=_("Ghi chú gắn với một tài liệu hoặc một nội dung."),
            ),
            models.UniqueConstraint(
                fields=["delegate", "document"],
                condition=Q(document__isnull=False),
                name="delegatenote_unique_document",
            ),
            models.UniqueConstraint(
                fields=["delegate", "agenda_item"],
                condition=Q(agenda_item__isnull=False),
                name="delegatenote_unique_agenda_item",
            ),
        ]

    def __str__(self) -> str:
        return f"Ghi chú #{self.pk}"


def _zip_upload_to(instance: SessionDocumentsZip, filename: str) -> str:
    return f"sessions/zips/{uuid.uuid4().hex}.zip"


class SessionDocumentsZip(BackgroundJob):
    """One request for a zip of a session's published documents, built by the worker. The row
    is the task's state (the task carries only its id), as reports.ReportRequest (core.jobs).
    Not resent by a sweeper: the delegate is waiting for it, so a broker outage fails it at once
    with a message to ask again."""

    council_path = "session__term__council"

    session = models.ForeignKey(
        Session, verbose_name=_("Kỳ họp"), on_delete=models.CASCADE, related_name="document_zips"
    )
    document_count = models.PositiveSmallIntegerField(_("Số tài liệu"), default=0)
    file = models.FileField(_("Tệp nén"), upload_to=_zip_upload_to, blank=True, max_length=255)

    class Meta(BackgroundJob.Meta):
        verbose_name = _("Yêu cầu nén tài liệu kỳ họp")
        verbose_name_plural = _("Yêu cầu nén tài liệu kỳ họp")

    def __str__(self) -> str:
        return f"{self.session_id} ({self.requested_at:%d/%m/%Y %H:%M})"
