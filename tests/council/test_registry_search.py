"""The search box of every registry list finds what it says, on whatever the list joins."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from core.scoping import of_council
from core.text import fold
from council import models as m
from council.selectors import province_council

pytestmark = pytest.mark.django_db

# list URL name -> (model, the field whose text is searched for)
REGISTRY_LISTS = {
    "council:council_list": (m.Council, "name"),
    "council:term_list": (m.Term, "roman"),
    "council:committee_list": (m.Committee, "name"),
    "council:delegategroup_list": (m.DelegateGroup, "name"),
    "council:delegate_list": (m.Delegate, "full_name"),
    "council:position_list": (m.Position, "role"),
    "council:organization_list": (m.Organization, "name"),
    "council:administrativeunit_list": (m.AdministrativeUnit, "name"),
    "council:intersessionmatter_list": (m.InterSessionMatter, "subject"),
    "council:appraisalrequest_list": (m.AppraisalRequest, "subject"),
}


def _text(obj, field) -> str:
    return str(obj._get_FIELD_display(field) if field.choices else getattr(obj, field.name))


def test_every_registry_search_lists_the_matching_rows_only(staff_client):
    """One demo load for every list (it takes seconds); each list is checked in turn."""
    call_command("load_demo", verbosity=0)
    council = province_council()  # the staff login's: the demo's communes' rows are not its
    for url_name, (model, field_name) in REGISTRY_LISTS.items():
        rows = of_council(model._default_manager.all(), council)
        record = rows.order_by("pk").last()
        assert record is not None, f"the demo data has no {model.__name__}"
        field = model._meta.get_field(field_name)
        # The last word, typed without diacritics and in capitals: the search folds both.
        word = fold(_text(record, field)).split()[-1]
        expected = {obj.pk for obj in rows if word in fold(_text(obj, field))}

        response = staff_client.get(reverse(url_name), {"q": word.upper(), "per_page": 100})

        assert response.status_code == 200, url_name
        shown = {row.record.pk for row in response.context["table"].rows}
        assert record.pk in shown, url_name
        assert shown <= expected, url_name

    response = staff_client.get(reverse("council:delegate_list"), {"q": "zzzkhongcoai"})
    assert response.status_code == 200
    assert list(response.context["table"].rows) == []
