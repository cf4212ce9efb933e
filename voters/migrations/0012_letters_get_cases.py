"""Every letter entered before cases existed becomes the one letter of a case of its own, so
that the figures (letters and cases) and the case pages hold every letter. Numbered per council
and year in the order the letters were received."""

from collections import defaultdict

from django.db import migrations

BATCH = 2000


def letters_get_cases(apps, schema_editor):
    Letter = apps.get_model("voters", "Letter")
    Case = apps.get_model("voters", "Case")
    letters = (
        Letter.objects.filter(case__isnull=True)
        .select_related("term")
        .order_by("received_date", "pk")
        .only(
            "pk",
            "received_date",
            "kind",
            "summary",
            "handling",
            "result",
            "search_text",
            "term__council_id",
        )
    )
    last_seq: dict[tuple[int, int], int] = defaultdict(int)
    for row in Case.objects.values("council_id", "year", "seq"):
        key = (row["council_id"], row["year"])
        last_seq[key] = max(last_seq[key], row["seq"])
    pending = []

    def flush():
        cases = Case.objects.bulk_create([case for _, case in pending])
        for (letter, _), case in zip(pending, cases, strict=True):
            letter.case_id = case.pk
        Letter.objects.bulk_update([letter for letter, _ in pending], ["case"])
        pending.clear()

    for letter in letters.iterator(chunk_size=BATCH):
        key = (letter.term.council_id, letter.received_date.year)
        last_seq[key] += 1
        # A letter already filed or guided, or with a result, needs no more following.
        done = letter.handling in ("filed", "guided") or bool(letter.result)
        case = Case(
            council_id=key[0],
            year=key[1],
            seq=last_seq[key],
            title=letter.summary[:300],
            kind=letter.kind,
            status="closed" if done else "open",
            answer_summary=letter.result,
            search_text=letter.search_text,
        )
        pending.append((letter, case))
        if len(pending) >= BATCH:
            flush()
    if pending:
        flush()


class Migration(migrations.Migration):
    dependencies = [("voters", "0011_casework")]

    operations = [migrations.RunPython(letters_get_cases, migrations.RunPython.noop)]
