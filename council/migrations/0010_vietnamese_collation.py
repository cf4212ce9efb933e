# Names sort as Vietnamese does (core.collation): the ICU collation on PostgreSQL, then the
# name columns that use it. On SQLite the collation is registered by CouncilConfig.ready.

from django.db import migrations, models

from core.collation import COLLATION, ICU_LOCALE
from core.migration_ops import icu_collation


class Migration(migrations.Migration):

    dependencies = [
        ('council', '0009_authenticatordevice'),
    ]

    operations = [
        icu_collation(name=COLLATION, locale=ICU_LOCALE),
        migrations.AlterField(
            model_name='administrativeunit',
            name='name',
            field=models.CharField(db_collation='vietnamese', max_length=150, verbose_name='Tên'),
        ),
        migrations.AlterField(
            model_name='committee',
            name='name',
            field=models.CharField(db_collation='vietnamese', max_length=150, verbose_name='Tên Ban'),
        ),
        migrations.AlterField(
            model_name='council',
            name='name',
            field=models.CharField(db_collation='vietnamese', max_length=200, unique=True, verbose_name='Tên đầy đủ'),
        ),
        migrations.AlterField(
            model_name='delegate',
            name='full_name',
            field=models.CharField(db_collation='vietnamese', max_length=120, verbose_name='Họ và tên'),
        ),
        migrations.AlterField(
            model_name='delegategroup',
            name='name',
            field=models.CharField(db_collation='vietnamese', max_length=150, verbose_name='Tên tổ'),
        ),
        migrations.AlterField(
            model_name='organization',
            name='name',
            field=models.CharField(db_collation='vietnamese', max_length=200, unique=True, verbose_name='Tên cơ quan, tổ chức'),
        ),
    ]
