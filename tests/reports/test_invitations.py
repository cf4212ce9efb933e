"""Invitations (giấy mời) to a session (issue 20): numbered in the council's outgoing register
(series GM, issue 22), made from the session's page by the secretariat, read by leaders, never reached from
another council, and rendered by the worker (core.jobs; in-process without a broker) as the
NĐ 30/2020 PDF with one page an addressee."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.services import record_save
from council.models import Council, Delegate, Term
from documents.models import OutgoingDocument
from documents.services import document_cancel, document_number_issue
from reports.invitation_document import invitation_composed, invitation_pdf
from reports.invitations import (
    invitation_addressees,
    invitation_new,
    invitation_next_reference,
    invitation_pdf_request,
    invitation_requests_requeue_stale,
    invitation_save,
)
from reports.models import Invitation, InvitationRequest
from sessions.models import Session
from tests.helpers import council_client, form_values, post_form
from tests.reports.conftest import celery_broker, pdf_pages, pdf_text

CLOSED_PORT_BROKER = "redis://127.0.0.1:1/0"

pytestmark = pytest.mark.django_db

D = dt.date
DAY = D(2019, 12, 2)


@pytest.fixture
def session(term) -> Session:
    return record_save(
        instance=Session(
            term=term,
            number=9,
            kind=Session.Kind.REGULAR,
            start_date=D(2019, 12, 10),
            end_date=D(2019, 12, 12),
            venue="Hội trường Tỉnh ủy",
        )
    )


@pytest.fixture
def delegates(term) -> list[Delegate]:
    made = [
        Delegate.objects.create(term=term, full_name=name, birth_year=1970)
        for name in ("Nguyễn Văn An", "Lý Thị Bình", "Hoàng Văn Cường")
    ]
    made[2].status = Delegate.Status.RESIGNED
    made[2].save(update_fields=["status"])
    return made


def _by_hand(council, *, day=DAY, code="GM") -> OutgoingDocument:
    """A document a clerk numbered under "Cấp số" in the register."""
    return document_number_issue(
        council=council,
        series_code=code,
        date=day,
        subject="Mời dự phiên họp Thường trực",
        signer_name="Hoàng Văn Nghiệm",
        signer_title="CHỦ TỊCH",
        recipients="Như trên;\nLưu: VT.",
    )


def _numbered_up_to(council, number, *, day=DAY) -> None:
    """Hand-registered invitations until the series' next number is `number`."""
    while OutgoingDocument.objects.filter(council=council, series__code="GM").count() < number - 1:
        _by_hand(council, day=day)


def _invitation(session, *, day=DAY, **fields) -> Invitation:
    invitation = invitation_new(session=session, today=day)
    invitation.signer_name = "Hoàng Văn Nghiệm"
    for name, value in fields.items():
        setattr(invitation, name, value)
    return invitation_save(invitation=invitation)


@pytest.fixture
def other_invitation(db) -> Invitation:
    other = Council.objects.create(
        name="Hội đồng nhân dân tỉnh Bên Cạnh",
        short_name="HĐND tỉnh Bên Cạnh",
        place_name="Bên Cạnh",
        header_name="HỘI ĐỒNG NHÂN DÂN\nTỈNH BÊN CẠNH",
        secretariat_name="Văn phòng HĐND tỉnh Bên Cạnh",
    )
    term = Term.objects.create(council=other, ordinal=1, roman="I", start_date=D(2016, 6, 1))
    session = record_save(
        instance=Session(
            term=term,
            number=1,
            kind="regular",
            start_date=D(2019, 7, 1),
            end_date=D(2019, 7, 1),
            venue="Hội trường",
        )
    )
    return _invitation(session, guests="Đồng chí Bí thư Tỉnh ủy")


# --- numbering -------------------------------------------------------------------------------


def test_a_new_invitation_takes_the_next_number_of_the_registers_series(session):
    council = session.term.council
    assert invitation_next_reference(council=council, year=2019) == "01/GM-HĐND"
    first = _invitation(session)
    entry = first.register_entry
    assert (entry.series.code, entry.year, entry.number, entry.date) == ("GM", 2019, 1, DAY)
    assert entry.source == first and entry.kind_label == "Giấy mời"
    assert first.reference == "01/GM-HĐND" and str(first) == "Giấy mời số 01/GM-HĐND"
    assert "Mời dự Kỳ họp thứ 9" in entry.subject
    assert entry.signer_name == "Hoàng Văn Nghiệm"
    assert invitation_next_reference(council=council, year=2019) == "02/GM-HĐND"
    # Numbers start again in January.
    assert invitation_next_reference(council=council, year=2020) == "01/GM-HĐND"
    assert _invitation(session, day=D(2020, 1, 3)).reference == "01/GM-HĐND"


