from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.helpers import post_form
from voters import services
from voters.models import CitizenReception, Letter, VoterMeeting, VoterPetition

pytestmark = pytest.mark.django_db
D = dt.date
SENDER = "Người Gửi Bí Mật"
PHONE = "0900 000 999"


@pytest.fixture
def letter(term, staff_user) -> Letter:
    return services.letter_save(
        letter=Letter(
            term=term,
            received_date=D(2019, 3, 1),
            kind=Letter.Kind.COMPLAINT,
            summary="Khiếu nại về bồi thường đất",
            sender_name=SENDER,
            sender_address="Thôn Mẫu",
            sender_phone=PHONE,
            sender_id_number="000000000999",
        ),
        user=staff_user,
    )


def _xlsx_text(response) -> str:
    wb = load_workbook(BytesIO(response.content))
    return " ".join(str(c.value) for row in wb.active.iter_rows() for c in row if c.value)


@pytest.mark.parametrize("client_fixture", ["leader_client", "committee_client"])
def test_leader_and_committee_member_never_see_personal_data(request, client_fixture, letter):
    client = request.getfixturevalue(client_fixture)
    pages = [
        reverse("voters:letter_list"),
        reverse("voters:letter_detail", args=[letter.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200
        body = response.content.decode()
        assert "Khiếu nại về bồi thường đất" in body
        assert SENDER not in body and PHONE not in body, url
        assert "Họ tên người gửi" not in body
    export = client.get(reverse("voters:letter_export"))
    assert export.status_code == 200
    text = _xlsx_text(export)
    assert "Khiếu nại về bồi thường đất" in text
    assert SENDER not in text and PHONE not in text
    assert "Họ tên người gửi" not in text and "Số điện thoại" not in text


def test_staff_see_personal_data_in_pages_and_export(staff_client, letter):
    assert SENDER in staff_client.get(reverse("voters:letter_list")).content.decode()
    detail = staff_client.get(reverse("voters:letter_detail", args=[letter.pk])).content.decode()
    assert SENDER in detail and PHONE in detail
    text = _xlsx_text(staff_client.get(reverse("voters:letter_export")))
    assert SENDER in text and PHONE in text


def test_reception_visitors_hidden_from_leader(leader_client, staff_user, term):
    reception = CitizenReception.objects.create(
        term=term,
        date=D(2019, 5, 10),
        host="Thường trực",
        summary="Phản ánh bồi thường giải phóng mặt bằng",
        visitors="Công Dân Riêng Tư",
    )
    url = reverse("voters:citizenreception_detail", args=[reception.pk])
    detail = leader_client.get(url)
    assert detail.status_code == 200
    body = detail.content.decode()
    # The reception's own page, with its public part shown ...
    assert "Tiếp công dân ngày 10/05/2019" in body
    assert "Phản ánh bồi thường giải phóng mặt bằng" in body
    # ... and without the visitors' names.
    assert "Công Dân Riêng Tư" not in body
    export = leader_client.get(reverse("voters:citizenreception_export"))
    assert export.status_code == 200
    text = _xlsx_text(export)
    assert "Người chủ trì" in text  # the reception sheet's header row
    assert "Phản ánh bồi thường giải phóng mặt bằng" in text  # the reception's row
    assert "Công Dân Riêng Tư" not in text
    staff = Client()
    staff.force_login(staff_user)
    staff_page = staff.get(url)
    assert staff_page.status_code == 200
    assert "Công Dân Riêng Tư" in staff_page.content.decode()


def test_leader_gets_403_on_workflow_actions_and_import(leader_client, make_petition):
    petition = make_petition()
    for url in [
        reverse("voters:voterpetition_action", args=[petition.pk, "compile"]),
        reverse("voters:petition_import"),
        reverse("voters:petition_import_confirm"),
        reverse("voters:petition_consolidate"),
        reverse("voters:forwardingbatch_create"),
    ]:
        assert leader_client.post(url).status_code == 403, url
    petition.refresh_from_db()
    assert petition.status == VoterPetition.Status.RECEIVED


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(reverse("voters:voterpetition_list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_staff_moves_a_petition_through_the_page(staff_client, make_petition):
    petition = make_petition()
    url = reverse("voters:voterpetition_action", args=[petition.pk, "compile"])
    staff_client.post(url)
    petition.refresh_from_db()
    assert petition.status == VoterPetition.Status.COMPILED

    # Answering before forwarding is refused with a message, nothing changes.
    response = staff_client.post(
        reverse("voters:voterpetition_action", args=[petition.pk, "answer"]),
        {"answer_number": "1/UBND", "answer_date": "20/09/2019"},
        follow=True,
    )
    assert "Không thể chuyển kiến nghị" in response.content.decode()
    petition.refresh_from_db()
    assert petition.status == VoterPetition.Status.COMPILED


def test_forwarding_batch_page_forwards_the_ticked_petitions(
    staff_client, make_petition, term, organization
):
    a, b = make_petition(), make_petition(content="Kiến nghị khác")
    response = post_form(
        staff_client,
        reverse("voters:forwardingbatch_create"),
        {
            "term": term.pk,
            "recipient": organization.pk,
            "number": "215/HĐND-VP",
            "date": "05/08/2019",
            "petitions": [a.pk],
        },
    )
    assert response.status_code == 302
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.status == VoterPetition.Status.FORWARDED
    assert b.status == VoterPetition.Status.RECEIVED


def test_forwarding_batch_page_lists_the_chosen_sessions_petitions_and_caps_the_list(
    staff_client, make_petition, term, session, monkeypatch
):
    from voters.views import base

    monkeypatch.setattr(base, "CANDIDATES_SHOWN", 2)
    for n in range(3):
        make_petition(content=f"Kiến nghị kỳ họp {n}", session=session)
    make_petition(content="Kiến nghị không gắn kỳ họp")
    url = reverse("voters:forwardingbatch_create")

    page = staff_client.get(url).content.decode()
    assert "Hiển thị 2 trong 4 kiến nghị" in page
    assert page.count('name="petitions"') == 2

    page = staff_client.get(url, {"term": term.pk, "session": session.pk, "number": "9/VP"})
    html = page.content.decode()
    assert "Hiển thị 2 trong 3 kiến nghị" in html
    assert "Kiến nghị không gắn kỳ họp" not in html
    assert 'value="9/VP"' in html, "what was typed is kept"


def test_petition_list_filters_by_dashboard_parameters(staff_client, make_petition, forward):
    forwarded = make_petition(content="Đã chuyển đi", received=D(2019, 1, 2))
    make_petition(content="Chưa chuyển", received=D(2018, 12, 1))
    forward([forwarded], day=D(2019, 1, 5))
    url = reverse("voters:voterpetition_list")
    body = staff_client.get(url, {"year": 2019, "status": "forwarded"}).content.decode()
    assert "Đã chuyển đi" in body and "Chưa chuyển" not in body
    body = staff_client.get(url, {"unanswered_overdue": "on"}).content.decode()
    assert "Đã chuyển đi" in body and "Chưa chuyển" not in body
    body = staff_client.get(url, {"q": "chua chuyen"}).content.decode()
    assert "Chưa chuyển" in body and "Đã chuyển đi" not in body


def _query_count(client, url, django_assert_max_num_queries) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # the session's first request reads more
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url_name",
    [
        "voters:voterpetition_list",
        "voters:petition_awaiting",
        "voters:votermeeting_list",
        "voters:letter_list",
        "voters:forwardingbatch_list",
    ],
)
def test_list_query_count_is_the_same_for_5_and_50_rows(
    staff_client,
    make_petition,
    term,
    commune,
    petition_field,
    committee,
    organization,
    session,
    staff_user,
    url_name,
    forward,
):
    def add(n: int, start: int) -> None:
        for i in range(start, start + n):
            meeting = VoterMeeting(
                term=term,
                timing=VoterMeeting.Timing.AD_HOC,
                date=D(2019, 5, 1),
                location_unit=commune,
                voters_attended=10,
            )
            meeting.full_clean()
            meeting.save()
            p = make_petition(
                content=f"Kiến nghị {i}",
                field=petition_field,
                committee=committee,
                session=session,
                meeting=meeting,
                responsible_org=organization,
            )
            if url_name == "voters:forwardingbatch_list":
                forward([p], number=f"{i}/HĐND-VP")
            services.letter_save(
                letter=Letter(
                    term=term,
                    received_date=D(2019, 3, 1),
                    kind=Letter.Kind.COMPLAINT,
                    summary=f"Đơn {i}",
                    forwarded_to=organization,
                    forwarded_date=D(2019, 3, 2),
                ),
                user=staff_user,
            )

    url = reverse(url_name)
    add(5, 0)
    few = _query_count(staff_client, url, None)
    add(45, 5)
    many = _query_count(staff_client, url, None)
    assert few == many


def test_meeting_minutes_are_checked_by_content_and_served_as_attachment(
    staff_client, leader_user, term, commune, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    form = {
        "term": term.pk,
        "timing": VoterMeeting.Timing.AD_HOC,
        "date": "01/05/2019",
        "location_unit": commune.pk,
        "voters_attended": 50,
    }
    fake = SimpleUploadedFile("bien-ban.pdf", b"not really a pdf", content_type="application/pdf")
    response = post_form(
        staff_client, reverse("voters:votermeeting_create"), {**form, "minutes": fake}
    )
    assert response.status_code == 200
    assert "không phải là loại được phép" in response.content.decode()
    assert not VoterMeeting.objects.exists()

    pdf = SimpleUploadedFile("../../evil name.pdf", b"%PDF-1.4\n%demo\n", content_type="x/y")
    response = post_form(
        staff_client, reverse("voters:votermeeting_create"), {**form, "minutes": pdf}
    )
    assert response.status_code == 302
    meeting = VoterMeeting.objects.get()
    assert "evil" not in meeting.minutes.name and meeting.minutes.name.endswith(".pdf")

    leader = Client()
    leader.force_login(leader_user)
    download = leader.get(reverse("voters:votermeeting_minutes", args=[meeting.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")


def test_minutes_over_the_size_limit_are_refused(staff_client, term, commune, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.UPLOAD_MAX_BYTES = 10
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4\n" + b"x" * 100)
    response = staff_client.post(
        reverse("voters:votermeeting_create"),
        {
            "term": term.pk,
            "timing": VoterMeeting.Timing.AD_HOC,
            "date": "01/05/2019",
            "location_unit": commune.pk,
            "voters_attended": 5,
            "minutes": pdf,
        },
    )
    assert "Tệp quá lớn" in response.content.decode()


def test_hub_and_pages_render_for_a_leader(leader_client, make_petition, session):
    make_petition(session=session)
    for name in [
        "voters:index",
        "voters:petition_by_session",
        "voters:petition_overdue",
        "voters:petition_awaiting",
        "voters:citizenreception_list",
        "voters:petitionfield_list",
    ]:
        assert leader_client.get(reverse(name)).status_code == 200, name


def test_petition_detail_shows_workflow_history_and_originals(
    staff_client, make_petition, staff_user
):
    a, b = make_petition(instances=2), make_petition(instances=3)
    consolidated = services.petition_consolidate(
        petitions=[a, b], content="Kiến nghị tổng hợp", user=None
    )
    body = staff_client.get(reverse("voters:voterpetition_detail", args=[consolidated.pk]))
    body = body.content.decode()
    assert "Lịch sử xử lý" in body and "hệ thống" in body
    assert "Các kiến nghị gốc" in body and f'href="{a.get_absolute_url()}"' in body
    assert "Lập công văn chuyển" in body  # compiled and awaiting forwarding
    original = staff_client.get(reverse("voters:voterpetition_detail", args=[a.pk]))
    assert "đã được gộp vào kiến nghị tổng hợp" in original.content.decode()


def test_session_drop_down_offers_one_terms_sessions_and_accepts_any(
    staff_client, council, term, session, make_petition
):
    """Decades of sessions are not one drop-down: the latest term's by default, the chosen
    term's or year's, and always the chosen session; any session of the council filters."""
    import re

    from council.models import Term
    from sessions.models import Session

    later = Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=D(2021, 6, 1), end_date=D(2026, 5, 31)
    )
    recent = Session.objects.create(
        term=later, number=3, kind="regular", start_date=D(2022, 7, 1), end_date=D(2022, 7, 2)
    )
    make_petition(content="Trước kỳ họp cũ", session=session)
    make_petition(content="Trước kỳ họp mới", received=D(2022, 6, 1), term=later, session=recent)
    url = reverse("voters:voterpetition_list")

    def offered(**params) -> tuple[set[int], str]:
        body = staff_client.get(url, params).content.decode()
        select = re.search(r'<select name="session".*?</select>', body, re.S).group(0)
        return {int(pk) for pk in re.findall(r'value="(\d+)"', select)}, body

    assert offered()[0] == {recent.pk}  # the latest term
    assert offered(term=term.pk)[0] == {session.pk}
    assert offered(year=2019)[0] == {session.pk}
    sessions, body = offered(session=session.pk)  # a link to an older term's session
    assert sessions == {recent.pk, session.pk}
    assert "Trước kỳ họp cũ" in body and "Trước kỳ họp mới" not in body
    assert "đổi nhiệm kỳ rồi bấm Lọc" in body
    assert offered(term="abc", session="x", year="0")[0] == {recent.pk}  # junk: the default


def test_a_year_that_is_not_one_is_said_in_plain_words(staff_client):
    url = reverse("voters:voterpetition_list")
    assert (
        "Nhập năm bằng chữ số, ví dụ 2019."
        in staff_client.get(url, {"year": "abc"}).content.decode()
    )
    body = staff_client.get(url, {"year": "20190"}).content.decode()
    assert "Năm phải từ 1945 đến 2200." in body


def _offered(body: str, name: str) -> set[int]:
    import re

    select = re.search(rf'<select name="{name}".*?</select>', body, re.S)
    assert select, name
    return {int(pk) for pk in re.findall(r'value="(\d+)"', select.group(0))}


def test_record_forms_follow_the_term_asked_for(staff_client, council, term, session):
    """The drop-downs of a term's records follow the term field: the page asks for itself with
    ?term= when the user changes it (static/js/app.js) and takes their options."""
    from council.models import Committee, Term
    from sessions.models import Session

    later = Term.objects.create(council=council, ordinal=10, roman="X", start_date=D(2021, 6, 1))
    recent = Session.objects.create(
        term=later, number=2, start_date=D(2022, 7, 1), end_date=D(2022, 7, 2)
    )
    old_ban = Committee.objects.create(term=term, code="ktns", name="Ban Kinh tế - Ngân sách")
    for url in (reverse("voters:voterpetition_create"), reverse("oversight:activity_create")):
        body = staff_client.get(url).content.decode()  # a new record: the latest term
        assert _offered(body, "session") == {recent.pk}, url
        assert old_ban.pk not in _offered(body, "committee"), url
        assert 'data-follows="term"' in body, url
        body = staff_client.get(url, {"term": term.pk}).content.decode()
        assert _offered(body, "session") == {session.pk}, url
        assert old_ban.pk in _offered(body, "committee"), url
        assert f'<option value="{term.pk}" selected>' in body, url
        assert staff_client.get(url, {"term": "abc"}).status_code == 200


def test_check_box_filters_read_links_as_people_write_them(staff_client, make_petition, forward):
    """?unanswered_overdue=0 (or no, off, false, empty) is off; 1, on, true are on."""
    from core.filters import FlagInput

    forwarded = make_petition(content="Đã chuyển đi", received=D(2019, 1, 2))
    make_petition(content="Chưa chuyển", received=D(2018, 12, 1))
    forward([forwarded], day=D(2019, 1, 5))
    url = reverse("voters:voterpetition_list")
    for off in ("0", "no", "OFF", "false", ""):
        body = staff_client.get(url, {"unanswered_overdue": off}).content.decode()
        assert "Chưa chuyển" in body and "Đã chuyển đi" in body, off
    for on in ("1", "on", "true"):
        body = staff_client.get(url, {"unanswered_overdue": on}).content.decode()
        assert "Chưa chuyển" not in body and "Đã chuyển đi" in body, on
    assert FlagInput().value_from_datadict({}, {}, "x") is False


def test_petitions_by_session_show_the_latest_term_unless_asked(
    staff_client, council, term, session, make_petition
):
    from council.models import Council, Term
    from sessions.models import Session

    later = Term.objects.create(council=council, ordinal=10, roman="X", start_date=D(2021, 6, 1))
    recent = Session.objects.create(
        term=later, number=3, start_date=D(2022, 7, 1), end_date=D(2022, 7, 2)
    )
    make_petition(session=session)
    make_petition(received=D(2022, 6, 1), term=later, session=recent)
    other = Council.objects.create(name="HĐND tỉnh Khác", short_name="HĐND Khác", place_name="Khác")
    foreign = Term.objects.create(council=other, ordinal=9, roman="IX", start_date=D(2016, 6, 1))
    url = reverse("voters:petition_by_session")
    body = staff_client.get(url).content.decode()
    assert f"?session={recent.pk}" in body and f"?session={session.pk}" not in body
    assert f'<option value="{later.pk}" selected>' in body
    assert f'value="{foreign.pk}"' not in body  # another council's terms are not offered
    everything = staff_client.get(url, {"term": ""}).content.decode()
    assert f"?session={recent.pk}" in everything and f"?session={session.pk}" in everything
    assert "Tất cả các nhiệm kỳ" in everything
    older = staff_client.get(url, {"term": term.pk}).content.decode()
    assert f"?session={session.pk}" in older and f"?session={recent.pk}" not in older
    # The import offers this council's terms only, and refuses another's.
    page = staff_client.get(reverse("voters:petition_import")).content.decode()
    assert f'value="{foreign.pk}"' not in page and f'value="{term.pk}"' in page


def test_editing_a_forwarding_letter_keeps_its_date_between_receipt_and_answer(
    staff_client, staff_user, make_petition, forward
):
    from core.concurrency import VERSION_FIELD, version_token

    from .conftest import answer

    petition = make_petition(received=D(2019, 1, 2))
    batch = forward([petition], day=D(2019, 1, 5), number="12/HĐND-VP")
    url = reverse("voters:forwardingbatch_update", args=[batch.pk])

    def post(day: str):
        batch.refresh_from_db()
        data = {"number": batch.number, "date": day, "subject": batch.subject,
                VERSION_FIELD: version_token(batch)}  # fmt: skip
        return staff_client.post(url, data)

    body = post("01/01/2019").content.decode()
    assert "ngày công văn không được trước ngày đó" in body and "02/01/2019" in body
    answer(VoterPetition.objects.get(pk=petition.pk), staff_user)  # answered 20/09/2019
    body = post("30/09/2019").content.decode()
    assert "ngày công văn không được sau ngày đó" in body and "20/09/2019" in body
    batch.refresh_from_db()
    assert batch.date == D(2019, 1, 5)  # nothing saved
    assert post("10/01/2019").status_code == 302
    batch.refresh_from_db()
    assert batch.date == D(2019, 1, 10)
