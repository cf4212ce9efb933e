"""The report PDF says what the data say, the way such reports say it (issue 17, "The report
PDF"): the era's word for non-regular sessions, no chart adding activities to petitions'
lượt, every petition outcome and level with its share, nothing said of an unknown split of
resolutions and no "00 …", a date and recipients that fit the period, a text that counts what
its appendix counts, an appendix that cites its report and is paged on its own, and the font it
was printed in. Data are recorded through the apps' write services (a year across 01/07/2020
below, the hand-counted 2019 of test_report_read_back, the demo) and read back from the PDF."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections import Counter
from io import BytesIO
from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.template.loader import render_to_string
from pypdf import PdfReader

from core.periods import Period
from core.services import record_save
from council.models import Term
from council.selectors import province_council
from oversight.models import Actor, Kind, OversightRecommendation
from reports import fonts
from reports.dashboard import dashboard_data
from reports.document import Table, total_last
from reports.pdf import _static_root, _url_fetcher, annual_report_context, annual_report_pdf
from reports.selectors import annual_figures, council_terms
from reports.services import period_report_get_or_create, period_report_new
from resolutions.services import resolution_create
from sessions.models import Session
from tests.oversight import conftest as oversight_fixtures
from tests.reports.conftest import pdf_pages, pdf_text
from tests.reports.test_report_read_back import _prose, _render, _tables, year_of_work
from tests.voters import conftest as voters_fixtures
from voters import services as voter_services
from voters.models import Letter

pytestmark = pytest.mark.django_db

D = dt.date
FAR_DEADLINE = D(2099, 12, 31)

# Fixtures of the voters' and oversight tests, and the hand-counted 2019 of the read-back tests.
make_petition = voters_fixtures.make_petition
forward = voters_fixtures.forward
petition_field = voters_fixtures.petition_field
make_activity = oversight_fixtures.make_activity
make_recommendation = oversight_fixtures.make_recommendation
__all__ = ["year_of_work"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory) -> SimpleNamespace:
    """The demo loaded once for the module: its 2019 report rendered through the command, and
    the charts of the dashboard's 2019; rolled back at the end."""
    output = tmp_path_factory.mktemp("pdf") / "report.pdf"
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            call_command("load_demo")
            call_command("annual_report", year=2019, output=str(output))
            council = province_council()
            board = dashboard_data(
                council=council,
                year=2019,
                term=None,
                terms=council_terms(council=council),
                today=D(2020, 1, 15),
            )
            transaction.set_rollback(True)
    return SimpleNamespace(pdf=output.read_bytes(), dashboard_charts=board.charts)


