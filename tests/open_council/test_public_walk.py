"""The open council leaks nothing (issue 24): an anonymous visitor who follows every link of the
portal, the open-data API (its root, lists, bulk files and OpenAPI schema) and the calendar
feeds never reads a citizen's personal data, a delegate's private note, birth year or ethnicity,
a login, or a record nobody marked public; no answer is a server error; and the walk reaches
every public page, so a page added later cannot escape it."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, reverse

from opendata.ids import ocd_id
from oversight.services import activity_save
from resolutions.services import resolution_update
from tests.open_council.crawler import Crawler, Walk
from tests.open_council.seed import MARK, PUBLIC_TEXTS, OpenCouncil, leaks
from tests.public_urls import STATIC_PUBLIC, _named_patterns, opts_out_of_login, public_names

pytestmark = pytest.mark.django_db

# Where the walk starts besides the portal's index: the API's root, versions, schema and
# documentation (the documentation page itself is Swagger's, read for leaks all the same).
API_STARTS = ("/api/", "/api/v1/", "/api/schema/", "/api/docs/")
# Route parameters a public URL may take that the walk fills from the seeded council; any
# other (a record's pk) must come from a link.
COUNCIL_PARAMETERS = ("council_id", "council", "council_pk")
# A route parameter that makes a URL a private one: a feed read with a secret token.
SECRET_PARAMETERS = ("token", "secret", "key")


def _public_patterns() -> dict[str, URLPattern]:
    return {
        name: entry
        for name, entry in _named_patterns()
        if name in public_names() and opts_out_of_login(entry)
    }


def _parameters(entry: URLPattern) -> set[str]:
    """The route's parameters, from path() converters or re_path() named groups."""
    return set(entry.pattern.converters) or set(entry.pattern.regex.groupindex)


def _is_token_only(entry: URLPattern) -> bool:
    return any(word in parameter for parameter in _parameters(entry) for word in SECRET_PARAMETERS)


def required_names() -> set[str]:
    """Every public page of the open council the walk must reach."""
    return {
        name
        for name, entry in _public_patterns().items()
        if name not in STATIC_PUBLIC and not _is_token_only(entry)
    }


def _starts(data: OpenCouncil) -> list[str]:
    """The portal's index and the API's root, and every public page whose only parameter is
    the council (a council's home page, its calendar feeds, its bulk files' index)."""
    starts = ["/cong-khai/", *API_STARTS]
    for name, entry in sorted(_public_patterns().items()):
        parameters = _parameters(entry)
        if _is_token_only(entry):
            continue
        if not parameters:
            starts.append(reverse(name))
        elif parameters <= set(COUNCIL_PARAMETERS):
            starts.append(reverse(name, kwargs=dict.fromkeys(parameters, data.council.pk)))
    return starts


def _searches(data: OpenCouncil) -> list[str]:
    """The portal's and the API's searches for the made-up word: a search must not find what
    its list does not show."""
    urls = []
    for name in ("portal:session_list", "portal:resolution_list", "portal:oversight_list"):
        try:
            url = reverse(name, kwargs={"council_id": data.council.pk})
        except NoReverseMatch:
            continue
        urls.append(f"{url}?q={MARK}")
    return urls


def hidden_names(data: OpenCouncil) -> dict[str, str]:
    """How a record nobody marked public would be named on a public page without its title:
    its addresses on the portal and in the API, its stable id, a resolution's symbol."""
    c = data.council.pk
    portal = {"council_id": c}
    api = {"council_pk": c}
    names = {
        "hidden resolution's page": reverse(
            "portal:resolution_detail", kwargs={**portal, "pk": data.hidden_resolution.pk}
        ),
        "hidden resolution in the API": reverse(
            "opendata:resolution-detail", kwargs={**api, "pk": data.hidden_resolution.pk}
        ),
        "hidden activity's page": reverse(
            "portal:oversight_detail", kwargs={**portal, "pk": data.hidden_activity.pk}
        ),
        "hidden activity in the API": reverse(
            "opendata:oversight-activity-detail", kwargs={**api, "pk": data.hidden_activity.pk}
        ),
        "internal document's file": reverse(
            "portal:document_download", kwargs={**portal, "pk": data.internal_document.pk}
        ),
        "scheduled document's file": reverse(
            "portal:document_download", kwargs={**portal, "pk": data.scheduled_document.pk}
        ),
        "hidden resolution's symbol": data.hidden_resolution.symbol,
    }
    for what, record, pk in (
        ("hidden resolution's id", "resolution", data.hidden_resolution.pk),
        ("hidden resolution's vote id", "vote", data.hidden_resolution.pk),
        ("hidden activity's id", "oversight", data.hidden_activity.pk),
    ):
        names[what] = ocd_id(record, council_id=c, pk=pk)
    return names


