"""The open-data API's own data: the tokens of trusted systems (issue 24).

Everything the API serves is read from the other apps through their public selectors; the
only rows of its own are the tokens."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A key given to a trusted system (a council's website, a journalist's harvester). It
    gives a higher rate limit (settings.API_TOKEN_RATE), never more data: the API serves what
    the portal shows. Only the SHA-256 of the key is stored; the key is shown once, when the
    token is made (opendata.services.api_token_create)."""

    council = models.ForeignKey(
        "council.Council",
        verbose_name=_("HĐND cấp"),
        on_delete=models.PROTECT,
        related_name="api_tokens",
    )
    name = models.CharField(
        _("Tên hệ thống sử dụng"), max_length=150, help_text=_("Ví dụ: Cổng thông tin tỉnh")
    )
    # A random key of 256 bits needs no slow hash: nobody guesses a preimage of its SHA-256.
    key_hash = models.CharField(_("Mã băm của khóa"), max_length=64, unique=True, editable=False)
    # The key's first characters, to tell tokens apart in the admin without the key.
    key_prefix = models.CharField(_("Đầu khóa"), max_length=12, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người tạo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("Dùng lần cuối"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("Thu hồi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Khóa truy cập API")
        verbose_name_plural = _("Khóa truy cập API")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.key_prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


def key_hash(key: str) -> str:
    """What is stored of a key (ApiToken.key_hash)."""
    return hashlib.sha256(key.encode()).hexdigest()