@pytest.fixture
def year_2020(
    council, term, committee, staff_user, make_petition, forward, make_activity, make_recommendation
):
    """2020, across the day "kỳ họp bất thường" became "kỳ họp chuyên đề" (01/07/2020), with
    resolutions none of which is marked normative and figures that are zero. Counts in the
    comments."""
    R, T = Session.Kind.REGULAR, Session.Kind.THEMATIC
    # 4 sessions: 2 regular; thematic no. 11 in March ("bất thường") and no. 13 in September
    # ("chuyên đề").
    sessions = {
        number: record_save(
            instance=Session(
                term=term,
                number=number,
                kind=kind,
                start_date=day,
                end_date=day,
                status=Session.Status.CLOSED,
            ),
            user=staff_user,
        )
        for number, kind, day in [
            (11, T, D(2020, 3, 20)),
            (12, R, D(2020, 7, 15)),
            (13, T, D(2020, 9, 25)),
            (14, R, D(2020, 12, 10)),
        ]
    }
    # 3 resolutions, none marked normative: the split is not known.
    for number, title in [
        (12, "Kế hoạch đầu tư công"),
        (13, "Điều chỉnh dự toán"),
        (14, "Dự toán"),
    ]:
        resolution_create(
            council=council,
            title=title,
            session=sessions[number],
            adopted_date=sessions[number].end_date,
            user=staff_user,
        )
    # HĐND: a thematic supervision and a survey (2); Thường trực: an explanation session (1);
    # a Ban: a survey (1). One recommendation, not done.
    supervision = make_activity(
        actor=Actor.COUNCIL,
        kind=Kind.THEMATIC_SUPERVISION,
        start_date=D(2020, 5, 4),
        end_date=D(2020, 5, 29),
    )
    make_activity(
        actor=Actor.COUNCIL, kind=Kind.SURVEY, start_date=D(2020, 10, 5), end_date=D(2020, 10, 7)
    )
    make_activity(actor=Actor.STANDING, kind=Kind.EXPLANATION, start_date=D(2020, 8, 20))
    make_activity(
        actor=Actor.COMMITTEE,
        kind=Kind.SURVEY,
        committee=committee,
        start_date=D(2020, 6, 15),
        end_date=D(2020, 6, 16),
    )
    make_recommendation(
        activity=supervision,
        status=OversightRecommendation.Status.IN_PROGRESS,
        deadline=FAR_DEADLINE,
    )
    # Petitions: 3 + 2 = 5 lượt, all forwarded; the 3 answered "đang giải quyết", none
    # resolved; the 2 unanswered, past their deadline.
    answered = make_petition(instances=3, received=D(2020, 7, 1), session=sessions[12])
    waiting = make_petition(instances=2, received=D(2020, 7, 2), session=sessions[12])
    forward([answered, waiting], day=D(2020, 7, 20), number="120/HĐND-VP")
    voter_services.petition_answer(
        petition=answered,
        answer_number="1205/UBND-TH",
        answer_date=D(2020, 8, 15),
        outcome="in_progress",
        user=staff_user,
    )
    # One complaint, not forwarded (the citizen was guided).
    voter_services.letter_save(
        letter=Letter(
            term=term,
            kind=Letter.Kind.COMPLAINT,
            received_date=D(2020, 4, 2),
            summary="Nội dung đơn",
            handling=Letter.Handling.GUIDED,
        ),
        user=staff_user,
    )
    return sessions


@pytest.fixture
def report_2020(year_2020, council, staff_user) -> bytes:
    return _render_year(council, staff_user, 2020)


def _render_year(council, user, year: int) -> bytes:
    from reports.models import ReportRequest
    from reports.services import annual_report_render, annual_report_request

    request = annual_report_request(council=council, year=year, user=user, enqueue=False)
    assert annual_report_render(request_id=request.pk)
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.DONE, request.error
    with request.file.open("rb") as stored:
        return stored.read()


def _charts(council, period: Period) -> dict[str, str]:
    report = period_report_get_or_create(council=council, period=period)
    context = annual_report_context(
        report=report, figures=annual_figures(council=council, period=period)
    )
    return {chart.key: chart.svg for chart in context["charts"]}


# --- 1. The era's word for non-regular sessions --------------------------------------------------


def test_a_2019_report_says_bat_thuong_in_its_text_table_and_chart_legend(demo):
    text = pdf_text(demo.pdf)
    assert "05 kỳ họp (trong đó, có 03 kỳ họp bất thường)" in text
    charts = text[text.index("Biểu đồ 1.") :]
    assert "Kỳ họp bất thường" in charts
    # Not the legend every year's report printed, nor the later word, anywhere in 2019.
    assert "chuyên đề, bất thường" not in text
    assert "họp chuyên đề" not in text.lower()
    assert ("Thường lệ", "2") in _tables(demo.pdf)["Biểu 1. Kỳ họp và nghị quyết"]
    assert ("Bất thường", "3") in _tables(demo.pdf)["Biểu 1. Kỳ họp và nghị quyết"]


