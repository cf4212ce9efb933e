"""`manage.py send_reminders`: the reminder scan and the due mails, for an installation without
a Celery broker (run it from cron, e.g. hourly); with a broker, beat runs the same service.
`--purge` deletes old notifications instead (daily from cron; beat's purge_notifications)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from notifications.services import notifications_purge, reminders_run


class Command(BaseCommand):
    help = "Quét hạn và gửi nhắc việc (thông báo trong ứng dụng, thư điện tử)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--digests",
            action="store_true",
            help="Gửi thư tổng hợp ngay, không chờ đến giờ NOTIFICATIONS_DIGEST_HOUR.",
        )
        parser.add_argument(
            "--purge",
            action="store_true",
            help=(
                "Chỉ xóa thông báo cũ: đã đọc quá NOTIFICATIONS_KEEP_DAYS ngày, "
                "chưa đọc quá gấp đôi số ngày đó."
            ),
        )

    def handle(self, *args, **options) -> None:
        if options["purge"]:
            purged = notifications_purge()
            self.stdout.write(
                f"Đã xóa thông báo đã đọc: {purged.read}; chưa đọc: {purged.unread}; "
                f"thư tổng hợp: {purged.digests}"
            )
            return
        run = reminders_run(digests=True if options["digests"] else None)
        self.stdout.write(
            f"Quy tắc: {run.scan.rules}; mục đến hạn: {run.scan.candidates}; "
            f"dòng thông báo: {run.scan.lines}; thư gửi ngay: {run.immediate}; "
            f"dòng thư tổng hợp: {run.digest_lines}"
        )