def test_a_number_registered_by_hand_in_between_is_skipped(session):
    """The issue: a clerk numbering an invitation by hand under "Cấp số" and the invitation
    page numbering its own gave one number twice. Both now take the register's next."""
    council = session.term.council
    first = _invitation(session)
    by_hand = _by_hand(council)
    second = _invitation(session, day=D(2019, 12, 3))
    assert [first.reference, by_hand.reference, second.reference] == [
        "01/GM-HĐND",
        "02/GM-HĐND",
        "03/GM-HĐND",
    ]
    references = [d.reference for d in OutgoingDocument.objects.filter(council=council)]
    assert sorted(references) == ["01/GM-HĐND", "02/GM-HĐND", "03/GM-HĐND"]


def test_a_new_invitation_takes_its_place_and_day_from_the_session(session):
    invitation = invitation_new(session=session, today=D(2019, 12, 2))
    assert invitation.meeting_date == D(2019, 12, 10)
    assert invitation.meeting_place == "Hội trường Tỉnh ủy"
    assert invitation.all_delegates is True
    assert invitation.reference == "" and invitation.register_entry is None


def test_an_edit_reaches_the_register_but_never_its_number_or_date(session):
    invitation = _invitation(session, guests="Đồng chí Bí thư Tỉnh ủy")
    entry = invitation.register_entry
    invitation.signer_name = "Đoàn Thị Hậu"
    invitation.guests = "Đồng chí Bí thư Tỉnh ủy\nBan Tuyên giáo Tỉnh ủy"
    invitation_save(invitation=invitation)
    entry.refresh_from_db()
    assert (entry.number, entry.signer_name) == (1, "Đoàn Thị Hậu")
    assert "Ban Tuyên giáo Tỉnh ủy" in entry.recipients
    assert OutgoingDocument.objects.count() == 1
    invitation.date = D(2019, 12, 5)
    with pytest.raises(ValidationError) as excinfo:
        invitation_save(invitation=invitation)
    assert "không đổi được" in " ".join(excinfo.value.message_dict["date"])


def test_an_invitation_whose_number_the_register_cancelled_is_not_edited(session, staff_user):
    invitation = _invitation(session, guests="Đồng chí Bí thư Tỉnh ủy")
    document_cancel(document=invitation.register_entry, reason="Ghi sai giờ họp.", user=None)
    invitation.refresh_from_db()
    assert invitation.is_cancelled
    invitation.meeting_place = "Nhà khách"
    with pytest.raises(ValidationError, match="đã bị huỷ số"):
        invitation_save(invitation=invitation)
    # A new invitation takes a new number: the cancelled one is never given again.
    assert _invitation(session, day=D(2019, 12, 3)).reference == "02/GM-HĐND"


def test_the_same_number_in_another_council_is_free(session, other_invitation):
    assert other_invitation.reference == "01/GM-HĐND"
    assert _invitation(session).reference == "01/GM-HĐND"


def test_an_invitation_goes_to_serving_delegates_and_guests(session, delegates):
    invitation = _invitation(session, guests="Đồng chí Bí thư Tỉnh ủy\n\nBan Tuyên giáo Tỉnh ủy")
    assert invitation_addressees(invitation=invitation) == [
        "Đồng chí Bí thư Tỉnh ủy",
        "Ban Tuyên giáo Tỉnh ủy",
        "Đại biểu Lý Thị Bình",
        "Đại biểu Nguyễn Văn An",
    ]
    invitation.all_delegates = False
    invitation_save(invitation=invitation, delegates=[delegates[0]])
    assert invitation_addressees(invitation=invitation)[2:] == ["Đại biểu Nguyễn Văn An"]


# --- pages and permissions -------------------------------------------------------------------


