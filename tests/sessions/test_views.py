from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from resolutions.services import resolution_create
from sessions.models import AgendaItem, Attendance, Session
from tests.helpers import post_form

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def test_staff_creates_a_session(staff_client, term):
    response = post_form(
        staff_client,
        reverse("sessions:session_create"),
        {
            "term": term.pk,
            "number": 13,
            "kind": "thematic",
            "start_date": "20/08/2019",
            "end_date": "20/08/2019",
            "venue": "Hội trường tỉnh",
            "format": "in_person",
            "status": "closed",
        },
    )
    session = Session.objects.get()
    assert response.status_code == 302
    assert session.kind_label == "bất thường"


def test_session_form_refuses_a_date_outside_the_term(staff_client, term):
    response = staff_client.post(
        reverse("sessions:session_create"),
        {
            "term": term.pk,
            "number": 1,
            "kind": "regular",
            "start_date": "01/01/2010",
            "end_date": "02/01/2010",
            "format": "in_person",
            "status": "closed",
        },
    )
    assert response.status_code == 200
    assert "nằm ngoài nhiệm kỳ" in response.content.decode()


@pytest.mark.parametrize("client_name", ["leader_client", "committee_client"])
def test_leader_and_committee_member_cannot_write_sessions(request, client_name, make_session):
    client = request.getfixturevalue(client_name)
    session = make_session()
    for url in [
        reverse("sessions:session_create"),
        reverse("sessions:session_update", args=[session.pk]),
        reverse("sessions:session_delete", args=[session.pk]),
        reverse("sessions:attendance_update", args=[session.pk]),
        reverse("sessions:agendaitem_create", args=[session.pk]),
    ]:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {}).status_code == 403, url
    assert client.get(session.get_absolute_url()).status_code == 200


def test_anonymous_visitor_is_sent_to_login(client, make_session):
    session = make_session()
    for url in [reverse("sessions:session_list"), session.get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_session_list_filters_by_year_and_kind(leader_client, make_session):
    make_session(number=12, kind="regular", start=dt.date(2019, 7, 10))
    make_session(number=13, kind="thematic", start=dt.date(2019, 8, 20))
    make_session(number=9, kind="thematic", start=dt.date(2018, 10, 5))
    page = leader_client.get(
        reverse("sessions:session_list") + "?year=2019&kind=thematic"
    ).content.decode()
    assert "Bất thường" in page
    assert 'href="/ky-hop/' in page
    assert page.count("<tr") == 2  # header + one session


def test_detail_shows_agenda_attendance_resolutions_and_questioning(
    staff_client, make_session, delegates, council, organization, committee
):
    session = make_session()
    AgendaItem.objects.create(
        session=session,
        doc_type="submission",
        number_symbol="121/TTr-UBND",
        title="Tờ trình về mức chi phòng, chống dịch",
        issuer=organization,
        reviewing_committee=committee,
    )
    resolution_create(
        council=council,
        session=session,
        adopted_date=session.end_date,
        title="Quy định mức chi hỗ trợ phòng, chống dịch",
        is_normative=True,
        votes_for=9,
    )
    Attendance.objects.bulk_create(
        [Attendance(session=session, delegate=d, status="present") for d in delegates[:9]]
        + [Attendance(session=session, delegate=delegates[9], status="excused")]
    )
    page = staff_client.get(session.get_absolute_url()).content.decode()
    assert "121/TTr-UBND" in page
    assert "Ban Kinh tế - Ngân sách" in page
    assert "01/2019/NQ-HĐND" in page
    assert "90%" in page
    assert 'id="questioning"' in page


def test_detail_shows_the_cards_the_apps_above_register_in_their_order(staff_client, make_session):
    """Sessions names none of them (sessions.fragments): resolutions, the petitions report,
    then questioning."""
    page = staff_client.get(make_session().get_absolute_url()).content.decode()
    cards = ['id="resolutions"', 'id="petitions-report"', 'id="questioning"']
    assert [page.index(card) for card in cards] == sorted(page.index(card) for card in cards)


def test_attendance_bulk_form_records_every_delegate(staff_client, make_session, delegates):
    session = make_session()
    url = reverse("sessions:attendance_update", args=[session.pk])
    form_page = staff_client.get(url).content.decode()
    assert all(d.full_name in form_page for d in delegates)
    data = {f"d{d.pk}": "present" for d in delegates}
    data[f"d{delegates[0].pk}"] = "absent"
    response = post_form(staff_client, url, data)
    assert response.status_code == 302
    assert Attendance.objects.filter(session=session).count() == 10
    assert Attendance.objects.get(session=session, delegate=delegates[0]).status == "absent"
    page = staff_client.get(session.get_absolute_url()).content.decode()
    assert "90%" in page


def test_agenda_upload_rejects_a_renamed_executable(staff_client, make_session, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    session = make_session()
    url = reverse("sessions:agendaitem_create", args=[session.pk])
    base = {"order": 1, "doc_type": "submission", "title": "Tờ trình"}
    response = post_form(
        staff_client, url, {**base, "upload": SimpleUploadedFile("to-trinh.pdf", EXE)}
    )
    assert response.status_code == 200
    assert "không phải là loại được phép" in response.content.decode()
    response = post_form(
        staff_client, url, {**base, "upload": SimpleUploadedFile("to-trinh.pdf", PDF)}
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert item.attachment.name.endswith(".pdf") and "to-trinh" not in item.attachment.name
    download = staff_client.get(reverse("sessions:agendaitem_attachment", args=[item.pk]))
    assert download["Content-Disposition"].startswith("attachment;")
    assert "to-trinh.pdf" in download["Content-Disposition"]


def test_deleting_an_agenda_item_removes_its_document_only_once_committed(
    staff_client, make_session, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    session = make_session()
    url = reverse("sessions:agendaitem_create", args=[session.pk])
    post_form(staff_client, url, {"order": 1, "doc_type": "submission", "title": "Tờ trình",
                                  "upload": SimpleUploadedFile("to-trinh.pdf", PDF)})  # fmt: skip
    item = AgendaItem.objects.get()
    path = tmp_path / item.attachment.name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = staff_client.post(reverse("sessions:agendaitem_delete", args=[item.pk]))
    assert response.status_code == 302 and not AgendaItem.objects.exists()
    assert path.exists()  # a rolled-back deletion would still have its document
    for callback in callbacks:
        callback()
    assert not path.exists()
