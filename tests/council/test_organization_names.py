"""Organisation names are unique within a council, not across the installation (issue 19): two
communes each have their "Công an xã"; the shared organisations (no council) stay unique among
themselves; a name is looked up among the user's council's organisations."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from core.services import record_save
from core.text import fold
from council.models import Council, Organization, Term
from tests.helpers import council_client, post_form
from voters.imports import _Lookups

pytestmark = pytest.mark.django_db

SAME_NAME = "Công an xã"
IN_COUNCIL = "HĐND này đã có cơ quan, tổ chức mang tên này."
SHARED = "Đã có cơ quan, tổ chức dùng chung mang tên này."


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


def _org(name: str, council: Council | None, **fields) -> Organization:
    return record_save(instance=Organization(name=name, council=council, **fields))


@pytest.fixture
def communes(council):
    return _commune(council, "Tam Thanh"), _commune(council, "Khánh Xuân")


def test_two_communes_may_each_have_an_organisation_of_the_same_name(council, communes):
    tam_thanh, khanh_xuan = communes
    _org(SAME_NAME, tam_thanh)
    _org(SAME_NAME, khanh_xuan)
    _org(SAME_NAME, council)  # and their province
    _org(SAME_NAME, None)  # and a shared one
    assert Organization.objects.filter(name=SAME_NAME).count() == 4


def test_a_council_has_one_organisation_of_a_name(communes):
    tam_thanh, _khanh_xuan = communes
    _org(SAME_NAME, tam_thanh)
    with pytest.raises(ValidationError) as refused:
        _org(SAME_NAME, tam_thanh)
    assert IN_COUNCIL in refused.value.messages
    # The database holds to it too, whatever writes the row.
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.create(name=SAME_NAME, council=tam_thanh)


def test_the_shared_organisations_stay_unique_among_themselves():
    _org("Bộ Tài chính", None, kind="central", level="central")
    with pytest.raises(ValidationError) as refused:
        _org("Bộ Tài chính", None, kind="central", level="central")
    assert SHARED in refused.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.create(name="Bộ Tài chính")


def test_the_form_says_in_vietnamese_that_the_council_has_that_name_already(communes):
    tam_thanh, khanh_xuan = communes
    _org(SAME_NAME, khanh_xuan)  # another commune's: no obstacle
    client = council_client(tam_thanh, "xa-tam-thanh")
    data = {"name": SAME_NAME, "short_name": "", "kind": "department", "level": "commune"}
    response = post_form(client, reverse("council:organization_create"), data)
    assert response.status_code == 302
    assert Organization.objects.get(name=SAME_NAME, council=tam_thanh)

    response = post_form(client, reverse("council:organization_create"), data)
    assert response.status_code == 200
    assert IN_COUNCIL in response.content.decode()
    assert Organization.objects.filter(name=SAME_NAME, council=tam_thanh).count() == 1


def test_an_import_names_its_council_s_own_organisation_before_its_province_s_or_a_shared_one(
    council, term, communes
):
    tam_thanh, khanh_xuan = communes
    shared = _org(SAME_NAME, None)
    province = _org(SAME_NAME, council)
    _org(SAME_NAME, khanh_xuan)
    assert _Lookups(tam_thanh.terms.get()).orgs[fold(SAME_NAME)] == province
    own = _org(SAME_NAME, tam_thanh)
    assert _Lookups(tam_thanh.terms.get()).orgs[fold(SAME_NAME)] == own
    # The province sees its own, never a commune's.
    assert _Lookups(term).orgs[fold(SAME_NAME)] == province
    province.delete()
    assert _Lookups(term).orgs[fold(SAME_NAME)] == shared
