"""Writes of the council registry. Every write goes through full_clean() so the rules of the
model (constraints included) answer in Vietnamese before the database has to."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models, transaction

from council.models import Committee, UserProfile
from council.roles import Role


@transaction.atomic
def record_save(*, instance: models.Model, user: Any = None) -> models.Model:
    """Validate and save one registry record (create or update)."""
    if (
        instance._state.adding
        and hasattr(instance, "created_by_id")
        and user is not None
        and user.is_authenticated
    ):
        instance.created_by = user
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def user_create_with_role(
    *,
    username: str,
    password: str,
    role: Role,
    full_name: str = "",
    email: str = "",
    committee: Committee | None = None,
) -> Any:
    """Create (or update) a login with exactly one role; administrators also reach the admin."""
    user_model = get_user_model()
    user, _created = user_model.objects.get_or_create(username=username)
    first, _sep, last = full_name.rpartition(" ")
    user.first_name, user.last_name = (first, last) if first else ("", full_name)
    user.email = email
    user.is_staff = role == Role.ADMIN
    user.is_superuser = role == Role.ADMIN
    user.is_active = True
    user.set_password(password)
    user.save()
    # get_or_create: the groups come from a data migration, but a flushed database (transactional
    # tests, a restore gone wrong) must not make user creation fail.
    group, _ = Group.objects.get_or_create(name=role.value)
    user.groups.set([group])
    UserProfile.objects.update_or_create(user=user, defaults={"committee": committee})
    return user