def test_staff_create_an_invitation_from_the_session_page(staff_client, session, delegates):
    page = staff_client.get(session.get_absolute_url())
    create = reverse("reports:invitation_create", args=[session.pk])
    assert create in page.content.decode()
    today = timezone.localdate()
    _numbered_up_to(session.term.council, 12, day=today)
    form_page = staff_client.get(create).content.decode()
    # The form asks for no number: it says which one the invitation will take.
    assert 'name="number"' not in form_page
    assert "dự kiến số <b>12/GM-HĐND</b>" in form_page
    response = post_form(
        staff_client,
        create,
        {
            "date": today.strftime("%d/%m/%Y"),
            "meeting_date": "10/12/2019",
            "meeting_time": "08:00",
            "meeting_place": "Hội trường Tỉnh ủy",
            "all_delegates": "on",
            "guests": "Đồng chí Bí thư Tỉnh ủy",
            "signing_authority": Invitation.Authority.ON_BEHALF,
            "signer_title": Invitation.SignerTitle.CHAIR,
            "signer_name": "Hoàng Văn Nghiệm",
            "recipients": "Như trên;\nLưu: VT.",
        },
    )
    invitation = Invitation.objects.get()
    assert response.status_code == 302
    assert response.url == invitation.get_absolute_url()
    assert (invitation.reference, invitation.register_entry.year, invitation.council) == (
        "12/GM-HĐND",
        today.year,
        session.term.council,
    )
    assert invitation.meeting_time == dt.time(8, 0)
    assert "12/GM-HĐND" in staff_client.get(session.get_absolute_url()).content.decode()
    page = staff_client.get(invitation.get_absolute_url()).content.decode()
    assert invitation.register_entry.get_absolute_url() in page
    # The edit form says the number it got and keeps the date.
    edit = staff_client.get(reverse("reports:invitation_update", args=[invitation.pk]))
    assert "<b>12/GM-HĐND</b>" in edit.content.decode()


def test_an_invitation_left_out_of_the_register_says_so(staff_client, session):
    """One numbered before the register whose number the register had given to another
    document (migration 0009): its printed number is kept, its page says "chưa vào sổ"."""
    invitation = _invitation(session, guests="Đồng chí Bí thư Tỉnh ủy")
    Invitation.objects.filter(pk=invitation.pk).update(
        register_entry=None, printed_reference="7/GM-HĐND"
    )
    page = staff_client.get(invitation.get_absolute_url()).content.decode()
    assert "7/GM-HĐND" in page and "chưa vào sổ" in page
    invitation.refresh_from_db()
    invitation.meeting_place = "Nhà khách"
    invitation_save(invitation=invitation)  # edited, never numbered anew
    assert OutgoingDocument.objects.count() == 1
    assert Invitation.objects.get(pk=invitation.pk).reference == "7/GM-HĐND"


def test_staff_edit_an_invitation(staff_client, session):
    invitation = _invitation(session, guests="Đồng chí Bí thư Tỉnh ủy")
    url = reverse("reports:invitation_update", args=[invitation.pk])
    page = staff_client.get(url).content.decode()
    data = {**form_values(page), "meeting_place": "Nhà khách Tỉnh ủy"}
    response = staff_client.post(url, data)
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.meeting_place == "Nhà khách Tỉnh ủy"


def test_leader_reads_but_cannot_make_or_edit_an_invitation(
    leader_client, session, django_capture_on_commit_callbacks
):
    invitation = _invitation(session, guests="Đồng chí Bí thư Tỉnh ủy")
    assert leader_client.get(invitation.get_absolute_url()).status_code == 200
    # Rendering its PDF is not making it: leaders ask for reports' PDFs as well.
    with django_capture_on_commit_callbacks(execute=True):
        leader_client.post(reverse("reports:invitation_generate", args=[invitation.pk]))
    pdf_request = InvitationRequest.objects.get()
    download = leader_client.get(pdf_request.get_download_url())
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    create = reverse("reports:invitation_create", args=[session.pk])
    assert leader_client.get(create).status_code == 403
    assert leader_client.post(create, {"meeting_place": "Nhà khách"}).status_code == 403
    update = reverse("reports:invitation_update", args=[invitation.pk])
    assert leader_client.get(update).status_code == 403
    assert Invitation.objects.count() == 1


