"""The holiday calendar's pages (council.holidays): every secretariat role reads a year of it,
only administrators write it, and a wrong entry is refused in Vietnamese.

Rows are entered in 2031-2032, years the seed migration (council/0020) leaves empty, except
where a test means the seed's row (a duplicate of 16/02/2026, a day of Tết)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from council.models import Holiday
from tests.helpers import post_form

pytestmark = pytest.mark.django_db

LIST = reverse("council:holiday_list")
CREATE = reverse("council:holiday_create")


def _day(day: date, kind: str = Holiday.Kind.DAY_OFF, name: str = "Ngày thử") -> Holiday:
    return Holiday.objects.create(date=day, kind=kind, name=name)


def test_the_year_filter_lists_that_year_only(staff_client):
    _day(date(2031, 1, 1), name="Tết Dương lịch 2031")
    _day(date(2032, 1, 1), name="Tết Dương lịch 2032")
    page = staff_client.get(LIST, {"nam": 2031}).content.decode()
    assert "01/01/2031" in page and "Tết Dương lịch 2031" in page
    assert "Tết Dương lịch 2032" not in page
    assert "Thứ Tư" in page  # 01/01/2031 is a Wednesday


def test_the_list_opens_on_the_current_year(staff_client):
    this_year = timezone.localdate().year
    _day(date(this_year, 12, 31), name="Ngày của năm nay")
    _day(date(this_year + 1, 12, 31), name="Ngày của năm sau")
    page = staff_client.get(LIST).content.decode()
    assert "Ngày của năm nay" in page
    assert "Ngày của năm sau" not in page


def test_leader_and_committee_member_read_the_calendar(leader_client):
    assert leader_client.get(LIST, {"nam": 2026}).status_code == 200


@pytest.mark.parametrize("who", ["staff_client", "leader_client", "committee_client"])
def test_only_an_administrator_may_add_edit_or_delete_a_holiday(request, who):
    client = request.getfixturevalue(who)
    day = _day(date(2031, 4, 30))
    assert client.get(CREATE).status_code == 403
    assert (
        client.post(CREATE, {"date": "02/05/2031", "kind": "day_off", "name": "x"}).status_code
        == 403
    )
    assert client.get(reverse("council:holiday_update", args=[day.pk])).status_code == 403
    assert client.post(reverse("council:holiday_delete", args=[day.pk])).status_code == 403
    assert Holiday.objects.filter(pk=day.pk).exists()
    assert not Holiday.objects.filter(date=date(2031, 5, 2)).exists()


def test_staff_see_no_edit_buttons(staff_client):
    day = _day(date(2031, 4, 30))
    page = staff_client.get(LIST, {"nam": 2031}).content.decode()
    assert "Ngày thử" in page
    assert reverse("council:holiday_update", args=[day.pk]) not in page
    assert CREATE not in page


def test_the_administrator_sees_the_edit_buttons(admin_client_):
    day = _day(date(2031, 4, 30))
    page = admin_client_.get(LIST, {"nam": 2031}).content.decode()
    assert reverse("council:holiday_update", args=[day.pk]) in page
    assert CREATE in page


def test_an_administrator_enters_a_day_off_and_returns_to_its_year(admin_client_):
    response = post_form(
        admin_client_,
        CREATE,
        {"date": "02/05/2031", "kind": "day_off", "name": "Nghỉ hoán đổi", "basis": "Thử"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?nam=2031"
    assert Holiday.objects.get(date=date(2031, 5, 2)).name == "Nghỉ hoán đổi"


def test_a_date_already_in_the_calendar_is_refused_in_vietnamese(admin_client_):
    assert Holiday.objects.filter(date=date(2026, 2, 16)).exists()  # the seed's Tết
    response = post_form(
        admin_client_, CREATE, {"date": "16/02/2026", "kind": "day_off", "name": "Tết lần hai"}
    )
    assert response.status_code == 200
    assert "Ngày này đã có trong lịch nghỉ lễ." in response.content.decode()
    assert Holiday.objects.filter(date=date(2026, 2, 16)).count() == 1


def test_a_swapped_working_day_on_a_weekday_is_refused(admin_client_):
    response = post_form(
        admin_client_, CREATE, {"date": "05/03/2031", "kind": "working_day", "name": "Làm bù"}
    )
    assert "Ngày làm việc bù phải là thứ Bảy hoặc Chủ nhật; ngày đã chọn là Thứ Tư." in (
        response.content.decode()
    )
    assert not Holiday.objects.filter(date=date(2031, 3, 5)).exists()


def test_a_day_off_on_a_sunday_asks_for_the_day_in_lieu(admin_client_):
    response = post_form(
        admin_client_, CREATE, {"date": "09/03/2031", "kind": "day_off", "name": "Lễ"}
    )
    assert "Chủ nhật đã là ngày nghỉ hằng tuần" in response.content.decode()
    assert not Holiday.objects.filter(date=date(2031, 3, 9)).exists()


def test_an_administrator_deletes_a_day_after_confirming(admin_client_):
    day = _day(date(2031, 4, 30), name="Ngày Chiến thắng")
    url = reverse("council:holiday_delete", args=[day.pk])
    confirm = admin_client_.get(url)
    assert confirm.status_code == 200 and "Ngày Chiến thắng" in confirm.content.decode()
    assert Holiday.objects.filter(pk=day.pk).exists()
    response = admin_client_.post(url)
    assert response.status_code == 302 and response["Location"] == f"{LIST}?nam=2031"
    assert not Holiday.objects.filter(pk=day.pk).exists()


def test_the_council_registry_links_the_calendar(staff_client):
    assert LIST in staff_client.get(reverse("council:registry")).content.decode()
