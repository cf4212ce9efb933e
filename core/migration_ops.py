"""Migration operations that only apply on PostgreSQL (SQLite has no pg_trgm, no GIN)."""

from __future__ import annotations

from django.db import migrations


def trigram_index(*, table: str, column: str, name: str) -> migrations.RunPython:
    """A GIN trigram index so `column LIKE '%…%'` on the folded search text uses an index."""

    def forwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ("{column}" gin_trgm_ops)'
        )

    def backwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')

    return migrations.RunPython(forwards, backwards, elidable=False)


def _words_index_sql(*, table: str, column: str, name: str, leading: str = "") -> str:
    """CREATE INDEX of a GIN index over the words of `column` (core.search), after `leading`
    when given."""
    from core.search import words_expression

    keys = f'"{leading}", ' if leading else ""
    return (
        f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
        f"USING gin ({keys}({words_expression(column)}))"
    )


def words_index(*, table: str, column: str, name: str, replaces: str = "") -> migrations.RunPython:
    """A GIN index over the words of the folded search text (core.search), in place of the
    trigram index `replaces` when given (recreated on the way back)."""

    def forwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        if replaces:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{replaces}"')
        schema_editor.execute(_words_index_sql(table=table, column=column, name=name))

    def backwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')
        if replaces:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{replaces}" ON "{table}" '
                f'USING gin ("{column}" gin_trgm_ops)'
            )

    return migrations.RunPython(forwards, backwards, elidable=False)


def council_words_index(
    *, table: str, column: str, leading: str, name: str, replaces: str
) -> migrations.RunPython:
    """The words index (words_index) led by the column that names the row's council (its
    term), in place of the words index `replaces` (recreated on the way back). A GIN index
    over a B-tree column needs btree_gin, a trusted extension (the database's owner may
    create it).

    Why: a common word's entries in a words-only index are the whole country's («duong»: 28,874
    petitions among 3,355 councils), and a council's search read them all to keep its own
    (a commune's 5.5 ms against 0.4 with one province in the database; a province's letters
    matching «dat dai», 13 ms against 1). Led by the term, the index reads the council's
    entries only: 0.2 and 1.1 ms (docs/performance.md, «Many councils in one database»). A
    search by words alone still uses it."""

    def create(schema_editor, sql: str) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    def forwards(apps, schema_editor) -> None:
        create(schema_editor, "CREATE EXTENSION IF NOT EXISTS btree_gin")
        create(schema_editor, f'DROP INDEX IF EXISTS "{replaces}"')
        create(
            schema_editor,
            _words_index_sql(table=table, column=column, name=name, leading=leading),
        )
        # Statistics of the index's expression at once: planned without them (until the next
        # autovacuum), a province's letter search joined its terms the wrong way: 160 ms.
        create(schema_editor, f'ANALYZE "{table}"')

    def backwards(apps, schema_editor) -> None:
        create(schema_editor, f'DROP INDEX IF EXISTS "{name}"')
        create(schema_editor, _words_index_sql(table=table, column=column, name=replaces))

    return migrations.RunPython(forwards, backwards, elidable=False)


def covering_index(
    *, table: str, name: str, columns: list[str], include: list[str], where: str = ""
) -> migrations.RunPython:
    """A B-tree index that also carries `include` (PostgreSQL's INCLUDE), optionally partial,
    so an aggregate over a range of `columns` reads the index alone (an index-only scan) and
    not a heap page per row. SQLite has no INCLUDE: nothing is created there."""

    def forwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        quote = schema_editor.connection.ops.quote_name
        keys = ", ".join(quote(c) for c in columns)
        carried = ", ".join(quote(c) for c in include)
        condition = f" WHERE {where}" if where else ""
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(table)} ({keys}) "
            f"INCLUDE ({carried}){condition}"
        )

    def backwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')

    return migrations.RunPython(forwards, backwards, elidable=False)


def icu_collation(*, name: str, locale: str) -> migrations.RunPython:
    """An ICU collation on PostgreSQL, for the columns that name it (db_collation). SQLite has
    no CREATE COLLATION: it gets the same name from a Python function registered on every
    connection (core.collation). Backwards drops it on PostgreSQL only (Django's
    CreateCollation would send DROP COLLATION to SQLite too)."""

    def forwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(
            f"CREATE COLLATION IF NOT EXISTS {schema_editor.quote_name(name)} "
            f"(provider = icu, locale = {schema_editor.quote_value(locale)})"
        )

    def backwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP COLLATION IF EXISTS {schema_editor.quote_name(name)}")

    return migrations.RunPython(forwards, backwards, elidable=False)
