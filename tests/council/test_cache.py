"""The cache is an accelerator: when it is down, writes and the dashboard still work."""

import pytest
from django.urls import reverse

from council.models import Organization

pytestmark = pytest.mark.django_db


def test_writes_and_dashboard_survive_a_cache_outage(staff_client, settings, council):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    Organization.objects.create(name="Sở Thử nghiệm")
    assert staff_client.get(reverse("reports:dashboard")).status_code == 200


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
    html = staff_client.get(url).content.decode()
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
