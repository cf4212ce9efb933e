"""Every invitation numbered before the outgoing register existed gets its number's entry in the
register (issue 22), so the register holds every number the council gave and never gives one
again.

For each invitation, oldest first, in its council's series GM (created with the usual name and
symbol, as documents.services.series_defaults_ensure would, when the council has none; the
service is not called: a migration reads the models as they were then):
- the (series, year, number) it was printed with is free: a new entry with that number, its
  date, the symbol it was printed with (GM-HĐND), its subject, signer and recipients, and the
  invitation as its source;
- the register already has that number, with no source, not cancelled and of the same date:
  the clerk registered the same invitation by hand under "Cấp số"; that entry becomes the
  invitation's (its source set);
- otherwise the number was given twice (a hand entry of another date, a cancelled one, or
  another record's): a number already printed is never changed, so the invitation stays out of
  the register, keeping the reference it was printed with (printed_reference), and its page
  says "chưa vào sổ"; the clerk sorts it out in the register.

The entry prints its number with a leading zero under 10 (NĐ 30/2020): an old invitation
printed "5/GM-HĐND" is "05/GM-HĐND" from now on, the same number."""

from django.db import migrations

from core.text import fold

SERIES = ("GM", "Giấy mời", "GM-HĐND", 30)  # documents.services.DEFAULT_SERIES, as of now
PRINTED_SYMBOL = "GM-HĐND"  # reports.models.INVITATION_SYMBOL before the register


def _series(apps, council_id):
    DocumentSeries = apps.get_model("documents", "DocumentSeries")
    code, name, symbol, order = SERIES
    series = DocumentSeries.objects.filter(council_id=council_id, code=code).first()
    if series is None:
        series = DocumentSeries.objects.create(
            council_id=council_id, code=code, name=name, symbol=symbol, order=order
        )
    return series


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def forward(apps, schema_editor):
    Invitation = apps.get_model("reports", "Invitation")
    OutgoingDocument = apps.get_model("documents", "OutgoingDocument")
    ContentType = apps.get_model("contenttypes", "ContentType")
    kind, _made = ContentType.objects.get_or_create(app_label="reports", model="invitation")
    invitations = Invitation.objects.select_related("session__term").order_by(
        "council_id", "date", "pk"
    )
    for invitation in invitations:
        series = _series(apps, invitation.council_id)
        taken = OutgoingDocument.objects.filter(
            series=series, year=invitation.year, number=invitation.number
        ).first()
        if taken is None:
            session = invitation.session
            recipients = [
                *_lines(invitation.guests),
                *(
                    line
                    for line in _lines(invitation.recipients)
                    if line.rstrip(";.") != "Như trên"
                ),
            ]
            entry = OutgoingDocument(
                council_id=invitation.council_id,
                series=series,
                year=invitation.year,
                number=invitation.number,
                symbol=PRINTED_SYMBOL,
                date=invitation.date,
                kind_label="Giấy mời",
                subject=f"Mời dự kỳ họp thứ {session.number}, HĐND khóa {session.term.roman}",
                signer_name=invitation.signer_name,
                signer_title=f"{invitation.signing_authority} / {invitation.signer_title}",
                recipients="\n".join(recipients),
                source_type=kind,
                source_id=invitation.pk,
                created_by_id=invitation.created_by_id,
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
            and taken.date == invitation.date
        ):
            taken.source_type = kind
            taken.source_id = invitation.pk
            taken.save(update_fields=["source_type", "source_id"])
            entry = taken
        else:
            invitation.printed_reference = f"{invitation.number}/{PRINTED_SYMBOL}"
            invitation.save(update_fields=["printed_reference"])
            continue
        invitation.register_entry = entry
        invitation.save(update_fields=["register_entry"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0002_templates_and_content"),
        ("reports", "0008_invitation_register_entry"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
