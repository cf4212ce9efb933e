"""Two councils in one installation never see each other's rows (issue 19).

The demo's province council holds a year of work; a commune council of that province holds
nothing. A staff login of the commune (and, in the delegates' room, a delegate of the commune)
opens every URL of the project with the province's real ids: every record page, form and delete is "not found", every list is empty, no export has a
row, no page names the province's council; drop-downs offer none of its records and a form
sent with one of them is refused. The province's staff may look at the commune (and back)."""

from __future__ import annotations

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from council.models import Council
from council.selectors import province_council
from sessions.models import Session
from tests.delegates.conftest import delegate_login
from tests.helpers import council_client
from tests.test_permission_matrix import (
    ADMIN_ONLY,
    DELEGATE,
    MATRIX,
    PUBLIC,
    _files_to_open,
    _url,
)
from tests.test_urls_access import _patterns

pytestmark = pytest.mark.django_db

# Reference data one installation's councils share: their records are the same for all.
SHARED = {
    "administrativeunit",
    "unitsuccession",
    "organization",
    "petitionfield",
    "resolutionfield",
    # National: one calendar of holidays and one law for every council (issue 21).
    "holiday",
    "deadlinerule",
    "retentionrule",
}
# The national reference data's writes: administrators only, so a commune's staff is refused.
ADMINISTRATORS_ONLY = {name for name, refused in MATRIX.items() if refused is ADMIN_ONLY}
# A shared organisation is read by every council and changed only by the province
# (Organization.is_managed_by): the commune's edit and delete of one are refused.
KEPT_BY_THE_PROVINCE = {"council:organization_update", "council:organization_delete"}
# Lists of what every council is given when it is created (the register's usual series,
# documents.services.series_defaults_ensure): the commune's own rows, never the province's.
OWN_FROM_THE_START = {"documents:documentseries_list"}
# Pages that are the login's own, not a council's.
OWN_PAGES = {"password_change", "password_change_done", "otp_verify", "otp_setup", "council_choose"}
# The delegates' room's own pages: a delegate's login only (a staff login is refused them).
DELEGATE_PAGES = {name for name, refused in MATRIX.items() if refused is DELEGATE}


