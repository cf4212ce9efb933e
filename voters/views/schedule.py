"""Lịch tiếp công dân: the schedule of the chair, the Thường trực, the Ban and delegates, a
month at a time. It names officials, never citizens (no personal data): every secretariat login
of the council reads it, staff write it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import roles
from core.scoping import request_council
from core.services import record_save
from core.views import RecordCreateView, RecordDeleteView, RecordListView, RecordUpdateView
from voters.casework import reception, reception_forms, reception_tables
from voters.models import ReceptionSchedule

SECTION = gettext_lazy("Lịch tiếp công dân")
MONTH_PARAM = "thang"


def month_of(value: str | None) -> dt.date:
    """The first day of the month ?thang=YYYY-MM names; this month when it names none."""
    try:
        day = dt.datetime.strptime((value or "").strip(), "%Y-%m").date()
    except ValueError:
        return timezone.localdate().replace(day=1)
    return day if 1945 <= day.year <= 2200 else timezone.localdate().replace(day=1)


def month_url(day: dt.date) -> str:
    return f"{reverse('voters:receptionschedule_list')}?{MONTH_PARAM}={day:%Y-%m}"


class _Section:
    model = ReceptionSchedule
    section_title = SECTION
    list_url_name = "voters:receptionschedule_list"


class ReceptionScheduleListView(_Section, RecordListView):
    template_name = "voters/reception_schedule_list.html"
    create_url_name = "voters:receptionschedule_create"
    table_class = reception_tables.ReceptionScheduleTable
    filterset_class = reception_forms.ScheduleFilter

    def get_queryset(self):
        self.month = month_of(self.request.GET.get(MONTH_PARAM))
        return reception.schedule_of_month(
            council=request_council(self.request), year=self.month.year, month=self.month.month
        )

    def get_table_kwargs(self) -> dict[str, Any]:
        return {} if roles.can_edit_records(self.request.user) else {"exclude": ("actions",)}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        month = self.month
        previous = (month - dt.timedelta(days=1)).replace(day=1)
        following = (month + dt.timedelta(days=32)).replace(day=1)
        ctx.update(
            month=month,
            month_param=MONTH_PARAM,
            month_label=_("Tháng %(m)s/%(y)s") % {"m": month.month, "y": month.year},
            previous_url=month_url(previous),
            next_url=month_url(following),
            this_month_url=month_url(timezone.localdate()),
        )
        return ctx


class _ScheduleWrite(_Section):
    form_class = reception_forms.ReceptionScheduleForm

    def save_object(self, form) -> ReceptionSchedule:
        slot = form.instance
        if slot.council_id is None:
            slot.council = request_council(self.request)
        return record_save(instance=slot, user=self.request.user)

    def get_success_url(self) -> str:
        return month_url(self.object.date)


class ReceptionScheduleCreateView(_ScheduleWrite, RecordCreateView):
    pass


class ReceptionScheduleUpdateView(_ScheduleWrite, RecordUpdateView):
    pass


class ReceptionScheduleDeleteView(_Section, RecordDeleteView):
    def get_success_url(self) -> str:
        return month_url(self.object.date)
