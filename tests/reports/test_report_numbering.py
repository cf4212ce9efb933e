"""A report's number from the outgoing register ("Vào sổ, lấy số", issue 22): the next number of
the council's BC series, taken once, printed with the register's reference; a number typed by
hand is kept; the button is staff's, by POST."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from core.periods import Period
from council.models import Council, Term
from documents.models import DocumentSeries, OutgoingDocument
from documents.services import document_cancel, document_number_issue, series_defaults_ensure
from reports.models import AnnualReport
from reports.numbering import (
    Numbering,
    report_number_issue,
    report_reference,
    report_register_entry,
    report_subject,
)
from reports.pdf import annual_report_context, session_report_context
from reports.selectors import annual_figures, session_petition_figures
from reports.services import period_report_get_or_create, session_report_get_or_create
from sessions.models import Session

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture
def series(council):
    series_defaults_ensure(council=council)  # a new council may have them already
    return {s.code: s for s in DocumentSeries.objects.filter(council=council)}


@pytest.fixture
def half_year(council, term, series, staff_user) -> AnnualReport:
    report = period_report_get_or_create(council=council, period=Period.half(2019), user=staff_user)
    report.signer_name = "Nguyễn Văn Ký"
    report.save()
    return report


def _by_hand(council, day: dt.date = dt.date(2019, 5, 2)) -> OutgoingDocument:
    """A report numbered in the register from its own page (not from a report)."""
    return document_number_issue(
        council=council,
        series_code="BC",
        date=day,
        subject="Báo cáo công tác tiếp công dân",
        signer_name="Trần Văn Khác",
        signer_title="PHÓ CHỦ TỊCH",
        recipients="UBND tỉnh",
    )


def test_numbering_takes_the_next_bc_number_and_keeps_it_on_the_report(
    council, half_year, staff_user
):
    _by_hand(council)  # 01/BC-HĐND
    result = report_number_issue(report=half_year, user=staff_user)

    assert result.outcome == Numbering.NUMBERED
    entry = result.entry
    assert entry.series.code == "BC"
    assert (entry.number, entry.year, entry.reference) == (2, 2019, "02/BC-HĐND")
    assert entry.source == half_year
    assert entry.subject == "Kết quả hoạt động 6 tháng đầu năm 2019 của Thường trực HĐND tỉnh"
    assert entry.date == D(2019, 6, 30)  # the last day of the period: the report's date
    assert entry.signer_name == "Nguyễn Văn Ký"
    assert entry.signer_title == "TM. THƯỜNG TRỰC HĐND CHỦ TỊCH"
    assert "Lưu: VT." in entry.recipients
    assert entry.created_by == staff_user
    half_year.refresh_from_db()
    assert (half_year.number, half_year.report_date) == ("02", D(2019, 6, 30))
    assert report_reference(half_year) == "02/BC-HĐND"
    assert "02/BC-HĐND" in result.message


def test_twice_is_once(council, half_year, staff_user):
    first = report_number_issue(report=half_year, user=staff_user)
    again = report_number_issue(report=half_year, user=staff_user)
    assert again.outcome == Numbering.ALREADY
    assert again.entry == first.entry
    assert "đã được vào sổ" in again.message
    assert OutgoingDocument.objects.filter(council=council).count() == 1
    half_year.refresh_from_db()
    assert half_year.number == "01"


def test_a_number_registered_by_hand_in_between_is_skipped(council, term, half_year, staff_user):
    report_number_issue(report=half_year, user=staff_user)  # 01
    _by_hand(council, D(2019, 8, 1))  # 02, typed in the register
    second_half = period_report_get_or_create(
        council=council, period=Period.half(2019, first=False), user=staff_user
    )
    result = report_number_issue(report=second_half, user=staff_user)
    assert result.entry.reference == "03/BC-HĐND"
    assert sorted(
        OutgoingDocument.objects.filter(series__code="BC").values_list("number", flat=True)
    ) == [1, 2, 3]


def test_a_number_typed_by_hand_is_kept(council, half_year, staff_user):
    half_year.number = "125"
    half_year.save()
    result = report_number_issue(report=half_year, user=staff_user)
    assert result.outcome == Numbering.BY_HAND
    assert result.reference == "125/BC-HĐND"
    assert "giữ nguyên" in result.message
    assert not OutgoingDocument.objects.exists()
    half_year.refresh_from_db()
    assert half_year.number == "125"


def test_a_cancelled_number_is_replaced_by_the_next(council, half_year, staff_user):
    first = report_number_issue(report=half_year, user=staff_user).entry
    document_cancel(document=first, reason="Ký nhầm ngày", user=staff_user)
    assert report_register_entry(half_year) is None
    result = report_number_issue(report=half_year, user=staff_user)
    assert result.outcome == Numbering.NUMBERED
    assert result.entry.reference == "02/BC-HĐND"
    half_year.refresh_from_db()
    assert half_year.number == "02"


def test_the_pdf_prints_the_registers_reference_and_subject(council, series, half_year, staff_user):
    """The series' symbol is the register's, whatever the council's report symbol says."""
    DocumentSeries.objects.filter(pk=series["BC"].pk).update(symbol="BC-TTHĐND")
    entry = report_number_issue(report=half_year, user=staff_user).entry
    half_year.refresh_from_db()
    figures = annual_figures(council=council, period=half_year.period)
    context = annual_report_context(report=half_year, figures=figures)
    assert context["number_line"] == f"Số: {entry.reference}" == "Số: 01/BC-TTHĐND"
    assert context["appendix_note"].startswith("Kèm theo Báo cáo số 01/BC-TTHĐND ngày 30/06/2019")
    assert context["subject"] == entry.subject == report_subject(half_year)
    # A number typed over the register's afterwards prints with the council's symbol.
    half_year.number = "7"
    context = annual_report_context(report=half_year, figures=figures)
    assert context["number_line"] == "Số: 7/BC-HĐND"