@pytest.fixture
def two_councils(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", verbosity=0)
    _files_to_open()
    province = province_council()
    commune = Council.objects.create(
        name="Hội đồng nhân dân xã Khánh Xuân",
        short_name="HĐND xã Khánh Xuân",
        level=Council.Level.COMMUNE,
        parent=province,
        place_name="Khánh Xuân",
        header_name="HỘI ĐỒNG NHÂN DÂN\nXÃ KHÁNH XUÂN",
        secretariat_name="Văn phòng HĐND và UBND xã Khánh Xuân",
    )
    return province, commune


def _pk_model(name: str, route: str) -> str | None:
    """The model prefix of the record a URL opens, or None for a URL without one (a year's
    report is the request's council's own)."""
    if "<int:" not in route.replace("<int:year>", ""):
        return None
    return name.split(":")[-1].rsplit("_", 1)[0]


def _export_rows(response) -> int:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("text/csv"):
        return len(content.decode("utf-8-sig").strip().splitlines()) - 1
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return sum(1 for row in sheet.iter_rows(values_only=True) if any(row)) - 1


def test_a_commune_login_finds_nothing_of_the_province_at_any_url(two_councils):
    province, commune = two_councils
    client = council_client(commune, "xa-khanh-xuan")
    failures = []
    for name, route, _entry in _patterns():
        if name.startswith("admin:") or name in PUBLIC or name in OWN_PAGES:
            continue
        url = _url(name, route)  # the province's first record of each kind
        response = client.get(url)
        if response.status_code == 405:  # POST-only actions
            response = client.post(url, {})
        code = response.status_code
        if name in DELEGATE_PAGES:  # walked by the commune's delegate below
            if code != 403:
                failures.append(f"{name} {url}: {code}, not 403")
            continue
        model = _pk_model(name, route)
        if model is not None and model not in SHARED and not name.endswith("_create"):
            if code != 404:
                failures.append(f"{name} {url}: {code}, not 404")
            continue
        if code == 403 and (name in KEPT_BY_THE_PROVINCE or name in ADMINISTRATORS_ONLY):
            continue
        if code >= 400 and not (code == 404 and model is not None):
            failures.append(f"{name} {url}: {code}")
            continue
        if code != 200:
            continue
        if response.get("Content-Disposition", "").startswith("attachment"):
            if "template" not in name and _export_rows(response) > 0:
                failures.append(f"{name} {url}: the export has the province's rows")
            continue
        page = response.content.decode()
        if province.name in page and name != "council:council_list":  # its parent, by name
            failures.append(f"{name} {url}: names {province.name}")
        table = response.context.get("table") if response.context else None
        if name == "council:council_list":  # the commune's own council, nothing else
            assert [row.record for row in table.rows] == [commune]
        elif name in OWN_FROM_THE_START:
            assert {row.record.council_id for row in table.rows} == {commune.pk}
        elif table is not None and table.paginator.count and model not in SHARED:
            listed = name.split(":")[-1].removesuffix("_list")
            if listed not in SHARED:
                failures.append(f"{name} {url}: lists {table.paginator.count} rows")
    assert not failures, "\n".join(failures)


def test_a_commune_delegate_finds_nothing_of_the_province_in_the_delegates_room(two_councils):
    """The delegates' room walked by a delegate of the commune with the province's real ids:
    every session, document, note, zip and registration of the province is "not found"."""
    import datetime as dt

    from council.models import Delegate, Term

    province, commune = two_councils
    term = Term.objects.create(
        council=commune, ordinal=1, roman="I", start_date=dt.date(2026, 3, 27)
    )
    delegate = Delegate.objects.create(term=term, full_name="Nông Văn Xã", birth_year=1980)
    _user, client = delegate_login(delegate)
    failures = []
    for name, route, _entry in _patterns():
        if name not in DELEGATE_PAGES:
            continue
        url = _url(name, route)
        response = client.get(url)
        if response.status_code == 405:
            response = client.post(url, {})
        code = response.status_code
        if _pk_model(name, route) is not None:
            if code != 404:
                failures.append(f"{name} {url}: {code}, not 404")
        elif code != 200:
            failures.append(f"{name} {url}: {code}")
        elif response["Content-Type"].startswith("text/html") and (
            province.name in response.content.decode()
        ):
            failures.append(f"{name} {url}: names {province.name}")
    assert not failures, "\n".join(failures)


def test_a_form_sent_with_the_province_s_records_is_refused(two_councils):
    province, commune = two_councils
    client = council_client(commune, "xa-khanh-xuan")
    form = client.get(reverse("sessions:session_create")).context["form"]
    assert list(form.fields["term"].queryset) == []  # the commune has no term yet
    province_term = province.terms.order_by("pk").first()
    before = Session.objects.count()
    response = client.post(
        reverse("sessions:session_create"),
        {"term": province_term.pk, "number": 99, "kind": "regular", "start_date": "01/12/2026"},
    )
    assert response.status_code == 200
    assert "term" in response.context["form"].errors
    assert Session.objects.count() == before


def test_the_province_looks_at_its_commune_and_back(two_councils):
    province, commune = two_councils
    client = council_client(None, "tinh-chuyen-vien")  # no council set: the province's
    sessions = reverse("sessions:session_list")
    assert client.get(sessions).context["table"].paginator.count > 0
    choose = client.get(reverse("council_choose"))
    listed = [c.pk for c in choose.context["councils"]]
    assert listed[0] == province.pk and commune.pk in listed
    assert set(listed) == set(Council.objects.values_list("pk", flat=True))  # its communes

    response = client.post(reverse("council_choose"), {"council": commune.pk}, follow=True)
    assert f"Đang xem dữ liệu của {commune.name}" in response.content.decode()
    assert "Đang xem" in client.get(sessions).content.decode()
    assert client.get(sessions).context["table"].paginator.count == 0
    first_session = Session.objects.order_by("pk").first()
    detail = reverse("sessions:session_detail", args=[first_session.pk])
    assert client.get(detail).status_code == 404

    client.post(reverse("council_choose"), {"council": province.pk})
    assert client.get(sessions).context["table"].paginator.count > 0
    assert client.get(detail).status_code == 200


def test_a_commune_login_may_not_choose_the_province(two_councils):
    province, commune = two_councils
    client = council_client(commune, "xa-khanh-xuan")
    assert [c.pk for c in client.get(reverse("council_choose")).context["councils"]] == [commune.pk]
    response = client.post(reverse("council_choose"), {"council": province.pk}, follow=True)
    assert "Không có HĐND này" in response.content.decode()
    sessions = client.get(reverse("sessions:session_list"))
    assert sessions.context["table"].paginator.count == 0


def test_every_model_of_a_council_s_data_says_how_its_rows_reach_their_council():
    """A new model of council data must declare council_path, or the pages would show it to
    every council; reference data shared by all is listed here by name."""
    shared = {
        "council.administrativeunit",
        "council.unitsuccession",
        "voters.petitionfield",
        "resolutions.resolutionfield",
        "council.holiday",
        "voters.deadlinerule",
        "voters.retentionrule",
    }
    apps_with_data = {
        "council",
        "council_sessions",
        "resolutions",
        "oversight",
        "voters",
        "reports",
        "standing",
    }
    missing = [
        model._meta.label_lower
        for model in apps.get_models()
        if model._meta.app_label in apps_with_data
        and not model.__name__.startswith("Historical")
        and model._meta.label_lower not in shared
        and not hasattr(model, "council_path")
    ]
    assert missing == []


def test_the_province_adds_a_commune_council_and_a_commune_adds_none(two_councils):
    from tests.helpers import post_form

    province, commune = two_councils
    staff = council_client(None, "tinh-chuyen-vien")
    form = staff.get(reverse("council:council_create")).context["form"]
    assert list(form.fields["parent"].queryset) == [province]
    data = {
        "name": "Hội đồng nhân dân phường Tam Thanh Mới",
        "short_name": "HĐND phường Tam Thanh Mới",
        "level": "commune",
        "parent": province.pk,
        "place_name": "Tam Thanh Mới",
        "header_name": "HỘI ĐỒNG NHÂN DÂN\nPHƯỜNG TAM THANH MỚI",
        "secretariat_name": "Văn phòng HĐND và UBND phường Tam Thanh Mới",
        "resolution_symbol": "NQ-HĐND",
        "report_symbol": "BC-HĐND",
        "resolution_sequence": "separate",
        "rate_rounding": "round",
    }
    response = post_form(staff, reverse("council:council_create"), data)
    assert response.status_code == 302, response.context["form"].errors
    listed = staff.get(reverse("council:council_list")).context["table"].rows
    new = Council.objects.get(name="Hội đồng nhân dân phường Tam Thanh Mới")
    assert new.parent == province
    assert {row.record for row in listed} == {province, *province.communes.all()}
    assert new in province.communes.all() and commune in province.communes.all()

    other = council_client(commune, "xa-khanh-xuan")
    form = other.get(reverse("council:council_create")).context["form"]
    assert list(form.fields["parent"].queryset) == []
    response = post_form(
        other, reverse("council:council_create"), data | {"name": "HĐND khác", "parent": ""}
    )
    assert response.status_code == 200, response.get("Location")
    form = response.context["form"]
    assert "HĐND cấp xã không tạo HĐND khác." in form.non_field_errors(), (
        form.council,
        form.errors,
    )
    assert not Council.objects.filter(name="HĐND khác").exists()
