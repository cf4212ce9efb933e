"""Background jobs: a request row, a thin Celery task that carries only the row's id, and a
file at the end (a report's PDF, a session's zip, an invitation's PDF). The row, not the queue,
is the source of truth: it holds the status the pages poll, the error the user reads, and the
claim that makes a duplicate or redelivered task harmless.

Without a broker (CELERY_BROKER_URL empty: a laptop, `make run`) the settings make Celery run
tasks eagerly, so `job_enqueue` runs the very same task in-process and the row is done when
the request returns; no second code path."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar, TypeVar

from celery import Task
from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from kombu.exceptions import OperationalError as KombuOperationalError

logger = logging.getLogger(__name__)

# A request sent to the queue but not started after this long is sent again (duplicates are
# harmless: the run claims the row first). A run longer than the tasks' hard time limit (300 s)
# has died with its worker.
PENDING_RESEND_AFTER = dt.timedelta(minutes=10)
RUNNING_STALE_AFTER = dt.timedelta(minutes=15)
MAX_ATTEMPTS = 5
# kombu's retries when the broker does not answer: about a second, then the row says why.
RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5}


class BackgroundJob(models.Model):
    """The state of one job, shared by every kind; a subclass adds what it is about and what it
    produces (its file with its own upload_to, figures, counts)."""

    class Status(models.TextChoices):
        PENDING = "pending", gettext_lazy("Đang chờ")
        RUNNING = "running", gettext_lazy("Đang tạo")
        DONE = "done", gettext_lazy("Hoàn thành")
        FAILED = "failed", gettext_lazy("Lỗi")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Người yêu cầu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(gettext_lazy("Yêu cầu lúc"), default=timezone.now)
    status = models.CharField(
        gettext_lazy("Trạng thái"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(gettext_lazy("Số lần gửi vào hàng đợi"), default=0)
    queue_error = models.TextField(gettext_lazy("Lỗi hàng đợi"), blank=True)
    # The Celery task id that claimed the row. The broker delivers the same task id again only
    # when the worker that had it died before acknowledging (acks_late + reject_on_worker_lost),
    # so that delivery may take the row over at once instead of waiting for the sweeper.
    claimed_by = models.CharField(
        gettext_lazy("Tác vụ đang xử lý"), max_length=255, blank=True, editable=False
    )
    started_at = models.DateTimeField(gettext_lazy("Bắt đầu"), null=True, blank=True)
    finished_at = models.DateTimeField(gettext_lazy("Kết thúc"), null=True, blank=True)
    error = models.TextField(gettext_lazy("Lỗi"), blank=True)

    # Whether the run's time is kept on the row (a subclass then declares a `duration`
    # DurationField): the pages show how long a PDF took.
    timed: ClassVar[bool] = False

    class Meta:
        abstract = True
        ordering = ["-requested_at", "-pk"]

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING)

    @property
    def duration_seconds(self) -> float | None:
        duration = getattr(self, "duration", None)
        return duration.total_seconds() if isinstance(duration, dt.timedelta) else None


class ResentJob(BackgroundJob):
    """A job the sweeper (`jobs_requeue_stale`) sends again when the queue lost it: with the
    broker down it stays pending, with the reason, and is never lost. A plain BackgroundJob
    (a delegate's zip, asked for while they wait) fails at once instead, asking to retry."""

    last_enqueued_at = models.DateTimeField(
        gettext_lazy("Gửi hàng đợi lần cuối"), null=True, blank=True
    )

    class Meta(BackgroundJob.Meta):
        abstract = True


Job = TypeVar("Job", bound=BackgroundJob)


def job_enqueue(*, model: type[BackgroundJob], job_id: int, task: Task) -> bool:
    """Send `task(job_id)` to the broker (or run it at once without one). With the broker down,
    a ResentJob stays pending with the reason and the sweeper sends it again later; any other
    job is marked failed with a message asking the user to try again. Never a server error."""
    resent = issubclass(model, ResentJob)
    if resent:
        model.objects.filter(pk=job_id).update(last_enqueued_at=timezone.now())
    try:
        task.apply_async(args=[job_id], retry=True, retry_policy=RETRY_POLICY)
    except (KombuOperationalError, OSError) as exc:
        logger.warning("%s %s not enqueued, broker unreachable: %s", model.__name__, job_id, exc)
        # Shown to users: Vietnamese, with the technical class for the administrator; the full
        # text is in the log above.
        queue_error = f"Không kết nối được hàng đợi xử lý nền ({type(exc).__name__})."
        if resent:
            model.objects.filter(pk=job_id).update(queue_error=queue_error)
        else:
            model.objects.filter(pk=job_id, status=BackgroundJob.Status.PENDING).update(
                status=BackgroundJob.Status.FAILED,
                queue_error=queue_error,
                error=_("Hệ thống xử lý nền tạm thời không hoạt động. Vui lòng thử lại sau."),
                finished_at=timezone.now(),
            )
        return False
    model.objects.filter(pk=job_id, queue_error__gt="").update(queue_error="")
    return True


def job_enqueue_on_commit(*, job: BackgroundJob, task: Task) -> None:
    """Count the attempt and send the task once the caller's transaction commits, so that a
    worker never looks for a row it cannot see yet."""
    # Counted before sending: an eager run finishes inside apply_async itself.
    type(job).objects.filter(pk=job.pk).update(attempts=job.attempts + 1)
    transaction.on_commit(partial(job_enqueue, model=type(job), job_id=job.pk, task=task))


def job_claim(*, model: type[BackgroundJob], job_id: int, task_id: str = "") -> bool:
    """pending -> running as one conditional UPDATE: of two deliveries of the same job (a
    duplicate from the sweeper, a user's second click) exactly one runs it. A redelivery of the
    very task that claimed the row means its worker died mid-run: it takes the row over."""
    claimable = Q(status=BackgroundJob.Status.PENDING)
    if task_id:
        claimable |= Q(status=BackgroundJob.Status.RUNNING, claimed_by=task_id)
    return bool(
        model.objects.filter(claimable, pk=job_id).update(
            status=BackgroundJob.Status.RUNNING,
            started_at=timezone.now(),
            error="",
            claimed_by=task_id,
        )
    )


def job_run(
    *,
    model: type[Job],
    job_id: int,
    task_id: str = "",
    work: Callable[[Job], dict[str, Any]],
    failure: Callable[[Exception], str],
    queryset: models.QuerySet[Job] | None = None,
) -> bool:
    """Claim the job, run `work(job)` and record the outcome: done with the fields `work`
    returns (the file's name, figures, counts), or failed with `failure(exc)`. Returns True
    when this call did the work; a job already claimed elsewhere is left alone.

    Not atomic as a whole on purpose: the claim must be visible to other workers at once, and a
    failure must leave the row failed with its reason rather than roll back to pending."""
    if not job_claim(model=model, job_id=job_id, task_id=task_id):
        logger.info("%s %s already claimed; nothing to do.", model.__name__, job_id)
        return False
    job = (queryset if queryset is not None else model.objects.all()).get(pk=job_id)
    started = time.monotonic()

    def timing() -> dict[str, Any]:
        if not model.timed:
            return {"finished_at": timezone.now()}
        return {
            "finished_at": timezone.now(),
            "duration": dt.timedelta(seconds=time.monotonic() - started),
        }

    running = model.objects.filter(pk=job_id, status=BackgroundJob.Status.RUNNING)
    try:
        fields = work(job)
    except Exception as exc:
        # The boundary of a background job: whatever went wrong is written on the row so the
        # user sees it, instead of a task that silently vanished.
        logger.exception("%s %s failed", model.__name__, job_id)
        running.update(status=BackgroundJob.Status.FAILED, error=failure(exc), **timing())
        return False
    running.update(status=BackgroundJob.Status.DONE, **fields, **timing())
    return True


@dataclass(frozen=True)
class RequeueResult:
    requeued: tuple[int, ...]
    given_up: tuple[int, ...]


def jobs_requeue_stale(
    *,
    model: type[ResentJob],
    task: Task,
    given_up_error: Callable[[ResentJob], str],
    now: dt.datetime | None = None,
    pending_after: dt.timedelta = PENDING_RESEND_AFTER,
    running_after: dt.timedelta = RUNNING_STALE_AFTER,
    max_attempts: int = MAX_ATTEMPTS,
) -> RequeueResult:
    """Send again what the queue lost: pending jobs never (or long ago) sent, and running ones
    whose worker died. After `max_attempts` sends, mark the job failed with
    `given_up_error(job)`."""
    now = now or timezone.now()
    Status = BackgroundJob.Status
    stale = model.objects.filter(
        Q(status=Status.PENDING)
        & (Q(last_enqueued_at__isnull=True) | Q(last_enqueued_at__lt=now - pending_after))
        | Q(status=Status.RUNNING, started_at__lt=now - running_after)
    ).order_by("pk")
    requeued: list[int] = []
    given_up: list[int] = []
    for job in stale:
        if job.attempts >= max_attempts:
            updated = model.objects.filter(pk=job.pk, status=job.status).update(
                status=Status.FAILED, finished_at=now, error=given_up_error(job)
            )
            if updated:
                given_up.append(job.pk)
            continue
        with transaction.atomic():
            # A running row goes back to pending so that the next delivery may claim it.
            updated = model.objects.filter(pk=job.pk, status=job.status).update(
                status=Status.PENDING, started_at=None
            )
            if updated:
                job_enqueue_on_commit(job=job, task=task)
                requeued.append(job.pk)
    if requeued or given_up:
        logger.info("%s requeued %s, given up %s", model.__name__, requeued, given_up)
    return RequeueResult(requeued=tuple(requeued), given_up=tuple(given_up))