def test_a_year_across_01_07_2020_names_each_session_by_its_own_day(
    report_2020, council, year_2020
):
    text = _prose(report_2020)
    assert (
        "Trong năm 2020, Hội đồng nhân dân tỉnh đã tổ chức 04 kỳ họp (trong đó, có 01 kỳ họp "
        "bất thường và 01 kỳ họp chuyên đề); ban hành 03 nghị quyết."
    ) in text
    assert _tables(report_2020)["Biểu 1. Kỳ họp và nghị quyết"][:4] == [
        ("Kỳ họp", "Tổng số", "4"),
        ("Thường lệ", "2"),
        ("Bất thường", "1"),  # no. 11, March
        ("Chuyên đề", "1"),  # no. 13, September
    ]
    legend = _charts(council, Period.year(2020))["trend_sessions"]
    assert ">Kỳ họp bất thường<" in legend and ">Kỳ họp chuyên đề<" in legend
    assert "Kỳ họp bất thường 2020: 1</title>" in legend
    assert "Kỳ họp chuyên đề 2020: 1</title>" in legend
    assert "chuyên đề, bất thường" not in legend


def test_a_report_after_01_07_2020_says_chuyen_de_only(year_2020, council):
    period = Period.half(2020, first=False)  # no. 13 in September
    report = period_report_get_or_create(council=council, period=period)
    context = annual_report_context(
        report=report, figures=annual_figures(council=council, period=period)
    )
    assert (
        context["sections"][0]
        .paragraphs[0]
        .startswith(
            "Trong 6 tháng cuối năm 2020, Hội đồng nhân dân tỉnh đã tổ chức 03 kỳ họp (trong đó, "
            "có 01 kỳ họp chuyên đề)"
        )
    )
    sessions = context["tables"][0].rows[:3]
    assert sessions == [["Kỳ họp", "Tổng số", "3"], ["", "Thường lệ", "2"], ["", "Chuyên đề", "1"]]
    # Its chart runs over the term's years from 2016: each year's sessions by their own day.
    legend = {chart.key: chart.svg for chart in context["charts"]}["trend_sessions"]
    assert "Kỳ họp chuyên đề 2020: 1</title>" in legend
    assert "Kỳ họp bất thường 2020: 1</title>" in legend  # no. 11, March


# --- 2. No chart adds up unlike units ------------------------------------------------------------


def test_no_chart_stacks_oversight_activities_on_petitions_lượt(demo):
    # 2019 of the demo: 20 activities and 351 lượt, once stacked into one bar of 371.
    charts = {chart.key: chart for chart in demo.dashboard_charts}
    for chart in demo.dashboard_charts:
        assert ">371<" not in chart.svg, chart.title
        assert not ("Hoạt động giám sát" in chart.svg and "(lượt)" in chart.svg), chart.title
    assert ">20<" in charts["trend_oversight"].svg
    assert ">351<" in charts["trend_petitions"].svg
    text = pdf_text(demo.pdf)
    assert "Giám sát và kiến nghị" not in text
    assert "Hoạt động giám sát qua các năm của nhiệm kỳ (cuộc, phiên)" in text
    assert "Kiến nghị của cử tri qua các năm của nhiệm kỳ (lượt)" in text


def test_the_dashboard_chart_of_a_term_across_2020_names_both_kinds_of_session(demo):
    legend = {chart.key: chart for chart in demo.dashboard_charts}["trend_sessions"].svg
    # Term XVI runs 2016 to 2021: its sessions before and after 01/07/2020, each by its name.
    assert ">Kỳ họp bất thường<" in legend and ">Kỳ họp chuyên đề<" in legend
    assert "Kỳ họp bất thường 2019: 3</title>" in legend


# --- 3. Every petition outcome and level with its share ---------------------------------------------
# The hand-counted 2019 (test_report_read_back): 61 lượt; resolved 12, in progress 6, explained
# 3, central authority 4, answered without an outcome 3; forwarded and waiting 16, not yet
# forwarded 8 + 9 = 17; by level 4 central, 50 province, 6 district, 1 commune.


