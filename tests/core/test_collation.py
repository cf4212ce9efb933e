"""Names sort as Vietnamese does, in lists and drop-downs, on SQLite and on PostgreSQL
(core.collation): Hà before Hoàng, Bế Đức before Bế Thị, An before Ăn before Ân."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.db import connection
from django.urls import resolve, reverse

from core.collation import COLLATION, sort_key
from council.models import AdministrativeUnit, Committee, Delegate, Organization

# In Vietnamese order: base letters first (a ă â … d đ … o ô ơ … u ư), then tones (none,
# huyền, hỏi, ngã, sắc, nặng), then lower case before upper case.
NAMES = [
    "An Văn Bình",
    "Ăn Văn Bình",
    "Ân Văn Bình",
    "Bế Đức Anh",
    "Bế Thị Lan",
    "Dương Văn Hải",
    "Đinh Thị Hoa",
    "Hà Thị Thu",
    "Hoàng Văn Nam",
    "Hồ Văn Tú",
    "Hổ Văn Tú",
    "Hộ Văn Tú",
    "Hơ Văn Tú",
    "Lê Văn Ba",
    "Lê Văn Bà",
    "Lê Văn Bả",
    "Lê Văn Bã",
    "Lê Văn Bá",
    "Lê Văn Bạ",
    "Nguyen Van An",
    "Nguyễn Văn An",
    "Uông Thị Mai",
    "Ủy ban",
    "Ưng Văn Tư",
    "Vũ Thị Hà",
]


def _shuffled(names: list[str]) -> list[str]:
    shuffled = names[:]
    random.Random(17).shuffle(shuffled)
    assert shuffled != names
    return shuffled


def test_the_python_collation_orders_as_vietnamese_does():
    assert sorted(_shuffled(NAMES), key=sort_key) == NAMES
    # Case comes after tones; the same letters differ only by case: lower first.
    assert sorted(["Á", "à", "a", "A", "ạ"], key=sort_key) == ["a", "A", "à", "Á", "ạ"]
    # Composed and decomposed writings of a name sort together, distinct strings never tie.
    assert sort_key("Nguyễn") != sort_key("Nguye\u0302\u0303n")
    assert sort_key("Nguyễn")[:3] == sort_key("Nguye\u0302\u0303n")[:3]


@pytest.mark.django_db
def test_delegates_sort_as_vietnamese_in_the_list_and_the_drop_downs(staff_client, term):
    for year, name in enumerate(_shuffled(NAMES)):
        Delegate.objects.create(term=term, full_name=name, birth_year=1950 + year)

    assert list(Delegate.objects.values_list("full_name", flat=True)) == NAMES

    page = staff_client.get(reverse("council:delegate_list") + "?per_page=100")
    listed = [row.record.full_name for row in page.context["table"].rows]
    assert listed == NAMES[: len(listed)]
    # Sorted by its header, descending: the same order reversed.
    page = staff_client.get(reverse("council:delegate_list") + "?sort=-full_name")
    listed = [row.record.full_name for row in page.context["table"].rows]
    assert listed == NAMES[::-1][: len(listed)]

    # The position form's delegate drop-down (council.urls declares the form).
    form_class = resolve(reverse("council:position_create")).func.view_class.form_class
    offered = [label for value, label in form_class().fields["delegate"].choices if value]
    assert offered == NAMES


@pytest.mark.django_db
def test_organisations_units_and_committees_sort_as_vietnamese(term):
    names = ["Ban Dân tộc", "Ban Đô thị", "Ban Kinh tế - Ngân sách", "Ban Văn hóa - Xã hội"]
    for i, name in enumerate(_shuffled(names)):
        Committee.objects.create(term=term, code=f"ban{i}", name=name, order=1)
        Organization.objects.create(name=f"Sở {name[4:]}", short_name=name[4:])
        AdministrativeUnit.objects.create(
            name=f"Xã {name[4:]}", level="commune", unit_type="xa", valid_from=dt.date(2020, 1, 1)
        )
    assert list(Committee.objects.values_list("name", flat=True)) == names
    assert list(Organization.objects.values_list("name", flat=True)) == [
        f"Sở {n[4:]}" for n in names
    ]
    assert list(AdministrativeUnit.objects.values_list("name", flat=True)) == [
        f"Xã {n[4:]}" for n in names
    ]


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgresql_uses_the_icu_collation_and_agrees_with_the_python_one():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT collprovider, colliculocale FROM pg_collation WHERE collname = %s",
            [COLLATION],
        )
        assert cursor.fetchone() == ("i", "vi")
        cursor.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE collation_name = %s ORDER BY table_name",
            [COLLATION],
        )
        assert cursor.fetchall() == [
            ("council_administrativeunit", "name"),
            ("council_committee", "name"),
            ("council_council", "name"),
            ("council_delegate", "full_name"),
            ("council_delegategroup", "name"),
            ("council_organization", "name"),
        ]
        # The database's order and SQLite's (the Python key) are one order.
        words = [*NAMES, "1a", "a b", "a-b", "a1", "ab", "Ba", "ba", "bá", "Dinh", "đinh", "Đinh"]
        values = ", ".join(["(%s)"] * len(words))
        cursor.execute(
            f'SELECT n FROM (VALUES {values}) v(n) ORDER BY n COLLATE "{COLLATION}"', words
        )
        assert [row[0] for row in cursor.fetchall()] == sorted(words, key=sort_key)
