"""The default reminder rules (notifications.services.DEFAULT_RULES, copied: a migration must
not depend on code that changes later). Administrators adjust them afterwards."""

from django.db import migrations

RULES = {
    "recommendation_deadline": {"days_before": "7, 2", "on_the_day": True, "weekly_overdue": True},
    "petition_answer_overdue": {"weekly_overdue": True},
    "case_deadline": {"days_before": "3", "on_the_day": True, "weekly_overdue": True},
    "report_ready": {"delivery": "immediate"},
    "import_finished": {"email": False, "delivery": "immediate"},
}


def seed(apps, schema_editor):
    NotificationRule = apps.get_model("notifications", "NotificationRule")
    for event, values in RULES.items():
        NotificationRule.objects.get_or_create(event=event, defaults=values)


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
