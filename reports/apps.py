from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Báo cáo, tổng hợp"

    def ready(self) -> None:
        from sessions import fragments

        fragments.register(template="reports/_session_petitions_report.html", order=20)
        fragments.register(template="reports/_session_invitations.html", order=30)
