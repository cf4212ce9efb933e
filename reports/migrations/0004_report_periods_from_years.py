"""The reports made so far were of whole years: each gets its year's first and last day."""

import datetime as dt

from django.db import migrations


def fill_periods_from_years(apps, schema_editor):
    AnnualReport = apps.get_model("reports", "AnnualReport")
    for report in AnnualReport.objects.filter(start_date__isnull=True).only("pk", "year"):
        AnnualReport.objects.filter(pk=report.pk).update(
            kind="year",
            start_date=dt.date(report.year, 1, 1),
            end_date=dt.date(report.year, 12, 31),
        )


def clear_periods(apps, schema_editor):
    # Back to one report per year: only whole years' reports (and their PDFs' rows) go back.
    ReportRequest = apps.get_model("reports", "ReportRequest")
    AnnualReport = apps.get_model("reports", "AnnualReport")
    ReportRequest.objects.exclude(annual_report__kind="year").delete()
    AnnualReport.objects.exclude(kind="year").delete()


class Migration(migrations.Migration):

    dependencies = [
        ("reports", "0003_report_periods"),
    ]

    operations = [
        migrations.RunPython(fill_periods_from_years, clear_periods),
    ]