def test_another_councils_invitation_is_not_found_by_guessing_its_url(
    staff_client, session, other_invitation
):
    for name in ("invitation_detail", "invitation_update"):
        url = reverse(f"reports:{name}", args=[other_invitation.pk])
        assert staff_client.get(url).status_code == 404, name
    generate = reverse("reports:invitation_generate", args=[other_invitation.pk])
    assert staff_client.post(generate).status_code == 404
    other_request = InvitationRequest.objects.create(
        invitation=other_invitation, status=InvitationRequest.Status.DONE
    )
    for url in (other_request.get_status_url(), other_request.get_download_url()):
        assert staff_client.get(url).status_code == 404, url
    assert InvitationRequest.objects.count() == 1
    create = reverse("reports:invitation_create", args=[other_invitation.session_id])
    assert staff_client.get(create).status_code == 404
    # ... and its own council's staff open it.
    other_staff = council_client(other_invitation.council, "benc-staff")
    assert other_staff.get(other_invitation.get_absolute_url()).status_code == 200


# --- the PDF -----------------------------------------------------------------------------------


def test_the_pdf_has_a_page_for_each_addressee_in_the_nd30_layout(session, delegates):
    _numbered_up_to(session.term.council, 35)
    invitation = _invitation(
        session,
        guests="Đồng chí Bí thư Tỉnh ủy",
        notes="Đề nghị đại biểu nghiên cứu tài liệu kỳ họp trước khi đến dự.",
    )
    pages = pdf_pages(invitation_pdf(invitation=invitation))
    assert len(pages) == 3
    first = " ".join(pages[0].split())
    for text in (
        "HỘI ĐỒNG NHÂN DÂN",
        "TỈNH THỬ NGHIỆM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 35/GM-HĐND",
        "Thử Nghiệm, ngày 02 tháng 12 năm 2019",
        "GIẤY MỜI",
        "Kính gửi: Đồng chí Bí thư Tỉnh ủy",
        "kỳ họp thứ 9, HĐND tỉnh khóa IX, nhiệm kỳ 2016 - 2021",
        "07 giờ 30 phút, thứ Ba, ngày 10 tháng 12 năm 2019",
        "đến hết ngày 12/12/2019",
        "Hội trường Tỉnh ủy",
        "nghiên cứu tài liệu kỳ họp",
    ):
        assert text in first, text
    text = pdf_text(invitation_pdf(invitation=invitation))
    assert "Kính gửi: Đại biểu Lý Thị Bình" in " ".join(pages[1].split())
    assert "Kính gửi: Đại biểu Nguyễn Văn An" in " ".join(pages[2].split())
    # Each page a whole invitation, as the office prints and signs them: header, number,
    # the addressee named in the body, "Nơi nhận" and the signature; no page number.
    for page, name in zip(pages, ("Đồng chí Bí thư Tỉnh ủy", "Đại biểu Lý Thị Bình", "Đại biểu Nguyễn Văn An"), strict=True):  # fmt: skip
        words = " ".join(page.split())
        for expected in (
            "Số: 35/GM-HĐND",
            "GIẤY MỜI",
            f"trân trọng kính mời {name} tới dự",
            "TM. THƯỜNG TRỰC HĐND",
            "Hoàng Văn Nghiệm",
            "Nơi nhận:",
            "- Như trên;",
            "- Lưu: VT.",
        ):
            assert expected in words, (name, expected)
        assert not words.startswith(("2 ", "3 "))
    assert "Hoàng Văn Cường" not in text  # no longer a delegate


def test_tao_pdf_renders_through_the_task_and_the_page_offers_the_file(
    staff_client, session, delegates, django_capture_on_commit_callbacks
):
    """Without a broker the render runs in-process through the very task the worker runs; the
    page then shows the finished render and its download."""
    _numbered_up_to(session.term.council, 41)
    invitation = _invitation(session)
    generate = reverse("reports:invitation_generate", args=[invitation.pk])
    assert staff_client.get(generate).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(generate)
    assert response.url == f"{invitation.get_absolute_url()}#pdf"
    pdf_request = InvitationRequest.objects.get()
    assert pdf_request.status == InvitationRequest.Status.DONE, pdf_request.error
    assert pdf_request.attempts == 1 and pdf_request.duration is not None
    assert pdf_request.addressee_count == 2
    assert pdf_request.file.name.startswith("invitations/2019/giay-moi-41-2019-")
    page = staff_client.get(invitation.get_absolute_url()).content.decode()
    assert pdf_request.get_download_url() in page
    fragment = staff_client.get(pdf_request.get_status_url(), HTTP_HX_REQUEST="true")
    assert 'data-status="done"' in fragment.content.decode()
    assert "hx-trigger" not in fragment.content.decode()

    download = staff_client.get(pdf_request.get_download_url())
    assert download.status_code == 200
    assert "giay-moi-41-2019" in download["Content-Disposition"]
    text = " ".join(pdf_text(b"".join(download.streaming_content)).split())
    for expected in (
        "HỘI ĐỒNG NHÂN DÂN TỈNH THỬ NGHIỆM",
        "GIẤY MỜI",
        "Số: 41/GM-HĐND",
        "kỳ họp thứ 9, HĐND tỉnh khóa IX",
        "Kính gửi: Đại biểu Nguyễn Văn An",
    ):
        assert expected in text, expected


