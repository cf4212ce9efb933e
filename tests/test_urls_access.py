"""Every URL pattern of the project: anonymous visitors are sent to login, leaders cannot write."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.public_urls import PUBLIC, PUBLIC_NAMESPACES, STATIC_PUBLIC, opts_out_of_login

pytestmark = pytest.mark.django_db

WRITE_SUFFIXES = ("_create", "_update", "_delete")


def _patterns(resolver=None, namespace: str = "", prefix: str = ""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry, ns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern), entry


def _url(name: str, route: str) -> str | None:
    kwargs = {}
    for part in route.split("<")[1:]:
        conv, _, rest = part.partition(":")
        key = rest.partition(">")[0] if rest else conv.partition(">")[0]
        if conv.startswith("int") or not rest:
            kwargs[key] = 1 if conv.startswith("int") else "x"
        else:
            kwargs[key] = "x"
    try:
        return reverse(name, kwargs=kwargs) if kwargs else reverse(name)
    except Exception:
        return None


def _project_urls():
    for name, route, _entry in _patterns():
        if name.startswith("admin:") or name in PUBLIC:
            continue
        url = _url(name, route)
        if url:
            yield name, url


def test_only_the_open_council_and_the_login_pages_opt_out_of_the_login():
    opted_out = {name for name, _route, entry in _patterns() if opts_out_of_login(entry)}
    stray = {
        name
        for name in opted_out - STATIC_PUBLIC
        if name.split(":")[0] not in PUBLIC_NAMESPACES and not name.startswith("admin:")
    }
    assert stray == set(), "a page outside the public namespaces opts out of the login"


def test_every_url_redirects_anonymous_visitor_to_login(client):
    checked = 0
    for name, url in _project_urls():
        response = client.get(url)
        assert response.status_code == 302, f"{name} {url} answered {response.status_code}"
        assert response.url.startswith(reverse("login")), f"{name} redirects to {response.url}"
        checked += 1
    assert checked > 20


def test_leader_gets_403_on_every_create_edit_and_delete_url(
    leader_client, term, committee, organization
):
    checked = 0
    for name, url in _project_urls():
        if not name.endswith(WRITE_SUFFIXES):
            continue
        for method in (leader_client.get, leader_client.post):
            response = method(url)
            assert response.status_code == 403, (
                f"{name} {url} answered {response.status_code} to a leader"
            )
        checked += 1
    assert checked >= 10


def test_admin_site_requires_login(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
