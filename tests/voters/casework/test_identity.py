"""A denunciator's identity is read by the keeper of the case only (voters.casework.identity):
its handler, not other staff, leaders, Ban members or administrators; never in a list, an
export, a search, the audit trail, the admin, a server log or a cache. Every reading is logged."""

from __future__ import annotations

import datetime as dt
import logging
from io import BytesIO

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from accounts.services import user_create_with_role
from core.roles import Role
from core.services import record_save
from tests.conftest import PASSWORD, otp_verify_session
from tests.helpers import form_values
from voters import services
from voters.casework import identity
from voters.models import IdentityAccess, Letter, ReceptionVisit

pytestmark = pytest.mark.django_db

NAME = "Trần Thị Tố Giác"
ADDRESS = "Số 7 ngõ Kín, phường Bí Mật"
PHONE = "0987654321"
ID_NUMBER = "038190001234"
COMPLAINANT = "Lê Văn Khiếu Nại"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    if user.is_staff:  # administrators pass two-factor login
        otp_verify_session(client, user)
    return client


@pytest.fixture
def handler(db):
    return user_create_with_role(username="canbo_xuly", password=PASSWORD, role=Role.STAFF)


@pytest.fixture
def denunciation(term, staff_user, handler) -> Letter:
    """Received by staff_user, then handled by `handler`."""
    letter = services.letter_save(
        letter=Letter(
            term=term,
            received_date=dt.date(2019, 5, 6),
            kind=Letter.Kind.DENUNCIATION,
            summary="Tố cáo cán bộ địa chính nhận tiền khi cấp giấy chứng nhận",
            sender_name=NAME,
            sender_address=ADDRESS,
            sender_phone=PHONE,
            sender_id_number=ID_NUMBER,
        ),
        user=staff_user,
    )
    case = letter.case
    case.handler = handler
    record_save(instance=case, user=staff_user)
    return letter


@pytest.fixture
def complaint(term, staff_user) -> Letter:
    return services.letter_save(
        letter=Letter(
            term=term,
            received_date=dt.date(2019, 5, 7),
            kind=Letter.Kind.COMPLAINT,
            summary="Khiếu nại quyết định thu hồi đất",
            sender_name=COMPLAINANT,
            sender_phone="0911111111",
        ),
        user=staff_user,
    )


@pytest.fixture
def others(staff_user, leader_user, committee_user, admin_user) -> dict:
    """Everyone but the handler: the staff member who received the letter, a leader, a Ban
    member, an administrator."""
    return {
        "staff": staff_user,
        "leader": leader_user,
        "committee": committee_user,
        "admin": admin_user,
    }


def _page(client, name: str, *args, **query) -> str:
    response = client.get(reverse(name, args=args), query)
    assert response.status_code == 200
    return response.content.decode()


def _secrets_in(text: str) -> list[str]:
    return [s for s in (NAME, ADDRESS, PHONE, ID_NUMBER) if s in text]


def test_the_handler_sees_the_denunciators_identity_and_the_view_is_logged(denunciation, handler):
    page = _page(_client(handler), "voters:letter_detail", denunciation.pk)
    assert _secrets_in(page) == [NAME, ADDRESS, PHONE, ID_NUMBER]
    log = IdentityAccess.objects.get()
    assert (log.letter, log.user, log.action) == (denunciation, handler, IdentityAccess.Action.VIEW)


@pytest.mark.parametrize("who", ["staff", "leader", "committee", "admin"])
def test_no_one_but_the_handler_sees_a_denunciators_identity(denunciation, others, who):
    user = others[who]
    page = _page(_client(user), "voters:letter_detail", denunciation.pk)
    # The letter's own page, its content shown, its denunciator nowhere on it.
    assert "nhận tiền khi cấp giấy chứng nhận" in page
    assert _secrets_in(page) == []
    # Staff and administrators would have read it were it not a denunciation: their opening is
    # logged as refused. Leaders and Ban members read no citizen's identity anywhere.
    logged = list(IdentityAccess.objects.values_list("user", "action"))
    if who in ("staff", "admin"):
        assert str(identity.MASKED) in page
        assert logged == [(user.pk, IdentityAccess.Action.DENIED)]
    else:
        assert str(identity.MASKED) not in page
        assert logged == []


