import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

DELEGATE_ROLE = "Đại biểu HĐND"


def create_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=DELEGATE_ROLE)


def remove_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=DELEGATE_ROLE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_userprofile_council"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AccountLink",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token_hash", models.CharField(max_length=64, unique=True, verbose_name="Mã băm")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Cấp lúc")),
                ("expires_at", models.DateTimeField(verbose_name="Hết hạn lúc")),
                ("used_at", models.DateTimeField(blank=True, null=True, verbose_name="Đã dùng lúc")),
                (
                    "issued_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người cấp",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người dùng",
                    ),
                ),
            ],
            options={
                "verbose_name": "Đường dẫn kích hoạt tài khoản",
                "verbose_name_plural": "Đường dẫn kích hoạt tài khoản",
            },
        ),
        migrations.RunPython(create_role, remove_role),
    ]
