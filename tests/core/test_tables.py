"""Lists' tables (core.tables): headers from the models, cells as every list writes them
(dd/mm/yyyy dates, choices' labels, ✔/✘, "—" for nothing), links to the records, data-label on
every cell, sorting by ?sort= and the pagination."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.paginator import Paginator
from django.urls import reverse

from core import tables
from core.tables import SUMMARY_ATTRS
from council.models import Delegate, Organization
from sessions.models import Session

pytestmark = pytest.mark.django_db


class _SessionDates(tables.Table):
    class Meta:
        model = Session
        fields = ["number", "start_date", "end_date", "format"]


class _Organizations(tables.Table):
    name = tables.Column(linkify=True, attrs=SUMMARY_ATTRS)
    short = tables.Column(verbose_name="Viết tắt", accessor="short_name", orderable=False)

    class Meta:
        model = Organization
        fields = ["name", "kind", "is_active"]

    def render_short(self, value: str, record: Organization) -> str:
        return f"{value}!"


def _shown(table: tables.Table, rows: list) -> tables.Table:
    table.show(Paginator(rows, 25).page(1))
    return table


def test_every_date_is_written_dd_mm_yyyy_and_nothing_as_a_dash(term):
    session = Session(term=term, number=3, start_date=dt.date(2019, 7, 9), end_date=None)
    row = _shown(_SessionDates(), [session]).rows[0]
    assert row.get_cell("start_date") == "09/07/2019"
    assert row.get_cell("end_date") == tables.EMPTY == "—"
    assert row.get_cell("format") == session.get_format_display()  # a choice's label


def test_headers_labels_links_and_render_methods():
    org = Organization.objects.create(name="Sở Tài chính", short_name="STC", kind="so")
    table = _shown(_Organizations(), [org])
    headers = [
        str(Organization._meta.get_field(n).verbose_name) for n in _Organizations.Meta.fields
    ]
    assert [c.header for c in table.columns] == [h[0].upper() + h[1:] for h in headers] + [
        "Viết tắt"
    ]
    row = table.rows[0]
    assert row.get_cell("name") == f'<a href="{org.get_absolute_url()}">Sở Tài chính</a>'
    assert row.get_cell("kind") == org.get_kind_display()
    assert row.get_cell("is_active") == '<span class="true">✔</span>'
    assert row.get_cell("short") == "STC!"
    attrs = [str(a) for a, _content in row.cells]
    assert attrs[0] == f' class="cell-summary" data-label="{headers[0][0].upper()}{headers[0][1:]}"'
    assert attrs[1] == ' data-label="Loại"'


def test_a_model_s_own_display_method_is_used(term):
    delegate = Delegate(term=term, full_name="A", status=Delegate.Status.ACTIVE)

    class _Delegates(tables.Table):
        class Meta:
            model = Delegate
            fields = ["status"]

    row = _shown(_Delegates(), [delegate]).rows[0]
    assert row.get_cell("status") == delegate.get_status_display()


def test_sorting_adds_the_primary_key_and_ignores_what_does_not_sort():
    qs = Organization.objects.all()
    assert _Organizations(sort="-kind").sort(qs).query.order_by == ("-kind", "-pk")
    assert _Organizations(sort="name").sort(qs).query.order_by == ("name", "pk")
    assert _Organizations(sort="short").sort(qs) is qs  # orderable=False
    assert _Organizations(sort="nonexistent").sort(qs) is qs
    table = _Organizations(sort="name")
    name = table.columns[0]
    assert (name.sorted, name.next_sort) == ("ascending", "-name")
    assert (table.columns[1].sorted, table.columns[1].next_sort) == ("", "kind")


def test_the_list_page_sorts_pages_and_keeps_the_filters(staff_client, term):
    for i in range(30):
        Delegate.objects.create(term=term, full_name=f"Đại biểu {i:02}", birth_year=1950 + i)
    url = reverse("council:delegate_list")
    html = staff_client.get(url + f"?term={term.pk}&page=2&sort=-birth_year").content.decode()
    # The header links keep the filter, drop the page, and turn the sorted column around.
    assert f'href="?term={term.pk}&amp;sort=birth_year"' in html
    assert f'href="?term={term.pk}&amp;sort=full_name"' in html
    assert re.search(r'<th aria-sort="descending" scope="col"><a [^>]*>Năm sinh</a>', html)
    # Page 2 of 30 rows, most recent birth years first: 1954 ... 1950.
    years = re.findall(r'data-label="Năm sinh">(\d+)<', html)
    assert years == ["1954", "1953", "1952", "1951", "1950"]
    assert "Trang trước" in html and "Trang sau" not in html
    assert f'href="?term={term.pk}&amp;page=1&amp;sort=-birth_year"' in html
    response = staff_client.get(url + "?page=99&sort=full_name")  # beyond the end: the last
    assert response.context["table"].page.number == 2
