"""The authentication backend: Django's ModelBackend, loading the user's roles with the user.

Every page asks `council.roles.user_roles`; reading the group names separately cost one query
per request. Loading them as four EXISTS columns of the user's own query keeps roles exact (a
revoked role takes effect on the next request, unlike a copy kept in the session) for free."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef

from council.roles import ROLE_SLUGS, Role, remember_roles

ROLE_FLAG = "_hdnd_has_role_{slug}"


def user_with_roles(user_id: Any) -> Any:
    """The active-or-not user with one boolean annotation per role, or None."""
    User = get_user_model()
    flags = {
        ROLE_FLAG.format(slug=slug): Exists(
            Group.objects.filter(name=role.value, user=OuterRef("pk"))
        )
        for slug, role in ROLE_SLUGS.items()
    }
    user = User._default_manager.annotate(**flags).filter(pk=user_id).first()
    if user is not None:
        roles: set[Role] = {
            role for slug, role in ROLE_SLUGS.items() if getattr(user, ROLE_FLAG.format(slug=slug))
        }
        remember_roles(user, roles)
    return user


class RoleAwareModelBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        user = user_with_roles(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
