"""manage.py generate_data --years N --scale K --seed S: synthetic years in a council of their
own, for benchmarks (issue 8); with --provinces N --communes-per-province M (or --communes T)
--commune-scale F, many provinces with their commune councils in one database (issue 19);
--council X fills an existing council. A thin wrapper: the generator is bench/generator.py."""

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
            "--council",
            default=None,
            help="Sinh vào một HĐND đã có (mã số hoặc tên); HĐND cấp xã được sinh như cấp xã.",
        )
        parser.add_argument(
            "--provinces",
            type=int,
            default=None,
            help="Số HĐND tỉnh (issue 19): tỉnh thứ nhất là HĐND của lần chạy không có tùy chọn này.",
        )
        parser.add_argument(
            "--communes-per-province", type=int, default=0, help="Số HĐND cấp xã của mỗi tỉnh."
        )
        parser.add_argument(
            "--communes",
            type=int,
            default=None,
            help="Tổng số HĐND cấp xã, chia đều cho các tỉnh (ví dụ 3321).",
        )
        parser.add_argument(
            "--commune-scale",
            type=float,
            default=0.02,
            help="Quy mô một xã so với một tỉnh (mặc định 0.02 = 1/50).",
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
                council=options["council"],
                allow_existing=options["allow_existing"],
                provinces=options["provinces"],
                communes_per_province=options["communes_per_province"],
                communes=options["communes"],
                commune_scale=options["commune_scale"],
                log=self.stdout.write if verbosity > 1 else None,
            )
        except (GeneratorRefused, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        if verbosity:
            for name, count in result.counts.items():
                self.stdout.write(f"  {name}: {count:,}".replace(",", "."))
            if result.councils > 1:
                self.stdout.write(
                    f"  councils: {result.councils} ({len(result.commune_ids)} communes); "
                    "counts above: the first province's"
                )
            self.stdout.write(
                self.style.SUCCESS(
                    f"Đã sinh {result.first_year}–{result.last_year} cho «{result.council_name}» "
                    f"trong {result.seconds:.1f} giây."
                )
            )
