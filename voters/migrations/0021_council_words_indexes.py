# Searches of petitions and letters are always a council's: the words index led by the term
# (core.migration_ops.council_words_index says why, with the numbers).

import core.migration_ops
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('voters', '0020_casedocument_drop_own_number'),
    ]

    operations = [
        core.migration_ops.council_words_index(
            table='voters_voterpetition',
            column='search_text',
            leading='term_id',
            name='voters_petition_term_words',
            replaces='voters_petition_search_words',
        ),
        core.migration_ops.council_words_index(
            table='voters_letter',
            column='search_text',
            leading='term_id',
            name='voters_letter_term_words',
            replaces='voters_letter_search_words',
        ),
    ]
