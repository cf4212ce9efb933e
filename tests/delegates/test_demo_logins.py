"""The demo's delegates' logins (README): each opens the delegates' room of its council."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_demo_delegates_log_in_with_the_printed_password_and_see_their_councils_sessions():
    call_command("load_demo", "--with-users", verbosity=0)
    for username, council_word in (
        ("daibieu", "tỉnh Lạng Sơn"),
        ("daibieu_locbinh", "xã Lộc Bình"),
    ):
        client = Client()
        login = client.post(reverse("login"), {"username": username, "password": "demo-hdnd-2019"})
        assert login.status_code == 302, username
        assert client.get(reverse("home")).url == reverse("delegates:home")
        page = client.get(reverse("delegates:home")).content.decode()
        assert council_word in page
        assert "/dai-bieu/ky-hop/" in page
        assert client.get(reverse("delegates:my_record")).status_code == 200
        assert client.get(reverse("sessions:session_list")).status_code == 403
