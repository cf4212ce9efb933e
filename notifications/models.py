"""Reminders and notifications (issue 23): the rules an administrator adjusts, the notifications
each user receives, their choices per rule and channel, and the bookkeeping of the mails sent.

A notification is about one item of another app (a recommendation, an agency's overdue
petitions, a case, a report request) through a (content type, id) pair: this app stands on
council and core, and only its rule evaluators (notifications/rules/) know the items."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel


class Event(models.TextChoices):
    """What a rule watches; each has its evaluator in notifications/rules/ (or is told as it
    happens: a signal of the app where it happens, received in notifications.receivers)."""

    RECOMMENDATION_DEADLINE = (
        "recommendation_deadline",
        _("Thời hạn thực hiện kiến nghị sau giám sát"),
    )
    PETITION_ANSWER_OVERDUE = "petition_answer_overdue", _("Kiến nghị cử tri quá hạn trả lời")
    CASE_DEADLINE = "case_deadline", _("Thời hạn giải quyết đơn khiếu nại, tố cáo")
    SESSION_DOCUMENTS_PUBLISHED = (
        "session_documents_published",
        _("Tài liệu kỳ họp được công bố cho đại biểu"),
    )
    QUESTION_REGISTRATION_CLOSING = (
        "question_registration_closing",
        _("Sắp hết hạn đăng ký chất vấn tại kỳ họp"),
    )
    REPORT_READY = "report_ready", _("Báo cáo đã tạo xong")
    IMPORT_FINISHED = "import_finished", _("Nhập dữ liệu từ Excel xong")


class Channel(models.TextChoices):
    IN_APP = "in_app", _("Trong ứng dụng")
    EMAIL = "email", _("Thư điện tử")


def parse_days(text: str) -> list[int]:
    """ "7, 2" -> [7, 2]: the days before a deadline a rule reminds on."""
    return sorted(
        {int(part) for part in text.replace(";", ",").split(",") if part.strip()}, reverse=True
    )


class NotificationRule(TimeStampedModel):
    """One rule per event, as data: when to remind (days before the deadline, on the day,
    weekly while overdue), by which channels unless a user chose otherwise, and whether mails go
    at once or in the daily digest. Seeded by migration 0002; administrators adjust it."""

    class Delivery(models.TextChoices):
        DIGEST = "digest", _("Gộp vào thư tổng hợp hằng ngày")
        IMMEDIATE = "immediate", _("Gửi thư ngay")

    event = models.CharField(_("Sự kiện"), max_length=40, choices=Event.choices, unique=True)
    days_before = models.CharField(
        _("Nhắc trước hạn (ngày)"),
        max_length=60,
        blank=True,
        help_text=_("Các số ngày trước hạn, cách nhau bằng dấu phẩy, ví dụ: 7, 2."),
    )
    on_the_day = models.BooleanField(_("Nhắc đúng ngày đến hạn"), default=False)
    weekly_overdue = models.BooleanField(_("Nhắc hằng tuần khi quá hạn"), default=False)
    in_app = models.BooleanField(_("Mặc định: thông báo trong ứng dụng"), default=True)
    email = models.BooleanField(_("Mặc định: gửi thư điện tử"), default=True)
    delivery = models.CharField(
        _("Cách gửi thư"), max_length=20, choices=Delivery.choices, default=Delivery.DIGEST
    )
    active = models.BooleanField(_("Đang áp dụng"), default=True)

    class Meta:
        verbose_name = _("Quy tắc nhắc việc")
        verbose_name_plural = _("Quy tắc nhắc việc")
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(self.get_event_display())

    def clean(self) -> None:
        try:
            days = parse_days(self.days_before)
        except ValueError:
            raise ValidationError(
                {"days_before": _("Ghi các số ngày, cách nhau bằng dấu phẩy, ví dụ: 7, 2.")}
            ) from None
        if any(day <= 0 or day > 366 for day in days):
            raise ValidationError({"days_before": _("Mỗi số ngày phải từ 1 đến 366.")})
        self.days_before = ", ".join(str(day) for day in days)

    @property
    def days(self) -> list[int]:
        return parse_days(self.days_before)

    def default_for(self, channel: str) -> bool:
        return self.in_app if channel == Channel.IN_APP else self.email


class Notification(models.Model):
    """One line a user is told: about one item, for one rule and one occurrence (the day a
    reminder falls due: N days before, the deadline, each week while overdue). The unique
    constraint, not the scan's care, makes a scan run twice or twice at once create one."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người nhận"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    rule = models.ForeignKey(
        NotificationRule, verbose_name=_("Quy tắc"), on_delete=models.CASCADE, related_name="+"
    )
    item_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    item_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("item_type", "item_id")
    due_date = models.DateField(_("Hạn"))
    occurrence = models.DateField(_("Ngày nhắc"))
    title = models.CharField(_("Nội dung"), max_length=400)
    url = models.CharField(_("Đường dẫn"), max_length=500)
    # Decided when the line is made, from the rule and the user's choices: a later change of
    # choice applies to the next lines, never takes back what was shown or sent.
    in_app = models.BooleanField(_("Hiện trong ứng dụng"), default=True)
    email = models.BooleanField(_("Gửi thư"), default=False)
    read_at = models.DateTimeField(_("Đã đọc lúc"), null=True, blank=True)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("Thông báo")
        verbose_name_plural = _("Thông báo")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "rule", "item_type", "item_id", "due_date", "occurrence"],
                name="notification_once_per_item_rule_occurrence",
            ),
        ]
        indexes = [
            # The bell: a user's unread lines shown in the app.
            models.Index(
                fields=["user"],
                condition=Q(read_at__isnull=True, in_app=True),
                name="notification_unread",
            ),
            models.Index(fields=["user", "-created_at"], name="notification_user_created"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.url

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    def is_overdue(self, today: dt.date) -> bool:
        return self.due_date < today


class NotificationPreference(models.Model):
    """A user's choice for one rule and one channel; without a row the rule's default holds."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    rule = models.ForeignKey(NotificationRule, on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(_("Kênh"), max_length=20, choices=Channel.choices)
    enabled = models.BooleanField(_("Nhận"), default=True)

    class Meta:
        verbose_name = _("Lựa chọn nhận thông báo")
        verbose_name_plural = _("Lựa chọn nhận thông báo")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "rule", "channel"], name="notificationpreference_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.rule} · {self.get_channel_display()}"


class Digest(models.Model):
    """The day's one mail of a user: unique per user and day, claimed before sending so two
    workers never both send it, and claimed again when a worker died before it was sent."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("Ngày"))
    claimed_at = models.DateTimeField(_("Nhận xử lý lúc"), null=True, blank=True)
    claim = models.CharField(max_length=36, blank=True)
    sent_at = models.DateTimeField(_("Đã gửi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Thư tổng hợp")
        verbose_name_plural = _("Thư tổng hợp")
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="digest_one_per_user_day"),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.day:%d/%m/%Y}"


class EmailDelivery(models.Model):
    """A notification's line in a mail: at most one per notification (one-to-one), so a line is
    sent once: in one digest, or alone when its rule says at once."""

    notification = models.OneToOneField(
        Notification, on_delete=models.CASCADE, related_name="delivery"
    )
    digest = models.ForeignKey(
        Digest, null=True, blank=True, on_delete=models.CASCADE, related_name="lines"
    )
    claim = models.CharField(max_length=36, blank=True)
    claimed_at = models.DateTimeField(_("Nhận xử lý lúc"), null=True, blank=True)
    sent_at = models.DateTimeField(_("Đã gửi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Dòng thư đã gửi")
        verbose_name_plural = _("Dòng thư đã gửi")
        indexes = [
            models.Index(
                fields=["claimed_at"], condition=Q(sent_at__isnull=True), name="delivery_unsent"
            )
        ]

    def __str__(self) -> str:
        return str(self.notification)