def test_the_text_gives_each_outcome_and_level_with_its_share(year_of_work, council, staff_user):
    text = _prose(_render(council, staff_user))
    assert (
        "Kết quả giải quyết: đã giải quyết 12 lượt (chiếm 19,67%); đang giải quyết 06 lượt "
        "(chiếm 9,84%); đã giải thích, thông tin 03 lượt (chiếm 4,92%); thuộc thẩm quyền Trung "
        "ương 04 lượt (chiếm 6,56%); đã trả lời, chưa ghi kết quả giải quyết 03 lượt (chiếm "
        "4,92%)."
    ) in text
    assert (
        "Còn 16 lượt đã chuyển, đang chờ trả lời (chiếm 26,23%) và 17 lượt chưa chuyển (chiếm "
        "27,87%)."
    ) in text
    assert (
        "Phân theo thẩm quyền giải quyết: Trung ương 04 lượt (chiếm 6,56%); tỉnh 50 lượt (chiếm "
        "81,97%); huyện 06 lượt (chiếm 9,84%); xã 01 lượt (chiếm 1,64%)."
    ) in text


def test_shares_are_cut_when_the_council_truncates(year_of_work, council, staff_user):
    council.rate_rounding = council.Rounding.TRUNCATE
    record_save(instance=council)
    pdf = _render(council, staff_user)
    # 50 / 61 = 81.967...% and 17 / 61 = 27.868...%: cut, not rounded.
    assert "tỉnh 50 lượt (chiếm 81,96%)" in _prose(pdf)
    assert "17 lượt chưa chuyển (chiếm 27,86%)" in _prose(pdf)
    table = _tables(pdf)["Biểu 4. Ý kiến, kiến nghị của cử tri (lượt)"]
    assert ("Tỉnh", "50", "81,96%") in table


def test_the_appendix_gives_each_line_its_share_and_a_total(year_of_work, council, staff_user):
    table = _tables(_render(council, staff_user))["Biểu 4. Ý kiến, kiến nghị của cử tri (lượt)"]
    assert table[0] == ("Theo kết quả giải quyết", "Mới tiếp nhận", "8", "13,11%")
    assert ("Đã giải quyết", "12", "19,67%") in table
    assert ("Có lộ trình giải quyết", "0", "0%") in table
    assert ("Theo thẩm quyền", "Trung ương", "4", "6,56%") in table
    assert ("Tổng số", "61", "100%") in table


def test_after_july_2025_the_lower_level_is_the_commune_alone(council, term, make_petition):
    later = Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=D(2021, 6, 1), end_date=None
    )
    make_petition(instances=2, received=D(2025, 9, 1), term=later)
    period = Period.half(2025, first=False)
    report = period_report_get_or_create(council=council, period=period)
    context = annual_report_context(
        report=report, figures=annual_figures(council=council, period=period)
    )
    table = context["tables"][-1]
    labels = [row[1] for row in table.rows]
    assert "Huyện" not in labels
    assert "Thuộc thẩm quyền cấp xã" in labels and "Thuộc thẩm quyền cấp huyện, xã" not in labels


# --- 4. No split that is not known, no "00 …" -----------------------------------------------------


def test_a_split_of_resolutions_never_entered_is_not_printed(report_2020):
    text = _prose(report_2020)
    assert "ban hành 03 nghị quyết." in text
    assert "00 nghị quyết" not in text and "quy phạm pháp luật" not in text
    rows = _tables(report_2020)["Biểu 1. Kỳ họp và nghị quyết"]
    assert ("Nghị quyết", "Tổng số", "3") in rows
    assert not any("Quy phạm pháp luật" in row or "Cá biệt" in row for row in rows)


