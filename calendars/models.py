"""The private keys of the calendar feeds that are not public: a staff member's feed of their
council's internal calendar, a delegate's own calendar. The key is the whole credential of a
feed URL that a calendar app fetches without logging in."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CalendarToken(models.Model):
    """One private feed URL of a user. The key is kept as issued, not hashed: unlike a one-time
    link (accounts.AccountLink) the owner reads their feed URL again on «Lịch của tôi» whenever
    they add the calendar to another device. It is 256 random bits, so it cannot be guessed, and
    what it opens holds no citizen's personal data. A new key revokes the old one."""

    class Kind(models.TextChoices):
        INTERNAL = "internal", _("Lịch nội bộ của HĐND")
        DELEGATE = "delegate", _("Lịch của đại biểu")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người dùng"),
        on_delete=models.CASCADE,
        related_name="calendar_tokens",
    )
    kind = models.CharField(_("Loại lịch"), max_length=20, choices=Kind.choices)
    key = models.CharField(_("Mã"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("Cấp lúc"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("Dùng lần cuối"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("Thu hồi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Mã lịch riêng")
        verbose_name_plural = _("Mã lịch riêng")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"],
                condition=Q(revoked_at__isnull=True),
                name="calendartoken_one_active_per_user_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_kind_display()}"
