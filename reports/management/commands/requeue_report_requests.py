"""Send again the report requests the queue lost (also run by Celery beat); for cron when beat
is not running."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from reports.services import report_requests_requeue_stale


class Command(BaseCommand):
    help = "Gửi lại vào hàng đợi các yêu cầu tạo báo cáo bị treo hoặc chưa được gửi."

    def handle(self, *args, **options) -> None:
        result = report_requests_requeue_stale()
        self.stdout.write(
            f"Gửi lại: {len(result.requeued)} yêu cầu; ngừng thử: {len(result.given_up)} yêu cầu."
        )
