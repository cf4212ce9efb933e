from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Văn bản đi"

    def ready(self) -> None:
        from documents import signals

        signals.connect()
