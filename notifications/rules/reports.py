"""A report ready (reports.ReportRequest done), to whoever asked for it. The render task tells
them at once (reports.tasks -> services.notification_send); the scan catches what a worker
killed between the render and that call left untold, under the same unique key, so the
requester is told once either way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.models import NotificationRule
from notifications.recipients import Recipients
from notifications.rules import Candidate
from reports.models import ReportRequest

# How far back the scan looks for finished reports nobody was told about.
LOOK_BACK = dt.timedelta(days=2)


def report_ready_candidate(request: ReportRequest) -> Candidate | None:
    """The line telling the requester `request` is ready (None: nobody asked, or not done)."""
    if request.requested_by_id is None or request.status != ReportRequest.Status.DONE:
        return None
    finished = timezone.localdate(request.finished_at or timezone.now())
    return Candidate(
        user_ids=[request.requested_by_id],
        item=request,
        due_date=finished,
        occurrence=finished,
        title=_("Báo cáo «%(report)s» đã tạo xong, sẵn sàng tải về")
        % {"report": request.annual_report},
        url=request.get_absolute_url(),
    )


def describe_request(item: ReportRequest) -> Candidate | None:
    request = ReportRequest.objects.select_related("annual_report").filter(pk=item.pk).first()
    return report_ready_candidate(request) if request is not None else None


def reports_ready(
    *, rule: NotificationRule, today: dt.date, recipients: Recipients
) -> Iterator[Candidate]:
    since = timezone.now() - LOOK_BACK
    requests = ReportRequest.objects.filter(
        status=ReportRequest.Status.DONE, requested_by__isnull=False, finished_at__gte=since
    ).select_related("annual_report")
    for request in requests:
        candidate = report_ready_candidate(request)
        if candidate is not None:
            yield candidate
