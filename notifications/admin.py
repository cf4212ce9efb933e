from django.contrib import admin

from notifications.models import NotificationRule


@admin.register(NotificationRule)
class NotificationRuleAdmin(admin.ModelAdmin):
    """The rules are data an administrator adjusts: days before, weekly reminders, channels."""

    list_display = (
        "event",
        "days_before",
        "on_the_day",
        "weekly_overdue",
        "in_app",
        "email",
        "delivery",
        "active",
    )
    list_editable = ("active",)
    readonly_fields = ("event",)

    def has_add_permission(self, request) -> bool:
        return False  # one rule per event, seeded; an event without an evaluator does nothing

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
