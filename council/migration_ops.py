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
    """A GIN index over the words of the folded search text (council.search), in place of the
    trigram index `replaces` when given (recreated on the way back)."""
    from council.search import words_expression

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
