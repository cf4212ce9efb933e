from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from council.filters import YearFilter
from sessions.models import Session


class SessionFilter(django_filters.FilterSet):
    year = YearFilter(label=_("Năm"), field_name="start_date", lookup_expr="year")

    class Meta:
        model = Session
        fields = ["year", "term", "kind", "status", "format"]
