"""Record that a council was formed from others (two provinces merged on 01/07/2025): the
new council's logins may then look at the old councils' history (accounts.councils). An
installation's administrator runs it once, when the merged council is set up."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from council.models import Council
from council.selectors import council_lookup


class Command(BaseCommand):
    help = "Ghi nhận HĐND được hình thành từ các HĐND cũ (hợp nhất tỉnh), để tra cứu lịch sử."

    def add_arguments(self, parser) -> None:
        parser.add_argument("council", help="HĐND mới: id, tên đầy đủ hoặc tên viết tắt.")
        parser.add_argument(
            "predecessors", nargs="+", help="Các HĐND cũ: id, tên đầy đủ hoặc tên viết tắt."
        )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        council = self._council(options["council"])
        olds = [self._council(key) for key in options["predecessors"]]
        for old in olds:
            if old == council or old.parent_id is not None or council.parent_id is not None:
                raise CommandError(
                    f"«{old}» không thể là HĐND cũ của «{council}»: chỉ ghi nhận giữa các HĐND "
                    "cấp tỉnh, khác nhau."
                )
        council.predecessors.add(*olds)
        names = ", ".join(str(old) for old in olds)
        self.stdout.write(self.style.SUCCESS(f"{council} được hình thành từ: {names}."))

    def _council(self, key: str) -> Council:
        council = council_lookup(key=key)
        if council is None:
            raise CommandError(f"Không tìm thấy HĐND «{key}» (hoặc có nhiều hơn một).")
        return council
