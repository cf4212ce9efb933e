"""Lists on a phone: every cell names its column (a row becomes a card of "label: value"
lines below 768 px), the summary column is marked to keep its room, and the filters fold away
behind a "Bộ lọc" button below 992 px. The browser test at 390 px is tests/e2e/test_phone.py."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_cell_of_a_list_names_its_column(staff_client, make_petition):
    make_petition(content="Đề nghị sửa chữa đường liên xã Thử")
    html = staff_client.get(reverse("voters:voterpetition_list")).content.decode()
    headers = [
        re.sub(r"<[^>]+>", "", h).strip()
        for h in re.findall(r'<th[^>]*scope="col">(.*?)</th>', html, re.S)
    ]
    row = re.search(r"<tbody[^>]*>\s*<tr[^>]*>(.*?)</tr>", html, re.S).group(1)
    labels = re.findall(r'<td[^>]*data-label="([^"]*)"', row)
    assert labels == headers and "Nội dung" in labels
    assert re.search(r'<td class="cell-summary" data-label="Nội dung">', row)


def test_filters_fold_away_behind_a_button_on_small_screens(staff_client, term):
    html = staff_client.get(reverse("sessions:session_list")).content.decode()
    assert re.search(
        r'<form method="get" class="[^"]*collapse d-lg-block[^"]*" id="list-filters"', html
    )
    assert re.search(r'data-bs-toggle="collapse" data-bs-target="#list-filters"', html)
    assert "Bộ lọc" in html
