"""The site's icon: linked from every page (the app's, the login page, the admin's), served
from our own static files, no CDN."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.views import serve
from django.test import Client, RequestFactory
from django.urls import reverse

pytestmark = pytest.mark.django_db

ICON_LINK = re.compile(r'<link rel="icon" href="([^"]+)"')


def _icons(html: str) -> list[str]:
    return ICON_LINK.findall(html)


def test_pages_link_the_icon_from_our_static_files(staff_client, admin_client_):
    pages = [
        staff_client.get(reverse("home")),
        Client().get(reverse("login")),
        admin_client_.get(reverse("admin:index")),
    ]
    for response in pages:
        assert response.status_code == 200
        icons = _icons(response.content.decode())
        assert [href.rsplit("/", 1)[-1] for href in icons] == ["favicon.ico", "favicon.svg"]
        assert all(href.startswith(settings.STATIC_URL) for href in icons)


def test_the_icon_files_are_served(settings):
    settings.DEBUG = True  # staticfiles' own view serves only with DEBUG (WhiteNoise in production)
    request = RequestFactory().get("/")
    ico = b"".join(serve(request, "favicon.ico").streaming_content)
    assert ico[:4] == b"\x00\x00\x01\x00"  # an ICO header
    svg = b"".join(serve(request, "favicon.svg").streaming_content).decode()
    assert svg.startswith("<svg") and 'viewBox="0 0 32 32"' in svg
    assert finders.find("favicon.ico") and finders.find("favicon.svg")
