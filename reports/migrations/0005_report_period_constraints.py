"""One report per council and period, one per session, and the shape of each kind."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("reports", "0004_report_periods_from_years"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='annualreport',
            constraint=models.UniqueConstraint(fields=('council', 'start_date', 'end_date'), name='annualreport_unique_period', violation_error_message='Kỳ báo cáo này đã có báo cáo.'),
        ),
        migrations.AddConstraint(
            model_name='annualreport',
            constraint=models.UniqueConstraint(fields=('session',), name='annualreport_unique_session', violation_error_message='Kỳ họp này đã có báo cáo.'),
        ),
        migrations.AddConstraint(
            model_name='annualreport',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'session_petitions'), ('end_date__isnull', True), ('session__isnull', False), ('start_date__isnull', True)), models.Q(models.Q(('kind', 'session_petitions'), _negated=True), ('end_date__isnull', False), ('session__isnull', True), ('start_date__isnull', False), ('end_date__gte', models.F('start_date'))), _connector='OR'), name='annualreport_period_or_session', violation_error_message='Báo cáo phải có kỳ báo cáo hợp lệ hoặc một kỳ họp.'),
        ),
        migrations.AddConstraint(
            model_name='annualreport',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'year'), ('year__gte', 1945), ('year__lte', 2200)), models.Q(models.Q(('kind', 'year'), _negated=True), ('year__isnull', True)), _connector='OR'), name='annualreport_year_of_yearly_report', violation_error_message='Năm không hợp lệ.'),
        ),
    ]
