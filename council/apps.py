from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = "Hội đồng nhân dân"

    def ready(self) -> None:
        from council import signals  # noqa: F401  (connects the security-log receivers)
        from council.cache import connect_data_signals
        from council.files import connect_file_cleanup
        from council.tables import remember_render_signatures

        connect_data_signals()
        connect_file_cleanup()
        remember_render_signatures()
