"""A citizen's letter from intake to the end of its case, in a real browser (issue 21): received
on the intake page (a second letter of the same matter offered as a likely duplicate as the
clerk types, and attached to it), forwarded to the competent body with its phiếu chuyển đơn
(the PDF downloaded and read), followed up, its answer recorded, the case closed."""

from __future__ import annotations

import datetime as dt
import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from council.models import Organization, Term
from tests.e2e.pages import login
from voters.models import Case, CaseDocument, DeadlineRule, Letter

pytestmark = [pytest.mark.chromium, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def setting(council, staff_user):
    term = Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=dt.date(2021, 6, 1)
    )
    DeadlineRule.objects.update_or_create(
        event="letter_processing",
        valid_from=dt.date(2025, 1, 1),
        defaults={"days": 10, "unit": "working", "basis": "Bộ kiểm thử"},
    )
    for event, days in (("complaint_acceptance", 10), ("complaint_resolution", 30)):
        DeadlineRule.objects.update_or_create(
            event=event,
            valid_from=dt.date(2025, 1, 1),
            defaults={"days": days, "unit": "calendar", "basis": "Bộ kiểm thử"},
        )
    body = Organization.objects.create(
        name="Ủy ban nhân dân tỉnh Thử Nghiệm", short_name="UBND tỉnh", council=council
    )
    return term, body


def _receive(page, term, *, day: str, summary: str) -> None:
    page.goto("/cu-tri/vu-viec/tiep-nhan/")
    page.select_option("#id_term", str(term.pk))
    page.fill("#id_received_date", day)
    page.select_option("#id_kind", Letter.Kind.COMPLAINT)
    page.fill("#id_sender_name", "Hoàng Thị Lan")
    page.fill("#id_sender_id_number", "020190005678")
    page.fill("#id_summary", summary)


def test_a_letter_from_intake_to_forwarded_followed_up_answered_and_closed(
    new_page, shots, setting, staff_user
):
    term, body = setting
    page = new_page()
    login(page, "chuyenvien")

    _receive(page, term, day="02/03/2026", summary="Khiếu nại việc bồi thường thu hồi đất")
    page.get_by_role("button", name="Tiếp nhận").click()
    page.wait_for_url(re.compile(r"/vu-viec/\d+/$"))
    case = Case.objects.get()
    assert page.get_by_text("Đã tiếp nhận đơn vào vụ việc số 01/2026").is_visible()
    assert page.locator(".case-letters").get_by_text("16/03/2026").is_visible()  # processing due
    shots.take(page, "case-opened")

    # The same matter again: offered as the clerk types, then chosen.
    _receive(page, term, day="05/03/2026", summary="Bồi thường thu hồi đất chưa thỏa đáng")
    candidate = page.locator(f"#case-{case.pk}")
    candidate.wait_for()
    assert "cùng số CCCD" in page.locator("#case-candidates").inner_text()
    shots.take(page, "duplicate-offered")
    candidate.check()
    page.get_by_role("button", name="Tiếp nhận").click()
    page.wait_for_url(case.get_absolute_url())
    assert Letter.objects.filter(case=case).count() == 2 and Case.objects.count() == 1

    # Forwarded with its slip.
    first = case.letters.order_by("received_date").first()
    page.locator(f"a[href='/cu-tri/vu-viec/don/{first.pk}/xu-ly/']").click()
    page.select_option("#id_handling", Letter.Handling.FORWARDED)
    page.fill("#id_date", "10/03/2026")
    page.select_option("#id_forwarded_to", str(body.pk))
    page.locator("form button[type=submit]", has_text="Lưu").click()
    page.wait_for_url(case.get_absolute_url())
    assert page.get_by_text("Phiếu chuyển đơn số 01/PC-HĐND").first.is_visible()
    assert page.locator(".case-letters").get_by_text("20/04/2026").is_visible()  # answer due
    shots.take(page, "forwarded")
    slip = CaseDocument.objects.get()
    href = page.get_by_role("link", name="Tải PDF").get_attribute("href")
    pdf = page.context.request.get(href)
    assert pdf.headers["content-type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf.body())).pages)
    text = re.sub(r"\s+", " ", text)
    assert f"Số: {slip.reference}" in text
    assert "Kính gửi: Ủy ban nhân dân tỉnh Thử Nghiệm" in text
    assert "Khiếu nại việc bồi thường thu hồi đất" in text

    # Followed up, answered, closed.
    page.get_by_role("link", name="Đôn đốc").click()
    page.fill("#id_date", "22/04/2026")
    page.select_option("#id_method", "phone")
    page.fill("#id_note", "Đề nghị UBND tỉnh sớm trả lời")
    page.locator("form button[type=submit]", has_text="Lưu").click()
    page.wait_for_url(case.get_absolute_url())
    assert page.get_by_text("Đã ghi lần đôn đốc.").is_visible()

    page.get_by_role("link", name="Ghi kết quả").click()
    page.fill("#id_date", "28/04/2026")
    page.fill("#id_summary", "UBND tỉnh đã ban hành quyết định giải quyết khiếu nại")
    page.locator("form button[type=submit]", has_text="Lưu").click()
    page.wait_for_url(case.get_absolute_url())

    page.get_by_role("link", name="Kết thúc").click()
    page.fill("#id_date", "30/04/2026")
    page.fill("#id_result", "Công dân đồng ý với kết quả giải quyết")
    page.locator("form button[type=submit]", has_text="Lưu").click()
    page.wait_for_url(case.get_absolute_url())
    shots.take(page, "closed")
    timeline = page.locator(".case-timeline").inner_text()
    for step in ("Nhận đơn khiếu nại", "Chuyển đơn đến", "Đôn đốc", "Có kết quả", "Kết thúc"):
        assert step in timeline
    case.refresh_from_db()
    assert (case.status, case.answered_date, case.closed_date) == (
        Case.Status.CLOSED,
        dt.date(2026, 4, 28),
        dt.date(2026, 4, 30),
    )
    assert case.follow_ups.get().organization == body
