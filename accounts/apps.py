from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Logins: roles' users, two-factor authentication, session limits, the security log."""

    name = "accounts"
    verbose_name = "Tài khoản và an ninh"

    def ready(self) -> None:
        from accounts import signals  # noqa: F401  (connects the security-log receivers)
        from accounts.councils import request_council_of
        from core.scoping import COUNCIL_OF_REQUEST

        # Every page's rows are those of the login's council, or of one it chose to look at.
        COUNCIL_OF_REQUEST[:] = [request_council_of]
