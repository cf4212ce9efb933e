"""Common tasks in fewer steps, in a real browser: a resolution added from its session's page,
a petition forwarded from its own page (and the letter's session filter applied as soon as it
is chosen), dozens of delegates picked by typing part of a name, and a menu whose "Tổng quan"
and "Báo cáo" lead to different pages."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from council.models import AdministrativeUnit, Delegate, Organization
from resolutions.models import Resolution
from sessions.models import Session
from tests.e2e.pages import login
from voters import services as voter_services
from voters.models import VoterMeeting, VoterPetition

pytestmark = [pytest.mark.chromium, pytest.mark.django_db(transaction=True)]


def _session(term, number: int, day: dt.date) -> Session:
    return Session.objects.create(
        term=term,
        number=number,
        kind=Session.Kind.REGULAR,
        start_date=day,
        end_date=day + dt.timedelta(days=2),
    )


def _delegates(term, names: list[str]) -> list[Delegate]:
    return [Delegate.objects.create(term=term, full_name=name) for name in names]


def test_resolution_added_from_the_session_page_has_its_session_and_date(
    new_page, term, staff_user
):
    session = _session(term, 15, dt.date(2019, 12, 10))
    _delegates(term, [f"Đại biểu {i:02d}" for i in range(10)])  # six votes in favour needed
    page = new_page()
    login(page, "chuyenvien")
    page.goto(session.get_absolute_url())
    page.get_by_role("link", name="Thêm nghị quyết của kỳ họp này").click()
    page.wait_for_url(re.compile(r"/nghi-quyet/them/"))
    assert page.input_value("#id_adopted_date") == "12/12/2019"  # the closing day
    assert page.input_value("#id_session") == str(session.pk)
    page.fill("#id_title", "Dự toán ngân sách địa phương năm 2020")
    page.fill("#id_votes_for", "9")
    page.locator("form button[type=submit]", has_text="Lưu").click()
    page.wait_for_url(re.compile(r"/nghi-quyet/\d+/$"))
    resolution = Resolution.objects.get(title="Dự toán ngân sách địa phương năm 2020")
    assert (resolution.session, resolution.adopted_date) == (session, dt.date(2019, 12, 12))


def test_petition_forwarded_from_its_page_and_the_session_filter_applies_at_once(
    new_page, term, staff_user
):
    first, second = (
        _session(term, 14, dt.date(2019, 7, 10)),
        _session(term, 15, dt.date(2019, 12, 10)),
    )
    agency = Organization.objects.create(name="Sở Giao thông vận tải", short_name="Sở GTVT")

    def petition(session: Session, content: str, **extra) -> VoterPetition:
        return voter_services.petition_save(
            petition=VoterPetition(
                term=term, session=session, received_date=session.start_date, content=content,
                **extra,
            ),
            user=staff_user,
        )  # fmt: skip

    chosen = petition(first, "Đề nghị sửa chữa đường liên xã", responsible_org=agency)
    neighbour = petition(first, "Đề nghị nâng cấp trạm y tế xã")
    later = petition(second, "Đề nghị xây cầu treo qua suối")

    page = new_page()
    login(page, "chuyenvien")
    page.goto(chosen.get_absolute_url())
    page.get_by_role("link", name="Lập công văn chuyển").click()
    page.wait_for_url(re.compile(r"/cu-tri/cong-van/them/"))
    assert page.is_checked(f"#p{chosen.pk}")
    assert not page.is_checked(f"#p{neighbour.pk}")
    assert page.locator(f"#p{later.pk}").count() == 0  # another session's petition
    assert page.input_value("#id_session") == str(first.pk)
    assert page.input_value("#id_recipient") == str(agency.pk)
    row = page.locator("tr", has=page.locator(f"#p{chosen.pk}"))
    assert "Sở GTVT" in row.inner_text()  # the agency that answers it

    # Another session: its petitions show, no button to press.
    page.select_option("#id_session", str(second.pk))
    page.wait_for_url(re.compile(rf"session={second.pk}"))
    page.locator(f"#p{later.pk}").wait_for()
    assert page.locator(f"#p{chosen.pk}").count() == 0
    assert page.input_value("#id_recipient") == str(agency.pk)  # what was chosen is kept

    # Back to the first session, tick both of its petitions and forward them.
    page.select_option("#id_session", str(first.pk))
    page.wait_for_url(re.compile(rf"session={first.pk}"))
    page.check(f"#p{chosen.pk}")
    page.check(f"#p{neighbour.pk}")
    page.fill("#id_number", "301/HĐND-VP")
    page.fill("#id_date", "20/07/2019")
    page.get_by_role("button", name="Lưu và chuyển").click()
    page.wait_for_url(re.compile(r"/cu-tri/cong-van/\d+/$"))
    for p in (chosen, neighbour):
        p.refresh_from_db()
        assert p.status == VoterPetition.Status.FORWARDED and p.batch.recipient == agency


def test_dozens_of_delegates_are_picked_by_typing_part_of_a_name(new_page, term, staff_user):
    from playwright.sync_api import expect

    names = [f"Nguyễn Văn Tổ {i:02d}" for i in range(40)]
    names += ["Hoàng Thị Hà", "Hoàng Văn Đức", "Lý Thị Hoa"]
    delegates = {d.full_name: d for d in _delegates(term, names)}
    district = AdministrativeUnit.objects.create(
        name="Huyện Thử", level="district", unit_type="huyen"
    )
    commune = AdministrativeUnit.objects.create(
        name="Xã Thử", level="commune", unit_type="xa", parent=district
    )
    page = new_page()
    login(page, "chuyenvien")
    page.goto("/cu-tri/tiep-xuc/them/")
    picker = page.locator("#id_delegates-ts-control")
    picker.click()
    page.keyboard.type("hoang")  # no diacritics: finds "Hoàng"
    options = page.locator(".ts-dropdown .option")
    expect(options).to_have_count(2)
    assert sorted(options.all_inner_texts()) == ["Hoàng Thị Hà", "Hoàng Văn Đức"]
    options.filter(has_text="Hoàng Văn Đức").click()
    page.keyboard.press("Control+A")
    page.keyboard.type("zzz")
    expect(page.locator(".ts-dropdown .no-results")).to_have_text("Không tìm thấy")
    page.keyboard.press("Escape")

    page.select_option("#id_timing", VoterMeeting.Timing.AD_HOC)
    page.fill("#id_date", "05/09/2019")
    page.select_option("#id_location_unit", str(commune.pk))
    page.locator("form button[type=submit]", has_text="Lưu").click()
    page.wait_for_url(re.compile(r"/cu-tri/tiep-xuc/\d+/$"))
    meeting = VoterMeeting.objects.get()
    assert list(meeting.delegates.all()) == [delegates["Hoàng Văn Đức"]]


def test_overview_and_reports_in_the_menu_open_different_pages(new_page, term, leader_user):
    _session(term, 9, dt.date(2019, 7, 10))
    page = new_page()
    login(page, "lanhdao")
    menu = page.locator("#mainnav")
    menu.get_by_role("link", name="Tổng quan").click()
    page.wait_for_load_state()
    overview = (page.url, page.locator("h1").first.inner_text())
    menu.get_by_role("link", name="Báo cáo").click()
    page.wait_for_url(re.compile(r"/bao-cao/nam/2019/$"))
    assert page.url != overview[0]
    assert page.locator("h1").first.inner_text() == "Báo cáo kết quả hoạt động năm 2019"
    assert menu.locator(".nav-link.active").inner_text().strip() == "Báo cáo"
