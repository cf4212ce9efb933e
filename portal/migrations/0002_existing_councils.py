from django.db import migrations


def create_versions(apps, schema_editor):
    """A version for every council there is, so a first visit costs one query like the next."""
    Council = apps.get_model("council", "Council")
    PublicationVersion = apps.get_model("portal", "PublicationVersion")
    PublicationVersion.objects.bulk_create(
        [PublicationVersion(council_id=pk) for pk in Council.objects.values_list("pk", flat=True)],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [migrations.RunPython(create_versions, migrations.RunPython.noop)]