def test_a_session_report_is_numbered_with_its_subject(council, term, series, staff_user):
    session = Session.objects.create(
        term=term, number=9, start_date=D(2019, 7, 10), end_date=D(2019, 7, 12)
    )
    report = session_report_get_or_create(session=session, user=staff_user)
    entry = report_number_issue(report=report, user=staff_user, today=D(2019, 8, 1)).entry
    report.refresh_from_db()
    context = session_report_context(
        report=report, figures=session_petition_figures(session=session)
    )
    assert entry.subject == context["subject"]
    assert entry.date == report.report_date == D(2019, 8, 1)
    assert context["number_line"] == "Số: 01/BC-HĐND"


def test_without_a_bc_series_the_page_says_so(staff_client, council, term, staff_user):
    DocumentSeries.objects.filter(council=council, code="BC").delete()
    report = period_report_get_or_create(council=council, period=Period.half(2019))
    response = staff_client.post(reverse("reports:report_number", args=[report.pk]))
    assert response.status_code == 302
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("chưa có sổ văn bản mã «BC»" in m for m in messages), messages
    report.refresh_from_db()
    assert report.number == ""


def test_the_button_numbers_once_by_post_for_staff_only(
    staff_client, leader_user, half_year, council
):
    url = reverse("reports:report_number", args=[half_year.pk])
    leader_client = Client()
    leader_client.force_login(leader_user)
    assert url not in leader_client.get(half_year.get_absolute_url()).content.decode()
    assert leader_client.post(url).status_code == 403
    page = staff_client.get(half_year.get_absolute_url()).content.decode()
    assert url in page and "Vào sổ, lấy số" in page
    assert staff_client.get(url).status_code == 405

    response = staff_client.post(url)
    assert response.status_code == 302 and response.url == half_year.get_absolute_url()
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Đã vào sổ, lấy số 01/BC-HĐND" in m for m in messages), messages

    response = staff_client.post(url)
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("đã được vào sổ với số 01/BC-HĐND" in m for m in messages), messages
    assert OutgoingDocument.objects.count() == 1

    page = staff_client.get(half_year.get_absolute_url()).content.decode()
    assert "01/BC-HĐND" in page and "đã vào sổ văn bản đi" in page
    assert url not in page  # the button is gone once numbered


def test_another_councils_report_is_not_found(staff_client, council, term):
    other = Council.objects.create(
        name="Hội đồng nhân dân tỉnh Bên Cạnh",
        short_name="HĐND tỉnh Bên Cạnh",
        place_name="Bên Cạnh",
        header_name="HỘI ĐỒNG NHÂN DÂN\nTỈNH BÊN CẠNH",
        secretariat_name="Văn phòng HĐND tỉnh Bên Cạnh",
    )
    Term.objects.create(council=other, ordinal=1, roman="I", start_date=D(2016, 6, 1))
    report = period_report_get_or_create(council=other, period=Period.half(2019))
    assert staff_client.post(reverse("reports:report_number", args=[report.pk])).status_code == 404
    assert staff_client.get(reverse("reports:report_docx", args=[report.pk])).status_code == 404
    report.refresh_from_db()
    assert report.number == "" and not OutgoingDocument.objects.exists()


def test_a_registered_report_keeps_its_number_and_date_in_the_edit_form(
    staff_client, half_year, staff_user
):
    from tests.helpers import form_values, post_form

    report_number_issue(report=half_year, user=staff_user)
    url = reverse("reports:report_update", args=[half_year.pk])
    page = staff_client.get(url).content.decode()
    assert "Đã vào sổ văn bản đi" in page
    response = post_form(
        staff_client,
        url,
        {
            **form_values(page),
            "number": "99",
            "report_date": "01/01/2019",
            "assessment": "Đánh giá mới.",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    half_year.refresh_from_db()
    assert (half_year.number, half_year.report_date) == ("01", dt.date(2019, 6, 30))
    assert half_year.assessment == "Đánh giá mới."
