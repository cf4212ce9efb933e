"""Word search over a folded text column (core.text.fold: lower case, no diacritics).

The biggest tables (a million petitions, hundreds of thousands of letters) are searched by whole
words: "duong" finds "đường" and "Đường", not "truong"; every word typed must be there, in any
order. On PostgreSQL a GIN index over the column's words (core.migration_ops.words_index; for
petitions and letters led by the term, council_words_index, so that a council reads only its
own entries of a common word) answers it: a trigram index must read the postings of every
three-letter piece, and in Vietnamese prose pieces like "ong" or "ang" are in most rows (a
six-word search read 1,500 index pages: 45 ms; its words, 18 ms; a word found nowhere, 0.1 ms
instead of 20).

Each word is also required as a substring (LIKE): the same rows, since a whole word is a
substring, but a test the database makes in nanoseconds, so the word split, which costs
microseconds, only runs on rows that already contain every word (when a page is read by
walking the date index, core.paginators.SearchPaginator: 14 ms instead of 160).

SQLite (the development default) has neither: there the words are matched as substrings."""

from __future__ import annotations

import re

from django.db import connections
from django.db.models import BooleanField, F, Func, QuerySet, Value

from core.text import fold

# The column's words for the index and the query alike: split on anything but a letter or
# a digit of the folded text. Must stay identical to the indexed expression.
WORD_SEPARATOR = "[^a-z0-9]+"
_WORD = re.compile(r"[a-z0-9]+")


def search_words(query: str | None) -> list[str]:
    """The words of a user's query, folded: "Đường, cầu-treo" -> ["duong", "cau", "treo"]."""
    words: list[str] = []
    for word in _WORD.findall(fold(query)):
        if word not in words:
            words.append(word)
    return words


def words_expression(column: str) -> str:
    """SQL of a column's words (as indexed)."""
    return f"regexp_split_to_array({column}, '{WORD_SEPARATOR}')"


class HasWords(Func):
    """The column's words include all of these (PostgreSQL: uses the words index)."""

    output_field = BooleanField()

    def __init__(self, column: str, words: list[str]) -> None:
        super().__init__(F(column), Value(list(words)))

    def as_sql(self, compiler, connection, **extra_context):
        column_sql, column_params = compiler.compile(self.source_expressions[0])
        words_sql, words_params = compiler.compile(self.source_expressions[1])
        sql = f"{words_expression(column_sql)} @> ({words_sql})::text[]"
        return sql, (*column_params, *words_params)


def filter_words(queryset: QuerySet, column: str, query: str | None) -> QuerySet:
    """Rows whose folded `column` holds every word of `query`; all rows when it has none."""
    words = search_words(query)
    for word in words:
        queryset = queryset.filter(**{f"{column}__contains": word})
    if words and connections[queryset.db].vendor == "postgresql":
        queryset = queryset.filter(HasWords(column, words))
    return queryset
