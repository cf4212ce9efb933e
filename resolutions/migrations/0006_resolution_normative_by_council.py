"""Issue 19: the province's review list of its communes' normative resolutions counts them by
council (resolutions.selectors.commune_normative_resolutions, reviews_awaiting_by_council).

Measured in a database of 34 provinces and 3,321 communes (bench/councils.py, hdnd_nat_all:
50,210 resolutions, 18,469 normative): the review list's COUNT read every normative resolution
of the country (seq scan, 15.6 ms; the list 20 / 30 ms median / p95 with one province in the
database, 45 / 57 ms with 34). With this index it reads the province's communes' 369 rows by
council, index only: 0.23 ms."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0005_resolution_review")]

    operations = [
        migrations.AddIndex(
            model_name="resolution",
            index=models.Index(
                fields=["council", "adopted_date", "id"],
                condition=models.Q(is_normative=True),
                name="resolution_normative_council",
            ),
        ),
    ]
