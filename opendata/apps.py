from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "opendata"
    label = "opendata"
    verbose_name = "Dữ liệu mở"

    def ready(self) -> None:
        # Registers the token's OpenAPI security scheme with drf-spectacular.
        from opendata import schema  # noqa: F401