def test_zero_figures_read_as_reports_write_them(report_2020):
    text = _prose(report_2020)
    assert (
        "Sau giám sát, chất vấn, giải trình đã có 01 kiến nghị gửi các cơ quan, đơn vị; trong "
        "đó chưa có kiến nghị nào được thực hiện xong;"
    ) in text
    assert (
        "Thường trực HĐND tỉnh đã tổng hợp 05 lượt ý kiến, kiến nghị của cử tri (02 nội dung "
        "sau khi tổng hợp), chuyển 05 lượt đến các cơ quan có thẩm quyền xem xét, giải quyết. "
        "Đến nay, 03 lượt đã được trả lời (đạt 60%); chưa có kiến nghị nào được giải quyết; "
        "còn 01 kiến nghị quá hạn chưa được trả lời"
    ) in text
    assert (
        "Tiếp nhận 01 đơn (01 vụ việc), trong đó 01 đơn khiếu nại; đủ điều kiện xử lý 01 đơn; "
        "chưa chuyển đơn nào đến cơ quan có thẩm quyền giải quyết."
    ) in text
    assert not re.search(r"\b00 ", text), re.findall(r".{40}\b00 .{40}", text)


def test_a_period_without_sessions_says_so(council, term):
    from reports.document import results_sections

    figures = annual_figures(council=council, year=2018)
    first = results_sections(figures=figures, council=council, other_work="")[0].paragraphs[0]
    assert first == (
        "Trong năm 2018, Hội đồng nhân dân tỉnh chưa tổ chức kỳ họp nào; chưa ban hành nghị "
        "quyết nào."
    )


# --- 5. The report's date and recipients ------------------------------------------------------


def test_a_report_without_a_date_is_dated_at_the_end_of_its_period(
    year_of_work, council, staff_user
):
    text = pdf_text(_render(council, staff_user))
    assert "Thử Nghiệm, ngày 31 tháng 12 năm 2019" in text


def test_a_period_still_running_is_dated_today(council, term):
    report = period_report_new(council=council, period=Period.year(2021))
    assert report.dated(D(2021, 3, 5)) == D(2021, 3, 5)
    assert report.dated(D(2023, 3, 5)) == D(2021, 12, 31)
    report.report_date = D(2022, 1, 10)
    assert report.dated(D(2023, 3, 5)) == D(2022, 1, 10)


def test_default_recipients_follow_the_levels_of_local_government(council, term):
    before = period_report_new(council=council, period=Period.year(2019)).recipients
    assert "Thường trực HĐND, UBND các huyện, thành phố;" in before
    assert "cấp xã" not in before
    after = period_report_new(council=council, period=Period.half(2025, first=False)).recipients
    assert "Thường trực HĐND, UBND cấp xã;" in after
    assert "huyện" not in after
    # The first half of 2025 still had districts.
    assert "huyện" in period_report_new(council=council, period=Period.half(2025)).recipients


def test_the_2019_pdf_sends_to_the_districts(year_of_work, council, staff_user):
    text = pdf_text(_render(council, staff_user))
    assert "- Thường trực HĐND, UBND các huyện, thành phố;" in text
    assert "cấp xã;" not in text


# --- 6. The text counts what the appendix counts -------------------------------------------------


def _count(clause: str) -> int:
    """The activities a clause counts ("02 cuộc …", "01 phiên …"), not its breakdown by Ban."""
    clause = re.sub(r"\([^)]*\)", "", clause)
    return sum(int(x) for x in re.findall(r"(\d+) (?:cuộc|phiên)", clause))


