"""The cache is an accelerator: when it is down, writes and the dashboard still work."""

import pytest
from django.urls import reverse

from council.models import Organization
from tests.helpers import post_form

pytestmark = pytest.mark.django_db


def test_writes_and_dashboard_survive_a_cache_outage(staff_client, settings, council):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    organization = Organization.objects.create(name="Sở Thử nghiệm")
    for _ in range(2):  # rendered both times, as if never cached
        assert staff_client.get(reverse("reports:dashboard")).status_code == 200
        detail = staff_client.get(reverse("council:organization_detail", args=[organization.pk]))
        assert "Sở Thử nghiệm" in detail.content.decode()


def test_sessions_survive_a_cache_outage_and_logging_out_still_works(staff_client, settings):
    staff_client.get(reverse("reports:dashboard"))  # the session is in the cache and the DB
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    assert staff_client.get(reverse("reports:dashboard")).status_code == 200  # from the DB
    assert staff_client.post(reverse("logout")).status_code in (200, 302)
    response = staff_client.get(reverse("reports:dashboard"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def _session(term, number: int, start):
    from sessions.models import Session
    from sessions.services import session_save

    return session_save(
        session=Session(
            term=term, number=number, kind=Session.Kind.REGULAR, start_date=start, end_date=start
        )
    )


def test_list_dropdowns_offer_the_current_councils_options_and_follow_writes(
    staff_client, council, term
):
    import datetime as dt

    from council.models import Council, Term

    other = Council.objects.create(name="Hội đồng nhân dân tỉnh Bên Cạnh")
    other_term = Term.objects.create(
        council=other, ordinal=9, roman="IX", start_date=dt.date(2016, 6, 1)
    )
    ours = _session(term, 8, dt.date(2019, 7, 10))
    theirs = _session(other_term, 9, dt.date(2019, 7, 11))
    url = reverse("voters:voterpetition_list")
    response = staff_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'value="{ours.pk}"' in html
    assert f'value="{theirs.pk}"' not in html, "another council's session is never offered"
    # The options are cached; a new session shows on the next page view all the same.
    added = _session(term, 10, dt.date(2019, 12, 5))
    assert f'value="{added.pk}"' in staff_client.get(url).content.decode()
    # A value outside the options is a form error on the list, not a filter on foreign rows.
    response = staff_client.get(url, {"session": theirs.pk})
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()


def test_a_list_page_is_served_from_cache_until_the_next_write(staff_client, council, term):
    import datetime as dt

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _session(term, 8, dt.date(2019, 7, 10))
    url = reverse("sessions:session_list")
    with CaptureQueriesContext(connection) as first:
        html = staff_client.get(url).content.decode()
    assert "10/07/2019" in html
    with CaptureQueriesContext(connection) as second:
        assert "10/07/2019" in staff_client.get(url).content.decode()
    # Cached HTML and row count: only the session and the user are read.
    assert len(second) < len(first)
    assert not any("council_sessions_session" in q["sql"] for q in second.captured_queries)
    # A write shows at once.
    _session(term, 9, dt.date(2019, 12, 5))
    assert "05/12/2019" in staff_client.get(url).content.decode()


def test_fast_selects_render_like_djangos_and_read_every_chosen_value():
    from django.http import QueryDict

    from council.filters import FastSelect, FastSelectMultiple

    choices = [("", "---------"), ("1", "Ban <Pháp chế>"), ("2", "Ban Kinh tế")]
    single = FastSelect(choices_loader=lambda: choices).render("committee", "2", {"id": "x"})
    assert single.startswith('<select name="committee" id="x">')
    assert '<option value="2" selected>Ban Kinh tế</option>' in single
    assert "Ban &lt;Pháp chế&gt;" in single and "<Pháp" not in single
    multiple = FastSelectMultiple(choices_loader=lambda: choices)
    html = multiple.render("members", ["1", "2"])
    assert "multiple" in html.split(">")[0]
    assert html.count(" selected>") == 2
    data = QueryDict("members=1&members=2")
    assert multiple.value_from_datadict(data, {}, "members") == ["1", "2"]


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), ctx.captured_queries


def test_a_detail_page_is_served_from_cache_and_a_write_shows_at_once(staff_client, council):
    organization = Organization.objects.create(name="Sở Giáo dục")
    url = reverse("council:organization_detail", args=[organization.pk])
    html, _first = _queries(staff_client, url)
    assert "Sở Giáo dục" in html
    html, second = _queries(staff_client, url)
    assert "Sở Giáo dục" in html
    assert not any("council_organization" in q["sql"] for q in second), "served from the cache"
    organization.name = "Sở Giáo dục và Đào tạo"
    organization.save()
    assert "Sở Giáo dục và Đào tạo" in staff_client.get(url).content.decode()


def test_the_page_cache_follows_the_visitors_roles_at_once(client, staff_user, council):
    from django.contrib.auth.models import Group

    from council.roles import Role

    organization = Organization.objects.create(name="Sở Y tế")
    url = reverse("council:organization_detail", args=[organization.pk])
    edit_url = reverse("council:organization_update", args=[organization.pk])
    client.force_login(staff_user)
    assert edit_url in client.get(url).content.decode()
    assert edit_url in client.get(url).content.decode()  # cached for staff
    # Staff becomes a leader (read only): no edit link on the very next page, no write.
    staff_user.groups.set([Group.objects.get(name=Role.LEADER.value)])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sở Y tế" in html and edit_url not in html
    # Without any role: refused, whatever was cached.
    staff_user.groups.clear()
    assert client.get(url).status_code == 403


def test_the_page_cache_is_per_user(client, staff_user, leader_user, council):
    organization = Organization.objects.create(name="Sở Tư pháp")
    url = reverse("council:organization_detail", args=[organization.pk])
    edit_url = reverse("council:organization_update", args=[organization.pk])
    client.force_login(staff_user)
    assert edit_url in client.get(url).content.decode()
    client.force_login(leader_user)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sở Tư pháp" in html  # the same organisation page, for the leader ...
    assert edit_url not in html  # ... rendered for them, not the staff's cached copy


def test_a_flash_message_is_shown_once_and_never_cached(staff_client, council):
    create = reverse("council:organization_create")
    data = {"name": "Sở Nội vụ", "kind": "department", "level": "province", "is_active": "on"}
    response = post_form(staff_client, create, data, follow=True)
    assert response.redirect_chain, response.context["form"].errors
    html = response.content.decode()
    assert "Đã lưu" in html
    assert "Sở Nội vụ" in html
    # The same page again: from the cache or not, the message is not repeated.
    for _ in range(2):
        again = staff_client.get(response.request["PATH_INFO"])
        assert again.status_code == 200
        page = again.content.decode()
        assert "Sở Nội vụ" in page  # the new organisation's page ...
        assert "Đã lưu" not in page  # ... without the message


def test_the_dashboard_page_is_cached_until_the_next_write(staff_client, council, term):
    import datetime as dt

    url = reverse("reports:dashboard") + "?year=2019"
    first_html, _first = _queries(staff_client, url)
    second_html, second = _queries(staff_client, url)
    assert second_html == first_html
    assert len(second) <= 3, [q["sql"] for q in second]  # session, user (+ nothing else)
    _session(term, 8, dt.date(2019, 7, 10))
    third_html, third = _queries(staff_client, url)
    assert len(third) > len(second), "a write makes the next visit compute afresh"
    assert third_html != first_html  # the new session is counted


@pytest.mark.parametrize(
    "name", ["reports:dashboard", "voters:index", "voters:petition_by_session"]
)
def test_a_cached_function_page_still_checks_access(client, leader_user, council, name):
    url = reverse(name)
    client.force_login(leader_user)
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200  # now cached
    leader_user.groups.clear()
    assert client.get(url).status_code == 403


def test_a_cached_page_keeps_a_working_token_without_sending_the_cookie_again(staff_user):
    """A page served from the cache carries the CSRF token it was rendered with (the visitor's
    cookie is part of the key); the cookie is not sent again with every hit."""
    import re

    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    first = client.get("/")
    assert "csrftoken" in first.cookies  # a new visitor gets the cookie with the page
    hit = client.get("/")
    assert "csrftoken" not in hit.cookies
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', hit.content.decode()).group(1)
    assert client.post("/dang-xuat/", {"csrfmiddlewaretoken": token}).status_code == 302
    assert client.get("/").status_code == 302  # logged out: sent to the login page
