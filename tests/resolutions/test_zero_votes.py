"""A vote of 0 is a count, shown as 0: only a vote not recorded is "—"."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from resolutions.services import resolution_update

pytestmark = pytest.mark.django_db


def _shown(html: str, label: str) -> str:
    match = re.search(rf"<dt[^>]*>{label}</dt>\s*<dd[^>]*>(.*?)</dd>", html, re.S)
    assert match, label
    return match.group(1).strip()


def test_a_vote_of_zero_shows_zero(staff_client, make_resolution, staff_user):
    resolution = make_resolution(votes_for=9, votes_against=0, votes_abstain=0)
    url = reverse("resolutions:resolution_detail", args=[resolution.pk])
    html = staff_client.get(url).content.decode()
    assert _shown(html, "Tán thành") == "9"
    assert _shown(html, "Không tán thành") == "0"
    assert _shown(html, "Không biểu quyết") == "0"
    assert _shown(html, "Đại biểu có mặt") == "—"  # not recorded

    # The history of changes reads 0 → 1, not — → 1.
    resolution_update(resolution=resolution, votes_for=8, votes_against=1, user=staff_user)
    html = staff_client.get(url).content.decode()
    assert "<strong>Không tán thành</strong>: 0 → 1" in html