def _actor_totals_in_text(text: str) -> Counter[str]:
    """Each actor's activities as a reader of sections 1 and 2 counts them: the HĐND's
    questioning at sessions (section 1), then the clauses of "đã tổ chức được …", each ending
    with its actor (a clause without one continues the actor before it), and the sentences of
    the Ban, the Tổ đại biểu and the delegates."""
    first = text[text.index("1. Công tác chuẩn bị") : text.index("2. Hoạt động giám sát")]
    second = text[text.index("2. Hoạt động giám sát") : text.index("3. Điều hòa")]
    totals: Counter[str] = Counter()
    if m := re.search(r"Tại các kỳ họp, HĐND tỉnh đã tổ chức (\d+) phiên chất vấn", first):
        totals["HĐND"] += int(m.group(1))
    if m := re.search(r"đã tổ chức được (.*?)\.", second):
        actor = None
        for clause in m.group(1).split("; "):
            if clause.endswith("của HĐND tỉnh"):
                actor = "HĐND"
            elif "Thường trực HĐND tỉnh" in clause:
                actor = "Thường trực HĐND"
            assert actor is not None, clause
            totals[actor] += _count(clause)
    for actor, opening in [
        ("Các Ban HĐND", "Các Ban HĐND tỉnh đã tổ chức "),
        ("Tổ đại biểu HĐND", "Các Tổ đại biểu HĐND tỉnh đã tổ chức "),
        ("Đại biểu HĐND", "Đại biểu HĐND tỉnh đã tổ chức "),
    ]:
        if m := re.search(re.escape(opening) + r"(.*?)\.", second):
            totals[actor] += _count(m.group(1))
    return totals


def _actor_totals_in_appendix(rows: list[tuple[str, ...]]) -> tuple[Counter[str], int]:
    """Biểu 2 by actor (a group's name is on its first line), without the "of which" lines,
    and its printed total."""
    totals: Counter[str] = Counter()
    actor, total = None, None
    for row in rows:
        if row[0] == "Tổng số":
            total = int(row[-1])
        elif row[0].startswith("Trong đó"):
            continue
        else:
            if len(row) == 3:
                actor = row[0]
            totals[actor] += int(row[-1])
    assert total is not None
    return totals, total


def _assert_text_counts_the_appendix(pdf: bytes) -> Counter[str]:
    in_text = _actor_totals_in_text(_prose(pdf))
    in_table, total = _actor_totals_in_appendix(_tables(pdf)["Biểu 2. Hoạt động giám sát"])
    assert in_text == in_table
    assert sum(in_text.values()) == total
    return in_text


def test_the_demo_text_counts_each_actors_activities_as_its_appendix(demo):
    totals = _assert_text_counts_the_appendix(demo.pdf)
    assert totals == {"HĐND": 3, "Thường trực HĐND": 5, "Các Ban HĐND": 12}
    # The founding document's phrasing where it applies.
    assert (
        "Trong năm 2019, đã tổ chức được 01 cuộc giám sát chuyên đề của HĐND tỉnh; 02 cuộc giám "
        "sát chuyên đề và 01 cuộc kiểm tra của Thường trực HĐND tỉnh; tổ chức 01 phiên giải "
        "trình; 01 phiên chất vấn giữa hai kỳ họp."
    ) in pdf_text(demo.pdf)


def test_the_hand_counted_year_names_every_kind_the_appendix_counts(
    year_of_work, council, staff_user
):
    pdf = _render(council, staff_user)
    totals = _assert_text_counts_the_appendix(pdf)
    # HĐND: questioning at a session, a thematic supervision; Thường trực: 3 thematic, 2
    # inspections, a survey, an explanation, a questioning between sessions; Ban: 3; the Tổ
    # đại biểu's survey, once left out of the text.
    assert totals == {"HĐND": 2, "Thường trực HĐND": 8, "Các Ban HĐND": 3, "Tổ đại biểu HĐND": 1}
    assert "Các Tổ đại biểu HĐND tỉnh đã tổ chức 01 cuộc khảo sát." in _prose(pdf)


