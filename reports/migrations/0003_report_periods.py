"""A report covers a period (start and end days, and how the period was chosen) or the
petitions of one session. The new columns first; the next migration fills them, the one after
adds the constraints (on PostgreSQL an ALTER TABLE may not follow row updates of the same table
in one transaction)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):


    dependencies = [
        ('council_sessions', '0003_history'),
        ('reports', '0002_reportrequest_claimed_by'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='annualreport',
            options={'ordering': ['-end_date', '-pk'], 'verbose_name': 'Báo cáo của Thường trực HĐND', 'verbose_name_plural': 'Báo cáo của Thường trực HĐND'},
        ),
        migrations.AlterModelOptions(
            name='historicalannualreport',
            options={'get_latest_by': ('history_date', 'history_id'), 'ordering': ('-history_date', '-history_id'), 'verbose_name': 'historical Báo cáo của Thường trực HĐND', 'verbose_name_plural': 'historical Báo cáo của Thường trực HĐND'},
        ),
        migrations.RemoveConstraint(
            model_name='annualreport',
            name='annualreport_unique_year',
        ),
        migrations.RemoveConstraint(
            model_name='annualreport',
            name='annualreport_year_plausible',
        ),
        migrations.AddField(
            model_name='annualreport',
            name='end_date',
            field=models.DateField(blank=True, null=True, verbose_name='Đến ngày'),
        ),
        migrations.AddField(
            model_name='annualreport',
            name='kind',
            field=models.CharField(choices=[('year', 'Cả năm'), ('first_months', 'Các tháng đầu năm (6 tháng, 9 tháng)'), ('second_half', '6 tháng cuối năm'), ('term', 'Nhiệm kỳ'), ('custom', 'Từ ngày … đến ngày …'), ('session_petitions', 'Kiến nghị của cử tri gửi đến kỳ họp')], default='year', max_length=20, verbose_name='Loại báo cáo'),
        ),
        migrations.AddField(
            model_name='annualreport',
            name='session',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='council_sessions.session', verbose_name='Kỳ họp'),
        ),
        migrations.AddField(
            model_name='annualreport',
            name='start_date',
            field=models.DateField(blank=True, null=True, verbose_name='Từ ngày'),
        ),
        migrations.AddField(
            model_name='historicalannualreport',
            name='end_date',
            field=models.DateField(blank=True, null=True, verbose_name='Đến ngày'),
        ),
        migrations.AddField(
            model_name='historicalannualreport',
            name='kind',
            field=models.CharField(choices=[('year', 'Cả năm'), ('first_months', 'Các tháng đầu năm (6 tháng, 9 tháng)'), ('second_half', '6 tháng cuối năm'), ('term', 'Nhiệm kỳ'), ('custom', 'Từ ngày … đến ngày …'), ('session_petitions', 'Kiến nghị của cử tri gửi đến kỳ họp')], default='year', max_length=20, verbose_name='Loại báo cáo'),
        ),
        migrations.AddField(
            model_name='historicalannualreport',
            name='session',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='council_sessions.session', verbose_name='Kỳ họp'),
        ),
        migrations.AddField(
            model_name='historicalannualreport',
            name='start_date',
            field=models.DateField(blank=True, null=True, verbose_name='Từ ngày'),
        ),
        migrations.AlterField(
            model_name='annualreport',
            name='year',
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='Năm'),
        ),
        migrations.AlterField(
            model_name='historicalannualreport',
            name='year',
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='Năm'),
        ),
    ]
