from __future__ import annotations

import pytest
from django.urls import reverse

from council.models import Organization, Term
from tests.helpers import post_form

pytestmark = pytest.mark.django_db


def test_staff_can_create_an_organization(staff_client):
    response = post_form(
        staff_client,
        reverse("council:organization_create"),
        {
            "name": "Sở Tài chính",
            "short_name": "STC",
            "kind": "department",
            "level": "province",
            "is_active": "on",
        },
    )
    org = Organization.objects.get(name="Sở Tài chính")
    assert response.status_code == 302
    assert response.url == org.get_absolute_url()


def test_staff_can_edit_a_term_with_vietnamese_dates(staff_client, term):
    response = post_form(
        staff_client,
        reverse("council:term_update", args=[term.pk]),
        {
            "council": term.council_id,
            "ordinal": 9,
            "roman": "ix",
            "start_date": "01/06/2016",
            "end_date": "30/06/2021",
        },
    )
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.roman == "IX"
    assert term.end_date.isoformat() == "2021-06-30"


def test_term_form_explains_a_bad_end_date_in_vietnamese(staff_client, term):
    response = staff_client.post(
        reverse("council:term_update", args=[term.pk]),
        {
            "council": term.council_id,
            "ordinal": 9,
            "roman": "IX",
            "start_date": "01/06/2016",
            "end_date": "01/01/2010",
        },
    )
    assert response.status_code == 200
    assert "Ngày kết thúc phải sau ngày bắt đầu." in response.content.decode()
    term.refresh_from_db()
    assert term.end_date.year == 2021


def test_leader_cannot_edit_a_term(leader_client, term):
    response = leader_client.post(reverse("council:term_update", args=[term.pk]), {"roman": "X"})
    assert response.status_code == 403
    assert Term.objects.get(pk=term.pk).roman == "IX"


def test_leader_can_read_lists_and_details(leader_client, term, organization):
    assert leader_client.get(reverse("council:term_list")).status_code == 200
    assert leader_client.get(reverse("council:term_detail", args=[term.pk])).status_code == 200
    response = leader_client.get(reverse("council:organization_list"), {"q": "uy ban nhan dan"})
    assert organization.name in response.content.decode()


def test_user_without_a_role_is_refused(client, django_user_model):
    user = django_user_model.objects.create_user("norole", password="x-very-long-password")
    client.force_login(user)
    assert client.get(reverse("council:term_list")).status_code == 403


def test_deleting_a_referenced_record_is_refused_with_a_reason(staff_client, committee):
    response = staff_client.post(
        reverse("council:term_delete", args=[committee.term_id]), follow=True
    )
    assert Term.objects.filter(pk=committee.term_id).exists()
    assert "Không thể xoá" in response.content.decode()


def test_login_page_is_in_vietnamese(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Đăng nhập" in response.content.decode()


def test_forms_built_on_the_base_form_show_dates_as_dd_mm_yyyy(staff_client, term):
    page = staff_client.get(reverse("council:term_update", args=[term.pk])).content.decode()
    assert 'value="01/06/2016"' in page
    assert 'placeholder="dd/mm/yyyy"' in page


def test_an_out_of_range_id_is_an_invalid_choice_not_a_server_error(staff_client, term):
    response = staff_client.post(
        reverse("council:committee_create"), {"term": "9" * 30, "code": "phap_che", "name": "X"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["term"]


def test_an_english_browser_still_gets_vietnamese_dates(staff_client, term):
    response = staff_client.get(reverse("council:term_list"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    page = response.content.decode()
    assert "01/06/2016" in page
    assert "06/01/2016" not in page


def test_list_header_shows_the_number_of_records(staff_client, term):
    page = staff_client.get(reverse("council:term_list")).content.decode()
    assert '<span class="badge text-bg-secondary fw-normal">1</span>' in page


def test_delegate_page_queries_do_not_grow_with_positions(
    staff_client, term, committee, other_committee
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from council.models import Delegate, Position

    delegate = Delegate.objects.create(full_name="Hoàng Văn B", term=term, committee=committee)
    url = reverse("council:delegate_detail", args=[delegate.pk])
    Position.objects.create(delegate=delegate, role="committee_member", committee=committee)
    staff_client.get(url)
    with CaptureQueriesContext(connection) as one:
        staff_client.get(url)
    for c in (committee, other_committee, other_committee):
        Position.objects.create(delegate=delegate, role="committee_deputy_head", committee=c)
    with CaptureQueriesContext(connection) as four:
        staff_client.get(url)
    assert len(four) == len(one)
