from django.db import migrations

from core.migration_ops import trigram_index


class Migration(migrations.Migration):
    dependencies = [("oversight", "0001_initial")]

    operations = [
        trigram_index(
            table="oversight_oversightactivity",
            column="search_text",
            name="oversight_activity_search_trgm",
        ),
        trigram_index(
            table="oversight_oversightrecommendation",
            column="search_text",
            name="oversight_recommendation_search_trgm",
        ),
    ]
