"""What the apps below tell as it happens, received here (connected in apps.ready): they send
a signal of their own floor and know nothing of notifications.

- core.imports.import_finished: an import's rows written, to the user who ran it;
- reports.signals.report_ready: a report rendered, to whoever asked for it (the scan catches
  what a worker killed before the signal left untold, under the same unique key)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from notifications.models import Event
from notifications.services import notification_send, notification_send_quietly
from reports.models import ReportRequest


def import_finished_tell(
    sender: type, *, user: Any, item: Any, what: str, count: int, url: str, **kwargs: Any
) -> None:
    """One line to the user who ran the import (under its rule and their choices): what and
    how many, never a row's content (a letter's sender is a citizen)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return
    notification_send(
        event=Event.IMPORT_FINISHED,
        user_ids=[user.pk],
        item=item,
        title=_("Đã nhập xong từ tệp Excel: %(count)s %(what)s") % {"count": count, "what": what},
        url=url,
    )


def report_ready_tell(sender: type, *, request_id: int, **kwargs: Any) -> None:
    notification_send_quietly(event=Event.REPORT_READY, item=ReportRequest(pk=request_id))
