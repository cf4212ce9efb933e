"""The report command for any council and any range of days, and the charts of a report that
stop at the end of its period (issue 17)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from core.periods import Period
from core.services import record_save
from council.models import Council, Term
from oversight.models import Actor, Kind
from reports.models import AnnualReport, ReportRequest
from reports.pdf import annual_report_context
from reports.selectors import annual_figures, term_trend
from reports.services import period_report_get_or_create
from resolutions.services import resolution_create
from sessions.models import Session
from tests.oversight import conftest as oversight_fixtures
from tests.reports.conftest import pdf_text
from tests.voters import conftest as voters_fixtures

pytestmark = pytest.mark.django_db

D = dt.date
make_petition = voters_fixtures.make_petition
make_activity = oversight_fixtures.make_activity


def _sessions(term: Term, *rows: tuple[int, str, dt.date]) -> list[Session]:
    return [
        record_save(
            instance=Session(term=term, number=number, kind=kind, start_date=day, end_date=day)
        )
        for number, kind, day in rows
    ]


@pytest.fixture
def neighbour(council, term) -> Council:
    """A second council of the installation (the first by id is `council`), with its own term
    and data; reports of either council never show the other's."""
    other = Council.objects.create(
        name="Hội đồng nhân dân tỉnh Bên Cạnh",
        short_name="HĐND tỉnh Bên Cạnh",
        place_name="Bên Cạnh",
        header_name="HỘI ĐỒNG NHÂN DÂN\nTỈNH BÊN CẠNH",
        secretariat_name="Văn phòng HĐND tỉnh Bên Cạnh",
    )
    other_term = Term.objects.create(
        council=other, ordinal=15, roman="XV", start_date=D(2016, 7, 1), end_date=D(2021, 6, 30)
    )
    R, T = Session.Kind.REGULAR, Session.Kind.THEMATIC
    # The first council: 3 sessions and 9 instances in the first half of 2019.
    _sessions(term, (1, R, D(2019, 1, 15)), (2, T, D(2019, 4, 2)), (3, R, D(2019, 6, 30)))
    make_petition_for(term, 9, D(2019, 5, 5))
    # The neighbour: 1 session in the first half (and one in July), 4 instances.
    _sessions(other_term, (4, R, D(2019, 3, 15)), (5, R, D(2019, 7, 20)))
    make_petition_for(other_term, 4, D(2019, 5, 5))
    return other


def make_petition_for(term: Term, instances: int, received: dt.date) -> None:
    from voters.models import VoterPetition
    from voters.services import petition_save

    petition_save(
        petition=VoterPetition(
            term=term, received_date=received, content="Đề nghị sửa đường", instances=instances
        )
    )


def _command_pdf(tmp_path, **options) -> str:
    output = tmp_path / "report.pdf"
    call_command("annual_report", output=str(output), **options)
    return pdf_text(output.read_bytes())


def test_the_command_reports_on_the_council_and_the_days_it_is_given(neighbour, tmp_path):
    text = _command_pdf(
        tmp_path, council="HĐND tỉnh Bên Cạnh", date_from="01/01/2019", date_to="30/06/2019"
    )
    assert "HỘI ĐỒNG NHÂN DÂN TỈNH BÊN CẠNH" in text
    assert "Bên Cạnh, ngày" in text
    assert (
        "Kết quả hoạt động từ ngày 01/01/2019 đến ngày 30/06/2019 của Thường trực HĐND tỉnh"
    ) in text
    assert (
        "Từ ngày 01/01/2019 đến ngày 30/06/2019, Hội đồng nhân dân tỉnh đã tổ chức 01 kỳ họp"
    ) in text
    assert "đã tổng hợp 04 lượt ý kiến, kiến nghị của cử tri" in text
    # Nothing of the first council.
    assert "THỬ NGHIỆM" not in text.upper()
    assert "03 kỳ họp" not in text and "09 lượt" not in text
    report = AnnualReport.objects.get()
    assert report.council == neighbour
    assert (report.start_date, report.end_date) == (D(2019, 1, 1), D(2019, 6, 30))


def test_the_command_takes_a_council_by_id_and_iso_days(neighbour, tmp_path):
    text = _command_pdf(
        tmp_path, council=str(neighbour.pk), date_from="2019-01-01", date_to="2019-12-31"
    )
    assert "HỘI ĐỒNG NHÂN DÂN TỈNH BÊN CẠNH" in text
    # A range of days keeps its days in the title, even a whole year's.
    assert "Kết quả hoạt động từ ngày 01/01/2019 đến ngày 31/12/2019" in text
    assert "đã tổ chức 02 kỳ họp" in text


