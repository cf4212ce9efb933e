"""The case workflow's pages: who may read and act, another council's case not found, the intake
form (a new case, or the case chosen among the likely duplicates), the actions, the documents'
PDF read back, and the lists' queries bounded whatever their length."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from council.models import Council, Term
from documents.services import document_number_issue
from tests.helpers import council_client, form_values, post_form
from tests.voters.casework.workflow_fixtures import *  # noqa: F403 (the fixtures)
from tests.voters.casework.workflow_fixtures import D
from voters.casework import services
from voters.models import Case, CaseDocument, Letter

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    reader = PdfReader(BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def forwarded(receive, body, staff_user) -> Letter:
    letter = receive()
    return services.letter_process(
        letter=letter,
        handling=Letter.Handling.FORWARDED,
        date=D(2026, 3, 10),
        forwarded_to=body,
        user=staff_user,
    )


def _write_urls(case: Case, letter: Letter) -> list[str]:
    return [
        reverse("voters:case_intake"),
        reverse("voters:case_candidates"),
        reverse("voters:case_update", args=[case.pk]),
        reverse("voters:case_follow_up", args=[case.pk]),
        reverse("voters:case_answer", args=[case.pk]),
        reverse("voters:case_close", args=[case.pk]),
        reverse("voters:case_document_create", args=[case.pk]),
        reverse("voters:letter_process", args=[letter.pk]),
        reverse("voters:letter_attach", args=[letter.pk]),
    ]


def _read_urls(case: Case) -> list[str]:
    return [
        reverse("voters:case_list"),
        reverse("voters:case_overdue"),
        reverse("voters:case_detail", args=[case.pk]),
    ]


def test_anonymous_visitors_are_sent_to_the_login_page(client, forwarded):
    for url in _read_urls(forwarded.case) + _write_urls(forwarded.case, forwarded):
        response = client.get(url)
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"], url


@pytest.mark.parametrize("who", ["leader_client", "committee_client"])
def test_leaders_and_ban_members_read_cases_but_cannot_act(request, who, forwarded):
    client = request.getfixturevalue(who)
    case = forwarded.case
    for url in _read_urls(case):
        assert client.get(url).status_code == 200, url
    for url in _write_urls(case, forwarded):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {}).status_code == 403, url
    assert client.post(reverse("voters:case_reopen", args=[case.pk])).status_code == 403
    services.case_document_issue(
        case=case, kind="forwarding", letter=forwarded, date=D(2026, 3, 10), user=None
    )
    document = CaseDocument.objects.get()
    assert client.get(reverse("reports:casedocument_pdf", args=[document.pk])).status_code == 403
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Xử lý đơn" not in page and "Tải PDF" not in page


def test_another_councils_case_is_not_found(forwarded, council):
    commune = Council.objects.create(
        name="HĐND xã Khánh Xuân",
        short_name="HĐND xã Khánh Xuân",
        level=Council.Level.COMMUNE,
        parent=council,
        place_name="Khánh Xuân",
        header_name="HỘI ĐỒNG NHÂN DÂN\nXÃ KHÁNH XUÂN",
        secretariat_name="Văn phòng xã Khánh Xuân",
    )
    Term.objects.create(council=commune, ordinal=1, roman="I", start_date=D(2021, 6, 1))
    client = council_client(commune, "canbo-xa")
    case = forwarded.case
    for url in [reverse("voters:case_detail", args=[case.pk]), *_write_urls(case, forwarded)[2:]]:
        assert client.get(url).status_code == 404, url
    listed = client.get(reverse("voters:case_list")).content.decode()
    assert case.title[:40] not in listed
    assert (
        "Ủy ban nhân dân tỉnh Thử Nghiệm"
        not in client.get(reverse("voters:case_overdue")).content.decode()
    )


def test_staff_receive_a_letter_into_a_new_case(staff_client, current_term, rules):
    url = reverse("voters:case_intake")
    response = post_form(
        staff_client,
        url,
        {
            "term": current_term.pk,
            "received_date": "02/03/2026",
            "channel": "post",
            "kind": "complaint",
            "sender_name": "Lê Thị Mai",
            "summary": "Khiếu nại việc bồi thường giải phóng mặt bằng",
            "case": "",
        },
    )
    assert response.status_code == 302, re.findall(
        r"(?:alert|invalid-feedback|error)[^>]*>(.{0,200})", response.content.decode(), re.S
    )
    letter = Letter.objects.get()
    assert response["Location"] == letter.case.get_absolute_url()
    assert letter.processing_due == D(2026, 3, 16)
    assert (letter.case.seq, letter.case.year) == (1, 2026)


def test_staff_attach_a_letter_to_a_likely_duplicate_shown_as_they_type(
    staff_client, receive, current_term
):
    earlier = receive(summary="Khiếu nại việc bồi thường giải phóng mặt bằng đường tránh")
    fragment = staff_client.get(
        reverse("voters:case_candidates"),
        {"sender_name": "nguyen van binh", "summary": "Bồi thường giải phóng mặt bằng đường tránh"},
    )
    html = fragment.content.decode()
    assert f'value="{earlier.case_id}"' in html and "cùng người gửi" in html
    # The fragment says which cases, never who sent them.
    assert "Nguyễn Văn Bình" not in html and "Nà Sèn" not in html
    post_form(
        staff_client,
        reverse("voters:case_intake"),
        {
            "term": current_term.pk,
            "received_date": "20/03/2026",
            "channel": "direct",
            "kind": "complaint",
            "sender_name": "Nguyễn Văn Bình",
            "summary": "Bồi thường giải phóng mặt bằng đường tránh (lần 2)",
            "case": str(earlier.case_id),
        },
    )
    assert Letter.objects.filter(case=earlier.case).count() == 2
    assert Case.objects.count() == 1


def test_staff_forward_a_letter_with_its_slip_and_print_it(staff_client, receive, body):
    letter = receive()
    # A slip the clerk numbered by hand in the register: the case's slip takes the next one.
    document_number_issue(
        council=letter.case.council,
        series_code="PC",
        date=D(2026, 3, 9),
        subject="Phiếu chuyển đơn (cấp số tay)",
        signer_name="",
        signer_title="",
        recipients="UBND tỉnh",
    )
    response = staff_client.post(
        reverse("voters:letter_process", args=[letter.pk]),
        {
            "handling": "forwarded",
            "date": "10/03/2026",
            "forwarded_to": body.pk,
            "issue_document": "on",
        },
    )
    assert response.status_code == 302
    slip = CaseDocument.objects.get()
    assert (slip.kind, slip.reference, slip.recipient) == ("forwarding", "02/PC-HĐND", body)
    page = staff_client.get(letter.case.get_absolute_url()).content.decode()
    assert slip.register_entry.get_absolute_url() in page
    assert "02/PC-HĐND" in page and reverse("reports:casedocument_pdf", args=[slip.pk]) in page
    pdf = staff_client.get(reverse("reports:casedocument_pdf", args=[slip.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(pdf.streaming_content) if pdf.streaming else pdf.content)
    for expected in (
        "HỘI ĐỒNG NHÂN DÂN",
        "TỈNH THỬ NGHIỆM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 02/PC-HĐND",
        "Thử Nghiệm, ngày 10 tháng 3 năm 2026",
        "PHIẾU CHUYỂN ĐƠN",
        "Kính gửi: Ủy ban nhân dân tỉnh Thử Nghiệm",
        "Nguyễn Văn Bình",
        "Khiếu nại quyết định thu hồi đất làm đường tránh thành phố",
        "Nơi nhận:",
    ):
        assert expected in text, expected


def test_a_denunciations_slip_pdf_holds_no_trace_of_the_denunciator(
    staff_client, receive, body, staff_user
):
    letter = receive(kind=Letter.Kind.DENUNCIATION, summary="Tố cáo cán bộ địa chính nhận tiền")
    services.letter_process(
        letter=letter,
        handling=Letter.Handling.FORWARDED,
        date=D(2026, 3, 10),
        forwarded_to=body,
        user=staff_user,
    )
    slip = services.case_document_issue(
        case=letter.case,
        kind="forwarding",
        letter=letter,
        date=D(2026, 3, 10),
        signer_name="Hoàng Văn Chánh",
        signer_title="Phó Chủ tịch",
        user=staff_user,
    )
    text = pdf_text(staff_client.get(reverse("reports:casedocument_pdf", args=[slip.pk])).content)
    assert "Số: 01/PC-HĐND" in text and "đơn tố cáo" in text
    assert "Tố cáo cán bộ địa chính nhận tiền" in text and "Hoàng Văn Chánh" in text
    for secret in ("Nguyễn Văn Bình", "Nà Sèn", "020190001234", "NGUYỄN VĂN BÌNH"):
        assert secret not in text


def test_a_letter_goes_from_forwarded_to_answered_to_closed_through_the_pages(
    staff_client, forwarded, body
):
    case = forwarded.case
    follow = staff_client.post(
        reverse("voters:case_follow_up", args=[case.pk]),
        {"date": "21/04/2026", "organization": body.pk, "method": "phone", "note": "Đã gọi"},
    )
    assert follow.status_code == 302 and case.follow_ups.count() == 1
    answer = staff_client.post(
        reverse("voters:case_answer", args=[case.pk]),
        {"date": "28/04/2026", "summary": "UBND tỉnh đã có quyết định giải quyết"},
    )
    assert answer.status_code == 302
    close = staff_client.post(
        reverse("voters:case_close", args=[case.pk]), {"date": "30/04/2026", "result": "Xong"}
    )
    assert close.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.answered_date, case.closed_date) == (
        "closed",
        D(2026, 4, 28),
        D(2026, 4, 30),
    )
    page = staff_client.get(case.get_absolute_url()).content.decode()
    assert "Kết thúc theo dõi" in page and "Mở lại" in page


def test_a_refused_action_says_why_on_its_form(staff_client, receive, body, staff_user):
    first = receive(kind=Letter.Kind.DENUNCIATION, summary="Tố cáo cán bộ xã")
    services.letter_process(
        letter=first, handling="forwarded", date=D(2026, 3, 10), forwarded_to=body, user=staff_user
    )
    again = receive(kind=Letter.Kind.DENUNCIATION, received=D(2026, 4, 1), case=first.case)
    response = staff_client.post(
        reverse("voters:letter_process", args=[again.pk]),
        {"handling": "forwarded", "date": "02/04/2026", "forwarded_to": body.pk},
    )
    assert response.status_code == 200
    assert "chỉ chuyển một lần" in response.content.decode()


def test_the_case_page_shows_no_sender(staff_client, forwarded):
    page = staff_client.get(forwarded.case.get_absolute_url()).content.decode()
    assert "Khiếu nại" in page
    for personal in ("Nguyễn Văn Bình", "Nà Sèn", "020190001234"):
        assert personal not in page


def test_the_case_list_and_overdue_queue_cost_the_same_queries_for_more_cases(
    staff_client, receive, body, staff_user, django_assert_max_num_queries
):
    def make(n: int) -> None:
        for i in range(n):
            letter = receive(summary=f"Đơn số {i} về đất đai")
            services.letter_process(
                letter=letter,
                handling="forwarded",
                date=D(2026, 3, 10),
                forwarded_to=body,
                user=staff_user,
            )

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(url).status_code == 200
        return len(queries)

    make(2)
    urls = [reverse("voters:case_list"), reverse("voters:case_overdue")]
    count(urls[0])  # the login's session and roles, read once
    few = [count(url) for url in urls]
    make(10)
    assert [count(url) for url in urls] == few
    with django_assert_max_num_queries(12):
        staff_client.get(reverse("voters:case_list") + "?overdue=1&q=dat+dai&sort=-number")


def test_the_case_list_filters_by_number_words_without_diacritics_and_overdue(
    staff_client, receive, forwarded
):
    receive(summary="Phản ánh tiếng ồn karaoke", received=D(2026, 4, 29))
    listed = staff_client.get(reverse("voters:case_list"), {"q": "tieng on"}).content.decode()
    assert "karaoke" in listed and "thu hồi đất" not in listed
    by_number = staff_client.get(reverse("voters:case_list"), {"q": "01/2026"}).content.decode()
    assert "thu hồi đất" in by_number and "karaoke" not in by_number
    empty = staff_client.get(reverse("voters:case_list"), {"kind": "denunciation"})
    assert "Không có kết quả phù hợp" in empty.content.decode()


def test_staff_classify_a_case_and_move_a_letter_into_it_through_the_pages(
    staff_client, receive, staff_user
):
    case = receive().case
    url = reverse("voters:case_update", args=[case.pk])
    values = form_values(staff_client.get(url).content.decode())
    values.update(
        {"title": "Thu hồi đất làm đường tránh", "group_size": "6", "handler": staff_user.pk}
    )
    assert staff_client.post(url, values).status_code == 302
    case.refresh_from_db()
    assert (case.title, case.group_size, case.handler) == (
        "Thu hồi đất làm đường tránh",
        6,
        staff_user,
    )
    stray = receive(summary="Đơn về cùng việc, nhập nhầm thành vụ việc mới")
    emptied = stray.case_id
    response = staff_client.post(
        reverse("voters:letter_attach", args=[stray.pk]), {"case": case.pk}
    )
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    assert not Case.objects.filter(pk=emptied).exists()
    assert case.letters.count() == 2


def test_a_case_page_costs_the_same_queries_for_more_letters_and_documents(
    staff_client, receive, body, staff_user
):
    case = receive().case
    url = case.get_absolute_url()

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(url).status_code == 200
        return len(queries)

    count()  # the login's session and roles, read once
    few = count()
    for day in (3, 4, 5, 6):
        letter = receive(received=D(2026, 3, day), case=case)
        services.letter_process(
            letter=letter,
            handling="forwarded",
            date=D(2026, 3, 10),
            forwarded_to=body,
            user=staff_user,
        )
        services.case_document_issue(
            case=case, kind="forwarding", letter=letter, date=D(2026, 3, 10), user=staff_user
        )
        services.case_follow_up(
            case=case, date=D(2026, 4, 21), organization=body, method="phone", user=staff_user
        )
    assert count() == few