def test_a_pending_render_polls_and_offers_no_file(staff_client, session):
    invitation = _invitation(session, guests="Đồng chí Bí thư Tỉnh ủy")
    pdf_request = invitation_pdf_request(invitation=invitation, user=None, enqueue=False)
    fragment = staff_client.get(pdf_request.get_status_url()).content.decode()
    assert 'data-status="pending"' in fragment and "every 2s" in fragment
    assert staff_client.get(pdf_request.get_download_url()).status_code == 404
    assert (
        pdf_request.get_status_url()
        in staff_client.get(invitation.get_absolute_url()).content.decode()
    )


def test_with_the_broker_down_the_render_waits_and_the_sweeper_sends_it_later(
    staff_user, session, django_capture_on_commit_callbacks
):
    invitation = _invitation(session, guests="Đồng chí Bí thư Tỉnh ủy")
    with celery_broker(CLOSED_PORT_BROKER), django_capture_on_commit_callbacks(execute=True):
        pdf_request = invitation_pdf_request(invitation=invitation, user=staff_user)
    pdf_request.refresh_from_db()
    assert pdf_request.status == InvitationRequest.Status.PENDING
    assert "OperationalError" in pdf_request.queue_error
    with django_capture_on_commit_callbacks(execute=True):
        result = invitation_requests_requeue_stale(now=timezone.now() + dt.timedelta(hours=1))
    assert result.requeued == (pdf_request.pk,)
    pdf_request.refresh_from_db()
    assert pdf_request.status == InvitationRequest.Status.DONE
    assert (pdf_request.attempts, pdf_request.queue_error) == (2, "")


def test_too_many_renders_by_one_user_are_refused_in_vietnamese(staff_user, session):
    invitation = _invitation(session, guests="Đồng chí Bí thư Tỉnh ủy")
    for _n in range(5):
        invitation_pdf_request(invitation=invitation, user=staff_user, enqueue=False)
    with pytest.raises(ValidationError, match="Vui lòng chờ ít phút"):
        invitation_pdf_request(invitation=invitation, user=staff_user, enqueue=False)


def docx_text(data: bytes) -> tuple[str, list[list[str]]]:
    from io import BytesIO

    from docx import Document

    document = Document(BytesIO(data))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    # The header (issuing body, number, place and date) is a table of its own.
    parts = [p.text for p in document.paragraphs] + [cell for row in rows for cell in row]
    return " ".join(" ".join(parts).split()), rows


