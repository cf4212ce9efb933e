"""Celery tasks: thin adapters that take ids and call a service. State lives on the request rows
(ReportRequest, InvitationRequest: core.jobs), so results are ignored."""

from __future__ import annotations

from celery import shared_task

from reports.invitations import invitation_pdf_render, invitation_requests_requeue_stale
from reports.models import ReportRequest
from reports.services import annual_report_render, report_requests_requeue_stale
from reports.signals import report_ready

# The render claims its row with a conditional UPDATE, so a redelivery (acks_late after a lost
# worker) or a duplicate from the sweeper renders nothing twice.
RENDER_SOFT_TIME_LIMIT = 240
RENDER_TIME_LIMIT = 300


@shared_task(
    bind=True,
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=RENDER_SOFT_TIME_LIMIT,
    time_limit=RENDER_TIME_LIMIT,
)
def render_annual_report(self, request_id: int) -> None:
    if annual_report_render(request_id=request_id, task_id=self.request.id or ""):
        # Whoever listens (notifications tells whoever asked); send_robust logs a listener's
        # error instead of raising it, so it cannot fail the finished report.
        report_ready.send_robust(sender=ReportRequest, request_id=request_id)


@shared_task(
    bind=True,
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=RENDER_SOFT_TIME_LIMIT,
    time_limit=RENDER_TIME_LIMIT,
)
def render_invitation(self, request_id: int) -> None:
    invitation_pdf_render(request_id=request_id, task_id=self.request.id or "")


# The one sweeper of the app's renders (the beat schedule in config.settings.base names it).
@shared_task(ignore_result=True)
def requeue_stale_report_requests() -> None:
    report_requests_requeue_stale()
    invitation_requests_requeue_stale()
