"""Issue 20's scenario in a real browser: a delegate on a 390 px phone logs in, reads the newly
published document of the next session (the secretariat then sees the read receipt), registers
a question, and after the sitting finds the question and its answer on their record page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from weasyprint import HTML

from core.services import record_save
from council.models import Delegate, Term
from delegates.models import Registration
from oversight.models import Question
from sessions.models import AgendaItem, Session, SessionDocument
from sessions.services import session_document_create
from tests.delegates.conftest import DELEGATE_PASSWORD, delegate_login
from tests.e2e.pages import login

pytestmark = [pytest.mark.chromium, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="vi-VN", viewport=PHONE)
    context.set_default_timeout(20_000)
    return context, context.new_page()


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def test_a_delegate_reads_registers_a_question_and_finds_its_answer_on_their_record(
    browser, live_server, new_page, council, staff_user, shots
):
    from django.contrib.auth.models import Group

    from core.roles import Role

    # A transactional test before this one may have flushed the groups of the data migration.
    for role in Role:
        Group.objects.get_or_create(name=role.value)
    today = timezone.localdate()
    term = Term.objects.create(
        council=council, ordinal=18, roman="XVIII", start_date=today - dt.timedelta(days=200)
    )
    delegate = Delegate.objects.create(term=term, full_name="Hoàng Thị Đại Biểu", birth_year=1975)
    Delegate.objects.create(term=term, full_name="Lý Văn Đồng Nghiệp", birth_year=1980)
    user, _client = delegate_login(delegate)
    opening = today + dt.timedelta(days=7)
    session = record_save(
        instance=Session(
            term=term, number=4, start_date=opening, end_date=opening + dt.timedelta(days=1)
        )
    )
    item = record_save(
        instance=AgendaItem(session=session, order=1, title="Dự toán ngân sách năm sau")
    )
    pdf = HTML(string="<h1>Tờ trình dự toán ngân sách</h1><p>Kính trình HĐND.</p>").write_pdf()
    document = session_document_create(
        document=SessionDocument(agenda_item=item, title="Tờ trình dự toán ngân sách"),
        upload=SimpleUploadedFile("to-trinh.pdf", pdf),
    )

    # The secretariat publishes the document (a draft until now).
    staff = new_page()
    login(staff, "chuyenvien")
    staff.goto(reverse("sessions:session_documents", args=[session.pk]))
    staff.get_by_role("button", name="Công bố ngay").click()
    staff.wait_for_selector("text=Đã công bố")

    context, phone = _phone(browser, live_server)
    errors: list[str] = []
    phone.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        phone.goto("/dang-nhap/")
        phone.fill("#id_username", user.username)
        phone.fill("#id_password", DELEGATE_PASSWORD)
        phone.get_by_role("button", name="Đăng nhập").click()
        phone.wait_for_url(re.compile(r"/dai-bieu/$"))
        phone.get_by_role("link", name=re.compile("Kỳ họp thứ 4")).click()
        phone.wait_for_url(re.compile(rf"/dai-bieu/ky-hop/{session.pk}/$"))
        _fits(phone)
        shots.take(phone, "delegate-session-phone")

        # Reads the newly published document.
        phone.get_by_role("link", name="Tờ trình dự toán ngân sách").click()
        phone.wait_for_selector(".pdf-page canvas")
        _fits(phone)
        shots.take(phone, "delegate-document-phone")

        # The secretariat sees who opened it.
        staff.goto(reverse("sessions:sessiondocument_receipts", args=[document.pk]))
        opened = staff.locator(f'#receipts tr[data-delegate="{delegate.pk}"]')
        assert opened.get_attribute("data-opened") == "yes"
        assert "Chưa mở" in staff.locator("#receipts").inner_text()  # the colleague has not

        # Registers a question.
        phone.goto(f"/dai-bieu/ky-hop/{session.pk}/")
        phone.get_by_role("link", name="Đăng ký chất vấn").click()
        phone.fill("#id_respondent_position", "Giám đốc Sở Tài chính")
        phone.fill("#id_content", "Vì sao vốn đầu tư công giải ngân chậm?")
        phone.get_by_role("button", name="Gửi đăng ký").click()
        phone.wait_for_url(re.compile(rf"/dai-bieu/ky-hop/{session.pk}/"))
        assert "Vì sao vốn đầu tư công giải ngân chậm?" in phone.content()
        _fits(phone)
        shots.take(phone, "delegate-question-registered")
    except BaseException:
        context.close()
        raise

    # At the sitting the secretariat records the question as asked, and the answer.
    registration = Registration.objects.get(delegate=delegate, kind=Registration.Kind.QUESTION)
    staff.goto(reverse("delegates:registration_record", args=[registration.pk]))
    staff.fill("#id_summary", "Vì sao vốn đầu tư công giải ngân chậm?")
    staff.fill("#id_answer_summary", "Sở sẽ hoàn thành giải ngân trước 31/12.")
    staff.get_by_role("button", name="Lưu", exact=True).click()
    staff.wait_for_url(re.compile(reverse("delegates:registration_queue", args=[session.pk])))
    question = Question.objects.get(asker=delegate)
    assert question.content == "Vì sao vốn đầu tư công giải ngân chậm?"

    # Later the delegate finds the question and its answer on their record.
    try:
        phone.get_by_role("button", name="Mở menu").click()  # folded on a phone
        phone.get_by_role("link", name="Hoạt động của tôi").click()
        phone.wait_for_url(re.compile(r"/dai-bieu/hoat-dong/$"))
        record = phone.locator("#chat-van").inner_text()
        assert "Vì sao vốn đầu tư công giải ngân chậm?" in record
        assert "Sở sẽ hoàn thành giải ngân trước 31/12." in record
        _fits(phone)
        shots.take(phone, "delegate-record-phone")
    finally:
        context.close()
    assert errors == []
