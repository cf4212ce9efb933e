"""Drop-downs that follow another field (council.forms.follow, static/js/app.js), in a real
browser: choosing another term, or typing an adoption date of another term, changes the
sessions offered without saving anything."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from council.models import Term
from sessions.models import Session

from .test_year_of_work import _login

pytestmark = [pytest.mark.chromium, pytest.mark.django_db(transaction=True)]


def _offered(page) -> set[str]:
    values = page.eval_on_selector_all("#id_session option", "options => options.map(o => o.value)")
    return set(values) - {""}


def _wait_for_session(page, pk: int) -> None:
    page.wait_for_function(
        "pk => Array.from(document.querySelectorAll('#id_session option')).some(o => o.value === pk)",
        arg=str(pk),
    )


def test_the_sessions_offered_follow_the_term_and_the_adoption_date(
    new_page, council, term, staff_user
) -> None:
    old = Session.objects.create(
        term=term, number=4, start_date=dt.date(2019, 7, 10), end_date=dt.date(2019, 7, 12)
    )
    later = Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=dt.date(2021, 6, 1)
    )
    recent = Session.objects.create(
        term=later, number=2, start_date=dt.date(2022, 7, 1), end_date=dt.date(2022, 7, 2)
    )
    page = new_page()
    _login(page, staff_user.username)

    # A new petition starts in the latest term; choosing the older one offers its sessions.
    page.goto(reverse("voters:voterpetition_create"))
    assert _offered(page) == {str(recent.pk)}
    page.select_option("#id_term", str(term.pk))
    _wait_for_session(page, old.pk)
    assert _offered(page) == {str(old.pk)}
    page.select_option("#id_session", str(old.pk))
    page.select_option("#id_term", str(later.pk))
    _wait_for_session(page, recent.pk)
    assert _offered(page) == {str(recent.pk)}  # the older session is no longer offered

    # A resolution's sessions follow the term of the adoption date typed.
    page.goto(reverse("resolutions:resolution_create"))
    assert _offered(page) == {str(recent.pk)}
    page.fill("#id_adopted_date", "12/07/2019")
    page.locator("#id_title").focus()  # leaving the date field fires its change event
    _wait_for_session(page, old.pk)
    assert _offered(page) == {str(old.pk)}
