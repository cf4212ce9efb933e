import datetime as dt
from collections.abc import Callable
from typing import Any

import django_tables2 as tables
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tables2 import utils as tables2_utils
from django_tables2.columns.base import library

from council import models as m

_SIGNATURES: dict[tuple[Callable, bool], tuple] = {}
_uncached_signature = tables2_utils.signature


def _cached_signature(fn: Callable) -> tuple:
    """django_tables2.utils.signature, remembered per function: django-tables2 inspects the
    render function of every cell again (inspect.signature: a fifth of a table's rendering
    time). A bound method has the signature of its function minus `self`, whatever the
    instance, so the function and whether it is bound are the key."""
    func = getattr(fn, "__func__", fn)
    key = (func, func is not fn)
    try:
        return _SIGNATURES[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable callable
        return _uncached_signature(fn)
    if len(_SIGNATURES) > 4096:  # callables made per request (partials) must not pile up
        _SIGNATURES.clear()
    result = _SIGNATURES[key] = _uncached_signature(fn)
    return result


def remember_render_signatures() -> None:
    """Installed once at start-up (CouncilConfig.ready): call_with_appropriate, which calls
    every cell's render function, looks `signature` up in its module."""
    tables2_utils.signature = _cached_signature


@library.register
class DateColumn(tables.Column):
    """A date as dd/mm/yyyy, the column every table gets for a DateField.

    django-tables2's own DateColumn renders each cell through a template it parses again for
    every cell: two date columns cost ~10 ms a page of 25 rows. strftime costs microseconds."""

    @classmethod
    def from_field(cls, field: models.Field, **kwargs: Any) -> tables.Column | None:
        if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
            return cls(**kwargs)
        return None

    def render(self, value: dt.date) -> str:
        return value.strftime("%d/%m/%Y")


class TermTable(tables.Table):
    roman = tables.Column(linkify=True, verbose_name=_("Khóa"))

    class Meta:
        model = m.Term
        fields = ["roman", "council", "start_date", "end_date"]
        empty_text = _("Chưa có nhiệm kỳ nào.")


class CommitteeTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = m.Committee
        fields = ["name", "code", "term", "order"]
        empty_text = _("Chưa có Ban nào.")


class DelegateGroupTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = m.DelegateGroup
        fields = ["name", "area", "term"]
        empty_text = _("Chưa có Tổ đại biểu nào.")


class DelegateTable(tables.Table):
    full_name = tables.Column(linkify=True)

    class Meta:
        model = m.Delegate
        fields = [
            "full_name",
            "gender",
            "birth_year",
            "job_title",
            "delegate_group",
            "committee",
            "is_full_time",
            "status",
            "term",
        ]
        empty_text = _("Chưa có đại biểu nào.")


class OrganizationTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = m.Organization
        fields = ["name", "short_name", "kind", "level", "is_active"]
        empty_text = _("Chưa có cơ quan, tổ chức nào.")


class AdministrativeUnitTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = m.AdministrativeUnit
        fields = ["name", "unit_type", "level", "parent", "valid_from", "valid_to"]
        empty_text = _("Chưa có đơn vị hành chính nào.")


class InterSessionMatterTable(tables.Table):
    subject = tables.Column(linkify=True)

    class Meta:
        model = m.InterSessionMatter
        fields = [
            "received_date",
            "subject",
            "submitted_by",
            "submission_number",
            "opinion_date",
            "outcome",
        ]
        empty_text = _("Chưa có nội dung phát sinh nào.")


class AppraisalRequestTable(tables.Table):
    subject = tables.Column(linkify=True)

    class Meta:
        model = m.AppraisalRequest
        fields = ["received_date", "subject", "doc_kind", "requester", "answered_date"]
        empty_text = _("Chưa có yêu cầu thẩm định nào.")


class CouncilTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = m.Council
        fields = ["name", "place_name", "secretariat_name", "resolution_sequence"]
        empty_text = _("Chưa khai báo HĐND.")


class PositionTable(tables.Table):
    delegate = tables.Column(linkify=True)

    class Meta:
        model = m.Position
        fields = ["delegate", "role", "committee", "start_date", "end_date"]
        empty_text = _("Chưa có chức danh nào.")