def test_before_a_handler_is_named_the_officer_who_received_it_reads_it(term, staff_user, handler):
    letter = services.letter_save(
        letter=Letter(
            term=term,
            received_date=dt.date(2019, 5, 6),
            kind=Letter.Kind.DENUNCIATION,
            summary="Tố cáo vi phạm trong đấu thầu",
            sender_name=NAME,
        ),
        user=staff_user,
    )
    assert NAME in _page(_client(staff_user), "voters:letter_detail", letter.pk)
    assert NAME not in _page(_client(handler), "voters:letter_detail", letter.pk)


def test_an_administrator_named_handler_reads_the_identity(denunciation, admin_user, staff_user):
    case = denunciation.case
    case.handler = admin_user
    record_save(instance=case, user=admin_user)
    assert NAME in _page(_client(admin_user), "voters:letter_detail", denunciation.pk)
    # ...and the former handler no longer does.
    assert NAME not in _page(_client(staff_user), "voters:letter_detail", denunciation.pk)


def test_a_complaint_in_a_denunciation_case_is_as_secret(term, staff_user, denunciation, handler):
    """A letter attached to a denunciation case keeps the case's protection."""
    letter = services.letter_save(
        letter=Letter(
            term=term,
            received_date=dt.date(2019, 6, 1),
            kind=Letter.Kind.COMPLAINT,
            summary="Đơn gửi lại lần hai",
            sender_name=NAME,
            case=denunciation.case,
        ),
        user=staff_user,
    )
    assert NAME not in _page(_client(staff_user), "voters:letter_detail", letter.pk)
    assert NAME in _page(_client(handler), "voters:letter_detail", letter.pk)


def test_a_complainants_identity_stays_visible_to_staff(complaint, staff_user, handler):
    for user in (staff_user, handler):
        assert COMPLAINANT in _page(_client(user), "voters:letter_detail", complaint.pk)
        assert COMPLAINANT in _page(_client(user), "voters:letter_list")
    # Ordinary personal data goes to the security log, not to the denunciators' log.
    assert not IdentityAccess.objects.exists()


def test_a_denunciator_is_masked_in_the_letter_list_even_for_the_handler(
    denunciation, complaint, handler, staff_user
):
    for user in (handler, staff_user):
        page = _page(_client(user), "voters:letter_list")
        assert "nhận tiền khi cấp" in page and COMPLAINANT in page
        assert _secrets_in(page) == []
        assert str(identity.MASKED) in page


def test_the_letter_list_cannot_be_sorted_by_sender(denunciation, handler):
    page = _page(_client(handler), "voters:letter_list")
    assert "sort=received_date" in page  # the headers link their sort...
    assert "sort=sender_name" not in page  # ...but the sender's


def test_searching_a_denunciators_name_finds_no_letter(denunciation, handler, staff_user):
    for user in (handler, staff_user):
        for query in (NAME, "To Giac", PHONE):
            page = _page(_client(user), "voters:letter_list", q=query)
            assert "nhận tiền khi cấp" not in page
    # The letter is found by its content.
    page = _page(_client(handler), "voters:letter_list", q="dia chinh")
    assert "nhận tiền khi cấp" in page


def test_a_denunciators_identity_is_in_no_export_even_for_the_handler(
    denunciation, complaint, handler, admin_user
):
    for user in (handler, admin_user):
        response = _client(user).get(reverse("voters:letter_export"))
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        sheet = load_workbook(BytesIO(response.content)).active
        cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
        text = "\n".join(cells)
        assert "Tố cáo cán bộ địa chính" in text and COMPLAINANT in text
        assert _secrets_in(text) == []
        assert str(identity.MASKED) in cells