def test_without_a_council_the_command_reports_on_the_first_one(neighbour, tmp_path):
    text = _command_pdf(tmp_path, year=2019)
    assert "HỘI ĐỒNG NHÂN DÂN TỈNH THỬ NGHIỆM" in text
    assert "Trong năm 2019, Hội đồng nhân dân tỉnh đã tổ chức 03 kỳ họp" in text
    assert "đã tổng hợp 09 lượt ý kiến" in text
    assert "BÊN CẠNH" not in text.upper()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"council": "HĐND tỉnh Không Có", "year": 2019},
            "Không tìm thấy HĐND «HĐND tỉnh Không Có»",
        ),
        ({"council": "999999", "year": 2019}, "Không tìm thấy HĐND «999999»"),
        ({"year": 2019, "date_from": "01/01/2019"}, "không dùng cả hai"),
        ({"date_from": "01/01/2019"}, "cả --from và --to"),
        ({"date_from": "01/07/2019", "date_to": "30/06/2019"}, "không được trước ngày bắt đầu"),
        ({"date_from": "31/02/2019", "date_to": "30/06/2019"}, "Không hiểu ngày '31/02/2019'"),
        ({"date_from": "01/01/2022", "date_to": "30/06/2022"}, "không nằm trong các nhiệm kỳ"),
    ],
)
def test_the_command_refuses_what_it_cannot_report_on(neighbour, options, message):
    with pytest.raises(CommandError, match=message):
        call_command("annual_report", **options)
    assert not ReportRequest.objects.exists()


# --- charts over the term's years stop at the end of the period ------------------------------


@pytest.fixture
def two_years(council, term, make_petition, make_activity, staff_user):
    """2019 and, entered later, 2020: sessions, a resolution, petitions, an activity."""
    R, T = Session.Kind.REGULAR, Session.Kind.THEMATIC
    sessions = _sessions(
        term,
        (1, R, D(2019, 3, 10)),
        (2, T, D(2019, 8, 10)),
        (3, R, D(2020, 4, 10)),
        (4, R, D(2020, 9, 10)),
    )
    resolution_create(
        council=council,
        title="Nghị quyết năm 2019",
        is_normative=True,
        session=sessions[0],
        adopted_date=D(2019, 3, 10),
    )
    for session in sessions[2:]:
        resolution_create(
            council=council,
            title="Nghị quyết năm 2020",
            session=session,
            adopted_date=session.start_date,
        )
    for instances, day in [(2, D(2019, 2, 1)), (4, D(2019, 9, 1)), (6, D(2020, 5, 1))]:
        make_petition(instances=instances, received=day)
    make_activity(
        actor=Actor.STANDING,
        kind=Kind.INSPECTION,
        start_date=D(2020, 6, 1),
        end_date=D(2020, 6, 5),
    )


def _trend_svgs(council, period: Period) -> list[str]:
    report = period_report_get_or_create(council=council, period=period)
    figures = annual_figures(council=council, period=period)
    context = annual_report_context(report=report, figures=figures)
    return [chart.svg for chart in context["charts"] if chart.key.startswith("trend_")]


def test_a_2019_report_shows_no_later_year_in_its_charts(council, two_years):
    svgs = _trend_svgs(council, Period.year(2019))
    assert len(svgs) == 4  # sessions, resolutions, oversight, petitions
    for svg in svgs:
        assert ">2016<" in svg and ">2019<" in svg
        for later in ("2020", "2021"):
            assert f">{later}<" not in svg and f" {later}:" not in svg
    trend = term_trend(council=council, term=council.terms.get(), until=D(2019, 12, 31))
    assert trend.years == (2016, 2017, 2018, 2019)
    assert trend.sessions[-1] == (1, 1)
    assert trend.resolutions[-1] == (1, 0)
    assert trend.petitions[-1] == 6
    assert trend.oversight == (0, 0, 0, 0)


def test_a_half_year_report_counts_nothing_after_its_last_day_in_its_charts(council, two_years):
    trend = term_trend(council=council, term=council.terms.get(), until=D(2019, 6, 30))
    assert trend.years[-1] == 2019
    # The thematic session of August and the petitions of September are after 30/06/2019.
    assert trend.sessions[-1] == (1, 0)
    assert trend.petitions[-1] == 2
    svgs = _trend_svgs(council, Period.half(2019))
    assert all(">2020<" not in svg for svg in svgs)
    # The chart's total over the 2019 bar is the first half's single session.
    assert "Kỳ họp thường lệ 2019: 1</title>" in svgs[0]
    assert "2019: 1</title>" in svgs[0] and "bất thường 2019" not in svgs[0]


def test_the_pdf_of_2019_draws_no_2020_column(council, two_years, tmp_path):
    text = _command_pdf(tmp_path, year=2019)
    charts = text[text.index("Biểu đồ 1.") :]
    assert "Kỳ họp qua các năm của nhiệm kỳ" in charts
    assert "2019" in charts
    assert "2020" not in charts and "2021" not in charts
