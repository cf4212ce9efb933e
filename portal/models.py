"""One publication version per council: what the portal's caching keys on."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublicationVersion(models.Model):
    """The council's public pages as of `version`: bumped (portal.publication) after every
    commit that changes a row the portal shows, so a page cached under an older version is never
    served again and browsers' ETag / Last-Modified stop matching. `next_change_at`: the next
    moment the pages change by time alone (a public session document scheduled for
    publication), when the first request after it bumps the version."""

    council = models.OneToOneField(
        "council.Council",
        verbose_name=_("HĐND"),
        on_delete=models.CASCADE,
        related_name="publication_version",
    )
    version = models.PositiveIntegerField(_("Phiên bản"), default=1)
    changed_at = models.DateTimeField(_("Thay đổi lúc"), default=timezone.now)
    next_change_at = models.DateTimeField(_("Thay đổi kế tiếp theo lịch"), null=True, blank=True)

    class Meta:
        verbose_name = _("Phiên bản trang công khai")
        verbose_name_plural = _("Phiên bản trang công khai")

    def __str__(self) -> str:
        return f"{self.council_id}: {self.version}"
