"""The documentation page under the CSP, and every API URL public by its own mark."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.public_urls import _named_patterns, opts_out_of_login, public_names

pytestmark = pytest.mark.django_db


def test_every_opendata_url_opts_out_of_the_login():
    names = [(name, entry) for name, entry in _named_patterns() if name.startswith("opendata:")]
    assert len(names) >= 20
    for name, entry in names:
        assert opts_out_of_login(entry), name
        assert name in public_names()


def test_the_docs_page_uses_no_inline_script_and_no_cdn(client):
    response = client.get(reverse("opendata:docs"))
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all("src=" in attrs and not body.strip() for attrs, body in scripts)
    assert "cdn" not in html.lower()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    init = re.search(r'<script src="([^"]*\?script[^"]*)"', html).group(1)
    script = client.get(init.replace("&amp;", "&"))
    assert script.status_code == 200 and b"SwaggerUIBundle" in script.content
    for src in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert "drf_spectacular_sidecar" in src


def test_the_schema_is_served(client):
    response = client.get(reverse("opendata:schema"), HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert "/api/v1/councils/{council_pk}/sessions/" in response.content.decode()


def test_the_root_lists_the_endpoints(client):
    body = client.get("/api/v1/").json()
    assert body["councils"].endswith("/api/v1/councils/")
    assert body["sessions"].endswith("/api/v1/councils/{council_pk}/sessions/")
    assert body["docs"].endswith("/api/docs/")
