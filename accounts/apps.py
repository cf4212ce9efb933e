from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Logins: roles' users, two-factor authentication, session limits, the security log."""

    name = "accounts"
    verbose_name = "Tài khoản và an ninh"

    def ready(self) -> None:
        from accounts import signals  # noqa: F401  (connects the security-log receivers)
