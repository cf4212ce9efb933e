"""The menu: "Tổng quan" opens the dashboard, "Báo cáo" the report page of the latest year
that has work recorded (not the dashboard again under another address)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import resolve, reverse
from django.utils import timezone

from sessions.models import Session

pytestmark = pytest.mark.django_db


def _menu_link(html: str, label: str) -> str:
    menu = html[html.index('id="mainnav"') :]
    match = re.search(rf'href="([^"]+)"><i class="bi [^"]+"></i> {label}</a>', menu)
    assert match, f"no «{label}» in the menu"
    return match.group(1)


def test_overview_and_reports_open_different_pages(leader_client, term):
    Session.objects.create(
        term=term, number=9, kind="regular", start_date=dt.date(2019, 7, 10),
        end_date=dt.date(2019, 7, 12),
    )  # fmt: skip
    html = leader_client.get(reverse("home")).content.decode()
    overview, reports = _menu_link(html, "Tổng quan"), _menu_link(html, "Báo cáo")
    assert resolve(overview).url_name == "home"
    response = leader_client.get(reports)
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:annualreport_detail", args=[2019])
    assert resolve(response["Location"]).func is not resolve(overview).func
    page = leader_client.get(response["Location"])
    assert page.status_code == 200
    assert "Báo cáo kết quả hoạt động năm 2019" in page.content.decode()


def test_reports_open_this_year_when_no_session_is_recorded(leader_client, council):
    response = leader_client.get(reverse("reports:annualreport_latest"))
    year = timezone.localdate().year
    assert response["Location"] == reverse("reports:annualreport_detail", args=[year])


def test_reports_page_is_marked_in_the_menu_not_the_overview(leader_client, council):
    html = leader_client.get(reverse("reports:annualreport_detail", args=[2019])).content
    menu = html.decode()[html.decode().index('id="mainnav"') :]
    assert re.search(r'class="nav-link active" href="[^"]+"><i class="bi [^"]+"></i> Báo cáo', menu)
    assert not re.search(r'class="nav-link active"[^>]*><i class="bi [^"]+"></i> Tổng quan', menu)
