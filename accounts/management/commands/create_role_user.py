from __future__ import annotations

import getpass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.services import otp_enrolment_code_issue, user_create_with_role
from core.roles import ROLE_SLUGS, Role
from council.models import Committee
from council.selectors import council_lookup


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
        parser.add_argument(
            "--council",
            help="HĐND của tài khoản: id, tên đầy đủ hoặc tên viết tắt. Bỏ trống: HĐND của Ban, "
            "hoặc HĐND cấp tỉnh.",
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
        council = None
        if options["council"]:
            council = council_lookup(key=options["council"])
            if council is None:
                raise CommandError(
                    f"Không tìm thấy HĐND «{options['council']}» (hoặc có nhiều hơn một)."
                )
            if committee is not None and committee.term.council_id != council.pk:
                raise CommandError("Ban đã chọn không thuộc HĐND này.")
        password = options["password"] or getpass.getpass("Mật khẩu: ")
        # The same rules as the web's password forms (AUTH_PASSWORD_VALIDATORS), checked against
        # the account's own name and e-mail, before anything is written.
        candidate = get_user_model()(
            username=options["username"], first_name=options["full_name"], email=options["email"]
        )
        try:
            validate_password(password, user=candidate)
        except ValidationError as exc:
            problems = "\n".join(f"  - {message}" for message in exc.messages)
            raise CommandError(f"Mật khẩu không đạt yêu cầu:\n{problems}") from exc
        user = user_create_with_role(
            username=options["username"],
            password=password,
            role=role,
            full_name=options["full_name"],
            email=options["email"],
            committee=committee,
            council=council,
        )
        self.stdout.write(self.style.SUCCESS(f"Đã tạo tài khoản {user.username} ({role.value})."))
        # Administrators must use two-factor login (accounts.security.OTPRequiredMiddleware), and
        # registering the authenticator needs this code, not only the password.
        if role == Role.ADMIN:
            code = otp_enrolment_code_issue(user=user)
            self.stdout.write(
                f"Mã đăng ký xác thực hai bước (dùng một lần, hết hạn sau "
                f"{settings.OTP_ENROLMENT_CODE_HOURS} giờ): {code}\n"
                "Trao mã này cho người dùng qua một kênh khác với kênh gửi mật khẩu; lần đăng nhập "
                "đầu tiên, trang thiết lập xác thực hai bước sẽ hỏi mã này."
            )