def test_a_survey_of_the_council_is_counted_in_the_text(report_2020):
    text = _prose(report_2020)
    assert (
        "Trong năm 2020, đã tổ chức được 01 cuộc giám sát chuyên đề và 01 cuộc khảo sát của "
        "HĐND tỉnh; Thường trực HĐND tỉnh tổ chức 01 phiên giải trình."
    ) in text
    assert "Các Ban HĐND tỉnh đã tổ chức 01 cuộc khảo sát theo kế hoạch." in text
    totals = _assert_text_counts_the_appendix(report_2020)
    assert totals == {"HĐND": 2, "Thường trực HĐND": 1, "Các Ban HĐND": 1}


# --- 7. The appendix ---------------------------------------------------------------------------


def test_the_appendix_cites_the_reports_number_and_date(demo):
    assert (
        "(Kèm theo Báo cáo số 125/BC-HĐND ngày 10/12/2019 của Thường trực HĐND tỉnh)"
        in pdf_text(demo.pdf)
    )


def test_an_unnumbered_report_is_cited_with_dots(year_of_work, council, staff_user):
    assert "(Kèm theo Báo cáo số …/BC-HĐND ngày 31/12/2019 của Thường trực HĐND tỉnh)" in pdf_text(
        _render(council, staff_user)
    )
    report = period_report_get_or_create(council=council, period=Period.year(2019))
    report.place_date_override = "Thử Nghiệm, ngày     tháng 12 năm 2019"
    record_save(instance=report)
    text = pdf_text(_render(council, staff_user))
    assert "(Kèm theo Báo cáo số …/BC-HĐND ngày …/…/… của Thường trực HĐND tỉnh)" in text


def test_the_appendix_is_paged_from_1(demo):
    pages = [page.strip() for page in pdf_pages(demo.pdf, layout=True)]
    first = next(i for i, page in enumerate(pages) if "PHỤ LỤC" in page.splitlines()[0])
    assert first >= 2
    # The report's own pages: no number on the first, then 2, 3 ...
    assert pages[first - 1].startswith(str(first))
    # The appendix's: no number on its first page, then 2, 3 ... again.
    assert pages[first].startswith("PHỤ LỤC")
    for number, page in enumerate(pages[first + 1 :], start=2):
        assert page.splitlines()[0].strip() == str(number), page[:80]


def test_of_which_lines_and_totals_have_no_row_number(demo):
    lines = [
        line.strip()
        for page in pdf_pages(demo.pdf, layout=True)
        for line in page.splitlines()
        if "Trong đó:" in line or line.strip().startswith(("Tổng số", "Các Ban HĐND"))
    ]
    ban = [line for line in lines if "Trong đó: Ban" in line]
    assert len(ban) == 4 and all(line.startswith("Trong đó") for line in ban), ban
    assert any(line.startswith("Trong đó: quá hạn chưa thực hiện xong") for line in lines)
    assert sum(line.startswith("Tổng số") for line in lines) >= 3  # Biểu 2, 3, 4


def _table_rows_by_page(spacer_px: float, kinds: tuple[str, ...]):
    """(page, class) of each body row of a table of 10 lines and a total laid out below a
    block `spacer_px` high, with the report's stylesheet; the laid-out document and boxes."""
    from weasyprint import HTML

    rows = [[f"Dòng {i}", str(i)] for i in range(1, 11)] + [["Tổng số", "55"]]
    table = Table("Thử", ["Nội dung", "Số"], rows, kinds)
    html = (
        '<html><head><link rel="stylesheet" href="css/report.css"></head><body>'
        f'<div style="height: {spacer_px}px"></div>'
        + render_to_string("reports/pdf/_tables.html", {"tables": [table]})
        + "</body></html>"
    )
    base = _static_root().resolve().as_uri() + "/"
    document = HTML(string=html, base_url=base, url_fetcher=_url_fetcher()).render()
    found = []
    for number, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            if getattr(box, "element_tag", None) == "tr" and box.element.find("td") is not None:
                found.append((number, box.element.get("class") or "", box))
    return [(n, c) for n, c, _b in found], document, found


