"""The channels a notification goes out by. A channel takes a user and the lines for them and
delivers them; what to send and whether it was sent once is the services' bookkeeping
(EmailDelivery, Digest), not the channel's. A text-message or chat-app sender plugs in as one
more class with the same `send` (and a Channel choice for users' preferences); none is built.

Mails carry only the lines' titles, deadlines and links: the titles are built by the rule
evaluators from numbers, subjects, agencies and dates, never a citizen's personal data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from notifications.models import Channel as ChannelCode
from notifications.models import Notification


class Channel(Protocol):
    code: str

    def send(self, user: Any, notifications: Sequence[Notification]) -> None:
        """Deliver the lines to the user; raise when they could not be delivered."""


class InAppChannel:
    """The notification centre: the rows themselves are the delivery (the bell, the list)."""

    code = ChannelCode.IN_APP

    def send(self, user: Any, notifications: Sequence[Notification]) -> None:
        return None


def absolute(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url if url.startswith("/") else url


def mail_body(user: Any, notifications: Sequence[Notification]) -> str:
    greeting = _("Kính gửi %(name)s,") % {"name": user.get_full_name() or user.username}
    lines = [greeting, "", _("Hệ thống nhắc việc của Văn phòng HĐND xin thông báo:"), ""]
    for number, notification in enumerate(notifications, start=1):
        lines.append(f"{number}. {notification.title}")
        lines.append(f"   {absolute(notification.url)}")
    lines += [
        "",
        _("Xem và đánh dấu đã đọc tại: %(url)s") % {"url": absolute(reverse("notifications:list"))},
        _("Chọn loại thông báo muốn nhận tại: %(url)s")
        % {"url": absolute(reverse("notifications:preferences"))},
        "",
        _("Thư này được gửi tự động, xin đừng trả lời."),
    ]
    return "\n".join(lines)


class EmailChannel:
    """Django's mail framework, to the SMTP server of the settings (the console without one):
    one mail for the lines given, a digest or a single line sent at once."""

    code = ChannelCode.EMAIL

    def __init__(self, *, digest: bool = True) -> None:
        self.digest = digest

    def subject(self, notifications: Sequence[Notification]) -> str:
        if self.digest:
            return ngettext(
                "[Văn phòng HĐND] Nhắc việc ngày %(day)s: %(n)s việc",
                "[Văn phòng HĐND] Nhắc việc ngày %(day)s: %(n)s việc",
                len(notifications),
            ) % {"day": timezone.localdate().strftime("%d/%m/%Y"), "n": len(notifications)}
        return "[Văn phòng HĐND] " + notifications[0].title[:150]

    def send(self, user: Any, notifications: Sequence[Notification]) -> None:
        if not notifications or not user.email:
            return
        EmailMessage(
            subject=self.subject(notifications),
            body=mail_body(user, notifications),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        ).send(fail_silently=False)
