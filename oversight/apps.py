from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = "Giám sát"

    def ready(self) -> None:
        from oversight import signals
        from sessions import fragments

        signals.connect()
        fragments.register(template="oversight/_session_questioning.html", order=30)
