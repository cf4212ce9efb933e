from django.apps import AppConfig


class ResolutionsConfig(AppConfig):
    name = "resolutions"
    verbose_name = "Nghị quyết"

    def ready(self) -> None:
        from sessions import fragments

        fragments.register(template="resolutions/_session_resolutions.html", order=10)
