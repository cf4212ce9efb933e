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


def words_index(*, table: str, column: str, name: str, replaces: str = "") -> migrations.RunPython:
    """A GIN index over the words of the folded search text (core.search), in place of the
    trigram index `replaces` when given (recreated on the way back)."""
    from core.search import words_expression

    def forwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        if replaces:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{replaces}"')
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
            f"USING gin (({words_expression(column)}))"
        )

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
