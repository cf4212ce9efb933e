from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DelegatesConfig(AppConfig):
    """The delegates' room (issue 20): where a council's delegates log in to read a session's
    documents, register to speak and question, keep notes and see their own record, and where
    the secretariat makes their logins. A top floor beside reports: it reads the other apps and
    no app reads it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "delegates"
    verbose_name = _("Đại biểu")

    def ready(self) -> None:
        from sessions import fragments

        # The session page links to the queue and the chair's screen without naming them.
        fragments.register(template="delegates/_session_registrations_card.html", order=25)
