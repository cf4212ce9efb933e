"""Every case's document numbered before the outgoing register existed gets its number's entry
in the register (issue 22), so the register holds every number the council gave and never gives
one again.

For each document, oldest first, in its council's series of its kind (PC for a forwarding slip,
CV for a guidance or urging letter; created with the usual name and symbol, as
documents.services.series_defaults_ensure would, when the council has none; the service is not
called: a migration reads the models as they were then):
- the (series, year, number) it was printed with is free: a new entry with that number, its
  date, the symbol it was printed with (PC-HĐND, HĐND-VP), its subject and signer, the body it
  went to (a guidance letter goes to the citizen: the register, read more widely than a case,
  says "Người gửi đơn", never a name), and the document as its source;
- the register already has that number, with no source, not cancelled and of the same date:
  the clerk registered the same document by hand under "Cấp số"; that entry becomes the
  document's (its source set);
- otherwise the number was given twice (a hand entry of another date, a cancelled one, or
  another record's): a number already printed is never changed, so the document stays out of
  the register, keeping the reference it was printed with (printed_reference), and the case's
  page says "chưa vào sổ"; the clerk sorts it out in the register."""

from django.db import migrations

from core.text import fold

# documents.services.DEFAULT_SERIES, as of now: code -> (name, symbol, order).
SERIES = {"CV": ("Công văn", "HĐND-VP", 10), "PC": ("Phiếu chuyển", "PC-HĐND", 60)}
KIND_SERIES = {"forwarding": "PC", "guidance": "CV", "follow_up": "CV"}
KIND_LABELS = {
    "forwarding": "Phiếu chuyển đơn",
    "guidance": "Văn bản hướng dẫn công dân",
    "follow_up": "Văn bản đôn đốc",
}


def _series(apps, council_id, code):
    DocumentSeries = apps.get_model("documents", "DocumentSeries")
    series = DocumentSeries.objects.filter(council_id=council_id, code=code).first()
    if series is None:
        name, symbol, order = SERIES[code]
        series = DocumentSeries.objects.create(
            council_id=council_id, code=code, name=name, symbol=symbol, order=order
        )
    return series


def forward(apps, schema_editor):
    CaseDocument = apps.get_model("voters", "CaseDocument")
    OutgoingDocument = apps.get_model("documents", "OutgoingDocument")
    ContentType = apps.get_model("contenttypes", "ContentType")
    kind, _made = ContentType.objects.get_or_create(app_label="voters", model="casedocument")
    documents = CaseDocument.objects.select_related("recipient").order_by(
        "council_id", "date", "pk"
    )
    for document in documents:
        code = KIND_SERIES.get(document.kind, document.series)
        series = _series(apps, document.council_id, code)
        symbol = "PC-HĐND" if document.series == "PC" else "HĐND-VP"
        taken = OutgoingDocument.objects.filter(
            series=series, year=document.year, number=document.number
        ).first()
        if taken is None:
            guidance = document.kind == "guidance" or document.recipient_id is None
            recipient = "Người gửi đơn" if guidance else document.recipient.name
            entry = OutgoingDocument(
                council_id=document.council_id,
                series=series,
                year=document.year,
                number=document.number,
                symbol=symbol,
                date=document.date,
                kind_label=KIND_LABELS.get(document.kind, ""),
                subject=document.subject,
                signer_name=document.signer_name,
                signer_title=document.signer_title,
                recipients=f"{recipient};\nLưu: VT, hồ sơ vụ việc.",
                source_type=kind,
                source_id=document.pk,
                created_by_id=document.created_by_id,
            )
            entry.search_text = fold(
                " ".join(
                    [
                        f"{entry.number:02d}/{entry.symbol}",
                        series.name,
                        entry.kind_label,
                        entry.subject,
                        entry.signer_name,
                        entry.signer_title,
                        entry.recipients,
                    ]
                )
            )
            entry.save()
        elif (
            taken.source_type_id is None
            and taken.status == "issued"
            and taken.date == document.date
        ):
            taken.source_type = kind
            taken.source_id = document.pk
            taken.save(update_fields=["source_type", "source_id"])
            entry = taken
        else:
            document.printed_reference = f"{document.number:02d}/{symbol}"
            document.save(update_fields=["printed_reference"])
            continue
        document.register_entry = entry
        document.save(update_fields=["register_entry"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0002_templates_and_content"),
        ("voters", "0018_casedocument_register_entry"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
