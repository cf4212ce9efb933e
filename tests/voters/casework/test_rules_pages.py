"""The "Thời hạn theo luật" pages (voters.views.rules): the secretariat reads the legal time
limits and retention periods, administrators change them, and the calculator answers a date.

The seed's rules (voters/0016) are what the page lists; the tests that change a rule enter
their own, for an event and years of their own."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from council.models import Holiday
from tests.helpers import post_form
from voters.models import DeadlineRule, RetentionRule

pytestmark = pytest.mark.django_db

LIST = reverse("voters:deadlinerule_list")
CREATE = reverse("voters:deadlinerule_create")


def test_the_secretariat_reads_the_limits_and_their_legal_basis(leader_client):
    page = leader_client.get(LIST).content.decode()
    assert "Luật Tố cáo 2018, Điều 30(1)" in page
    assert "Thời hạn lưu dữ liệu cá nhân" in page
    assert reverse("voters:deadlinerule_update", args=[DeadlineRule.objects.first().pk]) not in page


@pytest.mark.parametrize("who", ["staff_client", "leader_client", "committee_client"])
def test_only_an_administrator_may_change_a_limit(request, who):
    client = request.getfixturevalue(who)
    rule = DeadlineRule.objects.first()
    retention = RetentionRule.objects.first()
    assert client.get(CREATE).status_code == 403
    assert client.post(reverse("voters:deadlinerule_update", args=[rule.pk]), {}).status_code == 403
    assert (
        client.get(reverse("voters:retentionrule_update", args=[retention.pk])).status_code == 403
    )


def test_an_administrator_closes_a_rule_and_adds_the_new_one(admin_client_):
    old = DeadlineRule.objects.get(event="letter_processing")
    response = post_form(
        admin_client_,
        reverse("voters:deadlinerule_update", args=[old.pk]),
        {
            "event": "letter_processing",
            "days": "10",
            "unit": "working",
            "basis": old.basis,
            "valid_from": old.valid_from.strftime("%d/%m/%Y"),
            "valid_to": "28/02/2031",
        },
    )
    assert response.status_code == 302
    response = post_form(
        admin_client_,
        CREATE,
        {
            "event": "letter_processing",
            "days": "5",
            "unit": "working",
            "basis": "Thử",
            "valid_from": "01/03/2031",
        },
    )
    assert response.status_code == 302
    assert DeadlineRule.objects.filter(event="letter_processing").count() == 2


def test_a_rule_overlapping_the_one_in_force_is_refused_in_vietnamese(admin_client_):
    response = post_form(
        admin_client_,
        CREATE,
        {
            "event": "complaint_acceptance",
            "days": "5",
            "unit": "working",
            "basis": "Thử",
            "valid_from": "01/03/2031",
        },
    )
    assert response.status_code == 200
    assert "Thời gian áp dụng trùng với thời hạn đang có (áp dụng từ 01/07/2012)" in (
        response.content.decode()
    )
    assert DeadlineRule.objects.filter(event="complaint_acceptance").count() == 1


def test_an_administrator_changes_a_retention_period(admin_client_):
    retention = RetentionRule.objects.get(category="reception")
    response = post_form(
        admin_client_,
        reverse("voters:retentionrule_update", args=[retention.pk]),
        {"years": "7", "basis": "Quyết định của Văn phòng"},
    )
    assert response.status_code == 302 and response["Location"] == LIST
    retention.refresh_from_db()
    assert retention.years == 7


def test_the_calculator_gives_the_due_date_over_the_holidays(staff_client):
    Holiday.objects.filter(date__year=2031).delete()
    Holiday.objects.create(date=date(2031, 9, 2), kind=Holiday.Kind.DAY_OFF, name="Quốc khánh")
    # A denunciation received Friday 29/08/2031: 01/09 (1), 02/09 off, 03-05/09 (2-4),
    # 08/09 (5), 09/09 (6), 10/09 (7).
    page = staff_client.get(
        LIST, {"viec": "denunciation_acceptance", "tu_ngay": "29/08/2031"}
    ).content.decode()
    assert "Thứ Tư, 10/09/2031" in page


def test_the_calculator_refuses_a_third_extension_in_vietnamese(staff_client):
    page = staff_client.get(
        LIST, {"viec": "denunciation_resolution", "tu_ngay": "02/03/2026", "gia_han": "3"}
    ).content.decode()
    assert "Thời hạn này không được gia hạn số lần đó." in page


def test_the_calculator_says_when_no_rule_was_in_force(staff_client):
    page = staff_client.get(
        LIST, {"viec": "denunciation_acceptance", "tu_ngay": "02/03/2010"}
    ).content.decode()
    assert "Chưa có thời hạn nào áp dụng cho việc này vào ngày đó." in page


def test_the_letters_card_links_the_limits(staff_client):
    assert LIST in staff_client.get(reverse("voters:index")).content.decode()
