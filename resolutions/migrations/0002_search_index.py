from django.db import migrations

from core.migration_ops import trigram_index


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0001_initial")]

    operations = [
        trigram_index(table="resolutions_resolution", column="search_text", name="resolution_search_trgm"),
    ]
