"""manage.py annual_report [--council <id or name>] (--year 2019 | --from 01/01/2019 --to
30/09/2019) [--output report.pdf]: the same request row and the same rendering service as the
"Tạo báo cáo" button, run synchronously, for any council of the installation and any period."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from core.periods import Period, parse_day
from council.models import Council
from council.selectors import council_lookup, province_council
from reports.models import ReportRequest
from reports.services import annual_report_render, period_report_request


class Command(BaseCommand):
    help = (
        "Tạo báo cáo kết quả hoạt động của Thường trực HĐND (PDF) cho một năm (--year) "
        "hoặc một kỳ bất kỳ (--from, --to)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--council",
            help="Mã số hoặc tên (đầy đủ hoặc viết tắt) của HĐND; mặc định: HĐND đầu tiên.",
        )
        parser.add_argument("--year", type=int, help="Báo cáo cả năm.")
        parser.add_argument(
            "--from", dest="date_from", help="Từ ngày (dd/mm/yyyy hoặc yyyy-mm-dd)."
        )
        parser.add_argument("--to", dest="date_to", help="Đến ngày (dd/mm/yyyy hoặc yyyy-mm-dd).")
        parser.add_argument("--output", type=Path, help="Ghi thêm một bản PDF ra tệp này.")

    def handle(self, *args, **options) -> None:
        council = self._council(options.get("council"))
        period = self._period(options)
        try:
            request = period_report_request(
                council=council, period=period, user=None, enqueue=False
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        annual_report_render(request_id=request.pk)
        request.refresh_from_db()
        if request.status != ReportRequest.Status.DONE:
            raise CommandError(f"Không tạo được báo cáo: {request.error}")
        if options["output"]:
            # call_command() passes the option as given, without the parser's type.
            output = Path(options["output"])
            with request.file.open("rb") as source:
                output.write_bytes(source.read())
            self.stdout.write(f"Đã ghi {output}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã tạo báo cáo {period.label} của {council} ({request.file.name}, "
                f"{request.duration_seconds:.1f} giây)."
            )
        )

    def _council(self, key: str | None) -> Council:
        if key is None or str(key).strip() == "":
            council = province_council()
            if council is None:
                raise CommandError("Chưa khai báo Hội đồng nhân dân.")
            return council
        council = council_lookup(key=str(key))
        if council is None:
            known = "; ".join(f"{c.pk}: {c.name}" for c in Council.objects.order_by("pk"))
            raise CommandError(f"Không tìm thấy HĐND «{key}». Các HĐND đã khai báo: {known}.")
        return council

    def _period(self, options: dict) -> Period:
        year, start, end = options.get("year"), options.get("date_from"), options.get("date_to")
        if year is not None:
            if start or end:
                raise CommandError("Chọn --year hoặc --from/--to, không dùng cả hai.")
            return Period.year(int(year))
        if not (start and end):
            raise CommandError("Cần --year, hoặc cả --from và --to.")
        try:
            first, last = parse_day(str(start)), parse_day(str(end))
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if last < first:
            raise CommandError("Ngày kết thúc (--to) không được trước ngày bắt đầu (--from).")
        return Period.between(first, last)
