# A case's document's number is its register entry's (0018, 0019): its own series, number and
# year go.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("voters", "0019_casedocuments_into_register"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="casedocument",
            name="casedocument_number_unique",
        ),
        migrations.RemoveField(
            model_name="casedocument",
            name="number",
        ),
        migrations.RemoveField(
            model_name="casedocument",
            name="series",
        ),
        migrations.RemoveField(
            model_name="casedocument",
            name="year",
        ),
        migrations.RemoveField(
            model_name="historicalcasedocument",
            name="number",
        ),
        migrations.RemoveField(
            model_name="historicalcasedocument",
            name="series",
        ),
        migrations.RemoveField(
            model_name="historicalcasedocument",
            name="year",
        ),
    ]
