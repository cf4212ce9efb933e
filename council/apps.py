from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = "Hội đồng nhân dân"

    def ready(self) -> None:
        from core.filters import CHOICE_SCOPES
        from council.filters import scope_to_current_council

        # A list filter offers the current council's terms, sessions and Ban only.
        CHOICE_SCOPES.append(scope_to_current_council)
