from django.apps import AppConfig


class StandingConfig(AppConfig):
    name = "standing"
    label = "standing"
    verbose_name = "Thường trực HĐND"
