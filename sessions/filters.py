from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.filters import YEAR_MAX, YEAR_MIN, YearFilter, offer_only
from core.forms import pk_or_none
from core.scoping import request_council
from council.selectors import term_at
from sessions.models import Session

SESSION_OPTIONS_HELP = _(
    "Kỳ họp của nhiệm kỳ (hoặc năm) đã chọn, mặc định nhiệm kỳ gần nhất: đổi nhiệm kỳ rồi "
    "bấm Lọc để chọn kỳ họp khác."
)
SESSION_BY_YEAR_HELP = _(
    "Kỳ họp của năm đã chọn, mặc định nhiệm kỳ gần nhất: đổi năm rồi bấm Lọc để chọn kỳ họp khác."
)


class SessionOptionsMixin:
    """For the filters of lists that belong to a session (resolutions, voter meetings,
    petitions): the session drop-down offers the sessions of the chosen term, else of the
    chosen year, else of the latest term, and the chosen session. A council's decades hold
    hundreds of sessions (thousands in the K=50 benchmark: a 500 KB drop-down on every page);
    a term holds ten to thirty. Any session of the council stays a valid choice."""

    form: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.form.fields["session"]
        field.queryset = field.queryset.select_related("term")  # labels name the term
        data = self.form.data
        term = pk_or_none(data.get("term")) if "term" in self.form.fields else None
        year = _year(data.get("year")) if "year" in self.form.fields else None
        if term is not None:
            condition = Q(term_id=term)
        elif year is not None:
            condition = Q(start_date__year=year)
        else:
            condition = Q(term_id=term_at(council=request_council(self.request)))
        offer_only(field, condition, pk_or_none(data.get("session")))
        field.help_text = (
            SESSION_OPTIONS_HELP if "term" in self.form.fields else SESSION_BY_YEAR_HELP
        )


def _year(value: Any) -> int | None:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if YEAR_MIN <= year <= YEAR_MAX else None


class SessionFilter(django_filters.FilterSet):
    year = YearFilter(label=_("Năm"), field_name="start_date", lookup_expr="year")

    class Meta:
        model = Session
        fields = ["year", "term", "kind", "status", "format"]
