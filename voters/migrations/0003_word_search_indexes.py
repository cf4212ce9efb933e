# Whole-word search (core.search) on the two big text-searched tables of the voters app:
# a GIN index over the words of the folded text instead of the trigram index.

import core.migration_ops
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('voters', '0002_list_order_indexes'),
    ]

    operations = [
        core.migration_ops.words_index(
            table='voters_voterpetition',
            column='search_text',
            name='voters_petition_search_words',
            replaces='voters_petition_search_trgm',
        ),
        core.migration_ops.words_index(
            table='voters_letter',
            column='search_text',
            name='voters_letter_search_words',
            replaces='voters_letter_search_trgm',
        ),
    ]
