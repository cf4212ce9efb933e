from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor: building blocks every app uses (generic views, forms, filters, tables,
    paginators, exports, uploads, search, periods, roles), no records of the council."""

    name = "core"
    verbose_name = "Nền tảng chung"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from core.collation import register_on_sqlite
        from core.files import connect_file_cleanup

        # Before any connection opens: SQLite learns the Vietnamese collation of name columns.
        connection_created.connect(register_on_sqlite, dispatch_uid="core.collation")
        connect_file_cleanup()
