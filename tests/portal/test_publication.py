"""Which saves make a new publication version, and of which councils."""

from __future__ import annotations

import pytest
from django.db import transaction

from council.models import Organization
from portal.models import PublicationVersion
from portal.publication import publication_bump, publication_stamp
from resolutions.services import resolution_update
from sessions.services import agenda_item_delete

pytestmark = pytest.mark.django_db


def versions(*councils) -> list[int]:
    publication_bump(council_ids=[c.pk for c in councils])  # rows for both, counted from here
    return [PublicationVersion.objects.get(council=c).version for c in councils]


def now_versions(*councils) -> list[int]:
    return [PublicationVersion.objects.get(council=c).version for c in councils]


def test_deleting_a_row_bumps_its_council_once_committed(
    portal, django_capture_on_commit_callbacks
):
    mine, other = versions(portal.council, portal.other)
    with django_capture_on_commit_callbacks(execute=True):
        agenda_item_delete(item=portal.item)  # its documents go with it
    assert now_versions(portal.council, portal.other)[0] > mine
    assert now_versions(portal.council, portal.other)[1] == other


def test_a_shared_organisation_is_named_on_every_councils_pages(
    portal, django_capture_on_commit_callbacks
):
    before = versions(portal.council, portal.other)
    with django_capture_on_commit_callbacks(execute=True):
        Organization.objects.create(name="Bộ Tài chính", kind="central", level="central")
    after = now_versions(portal.council, portal.other)
    assert all(a == b + 1 for a, b in zip(after, before, strict=True))


def test_a_rolled_back_save_changes_nothing(portal, django_capture_on_commit_callbacks):
    (before,) = versions(portal.council)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        resolution_update(resolution=portal.land, title="Không lưu")
        raise RuntimeError
    assert callbacks == []
    assert now_versions(portal.council) == [before]


def test_the_stamp_of_an_unknown_council_is_none_and_a_new_council_gets_a_row(portal):
    assert publication_stamp(council_id=999999) is None
    PublicationVersion.objects.filter(council=portal.other).delete()
    stamp = publication_stamp(council_id=portal.other.pk)
    assert stamp is not None
    assert PublicationVersion.objects.filter(council=portal.other).exists()
