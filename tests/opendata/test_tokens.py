"""Tokens: made with a key shown once, stored hashed, sent as «Token <key>», revoked for good."""

from __future__ import annotations

import hashlib
from io import StringIO

import pytest
from django.core.management import call_command

from opendata.models import ApiToken
from opendata.services import api_token_create, api_token_revoke

pytestmark = pytest.mark.django_db


def test_the_key_is_stored_only_as_its_hash(world):
    token, key = api_token_create(council=world["a"].council, name="Báo Nhân Dân")
    token.refresh_from_db()
    assert key.startswith("hdnd_") and len(key) > 40
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in str(ApiToken.objects.values().get(pk=token.pk))


def test_a_token_is_accepted_and_its_use_noted(world, client, token_key):
    url = f"/api/v1/councils/{world['a'].council.pk}/terms/"
    assert client.get(url, HTTP_AUTHORIZATION=f"Token {token_key}").status_code == 200
    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.parametrize("header", ["Token nonsense", "Token", "Token a b"])
def test_a_wrong_key_is_refused_in_vietnamese(world, client, header):
    url = f"/api/v1/councils/{world['a'].council.pk}/terms/"
    response = client.get(url, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert "Khóa truy cập" in response.json()["detail"] or "Token" in response.json()["detail"]


def test_a_revoked_key_is_refused(world, client, token_key):
    api_token_revoke(token=ApiToken.objects.get())
    url = f"/api/v1/councils/{world['a'].council.pk}/terms/"
    response = client.get(url, HTTP_AUTHORIZATION=f"Token {token_key}")
    assert response.status_code == 401
    assert response.json()["detail"] == "Khóa truy cập không hợp lệ hoặc đã bị thu hồi."


def test_the_command_makes_lists_and_revokes_tokens(world, client):
    out = StringIO()
    call_command(
        "api_token", "create", "--council", str(world["a"].council.pk), "--name", "Cổng", stdout=out
    )
    key = out.getvalue().strip().splitlines()[-1]
    token = ApiToken.objects.get()
    url = f"/api/v1/councils/{world['a'].council.pk}/terms/"
    assert client.get(url, HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    out = StringIO()
    call_command("api_token", "list", stdout=out)
    assert token.key_prefix in out.getvalue() and key not in out.getvalue()
    call_command("api_token", "revoke", "--id", str(token.pk), stdout=StringIO())
    assert client.get(url, HTTP_AUTHORIZATION=f"Token {key}").status_code == 401


def test_the_admin_makes_a_token_and_shows_its_key_once(world, admin_client_):
    response = admin_client_.post(
        "/quan-tri/opendata/apitoken/add/",
        {"council": world["a"].council.pk, "name": "Cổng dữ liệu mở tỉnh", "_save": "1"},
        follow=True,
    )
    assert response.status_code == 200
    token = ApiToken.objects.get()
    shown = [str(m) for m in response.context["messages"]]
    key = next(m for m in shown if "hdnd_" in m).split(": ")[-1]
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert token.created_by is not None
    # The change page never shows it again.
    page = admin_client_.get(f"/quan-tri/opendata/apitoken/{token.pk}/change/").content.decode()
    assert key not in page and token.key_prefix in page
