# An invitation's number is its register entry's (0008, 0009): its own number and year go.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0009_invitations_into_register"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="invitation",
            options={
                "ordering": ["-date", "-pk"],
                "verbose_name": "Giấy mời",
                "verbose_name_plural": "Giấy mời",
            },
        ),
        migrations.RemoveConstraint(
            model_name="invitation",
            name="invitation_unique_number_per_year",
        ),
        migrations.RemoveConstraint(
            model_name="invitation",
            name="invitation_number_positive",
        ),
        migrations.RemoveField(
            model_name="historicalinvitation",
            name="number",
        ),
        migrations.RemoveField(
            model_name="historicalinvitation",
            name="year",
        ),
        migrations.RemoveField(
            model_name="invitation",
            name="number",
        ),
        migrations.RemoveField(
            model_name="invitation",
            name="year",
        ),
    ]
