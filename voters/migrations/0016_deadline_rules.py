"""The legal time limits of letters (voters.DeadlineRule) and the retention periods of personal
data (voters.RetentionRule), as first entered; an administrator edits them afterwards on the
"Thời hạn theo luật" pages. docs/legal-deadlines.md says, for each row, the article and how it
was verified. Idempotent: a row already there (same event and start date, or same category) is
left as the office may have edited it. Reversing removes nothing: rows an office has edited
are its data."""

import datetime as dt

from django.db import migrations, models

D = dt.date

# (event, days, complex_days, extension_days, max_extensions, unit, basis, valid_from)
DEADLINE_RULES = [
    (
        "letter_processing",
        10,
        None,
        None,
        None,
        "working",
        "Xử lý đơn trong 10 ngày làm việc kể từ ngày nhận: Thông tư 07/2014/TT-TTCP, thay bằng "
        "Thông tư 05/2021/TT-TTCP (hiệu lực 15/11/2021); HĐND áp dụng tương tự. Điều khoản "
        "cụ thể và quy định của NQ 116/2025/UBTVQH15: chưa đối chiếu (docs/legal-deadlines.md).",
        # Luật Tiếp công dân 2013 and NQ 759/2014/UBTVQH13 came into force on 01/07/2014.
        D(2014, 7, 1),
    ),
    (
        "complaint_acceptance",
        10,
        None,
        None,
        None,
        "calendar",
        "Luật Khiếu nại 2011, Điều 27: thụ lý trong 10 ngày kể từ ngày nhận được khiếu nại "
        "thuộc thẩm quyền (luật ghi \"ngày\").",
        D(2012, 7, 1),
    ),
    (
        "complaint_resolution",
        30,
        45,
        None,
        None,
        "calendar",
        "Luật Khiếu nại 2011, Điều 28: giải quyết lần đầu không quá 30 ngày kể từ ngày thụ lý, "
        "vụ việc phức tạp 45 ngày (vùng sâu, vùng xa: 45 và 60 ngày).",
        D(2012, 7, 1),
    ),
    (
        "denunciation_acceptance",
        7,
        10,
        None,
        None,
        "working",
        "Luật Tố cáo 2018, Điều 24(1): xử lý ban đầu trong 7 ngày làm việc kể từ ngày nhận "
        "tố cáo, 10 ngày làm việc khi cần xác minh.",
        D(2019, 1, 1),
    ),
    (
        "denunciation_resolution",
        30,
        None,
        30,
        2,
        "calendar",
        "Luật Tố cáo 2018, Điều 30(1): không quá 30 ngày kể từ ngày thụ lý; gia hạn một lần "
        "(phức tạp) hoặc hai lần (đặc biệt phức tạp), mỗi lần không quá 30 ngày.",
        D(2019, 1, 1),
    ),
    (
        "petition_answer",
        15,
        None,
        None,
        None,
        "calendar",
        "Lựa chọn của Văn phòng: chưa xác định được thời hạn luật định cho việc trả lời kiến "
        "nghị, phản ánh được chuyển (Luật Tiếp công dân 2013 chưa đối chiếu).",
        D(2014, 7, 1),
    ),
]

# (category, years, basis)
RETENTION_RULES = [
    (
        "complaint",
        15,
        "Lựa chọn của Văn phòng theo thời hạn bảo quản hồ sơ giải quyết khiếu nại, tố cáo "
        "(Thông tư 10/2022/TT-BNV: chưa đối chiếu).",
    ),
    (
        "denunciation",
        15,
        "Lựa chọn của Văn phòng theo thời hạn bảo quản hồ sơ giải quyết khiếu nại, tố cáo "
        "(Thông tư 10/2022/TT-BNV: chưa đối chiếu).",
    ),
    (
        "petition_feedback",
        5,
        "Lựa chọn của Văn phòng: dữ liệu cá nhân giữ không lâu hơn mục đích cần "
        "(Nghị định 13/2023/NĐ-CP).",
    ),
    (
        "reception",
        10,
        "Lựa chọn của Văn phòng cho sổ tiếp công dân (chưa đối chiếu Thông tư 10/2022/TT-BNV).",
    ),
]


def seed(apps, schema_editor):
    DeadlineRule = apps.get_model("voters", "DeadlineRule")
    RetentionRule = apps.get_model("voters", "RetentionRule")
    for event, days, complex_days, ext_days, max_ext, unit, basis, valid_from in DEADLINE_RULES:
        DeadlineRule.objects.get_or_create(
            event=event,
            valid_from=valid_from,
            defaults={
                "days": days,
                "complex_days": complex_days,
                "extension_days": ext_days,
                "max_extensions": max_ext,
                "unit": unit,
                "basis": basis,
            },
        )
    for category, years, basis in RETENTION_RULES:
        RetentionRule.objects.get_or_create(
            category=category, defaults={"years": years, "basis": basis}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("voters", "0015_letter_processing_note_case_closing_note"),
    ]

    operations = [
        migrations.AddField(
            model_name="deadlinerule",
            name="max_extensions",
            field=models.PositiveSmallIntegerField(
                blank=True, null=True, verbose_name="Số lần gia hạn tối đa"
            ),
        ),
        migrations.AddField(
            model_name="historicaldeadlinerule",
            name="max_extensions",
            field=models.PositiveSmallIntegerField(
                blank=True, null=True, verbose_name="Số lần gia hạn tối đa"
            ),
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
