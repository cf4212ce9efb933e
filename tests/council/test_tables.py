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
from voters.models import VoterPetition

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


def _tbody(template_name: str, rf, table_class=_Escaping, data=None) -> str:
    import re

    from django_tables2 import RequestConfig

    if data is None:
        data = [{"name": "<b>Đất đai</b>", "amount": 1234567, "link": "a & b"}, {"name": None}]
    table = table_class(data, template_name=template_name)
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


class _PetitionCells(tables.Table):
    """Every kind of column the quick cells handle, and some they leave to django-tables2."""

    id = tables.Column(linkify=True)  # the record's own page
    session = tables.Column(linkify=True)  # the related record's page; empty when None
    session_number = tables.Column(accessor="session__number")  # through a relation
    council = tables.Column(accessor="term__council__name")  # two relations
    level = tables.Column()  # choices: the label
    received_date = DateColumn()
    answer_number = tables.Column(default="—")  # "" is empty: the column default
    batch = tables.Column(accessor="batch__number")  # through a missing relation
    content = tables.Column(linkify=lambda record: f"/x/{record.pk}/?a=1&b=2")  # kept
    instances = tables.BooleanColumn()  # another column class: kept
    upper = tables.Column(accessor="content")  # render_upper: kept

    class Meta:
        model = VoterPetition
        fields = ["id", "status"]
        sequence = ["id", "status", "..."]

    def render_upper(self, value: str) -> str:
        return value.upper()


def test_quick_cells_write_what_django_tables2_writes(rf, term):
    from council.tables import _cell_function

    session = Session(pk=7, term=term, number=3, start_date=dt.date(2019, 7, 9))
    rows = [
        VoterPetition(
            pk=11, term=term, session=session, content="Đường <hỏng>", level="province",
            status="answered", received_date=dt.date(2019, 7, 1), answer_number="", instances=2,
        ),
        VoterPetition(pk=12, term=term, content="Điện", level="central", answer_number="12/UBND"),
    ]  # fmt: skip
    ours = _tbody("django_tables2/hdnd.html", rf, _PetitionCells, rows)
    assert ours == _tbody("django_tables2/bootstrap5.html", rf, _PetitionCells, rows)
    assert "Tỉnh" in ours and "09/07/2019" not in ours and "01/07/2019" in ours
    table = _PetitionCells(rows)
    quick = {bound.name for bound in table.columns if _cell_function(table, bound)}
    assert quick == {
        "id", "status", "session", "session_number", "council", "level", "received_date",
        "answer_number", "batch",
    }  # fmt: skip
    for name in ("id", "session", "level", "received_date", "answer_number", "batch"):
        assert _cell_function(table, table.columns[name])(rows[1]) == next(
            iter(table.rows[1:2])
        ).get_cell(name), name


def test_filter_form_written_as_crispy_writes_it(rf, term):
    """Same markup as {{ form|crispy }}, valid and invalid (errors, help text, drop-downs
    from the option cache, number input, check boxes)."""
    import re

    from django.template import Context, Template

    from council.filters import use_cached_choices
    from voters.filters import VoterPetitionFilter

    for params in (
        {"q": "duong <b>", "status": "answered", "merged": "on", "term": str(term.pk)},
        {"year": "abc", "status": "zzz", "term": "999999"},
    ):
        html = {}
        for name, source in (
            ("ours", "{% load hdnd %}{% filter_fields form %}"),
            ("crispy", "{% load crispy_forms_tags %}{{ form|crispy }}"),
        ):
            filterset = VoterPetitionFilter(params, queryset=VoterPetition.objects.all())
            use_cached_choices(filterset)
            filterset.form.is_valid()
            rendered = Template(source).render(Context({"form": filterset.form}))
            html[name] = re.sub(r"\s+", "", rendered)
        assert html["ours"] == html["crispy"], params
    assert "is-invalid" in html["ours"] and "invalid-feedback" in html["ours"]
