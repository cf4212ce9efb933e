from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = "Hội đồng nhân dân"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from council import signals  # noqa: F401  (connects the security-log receivers)
        from council.collation import register_on_sqlite
        from council.files import connect_file_cleanup

        # Before any connection opens: SQLite learns the Vietnamese collation of name columns.
        connection_created.connect(register_on_sqlite, dispatch_uid="council.collation")
        connect_file_cleanup()
