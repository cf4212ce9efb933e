"""Issue 19: the province's communes' overview (reports.selectors.commune_overview) sums each
commune's petitions of a year and their forwarded and answered parts
(voters.selectors.petition_counts_by_council): counted petitions of some terms, of a year, with
their status.

Measured in a database of 34 provinces and 3,321 communes (bench/councils.py, hdnd_nat_all:
494,754 petitions): that statement read the year's counted petitions of the whole country
(97,100 rows off petition_counted_figures, then joined to the 196 terms of the province's 98
communes): 24.7 ms, against 1.3 ms with one province in the database. With this index it reads
each term's rows of the year, index only: about 1 ms."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("voters", "0008_petition_counted_by_term")]

    operations = [
        migrations.AddIndex(
            model_name="voterpetition",
            index=models.Index(
                fields=["term", "received_date"],
                include=("instances", "status"),
                condition=models.Q(consolidated_into__isnull=True),
                name="petition_counted_term_day",
            ),
        ),
    ]
