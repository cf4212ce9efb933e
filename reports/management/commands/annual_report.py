"""manage.py annual_report --year 2019 --output report.pdf: the same request row and the same
rendering service as the "Tạo báo cáo" button, run synchronously."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from council.selectors import council_get_current
from reports.models import ReportRequest
from reports.services import annual_report_render, annual_report_request


class Command(BaseCommand):
    help = "Tạo báo cáo kết quả hoạt động năm của Thường trực HĐND (PDF)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--output", type=Path, help="Ghi thêm một bản PDF ra tệp này.")

    def handle(self, *args, **options) -> None:
        council = council_get_current()
        if council is None:
            raise CommandError("Chưa khai báo Hội đồng nhân dân.")
        try:
            request = annual_report_request(
                council=council, year=options["year"], user=None, enqueue=False
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
                f"Đã tạo báo cáo năm {options['year']} ({request.file.name}, "
                f"{request.duration_seconds:.1f} giây)."
            )
        )
