from django.apps import AppConfig


class VotersConfig(AppConfig):
    name = "voters"
    verbose_name = "Cử tri, đơn thư"