def test_a_total_never_starts_a_page_alone():
    rows = [[f"Dòng {i}", str(i)] for i in range(1, 11)] + [["Tổng số", "55"]]
    kinds = total_last(rows)
    _pages, document, found = _table_rows_by_page(0, kinds)
    page = document.pages[0]._page_box
    bottom = page.content_box_y() + page.height
    last = found[-1][2]
    # Pushed down until the total, half of it past the page's end, no longer fits: the line
    # above it still does.
    spacer = bottom - (last.position_y + last.margin_height()) + last.margin_height() / 2
    unmarked, _d, _f = _table_rows_by_page(spacer, ())
    assert unmarked[-2:] == [(0, ""), (1, "")]  # an ordinary last line goes over alone
    marked, _d, _f = _table_rows_by_page(spacer, kinds)
    assert marked[-2:] == [(1, ""), (1, "total")]  # the total takes the line above with it


# --- 8. The font ---------------------------------------------------------------------------------


def _fonts_and_metadata(pdf: bytes) -> tuple[set[str], dict]:
    reader = PdfReader(BytesIO(pdf))
    names = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"].get("/Font", {}).values()
    }
    return names, dict(reader.metadata or {})


@pytest.fixture
def small_report(council, term):
    record_save(
        instance=Session(term=term, number=1, start_date=D(2019, 7, 10), end_date=D(2019, 7, 10))
    )
    return period_report_get_or_create(council=council, period=Period.year(2019))


def test_without_times_new_roman_the_pdf_embeds_the_bundled_font_and_says_so(
    small_report, settings, monkeypatch
):
    settings.REPORT_FONT = "auto"
    monkeypatch.setattr(fonts, "system_font_installed", lambda family: False)
    pdf, _figures = annual_report_pdf(report=small_report)
    names, metadata = _fonts_and_metadata(pdf)
    assert "Liberation-Serif" in names
    assert not any("Times" in name for name in names)
    assert "Phông chữ: Liberation Serif (kèm theo ứng dụng)" in metadata["/Keywords"]
    assert "Liberation Serif" in metadata["/Creator"]


def _installed(family: str) -> bool:
    fc_list = shutil.which("fc-list")
    return bool(fc_list) and subprocess.run([fc_list, "-q", f":family={family}"]).returncode == 0


@pytest.mark.skipif(not _installed("DejaVu Serif"), reason="needs a serif font installed")
def test_a_font_installed_on_the_server_is_used_and_named(small_report, settings, monkeypatch):
    """Times New Roman is not free to install here: DejaVu Serif stands in for it, found by
    fontconfig as Times New Roman would be."""
    settings.REPORT_FONT = "auto"
    monkeypatch.setattr(fonts, "SYSTEM_FAMILY", "DejaVu Serif")
    pdf, _figures = annual_report_pdf(report=small_report)
    names, metadata = _fonts_and_metadata(pdf)
    assert "DejaVu-Serif" in names, names
    assert not any("Liberation" in name for name in names), names
    assert "Phông chữ: DejaVu Serif (cài đặt trên máy chủ)" in metadata["/Keywords"]


def test_the_bundled_font_can_be_required_and_a_missing_system_font_is_an_error(
    settings, monkeypatch
):
    monkeypatch.setattr(fonts, "system_font_installed", lambda family: True)
    settings.REPORT_FONT = "bundled"
    assert fonts.report_font() == fonts.ReportFont("Liberation Serif", bundled=True)
    settings.REPORT_FONT = "auto"
    assert fonts.report_font() == fonts.ReportFont("Times New Roman", bundled=False)
    monkeypatch.setattr(fonts, "system_font_installed", lambda family: False)
    settings.REPORT_FONT = "system"
    with pytest.raises(ImproperlyConfigured, match="Times New Roman"):
        fonts.report_font()
    settings.REPORT_FONT = "times"
    with pytest.raises(ImproperlyConfigured, match="REPORT_FONT"):
        fonts.report_font()
