"""Load the demo councils: the province's, then a few communes' after the reform (issue 19).
Each app may ship a `demo` module with `load(council=...)` for the province and/or
`load_commune(council=...)` for a commune; they run in INSTALLED_APPS order (council first), so
the council never imports the apps built on it."""

from __future__ import annotations

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.services import (
    account_link_redeem,
    delegate_account_create,
    otp_enrolment_code_issue,
    user_create_with_role,
)
from core.roles import Role
from council import demo as council_demo
from council.models import Council, Delegate, Position

DEMO_PASSWORD = "demo-hdnd-2019"
DEMO_USERS = [
    ("quantri", Role.ADMIN, "Quản trị hệ thống"),
    ("chuyenvien", Role.STAFF, "Nguyễn Thị Chuyên Viên"),
    ("lanhdao", Role.LEADER, "Hoàng Văn Lãnh Đạo"),
    ("thanhvienban", Role.COMMITTEE_MEMBER, "Lương Văn Thành Viên"),
]
# A commune's staff: a login of the first demo commune's council.
COMMUNE_USER = ("canbo_locbinh", Role.STAFF, "Vi Thị Cán Bộ")
# Delegates' logins (issue 20): one of the province's latest term with delegates, one of the
# first commune's. A real term's logins are made on the page "Tài khoản đại biểu".
DELEGATE_USERS = ("daibieu", "daibieu_locbinh")


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu mẫu HĐND tỉnh Lạng Sơn và một số HĐND cấp xã sau sắp xếp "
        "(chạy lại không thay đổi gì)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--with-users", action="store_true", help="Tạo tài khoản mẫu cho mỗi vai trò."
        )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        council = council_demo.load()
        demos = []
        for config in apps.get_app_configs():
            if config.name == "council" or not module_has_submodule(config.module, "demo"):
                continue
            demo = import_module(f"{config.name}.demo")
            if hasattr(demo, "load"):  # a room may have demo data of communes only
                demo.load(council=council)
            demos.append(demo)
            self.stdout.write(f"  + {config.verbose_name}")
        communes = council_demo.load_communes(province=council)
        for commune in communes:
            for demo in demos:
                if hasattr(demo, "load_commune"):
                    demo.load_commune(council=commune)
            self.stdout.write(f"  + {commune}")
        if options["with_users"]:
            committee = council.terms.get(roman="XVI").committees.get(code="kinh_te_ngan_sach")
            enrolment_codes = {}
            for username, role, full_name in DEMO_USERS:
                user = user_create_with_role(
                    username=username,
                    password=DEMO_PASSWORD,
                    role=role,
                    full_name=full_name,
                    committee=committee if role == Role.COMMITTEE_MEMBER else None,
                )
                # The administrator must set up two-factor login, which needs this code (a new
                # one at each run, the older one revoked, until an authenticator is set up).
                if (
                    role == Role.ADMIN
                    and not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
                ):
                    enrolment_codes[username] = otp_enrolment_code_issue(user=user)
            username, role, full_name = COMMUNE_USER
            user_create_with_role(
                username=username,
                password=DEMO_PASSWORD,
                role=role,
                full_name=full_name,
                council=communes[0],
            )
            delegates = [_demo_delegate(council), _demo_delegate(communes[0])]
            for username, delegate in zip(DELEGATE_USERS, delegates, strict=True):
                account = delegate_account_create(delegate=delegate, username=username)
                # Through the one-time link, as a delegate would set it.
                account_link_redeem(token=account.token, password=DEMO_PASSWORD)
            self.stdout.write(f"Tài khoản mẫu (mật khẩu: {DEMO_PASSWORD}):")
            for username, role, _ in DEMO_USERS:
                code = enrolment_codes.get(username)
                extra = f"  mã đăng ký xác thực hai bước: {code}" if code else ""
                self.stdout.write(f"  {username:<16} {role.value}{extra}")
            username, role, _ = COMMUNE_USER
            self.stdout.write(f"  {username:<16} {role.value}  ({communes[0]})")
            for username, delegate in zip(DELEGATE_USERS, delegates, strict=True):
                council_name = delegate.term.council.short_name
                self.stdout.write(
                    f"  {username:<16} {Role.DELEGATE.value}  ({delegate.full_name}, {council_name})"
                )
        names = ", ".join(c.short_name for c in communes)
        self.stdout.write(self.style.SUCCESS(f"Đã nạp dữ liệu mẫu: {council}; {names}"))


def _demo_delegate(council: Council) -> Delegate:
    """A serving delegate of the council's latest term that has delegates, not its chair."""
    return (
        Delegate.objects.filter(term__council=council, status=Delegate.Status.ACTIVE)
        .exclude(positions__role=Position.Role.CHAIR)
        .select_related("term__council")
        .order_by("-term__start_date", "full_name", "pk")
        .first()
    )
