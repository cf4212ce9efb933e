"""manage.py generate_data --years N --scale K --seed S: synthetic years in a council of their
own, for benchmarks (issue 8). A thin wrapper: the generator lives in bench/generator.py."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from bench.generator import GeneratorRefused, generate_data


class Command(BaseCommand):
    help = (
        "Sinh dữ liệu tổng hợp (giả lập) cho một HĐND riêng để đo hiệu năng: "
        "K=1 là một tỉnh điển hình mỗi năm."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--years", type=int, required=True, help="Số năm (N).")
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Hệ số quy mô K (cho phép số lẻ, ví dụ 0.05)."
        )
        parser.add_argument("--seed", type=int, default=1, help="Hạt giống ngẫu nhiên.")
        parser.add_argument("--start-year", type=int, default=None, help="Năm đầu tiên.")
        parser.add_argument(
            "--council-name",
            default=None,
            help="Tên HĐND (mặc định: «Hội đồng nhân dân tỉnh Tổng Hợp <seed>»).",
        )
        parser.add_argument(
            "--allow-existing",
            action="store_true",
            help="Cho phép thêm dữ liệu vào HĐND đã có dữ liệu.",
        )

    def handle(self, *args, **options) -> None:
        verbosity = options.get("verbosity", 1)
        try:
            result = generate_data(
                years=options["years"],
                scale=options["scale"],
                seed=options["seed"],
                start_year=options["start_year"],
                council_name=options["council_name"],
                allow_existing=options["allow_existing"],
                log=self.stdout.write if verbosity > 1 else None,
            )
        except (GeneratorRefused, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        if verbosity:
            for name, count in result.counts.items():
                self.stdout.write(f"  {name}: {count:,}".replace(",", "."))
            self.stdout.write(
                self.style.SUCCESS(
                    f"Đã sinh {result.first_year}–{result.last_year} cho «{result.council_name}» "
                    f"trong {result.seconds:.1f} giây."
                )
            )
