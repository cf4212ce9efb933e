"""Pieces the voters pages share: lists with an Excel export, personal-data columns, the
checklist of petitions awaiting forwarding."""

from __future__ import annotations

from typing import Any

from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core import roles
from core.exports import headers as export_headers
from core.exports import rows as export_rows
from core.exports import xlsx_response
from core.views import RecordListView
from voters import exports


class VotersListView(RecordListView):
    """A list page with an Excel export of the same filtered rows."""

    template_name = "voters/list.html"
    export_url_name: str = ""
    # Extra query parameters the export needs to reproduce this page's rows (e.g. a view
    # that narrows the list beyond the filter form).
    export_params: dict[str, str] = {}
    extra_actions: tuple[tuple[str, str, str], ...] = ()  # (url name, icon, label)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        if self.export_url_name:
            params = self.request.GET.copy()
            params.update(self.export_params)
            query = params.urlencode()
            ctx["export_url"] = reverse(self.export_url_name) + (f"?{query}" if query else "")
        ctx["extra_actions"] = [
            (reverse(name), icon, label) for name, icon, label in self.extra_actions
        ]
        return ctx


class PersonalDataTableMixin:
    """Drop the personal-data columns of the table for those who may not see them."""

    personal_fields: tuple[str, ...] = ()

    def get_table_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_table_kwargs()
        if not roles.can_view_personal_data(self.request.user):
            kwargs["exclude"] = self.personal_fields
        return kwargs


class PersonalDataDetailMixin:
    personal_fields: tuple[str, ...] = ()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        if not roles.can_view_personal_data(self.request.user):
            hidden = {str(self.model._meta.get_field(f).verbose_name) for f in self.personal_fields}
            ctx["rows"] = [row for row in ctx["rows"] if row[0] not in hidden]
            ctx["personal_hidden"] = True
        return ctx


# What the dashboard sums beside the rows it counts (reports.dashboard links here).
INSTANCES_TOTAL = (("instances", gettext_lazy("lượt"), Sum("instances")),)


def filtered(request: HttpRequest, filterset_class: type, queryset: Any) -> Any:
    return filterset_class(request.GET or None, queryset=queryset, request=request).qs


def export_response(stem: str, columns: exports.Columns, records: Any) -> HttpResponse:
    """An Excel file of these records, named after the list and today's date."""
    return xlsx_response(
        filename=f"{stem}-{timezone.localdate():%Y%m%d}",
        headers=export_headers(columns),
        rows=export_rows(columns, records),
    )


CANDIDATES_SHOWN = 200


def candidate_rows(candidates: Any) -> dict[str, Any]:
    """The first CANDIDATES_SHOWN petitions of a checklist and how many there are: a national
    council has tens of thousands awaiting, which no page can list (nor anyone tick)."""
    rows = list(candidates.select_related("session")[:CANDIDATES_SHOWN])
    total = len(rows) if len(rows) < CANDIDATES_SHOWN else candidates.count()
    return {"candidate_rows": rows, "candidate_total": total}