def test_the_pdf_and_the_docx_come_from_one_description_with_the_programme(
    staff_client, session, delegates
):
    from council.models import Organization
    from sessions.models import AgendaItem

    ubnd = Organization.objects.create(name="UBND tỉnh Thử Nghiệm", council=session.term.council)
    AgendaItem.objects.create(
        session=session, order=2, title="Dự toán ngân sách năm 2020", issuer=ubnd,
        number_symbol="125/TTr-UBND",
    )  # fmt: skip
    AgendaItem.objects.create(
        session=session, order=1, doc_type=AgendaItem.DocType.REPORT,
        title="Tình hình kinh tế - xã hội năm 2019", issuer=ubnd,
    )  # fmt: skip
    _by_hand(session.term.council)  # the register's 01: the invitation is 02
    invitation = _invitation(session, guests="Đồng chí Bí thư Tỉnh ủy")
    composed = invitation_composed(invitation=invitation)
    assert composed.number_line == "Số: 02/GM-HĐND"
    assert [copy.addressees for copy in composed.copies] == [  # a whole invitation each
        ["Đồng chí Bí thư Tỉnh ủy"],
        ["Đại biểu Lý Thị Bình"],
        ["Đại biểu Nguyễn Văn An"],
    ]
    programme = composed.tables()[0]
    assert [row[1] for row in programme.rows] == [
        "Báo cáo: Tình hình kinh tế - xã hội năm 2019",
        "Tờ trình số 125/TTr-UBND: Dự toán ngân sách năm 2020",
    ]

    pdf = pdf_text(invitation_pdf(invitation=invitation))
    response = staff_client.get(reverse("reports:invitation_docx", args=[invitation.pk]))
    assert response.status_code == 200
    assert 'filename="giay-moi-02-2019.docx"' in response["Content-Disposition"]
    assert (
        reverse("reports:invitation_docx", args=[invitation.pk])
        in staff_client.get(invitation.get_absolute_url()).content.decode()
    )
    docx, rows = docx_text(response.content)
    for text in (pdf, docx):
        for expected in (
            "Số: 02/GM-HĐND",
            "Thử Nghiệm, ngày 02 tháng 12 năm 2019",
            "GIẤY MỜI",
            "Kính gửi: Đồng chí Bí thư Tỉnh ủy",
            "Kính gửi: Đại biểu Lý Thị Bình",
            "Kính gửi: Đại biểu Nguyễn Văn An",
            "CHƯƠNG TRÌNH KỲ HỌP",
            "Hoàng Văn Nghiệm",
        ):
            assert expected in text, expected
    assert "Tình hình kinh tế - xã hội năm 2019" in pdf
    # Three whole invitations in either file: three signatures, three "Nơi nhận".
    assert pdf.count("Hoàng Văn Nghiệm") == 3
    assert docx.count("Hoàng Văn Nghiệm") == 3 and docx.count("Nơi nhận:") == 3
    assert "Dự toán ngân sách năm 2020" in pdf
    programme_rows = [row for row in rows if row and row[0] in {"1", "2"}]
    assert programme_rows == [
        ["1", "Báo cáo: Tình hình kinh tế - xã hội năm 2019", "UBND tỉnh Thử Nghiệm", ""],
        ["2", "Tờ trình số 125/TTr-UBND: Dự toán ngân sách năm 2020", "UBND tỉnh Thử Nghiệm", ""],
    ]


def test_the_councils_invitation_template_words_every_page_and_numbers_it(session, delegates):
    """The secretariat edits the invitation's sentences, recipients and series on the template
    page (no developer): each addressee's page is filled from them."""
    from documents.models import DocumentSeries
    from reports.routine.invitation import INVITATION
    from reports.routine.issue import TEXT_FIELDS, routine_template_save

    council = session.term.council
    DocumentSeries.objects.create(
        council=council, code="GMK", name="Giấy mời khác", symbol="GM-TTHĐND"
    )
    routine_template_save(
        routine=INVITATION,
        council=council,
        texts={f: "" for f in TEXT_FIELDS}
        | {
            "series_code": "GMK",
            "doc_type": "GIẤY MỜI",
            "subject": "Về việc dự {ky_hop}",
            "opening": "Kính mời {nguoi_duoc_moi} dự {ky_hop} tại {dia_diem}, {thoi_gian}.",
            "closing": "Trân trọng./.",
            "recipients": "Như trên;\nVăn phòng HĐND {cap};\nLưu: VT.",
        },
    )
    invitation = invitation_new(session=session, today=DAY)
    assert invitation.recipients == "Như trên;\nVăn phòng HĐND tỉnh;\nLưu: VT."
    invitation.guests = "Đồng chí Bí thư Tỉnh ủy"
    invitation.signer_name = "Hoàng Văn Nghiệm"
    invitation = invitation_save(invitation=invitation)
    assert invitation.reference == "01/GM-TTHĐND"
    pages = [" ".join(page.split()) for page in pdf_pages(invitation_pdf(invitation=invitation))]
    assert "Về việc dự kỳ họp thứ 9" in pages[0]
    assert "Kính mời Đồng chí Bí thư Tỉnh ủy dự kỳ họp thứ 9" in pages[0]
    assert "Kính mời Đại biểu Lý Thị Bình dự kỳ họp thứ 9" in pages[1]
    assert all("Trân trọng./." in page and "Văn phòng HĐND tỉnh;" in page for page in pages[:3])
    assert "Rất mong được đón tiếp" not in " ".join(pages)
