"""Sessions (kỳ họp) of the council."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from council.models import TimeStampedModel

# Luật 47/2019/QH14 renamed "kỳ họp bất thường" to "kỳ họp chuyên đề ..." from this day.
THEMATIC_RENAMING_DATE = dt.date(2020, 7, 1)


class Session(TimeStampedModel):
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
