"""Table rendering shortcuts (issue 8: an uncached list page costs its rendering): dates
written with strftime, django-tables2's signature inspection remembered, drop-down markup
kept per data version."""

from __future__ import annotations

import datetime as dt

import django_tables2 as tables
import pytest
from django_tables2 import utils as tables2_utils

from council import filters
from council.tables import DateColumn, _cached_signature, _uncached_signature
from sessions.models import Session

pytestmark = pytest.mark.django_db


class _SessionDates(tables.Table):
    class Meta:
        model = Session
        fields = ["number", "start_date", "end_date"]


def test_every_date_field_gets_the_dd_mm_yyyy_column(term):
    session = Session(term=term, number=3, start_date=dt.date(2019, 7, 9), end_date=None)
    table = _SessionDates([session])
    assert isinstance(table.base_columns["start_date"], DateColumn)
    row = next(iter(table.rows))
    assert row.get_cell("start_date") == "09/07/2019"
    assert row.get_cell("end_date") == table.default  # an empty date is the table's blank


class _Renderer:
    def render_x(self, value, record):
        return value

    def render_y(self, value, **kwargs):
        return value


def test_remembered_signatures_are_those_django_tables2_computes():
    assert tables2_utils.signature is _cached_signature  # installed at start-up
    first, second = _Renderer(), _Renderer()
    for fn in (first.render_x, second.render_x, first.render_y, lambda record: record, len):
        assert _cached_signature(fn) == _uncached_signature(fn)
    assert _cached_signature(second.render_x) == (("value", "record"), None)
    assert _cached_signature(first.render_y) == (("value",), "kwargs")


def test_cached_drop_down_options_keep_their_markup(term, monkeypatch):
    from django import forms

    from council.models import Term

    field = forms.ModelChoiceField(queryset=Term.objects.all())
    monkeypatch.setattr(filters, "_RECENT_CHOICES", filters.OrderedDict())
    options = filters.cached_choices(field, "v1:test")
    assert isinstance(options, filters.OptionList)
    assert filters.cached_choices(field, "v1:test") is options  # kept in this process
    assert options.markup() is options.markup()
    html = filters.FastSelect(choices_loader=lambda: options).render("term", str(term.pk))
    assert f'<option value="{term.pk}" selected>' in html
    # Another data version (a write happened) is another key: read afresh.
    assert filters.cached_choices(field, "v2:test") is not options


class _Escaping(tables.Table):
    name = tables.Column()
    # An attribute computed from the record (written for each cell) beside static ones (once).
    amount = tables.Column(attrs={"td": {"data-amount": lambda record: record.get("amount", 0)}})
    link = tables.Column(linkify=lambda record: "/x/?a=1&b=2", attrs={"td": {"class": "lnk"}})


def _tbody(template_name: str, rf) -> str:
    import re

    from django_tables2 import RequestConfig

    table = _Escaping(
        [{"name": "<b>Đất đai</b>", "amount": 1234567, "link": "a & b"}, {"name": None}],
        template_name=template_name,
    )
    RequestConfig(rf.get("/")).configure(table)
    html = table.as_html(rf.get("/"))
    return re.sub(r"\s+", "", html[html.index("<tbody") : html.index("</tbody>")])


def test_rows_written_in_python_match_django_tables2s_own_template(rf):
    ours = _tbody("django_tables2/hdnd.html", rf)
    assert ours == _tbody("django_tables2/bootstrap5.html", rf)
    assert "&lt;b&gt;Đấtđai&lt;/b&gt;" in ours  # escaped
    assert '<a href="/x/?a=1&amp;b=2">a &amp; b</a>'.replace(" ", "") in ours
    assert 'data-amount="1234567"' in ours and 'data-amount="0"' in ours
    assert ours.count('class="lnk"') == 2
