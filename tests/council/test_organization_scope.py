"""Organisations belong to a council or are shared (issue 19): a commune's pages offer its own
organisations, its province's and the shared ones, never another commune's."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from council.models import Council, Organization, Term
from tests.helpers import council_client, form_values, post_form
from voters.imports import _Lookups

pytestmark = pytest.mark.django_db

# Every page that offers organisations, and the drop-down that does.
OFFERING = [
    ("voters:voterpetition_list", "recipient"),
    ("voters:petition_awaiting", "recipient"),
    ("voters:voterpetition_create", "responsible_org"),
    ("voters:forwardingbatch_create", "recipient"),
    ("voters:votermeeting_create", "co_organizer"),
    ("oversight:recommendation_list", "addressee"),
    ("oversight:recommendation_overdue", "addressee"),
    ("oversight:activity_create", "supervised_organizations"),
]


def _commune(province: Council, place: str) -> Council:
    commune = Council.objects.create(
        name=f"Hội đồng nhân dân xã {place}",
        short_name=f"HĐND xã {place}",
        level=Council.Level.COMMUNE,
        parent=province,
        place_name=place,
        header_name=f"HỘI ĐỒNG NHÂN DÂN\nXÃ {place.upper()}",
        secretariat_name=f"Văn phòng HĐND và UBND xã {place}",
    )
    Term.objects.create(council=commune, ordinal=1, roman="I", start_date=dt.date(2026, 3, 25))
    return commune


@pytest.fixture
def places(council):
    """The province (the `council` fixture), two of its communes and a shared organisation."""
    tam_thanh, khanh_xuan = _commune(council, "Tam Thanh"), _commune(council, "Khánh Xuân")
    orgs = {
        "shared": Organization.objects.create(name="Bộ Tài chính", kind="central", level="central"),
        "province": Organization.objects.create(name="Sở Y tế tỉnh Thử Nghiệm", council=council),
        "own": Organization.objects.create(
            name="Ủy ban nhân dân xã Tam Thanh", kind="ubnd", level="commune", council=tam_thanh
        ),
        "other": Organization.objects.create(
            name="Ủy ban nhân dân xã Khánh Xuân", kind="ubnd", level="commune", council=khanh_xuan
        ),
    }
    return council, tam_thanh, khanh_xuan, orgs


def _edit(client, org: Organization, **changes):
    """The organisation's edit form sent back as it stands, with `changes`."""
    url = reverse("council:organization_update", args=[org.pk])
    data = form_values(client.get(url).content.decode())
    return client.post(url, {**data, **changes})


def _offered(page: str, name: str) -> set[int]:
    """The options of the page's drop-down `name` (its primary keys)."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select is not None, name
    return {int(v) for v in re.findall(r'<option value="(\d+)"', select.group(1))}


@pytest.mark.parametrize(("url_name", "field"), OFFERING)
def test_a_commune_is_offered_its_own_its_province_s_and_shared_organisations(
    places, url_name, field
):
    _province, tam_thanh, _khanh_xuan, orgs = places
    client = council_client(tam_thanh, "xa-tam-thanh")
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    offered = _offered(response.content.decode(), field)
    expected = {orgs["shared"].pk, orgs["province"].pk, orgs["own"].pk}
    assert offered == expected


def test_the_province_is_offered_its_own_and_shared_organisations_not_its_communes(places):
    province, _tam_thanh, _khanh_xuan, orgs = places
    client = council_client(province, "tinh-chuyen-vien")
    page = client.get(reverse("voters:voterpetition_create")).content.decode()
    assert _offered(page, "responsible_org") == {orgs["shared"].pk, orgs["province"].pk}


def test_another_commune_s_organisation_is_not_found_and_not_accepted(places):
    _province, tam_thanh, _khanh_xuan, orgs = places
    client = council_client(tam_thanh, "xa-tam-thanh")
    other = orgs["other"]
    assert client.get(reverse("council:organization_detail", args=[other.pk])).status_code == 404
    province_org = orgs["province"]
    detail = reverse("council:organization_detail", args=[province_org.pk])
    assert client.get(detail).status_code == 200
    listed = client.get(reverse("council:organization_list")).context["table"].rows
    assert {row.record for row in listed} == {orgs["shared"], province_org, orgs["own"]}
    response = client.get(reverse("voters:voterpetition_list"), {"recipient": other.pk})
    assert "recipient" in response.context["filter"].form.errors


def test_a_new_organisation_belongs_to_the_council_that_adds_it(places):
    _province, tam_thanh, _khanh_xuan, _orgs = places
    client = council_client(tam_thanh, "xa-tam-thanh")
    data = {"name": "Trạm Y tế xã Tam Thanh", "short_name": "", "kind": "other", "level": "commune"}
    response = post_form(client, reverse("council:organization_create"), data)
    assert response.status_code == 302, response.context["form"].errors
    assert Organization.objects.get(name="Trạm Y tế xã Tam Thanh").council == tam_thanh


def test_a_commune_does_not_edit_or_delete_its_province_s_or_shared_organisations(places):
    province, tam_thanh, _khanh_xuan, orgs = places
    client = council_client(tam_thanh, "xa-tam-thanh")
    for org in (orgs["province"], orgs["shared"]):
        update = reverse("council:organization_update", args=[org.pk])
        delete = reverse("council:organization_delete", args=[org.pk])
        assert client.get(update).status_code == 403
        assert client.post(update, {"name": org.name, "short_name": "Đổi"}).status_code == 403
        assert client.post(delete).status_code == 403
        org.refresh_from_db()
        assert org.short_name != "Đổi"
    assert _edit(client, orgs["own"], short_name="UBND xã").status_code == 302
    # The province edits the shared ones, as it did when every organisation was shared.
    staff = council_client(province, "tinh-chuyen-vien")
    assert _edit(staff, orgs["shared"], short_name="Bộ TC").status_code == 302


def test_an_import_names_only_the_organisations_its_council_may_choose(places):
    _province, tam_thanh, _khanh_xuan, orgs = places
    lookups = _Lookups(tam_thanh.terms.get())
    assert set(lookups.orgs.values()) == {orgs["shared"], orgs["province"], orgs["own"]}
