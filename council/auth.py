"""The authentication backend: Django's ModelBackend, loading the user's roles with the user.

Every page asks `council.roles.user_roles`; reading the group names separately cost one query
per request. Loading them as four EXISTS columns of the user's own query keeps roles exact (a
revoked role takes effect on the next request, unlike a copy kept in the session) for free."""

from __future__ import annotations

import functools
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection

from council.roles import ROLE_SLUGS, Role, remember_roles

ROLE_FLAG = "_hdnd_has_role_{slug}"


@functools.cache
def _user_with_roles_sql() -> str:
    """SELECT the user's columns and one EXISTS per role, written once per process: composing
    the same statement with the ORM cost more than running it, on every request."""
    User = get_user_model()
    through = User._meta.get_field("groups").remote_field.through
    quote = connection.ops.quote_name
    user_fk = quote(through._meta.get_field("user").column)
    group_fk = quote(through._meta.get_field("group").column)
    columns = ", ".join(f"u.{quote(f.column)}" for f in User._meta.concrete_fields)
    flags = ", ".join(
        f"EXISTS (SELECT 1 FROM {quote(through._meta.db_table)} ug"
        f" INNER JOIN {quote(Group._meta.db_table)} g ON g.{quote('id')} = ug.{group_fk}"
        f" WHERE ug.{user_fk} = u.{quote(User._meta.pk.column)} AND g.{quote('name')} = %s)"
        f" AS {ROLE_FLAG.format(slug=slug)}"
        for slug in ROLE_SLUGS
    )
    return (
        f"SELECT {columns}, {flags} FROM {quote(User._meta.db_table)} u"
        f" WHERE u.{quote(User._meta.pk.column)} = %s"
    )


def user_with_roles(user_id: Any) -> Any:
    """The active-or-not user with one boolean attribute per role, or None."""
    User = get_user_model()
    try:
        pk = User._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    params = [role.value for role in ROLE_SLUGS.values()] + [pk]
    user = next(iter(User._default_manager.raw(_user_with_roles_sql(), params)), None)
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
