"""Property-based: generated data posted to every create form never causes a 500 and never a
partial save (an invalid submission leaves every table as it was)."""

from __future__ import annotations

import string

import pytest
from django.apps import apps
from django.urls import NoReverseMatch, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_permission_matrix import ADMIN_ONLY, MATRIX
from tests.test_urls_access import _patterns

pytestmark = pytest.mark.django_db

VALUE = st.one_of(
    st.text(alphabet=string.printable + "đĐăâêôơưạảấầẩẫậếềểễệ", max_size=40),
    st.integers(min_value=-(2**40), max_value=2**40).map(str),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.sampled_from(
        [
            "",
            "0",
            "1",
            "-1",
            "on",
            "true",
            "31/02/2019",
            "2019-13-45",
            "9" * 30,
            "<script>x</script>",
            "' OR 1=1 --",
        ]
    ),
)


def _create_urls() -> list[str]:
    urls = []
    for name, route, _entry in _patterns():
        if name.endswith("_create") and "<" not in route:
            try:
                urls.append(reverse(name))
            except NoReverseMatch:
                continue
    return sorted(urls)


def _row_counts() -> dict[str, int]:
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.app_label
        in {
            "council",
            "council_sessions",
            "resolutions",
            "oversight",
            "voters",
            "reports",
            "standing",
        }
        and not m._meta.label.endswith(("SecurityEvent",))
    }


def _administrators_only() -> set[str]:
    """Create forms of national reference data (the holiday calendar, the legal deadlines):
    administrators only, so fuzzed as an administrator."""
    return {
        reverse(name)
        for name, refused in MATRIX.items()
        if refused is ADMIN_ONLY and name.endswith("_create")
    }


def test_there_are_create_forms_to_fuzz():
    assert len(_create_urls()) >= 10


@pytest.mark.parametrize("url", _create_urls())
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_generated_posts_never_500_nor_save_partially(
    request, staff_client, term, committee, organization, url, data
):
    if url in _administrators_only():
        staff_client = request.getfixturevalue("admin_client_")  # the same client, logged in
    page = staff_client.get(url)
    assert page.status_code == 200, url
    form = page.context.get("form")
    names = list(form.fields) if form is not None else []
    payload = {name: data.draw(VALUE, label=name) for name in names}
    before = _row_counts()
    response = staff_client.post(url, payload)
    assert response.status_code in (200, 302, 400, 403), (url, response.status_code)
    if response.status_code != 302:
        assert _row_counts() == before, url
