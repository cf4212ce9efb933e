from __future__ import annotations

import getpass

from django.core.management.base import BaseCommand, CommandError

from council.models import Committee
from council.roles import ROLE_SLUGS
from council.services import user_create_with_role


class Command(BaseCommand):
    help = "Tạo (hoặc cập nhật) một tài khoản với một vai trò: admin, staff, leader, committee."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLE_SLUGS))
        parser.add_argument("--password", help="Bỏ trống để nhập từ bàn phím.")
        parser.add_argument("--full-name", default="")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--committee", type=int, help="Mã số (id) của Ban, bắt buộc với vai trò committee."
        )

    def handle(self, *args, **options) -> None:
        role = ROLE_SLUGS[options["role"]]
        committee = None
        if options["role"] == "committee":
            if not options["committee"]:
                raise CommandError("Vai trò Thành viên Ban cần --committee <id của Ban>.")
            try:
                committee = Committee.objects.get(pk=options["committee"])
            except Committee.DoesNotExist as exc:
                raise CommandError("Không tìm thấy Ban có id này.") from exc
        password = options["password"] or getpass.getpass("Mật khẩu: ")
        user = user_create_with_role(
            username=options["username"],
            password=password,
            role=role,
            full_name=options["full_name"],
            email=options["email"],
            committee=committee,
        )
        self.stdout.write(self.style.SUCCESS(f"Đã tạo tài khoản {user.username} ({role.value})."))
