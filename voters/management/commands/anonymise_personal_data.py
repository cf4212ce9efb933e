"""manage.py anonymise_personal_data [--dry-run] [--council <id or name>] [--date dd/mm/yyyy]:
the weekly task's work (voters.tasks.anonymise_personal_data) run by hand, first as a dry run
that says what would be anonymised. Counts and ids only: never a citizen's name."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.periods import parse_day
from council.models import Council
from council.selectors import council_lookup
from voters.casework.retention import personal_data_anonymise
from voters.models import RetentionRule

LABELS = {
    **{c.value: str(c.label) for c in RetentionRule.Category},
    "letters": "Đơn thư",
    "visits": "Lượt tiếp công dân",
    "receptions": "Buổi tiếp công dân (danh sách công dân)",
}


class Command(BaseCommand):
    help = (
        "Ẩn danh thông tin cá nhân của các vụ việc đã kết thúc và sổ tiếp công dân đã quá thời "
        "hạn lưu (bảng thời hạn lưu dữ liệu cá nhân). Chạy thử trước với --dry-run."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Chỉ liệt kê những gì sẽ bị ẩn danh, không thay đổi dữ liệu.",
        )
        parser.add_argument(
            "--council",
            help="Mã số hoặc tên (đầy đủ hoặc viết tắt) của HĐND; mặc định: mọi HĐND.",
        )
        parser.add_argument(
            "--date",
            help="Tính thời hạn lưu đến ngày này (dd/mm/yyyy); mặc định: hôm nay.",
        )

    def handle(self, *args, **options) -> None:
        council = self._council(options.get("council"))
        today = timezone.localdate()
        if options.get("date"):
            try:
                today = parse_day(options["date"])
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        report = personal_data_anonymise(today=today, dry_run=options["dry_run"], council=council)
        scope = str(council) if council is not None else "mọi HĐND"
        verb = "Sẽ ẩn danh" if report.dry_run else "Đã ẩn danh"
        self.stdout.write(f"{verb} ({scope}, thời hạn lưu tính đến {today:%d/%m/%Y}):")
        for key, count in report.counts.items():
            ids = ", ".join(str(pk) for pk in report.ids[key])
            self.stdout.write(f"  {LABELS[key]}: {count}" + (f" (mã số {ids})" if ids else ""))
        for category in report.missing_rules:
            self.stdout.write(
                self.style.WARNING(
                    f"  Chưa có thời hạn lưu cho «{LABELS[category]}»: không ẩn danh loại này."
                )
            )
        if report.dry_run:
            self.stdout.write("Chạy thử: không có dữ liệu nào bị thay đổi.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Xong (nhật ký số {report.run_id})."))

    def _council(self, key: str | None) -> Council | None:
        if key is None or str(key).strip() == "":
            return None
        council = council_lookup(key=str(key))
        if council is None:
            known = "; ".join(f"{c.pk}: {c.name}" for c in Council.objects.order_by("pk"))
            raise CommandError(f"Không tìm thấy HĐND «{key}». Các HĐND đã khai báo: {known}.")
        return council
