"""The form that adds a document to a session's agenda says which session, and numbers the
documents from 1."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sessions.models import AgendaItem
from tests.helpers import post_form

pytestmark = pytest.mark.django_db


def test_the_agenda_item_form_names_its_session_and_numbers_from_one(staff_client, make_session):
    session = make_session(number=13)
    url = reverse("sessions:agendaitem_create", args=[session.pk])
    page = staff_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert str(session) in html  # "Kỳ họp thứ 13 (chuyên đề), HĐND khóa IX"
    assert page.context["form"].initial["order"] == 1
    assert 'name="order" value="1"' in html

    response = post_form(
        staff_client, url, {"order": 1, "doc_type": "submission", "title": "Tờ trình dự toán"}
    )
    assert response.status_code == 302
    assert staff_client.get(url).context["form"].initial["order"] == 2
    assert list(AgendaItem.objects.values_list("order", flat=True)) == [1]


def test_editing_an_agenda_item_names_its_session_too(staff_client, make_session):
    session = make_session(number=14)
    item = AgendaItem.objects.create(session=session, order=3, title="Báo cáo thẩm tra")
    page = staff_client.get(reverse("sessions:agendaitem_update", args=[item.pk]))
    assert page.status_code == 200
    assert str(session) in page.content.decode()
    assert page.context["form"].initial["order"] == 3
