"""The casework's figures where leaders read them (issue 21): the dashboard's card of
complaints and denunciations, each figure linked to the list that shows that very number, and
the annual report's section 5 and Biểu 5 read back out of the PDF. A small 2019 recorded
through the case workflow's services (intake, processing, follow-up, answer, close) and the
register of a reception; a 2018 letter around it that neither counts."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from core.services import record_save
from reports.models import ReportRequest
from reports.services import annual_report_render, annual_report_request
from tests.reports.conftest import pdf_pages
from voters.casework.reception import visit_save
from voters.casework.services import (
    case_close,
    case_follow_up,
    case_record_answer,
    letter_intake,
    letter_process,
)
from voters.models import CitizenReception, Letter, ReceptionVisit

pytestmark = pytest.mark.django_db

D = dt.date
K = Letter.Kind
H = Letter.Handling


def _intake(term, user, day, kind, case=None) -> Letter:
    letter = Letter(
        term=term,
        received_date=day,
        kind=kind,
        summary=f"Nội dung đơn {kind} ngày {day:%d/%m/%Y}",
        sender_name="Công dân mẫu (tên giả)",
    )
    return letter_intake(letter=letter, case=case, user=user)


@pytest.fixture
def casework(term, staff_user, organization):
    """2019: five letters, four cases; the expected figures are counted beside each."""
    # c1: a complaint forwarded in 2 days (in time), urged, answered; sent again in April,
    # filed as a duplicate after 7 weeks (late).
    l1 = _intake(term, staff_user, D(2019, 3, 4), K.COMPLAINT)
    letter_process(
        letter=l1, handling=H.FORWARDED, date=D(2019, 3, 6), forwarded_to=organization,
        user=staff_user,
    )  # fmt: skip
    l2 = _intake(term, staff_user, D(2019, 4, 1), K.COMPLAINT, case=l1.case)
    letter_process(
        letter=l2, handling=H.FILED, date=D(2019, 5, 20),
        ineligible_reason=Letter.IneligibleReason.DUPLICATE, user=staff_user,
    )  # fmt: skip
    case_follow_up(
        case=l1.case, date=D(2019, 5, 20), organization=organization, method="document",
        user=staff_user,
    )  # fmt: skip
    case_record_answer(case=l1.case, date=D(2019, 6, 10), summary="Đã giải quyết", user=staff_user)
    # c3: a denunciation forwarded in 2 days, never answered: overdue.
    l3 = _intake(term, staff_user, D(2019, 5, 6), K.DENUNCIATION)
    letter_process(
        letter=l3, handling=H.FORWARDED, date=D(2019, 5, 8), forwarded_to=organization,
        user=staff_user,
    )  # fmt: skip
    # c4: a petition guided the next day, closed.
    l4 = _intake(term, staff_user, D(2019, 6, 3), K.PETITION_FEEDBACK)
    letter_process(letter=l4, handling=H.GUIDED, date=D(2019, 6, 4), user=staff_user)
    case_close(case=l4.case, date=D(2019, 6, 5), result="Đã hướng dẫn", user=staff_user)
    # c5: a petition never processed: overdue.
    _intake(term, staff_user, D(2019, 7, 1), K.PETITION_FEEDBACK)
    # 2018: neither its letter nor its case counts.
    _intake(term, staff_user, D(2018, 12, 20), K.COMPLAINT)

    # A reception of 2019 with two rows in its register, one of them a group bringing c3.
    reception = record_save(
        instance=CitizenReception(term=term, date=D(2019, 4, 10), host="Thường trực HĐND"),
        user=staff_user,
    )
    for persons, case in ((3, None), (6, l3.case)):
        visit_save(
            visit=ReceptionVisit(
                reception=reception, persons=persons, kind=K.DENUNCIATION, content="Trình bày",
                case=case, citizen_name="Công dân mẫu (tên giả)",
            ),
            user=staff_user,
        )  # fmt: skip


def _card(response):
    return {c.key: c for c in response.context["dashboard"].cards}["cases"]


def test_the_dashboard_card_links_each_figure_to_a_list_showing_it(leader_client, casework):
    response = leader_client.get(reverse("reports:dashboard") + "?year=2019")
    card = _card(response)
    shown = {f.key: f.value for f in card.figures}
    assert shown == {
        "total": 4,
        "kind:complaint": 1,
        "kind:denunciation": 1,
        "kind:petition_feedback": 2,
        "letters": 5,
        "in_time_rate": "75%",  # l1, l3, l4 of the four processed
        "processing_overdue": 1,  # the petition of July
        "answer_overdue": 1,  # the denunciation
    }
    assert card.main.url.startswith(reverse("voters:case_list"))
    for figure in card.figures:
        page = leader_client.get(figure.url)
        assert page.status_code == 200, figure.url
        assert page.context["table"].paginator.count == figure.count_on_list, figure.url
    # The card says the year before beside each figure: 2018's one case.
    assert card.main.previous == 1


def test_the_term_view_has_no_card_of_cases(leader_client, term, casework):
    response = leader_client.get(reverse("reports:dashboard") + f"?term={term.pk}")
    assert "cases" not in {c.key for c in response.context["dashboard"].cards}


def _pdf(council, user) -> bytes:
    request = annual_report_request(council=council, year=2019, user=user, enqueue=False)
    assert annual_report_render(request_id=request.pk)
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.DONE, request.error
    with request.file.open("rb") as stored:
        return stored.read()


def test_the_annual_report_says_the_casework_figures(council, staff_user, casework):
    data = _pdf(council, staff_user)
    text = re.sub(r"\s+", " ", " ".join(pdf_pages(data)))
    assert (
        "Thường trực HĐND tỉnh đã tổ chức 01 buổi tiếp công dân, tiếp 09 lượt công dân với 02 "
        "vụ việc. Sổ tiếp công dân ghi 02 lượt tiếp, tiếp nhận 01 vụ việc để xử lý, theo dõi."
    ) in text
    assert (
        "Tiếp nhận 05 đơn (04 vụ việc), trong đó 02 đơn khiếu nại, 01 đơn tố cáo, 02 đơn kiến "
        "nghị, phản ánh; đủ điều kiện xử lý 04 đơn, không đủ điều kiện 01 đơn (01 đơn trùng, đã "
        "xử lý); đã chuyển 02 đơn đến cơ quan có thẩm quyền giải quyết, đã có kết quả giải quyết "
        "01 vụ việc."
    ) in text
    assert (
        "Xử lý đúng thời hạn 03/04 đơn (đạt 75%), quá hạn 01 đơn; còn 01 đơn quá hạn chưa xử "
        "lý; đã đôn đốc 01 lượt việc giải quyết đơn; 01 vụ việc quá hạn chưa có kết quả giải "
        "quyết."
    ) in text
    # Biểu 5, row by row (layout text: the label, then the figure).
    table = {}
    for page in pdf_pages(data, layout=True):
        for line in page.splitlines():
            cells = re.split(r"\s{2,}", line.strip())
            if len(cells) >= 2 and cells[-1].isdigit():
                table[cells[-2]] = int(cells[-1])
    expected = {
        "Tổng số đơn thư": 5,
        "Số vụ việc": 4,
        "Trong đó: vụ việc đông người": 0,
        "Đơn đủ điều kiện xử lý": 4,
        "Đơn không đủ điều kiện xử lý": 1,
        "Đã chuyển cơ quan có thẩm quyền": 2,
        "Vụ việc đã có kết quả giải quyết": 1,
        "Đơn xử lý đúng thời hạn": 3,
        "Đơn xử lý quá hạn": 1,
        "Lượt đôn đốc": 1,
        "Buổi tiếp công dân": 1,
        "Lượt công dân được tiếp": 9,
        "Vụ việc tiếp nhận qua tiếp công dân": 1,
    }
    assert {label: table.get(label) for label in expected} == expected
