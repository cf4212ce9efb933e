import datetime as dt
from typing import Any

import django_tables2 as tables
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_tables2.columns.base import library

from council import models as m


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


# The column of a list that carries the text a reader scans (petition content, a resolution's
# title): given room on wide screens and the whole width of a card on phones (static/css/app.css)
# instead of one word a line.
SUMMARY_ATTRS = {"th": {"class": "cell-summary"}, "td": {"class": "cell-summary"}}


def label_cells(table: tables.Table) -> tables.Table:
    """Each cell of the table names its column (data-label): below 768 px a row is shown as a
    card of "label: value" lines (static/css/app.css), so no list scrolls sideways on a phone.
    The table's columns are its own copies (django-tables2 deep-copies them per table)."""
    for bound in table.columns:
        column = bound.column
        attrs = dict(column.attrs)
        td = dict(attrs.get("td", attrs.get("cell", {})))
        td["data-label"] = strip_tags(str(bound.header))
        column.attrs = {**attrs, "td": td}
    return table


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
    subject = tables.Column(linkify=True, attrs=SUMMARY_ATTRS)

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
    subject = tables.Column(linkify=True, attrs=SUMMARY_ATTRS)

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
