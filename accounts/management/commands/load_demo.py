"""Load the demo councils: the province's, then a few communes' after the reform (issue 19).
Each app may ship a `demo` module with `load(council=...)` for the province and/or
`load_commune(council=...)` for a commune; they run in INSTALLED_APPS order (council first), so
the council never imports the apps built on it.

`--council <id or name>` loads (or refreshes) one demo council only: the province's, or one of
the demo communes' (whose province must be there already); with `--with-users`, that council's
logins only."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from django.apps import AppConfig, apps
from django.core.management.base import BaseCommand, CommandError
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
        parser.add_argument(
            "--council",
            default=None,
            help=(
                "Chỉ nạp (hoặc nạp lại) một HĐND mẫu: mã số hoặc tên đầy đủ, tên ngắn, ví dụ "
                "«HĐND xã Lộc Bình»; HĐND cấp xã cần HĐND tỉnh đã được nạp."
            ),
        )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        with_users = options["with_users"]
        demos = _app_demos()
        key = options["council"]
        chosen = _chosen(key) if key is not None else None
        if chosen is None or chosen == council_demo.PROVINCE_NAME:
            province = council_demo.load()
            for config, demo in demos:
                if hasattr(demo, "load"):  # a room may have demo data of communes only
                    demo.load(council=province)
                self.stdout.write(f"  + {config.verbose_name}")
        else:
            # A commune's council belongs to the province's, which its data name (its
            # province's organisations, the province's review of its resolutions).
            province = Council.objects.filter(name=council_demo.PROVINCE_NAME).first()
            if province is None:
                raise CommandError(
                    f"Chưa có {council_demo.PROVINCE_SHORT_NAME}, HĐND cấp tỉnh của «{key}»: "
                    "hãy nạp nó trước (load_demo, hoặc load_demo --council "
                    f'"{council_demo.PROVINCE_SHORT_NAME}").'
                )
        specs = [
            spec
            for spec in council_demo.COMMUNES
            if chosen is None or council_demo.commune_names(spec)[0] == chosen
        ]
        communes = council_demo.load_communes(province=province, specs=specs)
        for commune in communes:
            for _config, demo in demos:
                if hasattr(demo, "load_commune"):
                    demo.load_commune(council=commune)
            self.stdout.write(f"  + {commune}")
        with_province = chosen in (None, council_demo.PROVINCE_NAME)
        loaded = [province, *communes] if with_province else communes
        if with_users:
            self._users(loaded)
        names = "; ".join(str(council) for council in loaded)
        self.stdout.write(self.style.SUCCESS(f"Đã nạp dữ liệu mẫu: {names}"))

    def _users(self, loaded: list[Council]) -> None:
        """The demo's logins of the councils just loaded: the province's one per role and a
        delegate, the first demo commune's staff member and a delegate."""
        lines = []
        for council in loaded:
            if council.name == council_demo.PROVINCE_NAME:
                lines += self._province_users(council)
                # The logins are made after the data: a room's demo may give them their records.
                for _config, demo in _app_demos():
                    if hasattr(demo, "users_loaded"):
                        demo.users_loaded(council=council)
                delegate_username = DELEGATE_USERS[0]
            elif council.name == council_demo.commune_names(council_demo.COMMUNES[0])[0]:
                username, role, full_name = COMMUNE_USER
                user_create_with_role(
                    username=username,
                    password=DEMO_PASSWORD,
                    role=role,
                    full_name=full_name,
                    council=council,
                )
                lines.append(f"  {username:<16} {role.value}  ({council})")
                delegate_username = DELEGATE_USERS[1]
            else:
                continue  # the other demo communes have no logins
            delegate = _demo_delegate(council)
            account = delegate_account_create(delegate=delegate, username=delegate_username)
            # Through the one-time link, as a delegate would set it.
            account_link_redeem(token=account.token, password=DEMO_PASSWORD)
            lines.append(
                f"  {delegate_username:<16} {Role.DELEGATE.value}  "
                f"({delegate.full_name}, {delegate.term.council.short_name})"
            )
        if not lines:
            self.stdout.write("Không có tài khoản mẫu nào của HĐND này.")
            return
        self.stdout.write(f"Tài khoản mẫu (mật khẩu: {DEMO_PASSWORD}):")
        for line in lines:
            self.stdout.write(line)

    def _province_users(self, council: Council) -> list[str]:
        committee = council.terms.get(roman="XVI").committees.get(code="kinh_te_ngan_sach")
        lines = []
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
            code = None
            if (
                role == Role.ADMIN
                and not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
            ):
                code = otp_enrolment_code_issue(user=user)
            extra = f"  mã đăng ký xác thực hai bước: {code}" if code else ""
            lines.append(f"  {username:<16} {role.value}{extra}")
        return lines


def _app_demos() -> list[tuple[AppConfig, ModuleType]]:
    """The `demo` modules of the apps built on the council, in INSTALLED_APPS order."""
    demos = []
    for config in apps.get_app_configs():
        if config.name == "council" or not module_has_submodule(config.module, "demo"):
            continue
        demos.append((config, import_module(f"{config.name}.demo")))
    return demos


def _chosen(key: str) -> str:
    """The full name of the demo council `key` names (an id, or a full or short name in any
    case), or a CommandError that lists the demo's councils."""
    names = [(council_demo.PROVINCE_NAME, council_demo.PROVINCE_SHORT_NAME)] + [
        council_demo.commune_names(spec) for spec in council_demo.COMMUNES
    ]
    wanted = key.strip()
    if wanted.isdigit():  # a council already loaded, by id
        council = Council.objects.filter(pk=int(wanted)).first()
        wanted = council.name if council is not None else ""
    for name, short_name in names:
        if wanted.casefold() in (name.casefold(), short_name.casefold()):
            return name
    listed = ", ".join(f"«{short_name}»" for _name, short_name in names)
    raise CommandError(f"«{key}» không phải HĐND trong dữ liệu mẫu. Các HĐND mẫu: {listed}.")


def _demo_delegate(council: Council) -> Delegate:
    """A serving delegate of the council's latest term that has delegates, not its chair."""
    return (
        Delegate.objects.filter(term__council=council, status=Delegate.Status.ACTIVE)
        .exclude(positions__role=Position.Role.CHAIR)
        .select_related("term__council")
        .order_by("-term__start_date", "full_name", "pk")
        .first()
    )
