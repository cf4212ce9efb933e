from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    label = "notifications"
    verbose_name = "Thông báo, nhắc việc"

    def ready(self) -> None:
        # The signals of the floors below, told as they happen (notifications.receivers).
        from core.imports import import_finished
        from notifications import receivers
        from reports.signals import report_ready

        import_finished.connect(receivers.import_finished_tell, dispatch_uid="notifications-import")
        report_ready.connect(receivers.report_ready_tell, dispatch_uid="notifications-report")
