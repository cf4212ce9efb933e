"""Pages are rendered afresh at every request (issue 18: no page, figures, row-count or options
cache): a write shows on the next page, roles count at the next request, and Django's cache
(django-redis with CACHE_URL=redis://...) holds nothing a request needs: a Redis outage fails
none."""

import datetime as dt
import json
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from council.models import Organization
from tests.helpers import post_form

pytestmark = pytest.mark.django_db

NOBODY_LISTENS = "redis://127.0.0.1:1/0"


def _cache_settings(cache_url: str) -> dict:
    """CACHES["default"] as the settings make it from CACHE_URL (read in a fresh process)."""
    code = (
        "import json, django; django.setup(); from django.conf import settings;"
        " print(json.dumps(settings.CACHES['default']))"
    )
    env = {**os.environ, "CACHE_URL": cache_url}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out)


def test_a_redis_url_uses_django_redis_which_answers_an_outage_as_a_miss(settings):
    config = _cache_settings(NOBODY_LISTENS)
    assert config["BACKEND"] == "django_redis.cache.RedisCache"
    assert config["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    settings.CACHES = {"default": config}
    from django.core.cache import cache

    cache.set("hdnd-test", 1)  # no error ...
    assert cache.get("hdnd-test") is None  # ... and a miss


@pytest.mark.redis
def test_the_redis_cache_stores_reads_and_deletes(settings):
    # The broker's own Redis database: only this test's key is written, and deleted.
    settings.CACHES = {"default": _cache_settings(django_settings.CELERY_BROKER_URL)}
    from django.core.cache import cache

    cache.set("hdnd-test:page", {"html": "<p>Kỳ họp</p>"}, 30)
    assert cache.get("hdnd-test:page") == {"html": "<p>Kỳ họp</p>"}
    cache.delete("hdnd-test:page")
    assert cache.get("hdnd-test:page") is None


def test_writes_pages_and_logging_out_survive_a_cache_outage(staff_client, settings, council):
    settings.CACHES = {"default": _cache_settings(NOBODY_LISTENS)}
    organization = Organization.objects.create(name="Sở Thử nghiệm")
    assert staff_client.get(reverse("reports:dashboard")).status_code == 200
    detail = staff_client.get(reverse("council:organization_detail", args=[organization.pk]))
    assert "Sở Thử nghiệm" in detail.content.decode()
    assert staff_client.post(reverse("logout")).status_code in (200, 302)
    response = staff_client.get(reverse("reports:dashboard"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def _session(term, number: int, start):
    from core.services import record_save
    from sessions.models import Session

    return record_save(
        instance=Session(
            term=term, number=number, kind=Session.Kind.REGULAR, start_date=start, end_date=start
        )
    )


def test_list_dropdowns_offer_the_current_councils_options_and_follow_writes(
    staff_client, council, term
):
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
    added = _session(term, 10, dt.date(2019, 12, 5))
    assert f'value="{added.pk}"' in staff_client.get(url).content.decode()
    # A value outside the options is a form error on the list, not a filter on foreign rows.
    response = staff_client.get(url, {"session": theirs.pk})
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()


def test_a_write_shows_on_the_next_list_page(staff_client, council, term):
    _session(term, 8, dt.date(2019, 7, 10))
    url = reverse("sessions:session_list")
    assert "10/07/2019" in staff_client.get(url).content.decode()
    _session(term, 9, dt.date(2019, 12, 5))
    assert "05/12/2019" in staff_client.get(url).content.decode()


def test_fast_selects_render_like_djangos_and_read_every_chosen_value():
    from django import forms
    from django.http import QueryDict

    from core.filters import FastSelect, FastSelectMultiple

    choices = [("", "---------"), ("1", "Ban <Pháp chế>"), ("2", "Ban Kinh tế")]
    single = FastSelect(choices=choices).render("committee", "2", {"id": "x"})
    djangos = forms.Select(choices=choices).render("committee", "2", {"id": "x"})
    assert single == re.sub(r">\s+<", "><", djangos.strip())
    assert single.startswith('<select name="committee" id="x">')
    assert '<option value="2" selected>Ban Kinh tế</option>' in single
    assert "Ban &lt;Pháp chế&gt;" in single and "<Pháp" not in single
    multiple = FastSelectMultiple(choices=choices)
    html = multiple.render("members", ["1", "2"])
    assert "multiple" in html.split(">")[0]
    assert html.count(" selected>") == 2
    data = QueryDict("members=1&members=2")
    assert multiple.value_from_datadict(data, {}, "members") == ["1", "2"]


def test_a_model_fast_select_reads_the_narrowed_queryset_when_rendered(term):
    """The form's own __init__ narrows a drop-down after BaseModelForm made it a FastSelect:
    the options written are those of the final queryset, less what offer_only leaves out,
    while every record of the queryset stays a valid choice."""
    from django import forms
    from django.db.models import Q

    from core.filters import offer_only, use_fast_selects
    from sessions.models import Session

    old = _session(term, 1, dt.date(2016, 7, 1))
    recent = _session(term, 2, dt.date(2019, 7, 1))
    field = forms.ModelChoiceField(queryset=Session.objects.none())
    use_fast_selects({"session": field})
    field.queryset = Session.objects.order_by("pk")
    html = field.widget.render("session", None)
    assert f'value="{old.pk}"' in html and f'value="{recent.pk}"' in html
    offer_only(field, Q(start_date__year=2019))
    html = field.widget.render("session", None)
    assert f'value="{old.pk}"' not in html and f'value="{recent.pk}"' in html
    assert field.clean(str(old.pk)) == old
    offer_only(field, Q(start_date__year=2019), old.pk)  # the chosen one is always written
    assert f'value="{old.pk}" selected' in field.widget.render("session", str(old.pk))


def test_a_write_shows_on_the_next_detail_page(staff_client, council):
    organization = Organization.objects.create(name="Sở Giáo dục")
    url = reverse("council:organization_detail", args=[organization.pk])
    assert "Sở Giáo dục" in staff_client.get(url).content.decode()
    organization.name = "Sở Giáo dục và Đào tạo"
    organization.save()
    assert "Sở Giáo dục và Đào tạo" in staff_client.get(url).content.decode()


def test_a_pages_links_follow_the_visitors_roles_at_once(client, staff_user, council):
    from django.contrib.auth.models import Group

    from core.roles import Role

    organization = Organization.objects.create(name="Sở Y tế")
    url = reverse("council:organization_detail", args=[organization.pk])
    edit_url = reverse("council:organization_update", args=[organization.pk])
    client.force_login(staff_user)
    assert edit_url in client.get(url).content.decode()
    # Staff becomes a leader (read only): no edit link on the very next page, no write.
    staff_user.groups.set([Group.objects.get(name=Role.LEADER.value)])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sở Y tế" in html and edit_url not in html
    # Without any role: refused.
    staff_user.groups.clear()
    assert client.get(url).status_code == 403


def test_each_user_gets_their_own_page(client, staff_user, leader_user, council):
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
    assert edit_url not in html  # ... without the staff's edit link


def test_a_flash_message_is_shown_once(staff_client, council):
    create = reverse("council:organization_create")
    data = {"name": "Sở Nội vụ", "kind": "department", "level": "province", "is_active": "on"}
    response = post_form(staff_client, create, data, follow=True)
    assert response.redirect_chain, response.context["form"].errors
    html = response.content.decode()
    assert "Đã lưu" in html
    assert "Sở Nội vụ" in html
    again = staff_client.get(response.request["PATH_INFO"])
    assert again.status_code == 200
    page = again.content.decode()
    assert "Sở Nội vụ" in page  # the new organisation's page ...
    assert "Đã lưu" not in page  # ... without the message


def test_a_write_shows_on_the_next_dashboard(staff_client, council, term):
    url = reverse("reports:dashboard") + "?year=2019"
    first_html = staff_client.get(url).content.decode()
    _session(term, 8, dt.date(2019, 7, 10))
    assert staff_client.get(url).content.decode() != first_html  # the new session is counted


@pytest.mark.parametrize(
    "name", ["reports:dashboard", "voters:index", "voters:petition_by_session"]
)
def test_a_function_page_checks_access_at_every_request(client, leader_user, council, name):
    url = reverse(name)
    client.force_login(leader_user)
    assert client.get(url).status_code == 200
    leader_user.groups.clear()
    assert client.get(url).status_code == 403


def test_a_pages_token_lets_the_visitor_log_out(staff_user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    page = client.get("/")
    assert "csrftoken" in page.cookies  # a new visitor gets the cookie with the page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    assert client.post("/dang-xuat/", {"csrfmiddlewaretoken": token.group(1)}).status_code == 302
    assert client.get("/").status_code == 302  # logged out: sent to the login page
