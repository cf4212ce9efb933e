"""manage.py api_token create --council <pk> --name "<system>" | revoke --id <pk> | list"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from council.models import Council
from opendata.models import ApiToken
from opendata.services import api_token_create, api_token_revoke


class Command(BaseCommand):
    help = "Tạo, thu hồi, liệt kê khóa truy cập API dữ liệu mở của hệ thống tin cậy."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Tạo khóa mới (khóa chỉ in ra một lần).")
        create.add_argument("--council", type=int, required=True, help="Khóa (pk) của HĐND.")
        create.add_argument("--name", required=True, help="Tên hệ thống dùng khóa.")
        revoke = sub.add_parser("revoke", help="Thu hồi một khóa.")
        revoke.add_argument("--id", type=int, required=True, help="Số (pk) của khóa.")
        sub.add_parser("list", help="Liệt kê các khóa.")

    def handle(self, *args, action: str, **options) -> None:
        if action == "create":
            council = Council.objects.filter(pk=options["council"]).first()
            if council is None:
                raise CommandError(f"Không có HĐND số {options['council']}.")
            token, key = api_token_create(council=council, name=options["name"])
            self.stdout.write(f"Đã tạo khóa số {token.pk} cho «{token.name}» ({council}).")
            self.stdout.write("Khóa (chỉ hiện lần này, hãy lưu lại):")
            self.stdout.write(key)
        elif action == "revoke":
            token = ApiToken.objects.filter(pk=options["id"]).first()
            if token is None:
                raise CommandError(f"Không có khóa số {options['id']}.")
            api_token_revoke(token=token)
            self.stdout.write(f"Đã thu hồi khóa số {token.pk} («{token.name}»).")
        else:
            for token in ApiToken.objects.select_related("council"):
                state = "thu hồi" if token.revoked_at else "đang dùng"
                self.stdout.write(
                    f"{token.pk}\t{token.key_prefix}…\t{token.name}\t{token.council}\t{state}"
                )
