"""The national calendar of public servants' days off and swapped working days (council.Holiday)
for 2019, 2024, 2025, 2026 and the days of 2027 the law itself fixes. docs/legal-deadlines.md
says which year and which day was verified against what; the administrator completes a year on
the "Lịch nghỉ lễ" page once the Prime Minister fixes its Tết and Quốc khánh (Bộ luật Lao động
2019 Điều 112(3)).

Rules applied: the holidays of BLLĐ 2019 Điều 112(1) (before 2021, BLLĐ 2012 Điều 115: one day
for Quốc khánh); a holiday on a Saturday or Sunday gives a day off on the next working day
(nghỉ bù, BLLĐ 2019 Điều 111(3)); a weekday swapped for a Saturday (hoán đổi, làm bù) by the
Prime Minister's decision for public servants.

Idempotent: a date already entered is left as it is. Reversing removes nothing."""

import datetime as dt

from django.db import migrations

D = dt.date
OFF = "day_off"
WORK = "working_day"

BLLD = "Bộ luật Lao động 2019, Điều 112(1)"
BLLD_2012 = "Bộ luật Lao động 2012, Điều 115"
NGHI_BU = "Nghỉ bù: Bộ luật Lao động 2019, Điều 111(3)"

# (date, kind, name, basis)
HOLIDAYS = [
    # 2019 (BLLĐ 2012): Tết Kỷ Hợi 04-08/02; 30/4-1/5 with Monday 29/4 swapped for Saturday
    # 04/5; Giỗ Tổ on Sunday 14/4, off Monday 15/4; Quốc khánh one day.
    (D(2019, 1, 1), OFF, "Tết Dương lịch", BLLD_2012),
    (D(2019, 1, 5), WORK, "Làm bù cho thứ Hai 31/12/2018", "Hoán đổi ngày làm việc dịp Tết Dương lịch 2019"),
    (D(2019, 2, 4), OFF, "Tết Nguyên đán Kỷ Hợi", BLLD_2012),
    (D(2019, 2, 5), OFF, "Tết Nguyên đán Kỷ Hợi", BLLD_2012),
    (D(2019, 2, 6), OFF, "Tết Nguyên đán Kỷ Hợi", BLLD_2012),
    (D(2019, 2, 7), OFF, "Tết Nguyên đán Kỷ Hợi", BLLD_2012),
    (D(2019, 2, 8), OFF, "Tết Nguyên đán Kỷ Hợi", BLLD_2012),
    (D(2019, 4, 15), OFF, "Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 14/4)", BLLD_2012),
    (D(2019, 4, 29), OFF, "Nghỉ hoán đổi dịp 30/4 - 1/5", "Hoán đổi ngày làm việc, làm bù thứ Bảy 04/5/2019"),
    (D(2019, 4, 30), OFF, "Ngày Chiến thắng", BLLD_2012),
    (D(2019, 5, 1), OFF, "Ngày Quốc tế lao động", BLLD_2012),
    (D(2019, 5, 4), WORK, "Làm bù cho thứ Hai 29/4", "Hoán đổi ngày làm việc dịp 30/4 - 1/5/2019"),
    (D(2019, 9, 2), OFF, "Quốc khánh", BLLD_2012),
    # 2024: Tết Giáp Thìn 08-14/02; Giỗ Tổ Thursday 18/4; 30/4-1/5 with Monday 29/4 swapped for
    # Saturday 04/5; Quốc khánh 02-03/9.
    (D(2024, 1, 1), OFF, "Tết Dương lịch", BLLD),
    (D(2024, 2, 8), OFF, "Tết Nguyên đán Giáp Thìn", BLLD),
    (D(2024, 2, 9), OFF, "Tết Nguyên đán Giáp Thìn", BLLD),
    (D(2024, 2, 12), OFF, "Tết Nguyên đán Giáp Thìn", BLLD),
    (D(2024, 2, 13), OFF, "Tết Nguyên đán Giáp Thìn", BLLD),
    (D(2024, 2, 14), OFF, "Tết Nguyên đán Giáp Thìn", BLLD),
    (D(2024, 4, 18), OFF, "Giỗ Tổ Hùng Vương", BLLD),
    (D(2024, 4, 29), OFF, "Nghỉ hoán đổi dịp 30/4 - 1/5", "Hoán đổi ngày làm việc, làm bù thứ Bảy 04/5/2024"),
    (D(2024, 4, 30), OFF, "Ngày Chiến thắng", BLLD),
    (D(2024, 5, 1), OFF, "Ngày Quốc tế lao động", BLLD),
    (D(2024, 5, 4), WORK, "Làm bù cho thứ Hai 29/4", "Hoán đổi ngày làm việc dịp 30/4 - 1/5/2024"),
    (D(2024, 9, 2), OFF, "Quốc khánh", BLLD),
    (D(2024, 9, 3), OFF, "Quốc khánh (ngày liền kề)", BLLD),
    # 2025: Tết Ất Tỵ 27-31/01 (Công văn 8726/VPCP-KGVX); Giỗ Tổ Monday 07/4; 30/4-1/5 with
    # Friday 02/5 swapped for Saturday 26/4; Quốc khánh 01-02/9.
    (D(2025, 1, 1), OFF, "Tết Dương lịch", BLLD),
    (D(2025, 1, 27), OFF, "Tết Nguyên đán Ất Tỵ", "Công văn 8726/VPCP-KGVX ngày 26/11/2024"),
    (D(2025, 1, 28), OFF, "Tết Nguyên đán Ất Tỵ", "Công văn 8726/VPCP-KGVX ngày 26/11/2024"),
    (D(2025, 1, 29), OFF, "Tết Nguyên đán Ất Tỵ", "Công văn 8726/VPCP-KGVX ngày 26/11/2024"),
    (D(2025, 1, 30), OFF, "Tết Nguyên đán Ất Tỵ", "Công văn 8726/VPCP-KGVX ngày 26/11/2024"),
    (D(2025, 1, 31), OFF, "Tết Nguyên đán Ất Tỵ", "Công văn 8726/VPCP-KGVX ngày 26/11/2024"),
    (D(2025, 4, 7), OFF, "Giỗ Tổ Hùng Vương", BLLD),
    (D(2025, 4, 26), WORK, "Làm bù cho thứ Sáu 02/5", "Hoán đổi ngày làm việc dịp 30/4 - 1/5/2025"),
    (D(2025, 4, 30), OFF, "Ngày Chiến thắng", BLLD),
    (D(2025, 5, 1), OFF, "Ngày Quốc tế lao động", BLLD),
    (D(2025, 5, 2), OFF, "Nghỉ hoán đổi dịp 30/4 - 1/5", "Hoán đổi ngày làm việc, làm bù thứ Bảy 26/4/2025"),
    (D(2025, 9, 1), OFF, "Quốc khánh (ngày liền kề)", BLLD),
    (D(2025, 9, 2), OFF, "Quốc khánh", BLLD),
    # 2026: Tết Dương lịch 01-04/01 with Friday 02/01 swapped for Saturday 10/01 (Công văn
    # 12729/VPCP-KGVX, 25/12/2025); Tết Bính Ngọ 16-20/02 (Thông báo 9441/TB-BNV, 16/10/2025);
    # Giỗ Tổ on Sunday 26/4, off Monday 27/4; 30/4 and 1/5 Thursday and Friday; Quốc khánh
    # Wednesday 02/9 (the adjacent day is the Prime Minister's choice: not verified, to enter).
    (D(2026, 1, 1), OFF, "Tết Dương lịch", BLLD),
    (D(2026, 1, 2), OFF, "Nghỉ hoán đổi dịp Tết Dương lịch", "Công văn 12729/VPCP-KGVX ngày 25/12/2025"),
    (D(2026, 1, 10), WORK, "Làm bù cho thứ Sáu 02/01", "Công văn 12729/VPCP-KGVX ngày 25/12/2025"),
    (D(2026, 2, 16), OFF, "Tết Nguyên đán Bính Ngọ", "Thông báo 9441/TB-BNV ngày 16/10/2025"),
    (D(2026, 2, 17), OFF, "Tết Nguyên đán Bính Ngọ", "Thông báo 9441/TB-BNV ngày 16/10/2025"),
    (D(2026, 2, 18), OFF, "Tết Nguyên đán Bính Ngọ", "Thông báo 9441/TB-BNV ngày 16/10/2025"),
    (D(2026, 2, 19), OFF, "Tết Nguyên đán Bính Ngọ", "Thông báo 9441/TB-BNV ngày 16/10/2025"),
    (D(2026, 2, 20), OFF, "Tết Nguyên đán Bính Ngọ", "Thông báo 9441/TB-BNV ngày 16/10/2025"),
    (D(2026, 4, 27), OFF, "Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/4)", NGHI_BU),
    (D(2026, 4, 30), OFF, "Ngày Chiến thắng", BLLD),
    (D(2026, 5, 1), OFF, "Ngày Quốc tế lao động", BLLD),
    (D(2026, 9, 2), OFF, "Quốc khánh", BLLD),
    # 2027: only what the law fixes by itself; Tết Đinh Mùi, Giỗ Tổ and the day adjacent to
    # Quốc khánh wait for the Prime Minister's decision.
    (D(2027, 1, 1), OFF, "Tết Dương lịch", BLLD),
    (D(2027, 4, 30), OFF, "Ngày Chiến thắng", BLLD),
    (D(2027, 5, 3), OFF, "Nghỉ bù Ngày Quốc tế lao động (thứ Bảy 01/5)", NGHI_BU),
    (D(2027, 9, 2), OFF, "Quốc khánh", BLLD),
]


def seed(apps, schema_editor):
    Holiday = apps.get_model("council", "Holiday")
    for day, kind, name, basis in HOLIDAYS:
        Holiday.objects.get_or_create(date=day, defaults={"kind": kind, "name": name, "basis": basis})


class Migration(migrations.Migration):
    dependencies = [
        ("council", "0019_organization_name_unique_per_council"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
