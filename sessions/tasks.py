"""Celery tasks of the sessions app: thin adapters that take ids and call a service. State lives
on SessionDocumentsZip, so results are ignored."""

from __future__ import annotations

from celery import shared_task

from sessions.services import documents_zip_build


# The build claims its row with a conditional UPDATE, so a redelivery (acks_late after a lost
# worker) builds nothing twice.
@shared_task(
    bind=True,
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=240,
    time_limit=300,
)
def build_session_documents_zip(self, zip_id: int) -> None:
    documents_zip_build(zip_id=zip_id, task_id=self.request.id or "")
