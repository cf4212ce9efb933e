"""The petitions report of a session (issue 17): "Báo cáo kết quả giám sát việc giải quyết ý kiến,
kiến nghị của cử tri gửi đến kỳ họp thứ N". Petitions and meetings recorded through the voters'
write services, the report requested from the session's page, rendered as the PDF a leader
downloads, and every figure read back and compared with a number counted by hand below."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from core.services import record_save
from council.models import AdministrativeUnit
from reports.models import AnnualReport, ReportRequest
from reports.services import annual_report_render, session_report_request
from sessions.models import Session
from tests.reports.conftest import pdf_pages, pdf_text
from tests.voters import conftest as voters_fixtures
from tests.voters.conftest import answer
from voters.models import PetitionField, VoterMeeting, VoterPetition
from voters.services import petition_consolidate

pytestmark = pytest.mark.django_db

D = dt.date
Outcome = VoterPetition.Status
Level = VoterPetition.Level
make_petition = voters_fixtures.make_petition
forward = voters_fixtures.forward
petition_field = voters_fixtures.petition_field


@pytest.fixture
def ninth_session(term, staff_user, make_petition, forward, petition_field):
    """Session 9 (July 2019) with its meetings and petitions, and session 10 with its own that
    the report of session 9 leaves out. The counts are worked out above the tests."""
    R = Session.Kind.REGULAR
    ninth, tenth = (
        record_save(
            instance=Session(term=term, number=number, kind=R, start_date=day, end_date=day)
        )
        for number, day in [(9, D(2019, 7, 10)), (10, D(2019, 12, 9))]
    )
    district = record_save(
        instance=AdministrativeUnit(name="Huyện Thử", level="district", unit_type="huyen")
    )
    commune = record_save(
        instance=AdministrativeUnit(name="Xã Thử", level="commune", unit_type="xa", parent=district)
    )
    Timing = VoterMeeting.Timing

    def meeting(timing, day, voters, session):
        return record_save(
            instance=VoterMeeting(
                term=term,
                timing=timing,
                date=day,
                location_unit=commune,
                voters_attended=voters,
                session=session,
            )
        )

    pre1 = meeting(Timing.PRE_SESSION, D(2019, 6, 25), 112, ninth)
    pre2 = meeting(Timing.PRE_SESSION, D(2019, 6, 27), 87, ninth)
    post = meeting(Timing.POST_SESSION, D(2019, 7, 30), 145, ninth)
    meeting(Timing.PRE_SESSION, D(2019, 11, 20), 50, tenth)  # another session's
    meeting(Timing.THEMATIC, D(2019, 10, 3), 58, None)  # of no session

    road = petition_field  # "Giao thông - xây dựng"
    soil = record_save(instance=PetitionField(name="Đất đai - môi trường", order=2))

    def petition(instances, field, level=Level.PROVINCE, at=None, session=ninth):
        return make_petition(
            instances=instances,
            field=field,
            level=level,
            meeting=at,
            session=session,
            received=at.date if at else D(2019, 7, 15),
            content=f"Kiến nghị {instances} lượt ({field}, {level})",
        )

    a = petition(7, road, at=pre1)
    b = petition(5, soil, at=pre1)
    c = petition(4, road, Level.CENTRAL, at=pre1)
    d = petition(6, soil, at=pre2)
    e = petition(3, None, Level.DISTRICT, at=pre2)
    f = petition(2, road, at=post)
    g = petition(1, soil, Level.COMMUNE, at=post)
    h = petition(13, road)  # sent in writing, at no meeting
    # The same request at three meetings, merged into one content of 2 + 3 + 4 = 9 instances.
    originals = [petition(2, soil, at=pre1), petition(3, soil, at=pre1), petition(4, soil, at=post)]
    petition_consolidate(
        petitions=originals,
        content="Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
        user=staff_user,
    )
    petition(8, road, at=post)  # received, not yet compiled nor forwarded
    x = petition(20, road, session=tenth, at=None)  # session 10's: never in this report
    forward([a, b, c, d, e, f, g, h], day=D(2019, 8, 5), number="215/HĐND-VP")
    forward([x], day=D(2019, 9, 1), number="301/HĐND-VP")
    answer(a, staff_user, Outcome.RESOLVED)
    answer(b, staff_user, Outcome.RESOLVED)
    answer(c, staff_user, Outcome.CENTRAL_AUTHORITY)
    answer(d, staff_user, Outcome.IN_PROGRESS)
    answer(e, staff_user)  # answered, no outcome recorded
    answer(f, staff_user, Outcome.EXPLAINED)
    answer(x, staff_user, Outcome.RESOLVED)
    return ninth


# Session 9, in instances (lượt):
#   a 7 resolved, b 5 resolved, c 4 central authority, d 6 in progress, e 3 answered, f 2
#   explained; g 1 and h 13 forwarded, unanswered (and overdue); the merged 9 and the 8 received
#   awaiting forwarding.
#   all            7 + 5 + 4 + 6 + 3 + 2 + 1 + 13 + 9 + 8 = 58 in 10 contents
#   before         a 7 + b 5 + c 4 + d 6 + e 3 + originals 2 + 3 = 30 (meetings of 112 + 87)
#   after          f 2 + g 1 + original 4 + the received 8 = 15 (meeting of 145); h 13 elsewhere
#   forwarded      7 + 5 + 4 + 6 + 3 + 2 + 1 + 13 = 41, 41/58 = 70,69%; 58 - 41 = 17 not yet
#   answered       7 + 5 + 4 + 6 + 3 + 2 = 27, 27/41 = 65,85%
#   resolved 12 (20,69%), in progress 6 (10,34%), explained 2 (3,45%), central 4 (6,90%),
#   answered without outcome 3 (5,17%); unanswered 14 (24,14%), overdue g and h: 2 petitions
#   levels         central 4 (6,90%), province 7+5+6+2+13+9+8 = 50 (86,21%), district 3
#                  (5,17%), commune 1 (1,72%)
#   fields         road 7+4+2+13+8 = 34 (58,62%), soil 5+6+1+9 = 21 (36,21%), none 3 (5,17%)


def _render(session, user) -> bytes:
    request = session_report_request(session=session, user=user, enqueue=False)
    assert annual_report_render(request_id=request.pk)
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.DONE, request.error
    with request.file.open("rb") as stored:
        return stored.read()


@pytest.fixture
def report_pdf(ninth_session, staff_user) -> bytes:
    return _render(ninth_session, staff_user)


def test_the_report_is_an_nd30_document_about_the_session(report_pdf):
    text = pdf_text(report_pdf)
    for expected in [
        "HỘI ĐỒNG NHÂN DÂN TỈNH THỬ NGHIỆM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "/BC-HĐND",
        "Thử Nghiệm, ngày",
        "BÁO CÁO",
        "Kết quả giám sát việc giải quyết ý kiến, kiến nghị của cử tri gửi đến kỳ họp thứ 9, "
        "HĐND tỉnh khóa IX",
        "I. TÌNH HÌNH TIẾP XÚC CỬ TRI, TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI",
        "II. KẾT QUẢ GIẢI QUYẾT Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI",
        "III. ĐÁNH GIÁ",
        "KIẾN NGHỊ, ĐỀ XUẤT",  # "IV." before it, read back as "IV ."
        "TM. THƯỜNG TRỰC HĐND",
        "Nơi nhận:",
        "- Lưu: VT.",
        "PHỤ LỤC",
    ]:
        assert expected in text, expected


def test_collection_before_and_after_the_session_prints_the_hand_counted_figures(report_pdf):
    text = pdf_text(report_pdf)
    assert (
        "Trước và sau kỳ họp thứ 9, HĐND tỉnh khóa IX, các Tổ đại biểu HĐND tỉnh đã tổ chức 03 "
        "cuộc tiếp xúc cử tri (02 cuộc trước kỳ họp với 199 lượt cử tri và 01 cuộc sau kỳ họp "
        "với 145 lượt cử tri); tổng số 344 lượt cử tri tham dự."
    ) in text
    assert (
        "Thường trực HĐND tỉnh đã tổng hợp 58 lượt ý kiến, kiến nghị của cử tri (10 nội dung sau "
        "khi tổng hợp), trong đó trước kỳ họp 30 lượt, sau kỳ họp 15 lượt và 13 lượt tiếp nhận "
        "qua các hình thức khác."
    ) in text
    assert (
        "Phân theo thẩm quyền giải quyết: Trung ương 04 lượt (chiếm 6,90%); tỉnh 50 lượt (chiếm "
        "86,21%); huyện 03 lượt (chiếm 5,17%); xã 01 lượt (chiếm 1,72%)."
    ) in text
    assert (
        "Thường trực HĐND tỉnh đã chuyển 41 lượt (chiếm 70,69%) đến các cơ quan có thẩm quyền "
        "xem xét, giải quyết; còn 17 lượt chưa chuyển."
    ) in text


def test_answers_and_outcomes_print_counts_and_shares(report_pdf):
    text = pdf_text(report_pdf)
    assert (
        "Đến nay, các cơ quan có thẩm quyền đã trả lời 27 lượt, đạt 65,85% số lượt đã chuyển. "
        "Kết quả giải quyết: đã giải quyết 12 lượt (chiếm 20,69%); đang giải quyết 06 lượt "
        "(chiếm 10,34%); đã giải thích, thông tin 02 lượt (chiếm 3,45%); thuộc thẩm quyền Trung "
        "ương 04 lượt (chiếm 6,90%); đã trả lời, chưa ghi kết quả giải quyết 03 lượt (chiếm "
        "5,17%)."
    ) in text
    assert (
        "Tỷ lệ ý kiến, kiến nghị đã được giải quyết đạt 20,69% tổng số lượt ý kiến, kiến nghị "
        "của cử tri."
    ) in text
    assert (
        "Còn 14 lượt đã chuyển nhưng chưa được trả lời (chiếm 24,14%), trong đó 02 kiến nghị đã "
        "quá hạn trả lời; Thường trực HĐND tỉnh tiếp tục theo dõi, đôn đốc."
    ) in text
    # Nothing of session 10 (20 instances, resolved) nor of the meetings of no or another session.
    assert "78 lượt" not in text and "394" not in text


def _tables(data: bytes) -> dict[str, list[tuple[str, ...]]]:
    """The appendix tables by heading, each row as its cells after the STT (read from the
    page layout, where cells are apart by two spaces or more; the total has no STT)."""
    tables: dict[str, list[tuple[str, ...]]] = {}
    rows: list[tuple[str, ...]] | None = None
    numbered = 0
    in_appendix = False
    for page in pdf_pages(data, layout=True):
        for line in page.splitlines():
            text = line.strip()
            if text == "PHỤ LỤC":
                in_appendix = True
            elif not in_appendix or text.startswith("STT"):
                continue
            elif re.match(r"Biểu \d+\. ", text):
                rows, numbered = tables.setdefault(text, []), 0
            elif rows is not None and re.match(r"\S.*\s{2,}\S+$", text):
                cells = re.split(r"\s{2,}", text)
                if cells[0].isdigit():
                    numbered += 1
                    assert int(cells.pop(0)) == numbered, f"STT out of order: {text!r}"
                else:
                    assert cells[0] == "Tổng số", f"a line without STT: {text!r}"
                rows.append(tuple(cells))
    return tables


def test_the_appendix_gives_every_outcome_level_and_field_with_its_share(report_pdf):
    assert _tables(report_pdf) == {
        "Biểu 1. Theo kết quả giải quyết": [
            ("Mới tiếp nhận", "8", "13,79%"),
            ("Đã tổng hợp", "9", "15,52%"),
            ("Đã chuyển, chờ trả lời", "14", "24,14%"),
            ("Đã trả lời", "3", "5,17%"),
            ("Đã giải quyết", "12", "20,69%"),
            ("Đang giải quyết", "6", "10,34%"),
            ("Có lộ trình giải quyết", "0", "0%"),
            ("Đã giải thích, thông tin", "2", "3,45%"),
            ("Chưa giải quyết", "0", "0%"),
            ("Thuộc thẩm quyền Trung ương", "4", "6,90%"),
            ("Thuộc thẩm quyền cấp huyện, xã", "0", "0%"),
            ("Tổng số", "58", "100%"),
        ],
        "Biểu 2. Theo thẩm quyền giải quyết": [
            ("Trung ương", "4", "6,90%"),
            ("Tỉnh", "50", "86,21%"),
            ("Huyện", "3", "5,17%"),
            ("Xã", "1", "1,72%"),
            ("Tổng số", "58", "100%"),
        ],
        "Biểu 3. Theo lĩnh vực": [
            ("Giao thông - xây dựng", "34", "58,62%"),
            ("Đất đai - môi trường", "21", "36,21%"),
            ("Chưa phân loại lĩnh vực", "3", "5,17%"),
            ("Tổng số", "58", "100%"),
        ],
    }


def test_a_council_that_truncates_rates_gets_the_shares_cut(ninth_session, council, staff_user):
    council.rate_rounding = council.Rounding.TRUNCATE
    record_save(instance=council)
    text = pdf_text(_render(ninth_session, staff_user))
    # 4/58 = 6.896...% and 50/58 = 86.206...% are cut, not rounded.
    assert "Trung ương 04 lượt (chiếm 6,89%); tỉnh 50 lượt (chiếm 86,20%)" in text
    assert "trả lời 27 lượt, đạt 65,85% số lượt đã chuyển" in text  # 65.853...%


def test_the_snapshot_keeps_the_figures_the_pdf_printed(ninth_session, staff_user):
    _render(ninth_session, staff_user)
    request = ReportRequest.objects.get()
    assert request.figures["session_number"] == 9
    assert request.figures["petitions"]["instances"] == 58
    assert request.figures["contact"] == {
        "meetings_before": 2,
        "meetings_after": 1,
        "voters_before": 199,
        "voters_after": 145,
        "instances_before": 30,
        "instances_after": 15,
    }
    assert request.file.name.startswith(
        "reports/2019/bao-cao-ket-qua-giam-sat-viec-giai-quyet-y-kien-kien-nghi-cua-cu-tri-gui-"
        "den-ky-hop-thu-9-"
    )


def test_a_session_without_petitions_says_so(term, staff_user):
    session = record_save(
        instance=Session(
            term=term,
            number=3,
            kind=Session.Kind.THEMATIC,
            start_date=D(2019, 8, 20),
            end_date=D(2019, 8, 20),
        )
    )
    text = pdf_text(_render(session, staff_user))
    assert (
        "Trước và sau kỳ họp thứ 3, HĐND tỉnh khóa IX, chưa ghi nhận cuộc tiếp xúc cử tri nào."
        in text
    )
    assert "Chưa ghi nhận ý kiến, kiến nghị nào của cử tri gửi đến kỳ họp thứ 3" in text
    assert "Biểu 1." not in text


# --- from the session's page and the report page ------------------------------------------------


def test_staff_make_the_report_from_the_sessions_page(
    staff_client, ninth_session, django_capture_on_commit_callbacks
):
    page = staff_client.get(ninth_session.get_absolute_url()).content.decode()
    url = reverse("reports:session_report_generate", args=[ninth_session.pk])
    assert f'action="{url}"' in page
    assert "Chưa lập báo cáo cho kỳ họp này." in page

    # The render is queued when the request commits (here: run in-process after the view).
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, follow=True)

    report = AnnualReport.objects.get()
    assert (report.kind, report.session) == (AnnualReport.Kind.SESSION_PETITIONS, ninth_session)
    assert response.redirect_chain[-1][0] == reverse("reports:report_detail", args=[report.pk])
    assert "Đã gửi yêu cầu tạo báo cáo" in response.content.decode()
    assert report.requests.get().status == ReportRequest.Status.DONE
    page = staff_client.get(ninth_session.get_absolute_url()).content.decode()
    assert report.get_absolute_url() in page
    detail = staff_client.get(report.get_absolute_url()).content.decode()
    assert reverse("reports:reportrequest_download", args=[report.requests.get().pk]) in detail
    assert f'action="{reverse("reports:report_generate", args=[report.pk])}"' in detail


def test_a_committee_member_sees_the_report_but_no_button(
    committee_client, ninth_session, staff_user
):
    _render(ninth_session, staff_user)
    report = AnnualReport.objects.get()
    page = committee_client.get(ninth_session.get_absolute_url()).content.decode()
    assert report.get_absolute_url() in page
    url = reverse("reports:session_report_generate", args=[ninth_session.pk])
    assert url not in page
    assert committee_client.post(url).status_code == 403
    detail = committee_client.get(report.get_absolute_url())
    assert detail.status_code == 200
    assert (
        "Báo cáo kết quả giám sát việc giải quyết ý kiến, kiến nghị của cử tri gửi đến kỳ họp thứ 9"
        in detail.content.decode()
    )
    download = committee_client.get(
        reverse("reports:reportrequest_download", args=[report.requests.get().pk])
    )
    assert download.status_code == 200
    assert "bao-cao-ket-qua-giam-sat-viec-giai-quyet" in download["Content-Disposition"]


def test_the_narrative_form_names_the_parts_of_a_sessions_report(staff_client, ninth_session):
    from reports.services import session_report_get_or_create
    from tests.helpers import post_form

    report = session_report_get_or_create(session=ninth_session)
    url = reverse("reports:report_update", args=[report.pk])
    page = staff_client.get(url).content.decode()
    assert "IV. Kiến nghị, đề xuất" in page and "III. Đánh giá" in page
    assert "6. Công tác khác" not in page
    response = post_form(
        staff_client,
        url,
        {
            "number": "88",
            "assessment": "Các cơ quan trả lời đúng hạn.",
            "next_year_tasks": "Đề nghị UBND tỉnh chỉ đạo.",
            "signing_authority": "TM. THƯỜNG TRỰC HĐND",
            "signer_title": "CHỦ TỊCH",
            "recipients": "UBND tỉnh;\nLưu: VT.",
        },
    )
    assert response.status_code == 302
    text = pdf_text(_render(ninth_session, None))
    assert "Số: 88/BC-HĐND" in text
    assert "Các cơ quan trả lời đúng hạn." in text
    assert "Đề nghị UBND tỉnh chỉ đạo." in text