def test_other_staff_edit_a_denunciation_without_its_identity_and_keep_it(denunciation, staff_user):
    client = _client(staff_user)
    url = reverse("voters:letter_update", args=[denunciation.pk])
    page = client.get(url).content.decode()
    assert _secrets_in(page) == []
    assert 'name="sender_name"' not in page
    data = form_values(page)
    # A forged post cannot replace the identity nor reclassify the letter to read it.
    data.update(
        summary="Tố cáo cán bộ địa chính (bổ sung)",
        sender_name="Người Khác",
        kind=Letter.Kind.COMPLAINT,
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    denunciation.refresh_from_db()
    assert denunciation.summary == "Tố cáo cán bộ địa chính (bổ sung)"
    assert (denunciation.sender_name, denunciation.sender_phone) == (NAME, PHONE)
    assert denunciation.kind == Letter.Kind.DENUNCIATION
    assert IdentityAccess.objects.filter(
        user=staff_user, action=IdentityAccess.Action.DENIED
    ).exists()


def test_the_handler_edits_the_identity_and_the_edit_is_logged(denunciation, handler):
    client = _client(handler)
    url = reverse("voters:letter_update", args=[denunciation.pk])
    page = client.get(url).content.decode()
    assert NAME in page
    data = form_values(page)
    data["sender_phone"] = "0900000000"
    assert client.post(url, data).status_code == 302
    denunciation.refresh_from_db()
    assert denunciation.sender_phone == "0900000000"
    assert IdentityAccess.objects.filter(user=handler, action=IdentityAccess.Action.EDIT).exists()


def test_the_audit_trail_holds_no_identity(denunciation, handler, staff_user):
    client = _client(handler)
    url = reverse("voters:letter_update", args=[denunciation.pk])
    data = form_values(client.get(url).content.decode())
    data.update(sender_name="Trần Thị Đổi Tên", summary="Tố cáo cán bộ địa chính (sửa)")
    assert client.post(url, data).status_code == 302
    historical = Letter.history.model
    names = {f.name for f in historical._meta.get_fields()}
    assert not names & set(Letter.PERSONAL_FIELDS)
    assert not names & set(ReceptionVisit.PERSONAL_FIELDS)
    assert historical.objects.filter(id=denunciation.pk).count() == 2
    # The history shown on the letter's page says the summary changed, not the name.
    page = _page(_client(staff_user), "voters:letter_detail", denunciation.pk)
    assert "(sửa)" in page
    assert "Đổi Tên" not in page and _secrets_in(page) == []


def test_no_admin_page_shows_a_sender_or_citizen(admin_user):
    for model in (Letter, ReceptionVisit):
        model_admin = admin.site._registry.get(model)
        if model_admin is not None:
            shown = set(model_admin.get_fields(None)) | set(model_admin.list_display)
            assert not shown & set(model.PERSONAL_FIELDS)
    log_admin = admin.site._registry[IdentityAccess]
    assert not set(log_admin.list_display) & set(Letter.PERSONAL_FIELDS)


def test_no_identity_reaches_a_server_log(denunciation, complaint, handler, staff_user, caplog):
    caplog.set_level(logging.DEBUG)
    for user in (handler, staff_user):
        client = _client(user)
        for name, args in [
            ("voters:letter_detail", [denunciation.pk]),
            ("voters:letter_update", [denunciation.pk]),
            ("voters:letter_list", []),
            ("voters:letter_export", []),
        ]:
            client.get(reverse(name, args=args))
    assert _secrets_in(caplog.text) == []


@pytest.mark.parametrize("name", ["voters:letter_detail", "voters:letter_update"])
def test_pages_with_an_identity_are_never_cached(denunciation, handler, name):
    response = _client(handler).get(reverse(name, args=[denunciation.pk]))
    assert NAME in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_identity_of_logs_a_print_and_refuses_a_leader(denunciation, handler, leader_user):
    assert (
        identity.identity_of(denunciation, user=handler, action=IdentityAccess.Action.PRINT)[
            "sender_name"
        ]
        == NAME
    )
    assert identity.identity_of(denunciation, user=leader_user) is None
    assert list(IdentityAccess.objects.values_list("user", "action")) == [
        (handler.pk, IdentityAccess.Action.PRINT)
    ]


def test_no_case_document_pdf_names_the_denunciator(denunciation, complaint, organization, handler):
    """Engineer B's documents (reports.case_documents): the forwarding slip and the guidance
    letter of a denunciation never name or place its denunciator, a complaint's names its
    complainant (so the text read back is the document's)."""
    pdfs = pytest.importorskip("reports.case_documents")
    from tests.reports.conftest import pdf_text
    from voters.casework.services import case_document_issue

    def text_of(letter: Letter, kind: str) -> str:
        document = case_document_issue(
            case=letter.case,
            kind=kind,
            letter=letter,
            date=dt.date(2019, 5, 10),
            recipient=organization,
            user=handler,
        )
        return pdf_text(pdfs.case_document_pdf(document=document))

    for kind in ("forwarding", "guidance"):
        text = text_of(denunciation, kind)
        assert "nhận tiền khi cấp giấy chứng nhận" in text
        assert _secrets_in(text) == [] and "Giác" not in text
    assert COMPLAINANT in text_of(complaint, "forwarding")