def walk_open_council(data: OpenCouncil) -> Walk:
    crawler = Crawler(Client(raise_request_exception=True))
    for url in _starts(data) + _searches(data):
        crawler.add(url, referrer="(start)")
    crawler.run()
    # The API's lists filtered by every documented filter, searched for the made-up word.
    crawler.add_filter_variants(MARK)
    return crawler.run()


def _report(title: str, lines: list[str]) -> str:
    return f"{title} ({len(lines)}):\n  " + "\n  ".join(lines)


def findings(data: OpenCouncil, walk: Walk) -> list[str]:
    """Every answer of the walk that shows a sentinel or names a hidden record."""
    # Not followed by a digit: /nghi-quyet/3/ is not /nghi-quyet/31/.
    hidden = {
        what: re.compile(re.escape(text) + r"(?![0-9])")
        for what, text in hidden_names(data).items()
    }
    found = []
    for answer in walk.answers.values():
        shown = leaks(answer.text, searched=MARK in answer.url)
        shown += [f"the {what}" for what, pattern in hidden.items() if pattern.search(answer.text)]
        for leak in shown:
            found.append(f"{answer.url} [{answer.status} {answer.content_type}] shows {leak}")
    return found


def test_no_public_url_shows_personal_data_or_unpublished_records(open_council):
    walk = walk_open_council(open_council)

    found = findings(open_council, walk)
    assert not found, _report("Personal data or unpublished records on public URLs", found)
    assert not walk.server_errors(), _report("Server errors", walk.server_errors())
    assert not walk.broken_links(), _report(
        "Links of public pages that lead nowhere", walk.broken_links()
    )
    assert not walk.skipped, _report("URLs the walk left (over its limits)", walk.skipped[:50])


def test_the_walk_sees_a_record_once_it_is_made_public(
    open_council, django_capture_on_commit_callbacks
):
    """The walk's own check: the records it must not find, once marked public, are found on
    the portal and in the API by title and address (so its silence above means something)."""
    data = open_council
    with django_capture_on_commit_callbacks(execute=True):
        resolution_update(resolution=data.hidden_resolution, is_public=True)
        data.hidden_activity.is_public = True
        activity_save(activity=data.hidden_activity)

    found = "\n".join(findings(data, walk_open_council(data)))

    for where in ("/cong-khai/", "/api/v1/"):
        for what in ("Resolution(is_public=False).title", "OversightActivity(is_public=False)"):
            assert re.search(rf"^{where}.* shows {re.escape(what)}", found, re.M), (where, what)
    assert "shows the hidden resolution's symbol" in found
    assert "shows the hidden activity's id" in found


def test_the_walk_reaches_every_public_page_and_reads_their_content(open_council):
    walk = walk_open_council(open_council)

    missing = sorted(required_names() - walk.view_names)
    assert not missing, _report(
        "Public URL names no link of the portal, the API or the feeds reached (or answered "
        f"only with an error); reached: {sorted(walk.view_names)}",
        missing,
    )
    everything = "\n".join(a.text for a in walk.answers.values() if a.status == 200)
    unseen = [f"{what}: {text!r}" for what, text in PUBLIC_TEXTS.items() if text not in everything]
    assert not unseen, _report("Public records the walk never read", unseen)


def test_records_nobody_marked_public_are_not_found_at_their_addresses(open_council):
    client = Client()
    for what, address in hidden_names(open_council).items():
        if address.startswith("/"):
            assert client.get(address).status_code == 404, what


def test_a_private_feed_is_not_found_without_its_key(open_council):
    """The feeds left out of the walk (a key in their address) answer a guessed key with 404."""
    client = Client()
    private = [(n, e) for n, e in _public_patterns().items() if _is_token_only(e)]
    assert private, "the calendars' private feeds are public URL names with a key"
    for name, entry in private:
        url = reverse(name, kwargs=dict.fromkeys(_parameters(entry), "k" * 32))
        response = client.get(url)
        assert response.status_code == 404, (name, response.status_code)
        assert not leaks(response.content.decode()), name


def test_the_sentinels_are_recognised_however_they_are_written():
    assert leaks("<td>NGUYEN THI BIMAT</td>")
    assert leaks('{"phone": "0987654321"}')
    assert leaks("Sinh năm 1901")
    assert not leaks("Tài liệu mật, bí mật nhà nước; sinh năm 19010")
