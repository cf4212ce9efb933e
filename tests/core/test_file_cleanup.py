"""A deleted voter meeting does not leave its minutes on disk (they may name citizens)."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile

from voters.models import VoterMeeting

pytestmark = pytest.mark.django_db(transaction=True)


def test_files_of_a_deleted_record_are_removed_after_commit(settings, tmp_path):
    from council.models import AdministrativeUnit, Council, Term

    settings.MEDIA_ROOT = tmp_path
    council = Council.objects.create(
        name="HĐND X", short_name="X", place_name="X", header_name="X", secretariat_name="VP"
    )
    term = Term.objects.create(
        council=council, ordinal=1, roman="I", start_date=dt.date(2016, 1, 1)
    )
    commune = AdministrativeUnit.objects.create(name="Mai Pha", level="commune", unit_type="xa")
    meeting = VoterMeeting(
        term=term,
        timing="ad_hoc",
        date=dt.date(2019, 5, 1),
        voters_attended=10,
        location_unit=commune,
    )
    meeting.minutes.save("bien-ban.pdf", ContentFile(b"%PDF-1.4 x"), save=False)
    meeting.save()
    path = tmp_path / meeting.minutes.name
    assert path.exists()
    meeting.delete()
    assert not path.exists()
