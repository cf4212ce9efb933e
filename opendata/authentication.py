"""`Authorization: Token <key>`: a trusted system's key (opendata.models.ApiToken).

A token identifies a system, not a person: request.user stays anonymous and request.auth is
the token, which the throttles read (opendata.throttling). Without the header the request is
anonymous; a wrong or revoked key is refused (401), never served as anonymous, so that a
system learns at once that its key no longer works."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from opendata.models import ApiToken
from opendata.selectors import api_token_for_key
from opendata.services import api_token_touch

KEYWORD = "Token"


class ApiTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != KEYWORD.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                _("Tiêu đề Authorization phải có dạng «Token <khóa>».")
            )
        try:
            key = header[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("Khóa truy cập không hợp lệ.")) from None
        token = api_token_for_key(key=key)
        if token is None:
            raise exceptions.AuthenticationFailed(
                _("Khóa truy cập không hợp lệ hoặc đã bị thu hồi.")
            )
        api_token_touch(token=token)
        return AnonymousUser(), token

    def authenticate_header(self, request: Request) -> str:
        return KEYWORD
