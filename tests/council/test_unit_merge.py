"""A rearrangement of administrative units is one form (council.services.unit_merge): the old
units end the day before, the new or receiving unit carries on, and nothing of the old units'
history is lost."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from core.idempotency import FORM_TOKEN_FIELD
from council.models import AdministrativeUnit, UnitSuccession

pytestmark = pytest.mark.django_db

Unit = AdministrativeUnit
URL = reverse("council:unit_merge")


@pytest.fixture
def loc_binh(db) -> dict[str, Unit]:
    """Huyện Lộc Bình's township and three communes, which became xã Lộc Bình on 01/07/2025."""
    district = Unit.objects.create(name="Lộc Bình", level="district", unit_type="huyen")
    units = {"district": district}
    for name, kind in [
        ("Lộc Bình", "thi_tran"),
        ("Khánh Xuân", "xa"),
        ("Đồng Bục", "xa"),
        ("Hữu Khánh", "xa"),
    ]:
        units[name] = Unit.objects.create(
            name=name, level="commune", unit_type=kind, parent=district
        )
    return units


def _form(client, **data):
    page = client.get(URL)
    token = page.context["form"].initial[FORM_TOKEN_FIELD]
    return {FORM_TOKEN_FIELD: token, "effective_date": "01/07/2025", **data}


def test_four_units_become_a_new_commune(staff_client, loc_binh):
    old = [loc_binh[n] for n in ("Lộc Bình", "Khánh Xuân", "Đồng Bục", "Hữu Khánh")]
    data = _form(
        staff_client,
        predecessors=[u.pk for u in old],
        legal_basis="Nghị quyết số 1672/NQ-UBTVQH15",
        name="Lộc Bình",
        unit_type="xa",
        level="commune",
    )
    response = staff_client.post(URL, data, follow=True)

    new = Unit.objects.get(name="Lộc Bình", unit_type="xa")
    assert response.redirect_chain[-1][0] == new.get_absolute_url()
    assert new.valid_from == dt.date(2025, 7, 1) and new.valid_to is None
    for unit in old:
        unit.refresh_from_db()
        assert unit.valid_to == dt.date(2025, 6, 30)
        assert unit.successions.get().successor == new
    page = response.content.decode()
    assert "Đã ghi nhận việc sắp xếp vào «Xã Lộc Bình»" in page
    for unit in old:  # the new commune's page names each unit it was formed from
        assert f'href="{unit.get_absolute_url()}"' in page
    assert "Hình thành từ" in page and "1672/NQ-UBTVQH15" in page

    # An old unit stays, with its own history and the way to its successor.
    old_page = staff_client.get(old[1].get_absolute_url()).content.decode()
    assert "Sáp nhập vào" in old_page and f'href="{new.get_absolute_url()}"' in old_page
    assert "Sắp xếp, sáp nhập" not in old_page  # an ended unit is not rearranged again
    listed = staff_client.get(reverse("council:unitsuccession_list"))
    assert listed.context["table"].paginator.count == 4


def test_units_taken_into_an_existing_one(staff_client, loc_binh):
    receiving = loc_binh["Lộc Bình"]
    data = _form(
        staff_client,
        predecessors=[loc_binh["Khánh Xuân"].pk],
        successor=receiving.pk,
        effective_date="01/07/2025",
    )
    response = staff_client.post(URL, data)
    assert response.status_code == 302
    assert response["Location"] == receiving.get_absolute_url()
    receiving.refresh_from_db()
    assert receiving.valid_to is None
    assert UnitSuccession.objects.get().successor == receiving


def test_the_unit_page_proposes_itself(staff_client, loc_binh):
    unit = loc_binh["Đồng Bục"]
    page = staff_client.get(unit.get_absolute_url()).content.decode()
    link = f"{URL}?unit={unit.pk}"
    assert f'href="{link}"' in page
    form = staff_client.get(link).context["form"]
    assert form.initial["predecessors"] == [unit.pk]


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({}, "name", "Nhập mục này cho đơn vị mới, hoặc chọn đơn vị nhận sáp nhập."),
        ({"name": "X", "unit_type": "xa"}, "level", "Nhập mục này cho đơn vị mới"),
        (
            {"name": "X", "unit_type": "xa", "level": "commune", "effective_date": "31/02/2025"},
            "effective_date",
            "Ngày không tồn tại.",
        ),
    ],
)
def test_an_incomplete_merger_says_what_is_missing_and_saves_nothing(
    staff_client, loc_binh, fields, field, message
):
    data = _form(staff_client, predecessors=[loc_binh["Khánh Xuân"].pk])
    data.update(fields)
    response = staff_client.post(URL, data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not UnitSuccession.objects.exists()
    assert Unit.objects.count() == 5


def test_a_unit_that_had_already_ended_cannot_be_merged(staff_client, loc_binh):
    gone = loc_binh["Hữu Khánh"]
    gone.valid_to = dt.date(2020, 1, 1)
    gone.save()
    # Offered no more; asked for anyway (an old page), the service refuses it by name.
    data = _form(staff_client, predecessors=[gone.pk], successor=loc_binh["Lộc Bình"].pk)
    response = staff_client.post(URL, data)
    assert response.status_code == 200 and not UnitSuccession.objects.exists()
    assert "predecessors" in response.context["form"].errors

    from council.services import unit_merge

    with pytest.raises(Exception, match="Hữu Khánh"):
        unit_merge(
            predecessors=[gone],
            effective_date=dt.date(2025, 7, 1),
            successor=loc_binh["Lộc Bình"],
        )
    gone.refresh_from_db()
    assert gone.valid_to == dt.date(2020, 1, 1)


def test_the_same_page_sent_twice_merges_once(staff_client, loc_binh):
    data = _form(
        staff_client,
        predecessors=[loc_binh["Khánh Xuân"].pk, loc_binh["Đồng Bục"].pk],
        name="Khánh Đồng",
        unit_type="xa",
        level="commune",
    )
    first = staff_client.post(URL, data)
    second = staff_client.post(URL, data)
    new = Unit.objects.get(name="Khánh Đồng")
    assert first["Location"] == second["Location"] == new.get_absolute_url()
    assert UnitSuccession.objects.count() == 2


def test_only_the_secretariat_rearranges_units(leader_client, loc_binh):
    assert leader_client.get(URL).status_code == 403
    data = {"predecessors": [loc_binh["Khánh Xuân"].pk], "effective_date": "01/07/2025"}
    assert leader_client.post(URL, data | {"successor": loc_binh["Lộc Bình"].pk}).status_code == 403
    assert not UnitSuccession.objects.exists()
