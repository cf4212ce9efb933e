"""A delegate on a 390 px phone opens a published session document: pdf.js (vendored) draws its
pages in the page, under the site's strict CSP and with framing forbidden; the secretariat then
sees the read receipt (issue 20)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from weasyprint import HTML

from core.services import record_save
from council.models import Delegate
from sessions.models import AgendaItem, DocumentRead, Session, SessionDocument
from sessions.services import session_document_create
from tests.delegates.conftest import DELEGATE_PASSWORD, delegate_login

pytestmark = [pytest.mark.chromium, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_delegate_reads_a_document_on_a_phone(browser, live_server, term, shots):
    from django.contrib.auth.models import Group

    from core.roles import Role

    # A transactional test before this one may have flushed the groups of the data migration.
    for role in Role:
        Group.objects.get_or_create(name=role.value)
    delegate = Delegate.objects.create(term=term, full_name="Hoàng Thị Đại Biểu", birth_year=1975)
    day = dt.date(2020, 12, 8)
    council_session = record_save(
        instance=Session(term=term, number=12, start_date=day, end_date=day)
    )
    user, _client = delegate_login(delegate)
    item = record_save(
        instance=AgendaItem(session=council_session, order=1, title="Dự toán ngân sách 2021")
    )
    pdf = HTML(
        string="<h1>Tờ trình dự toán ngân sách năm 2021</h1>"
        + "<p>Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh.</p>" * 20
        + '<p style="page-break-before: always">Trang hai</p>'
    ).write_pdf()
    document = session_document_create(
        document=SessionDocument(
            agenda_item=item, title="Tờ trình dự toán 2021", published_at=timezone.now()
        ),
        upload=SimpleUploadedFile("to-trinh.pdf", pdf),
    )
    context = browser.new_context(base_url=live_server.url, locale="vi-VN", viewport=PHONE)
    errors: list[str] = []
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto("/dang-nhap/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", DELEGATE_PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(lambda url: "/dang-nhap/" not in url)
        page.goto(f"/dai-bieu/ky-hop/{council_session.pk}/")
        page.get_by_role("link", name="Tờ trình dự toán 2021").click()
        page.wait_for_selector('#pdf-viewer[data-state="shown"]')
        page.wait_for_selector(".pdf-page canvas")
        assert page.locator(".pdf-page").count() == 2
        width = page.evaluate("document.querySelector('.pdf-page canvas').clientWidth")
        assert 300 < width <= 390
        shots.take(page, "delegate-document-phone")
        wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391)"
            ".map(e => e.tagName + '.' + e.className + '#' + e.id).slice(0, 8)"
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, wide
    finally:
        context.close()
    assert errors == []
    assert DocumentRead.objects.get(document=document, delegate=delegate).open_count == 1
