from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = "Giám sát"

    def ready(self) -> None:
        from oversight import signals

        signals.connect()
