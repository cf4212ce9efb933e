"""The annual report read back beyond the founding figures (issue 16): a small year of data,
recorded through the apps' own write services, rendered as the PDF a leader downloads; every
figure of sections 2 (recommendations), 4 and 5 and every row of the appendix tables is then
read out of the PDF and compared with a number counted by hand from the records below."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from core.services import record_save
from council.models import AdministrativeUnit, DelegateGroup
from oversight.models import Actor, Kind, OversightRecommendation
from reports.models import ReportRequest
from reports.services import annual_report_render, annual_report_request
from resolutions.models import Resolution, ResolutionField
from resolutions.services import resolution_create
from sessions.models import Session
from tests.oversight import conftest as oversight_fixtures
from tests.reports.conftest import pdf_pages
from tests.voters import conftest as voters_fixtures
from tests.voters.conftest import answer
from voters.models import CitizenReception, Letter, PetitionField, VoterMeeting, VoterPetition
from voters.services import letter_save, petition_consolidate

pytestmark = pytest.mark.django_db

D = dt.date
YEAR = 2019
# A deadline no run of this suite reaches: such a recommendation is never overdue.
FAR_DEADLINE = D(2099, 12, 31)
Outcome = VoterPetition.Status

# The voters' and the oversight tests' fixtures, used here too (a sibling folder's conftest.py
# is not seen from this one).
make_petition = voters_fixtures.make_petition
forward = voters_fixtures.forward
petition_field = voters_fixtures.petition_field
make_activity = oversight_fixtures.make_activity
make_recommendation = oversight_fixtures.make_recommendation


@pytest.fixture
def year_of_work(
    council,
    term,
    committee,
    other_committee,
    organization,
    staff_user,
    make_petition,
    forward,
    petition_field,
    make_activity,
    make_recommendation,
):
    """The year 2019 of the council, with a few records of 2018 and 2020 around it that the
    report of 2019 must leave out. Each count the tests expect is worked out in a comment."""
    # --- Sessions: 2 regular and 1 extraordinary ("bất thường" before 01/07/2020) in 2019.
    sessions = {}
    for number, kind, start in [
        (7, Session.Kind.REGULAR, D(2018, 12, 10)),  # 2018: not counted
        (8, Session.Kind.REGULAR, D(2019, 7, 10)),
        (9, Session.Kind.THEMATIC, D(2019, 9, 24)),
        (10, Session.Kind.REGULAR, D(2019, 12, 9)),
    ]:
        sessions[number] = record_save(
            instance=Session(
                term=term,
                number=number,
                kind=kind,
                start_date=start,
                end_date=start,
                status=Session.Status.CLOSED,
            ),
            user=staff_user,
        )

    # --- Resolutions of 2019: 2 normative + 5 individual = 7; by field 4 + 2 + 1 unclassified;
    # 6 in force and 1 expired.
    budget = record_save(instance=ResolutionField(name="Ngân sách - tài chính", order=1))
    land = record_save(instance=ResolutionField(name="Đất đai", order=2))
    for title, normative, field, status, session in [
        ("Dự toán ngân sách năm 2019", True, budget, None, 7),  # adopted 2018: not counted
        ("Phân bổ vốn đầu tư công", True, budget, None, 8),
        ("Bảng giá đất điều chỉnh", True, land, None, 8),
        ("Điều chỉnh dự toán", False, budget, None, 9),
        ("Kế hoạch đầu tư công trung hạn", False, budget, None, 10),
        ("Dự toán ngân sách năm 2020", False, budget, None, 10),
        ("Danh mục dự án thu hồi đất", False, land, Resolution.Status.EXPIRED, 10),
        ("Thành lập thôn mới", False, None, None, 10),
    ]:
        session_ = sessions[session]
        resolution_create(
            council=council,
            title=title,
            is_normative=normative,
            field=field,
            session=session_,
            adopted_date=session_.end_date,
            status=status or Resolution.Status.IN_FORCE,
            user=staff_user,
        )

    # --- Oversight. An activity counts in the year of its end date, else of its start date.
    def activity(actor, kind, start, end=None, **extra):
        return make_activity(actor=actor, kind=kind, start_date=start, end_date=end, **extra)

    group = record_save(instance=DelegateGroup(term=term, name="Tổ đại biểu huyện Thử"))
    activity(Actor.COUNCIL, Kind.THEMATIC_SUPERVISION, D(2019, 4, 8), D(2019, 5, 20))
    activity(Actor.COUNCIL, Kind.QUESTIONING_SESSION, D(2019, 7, 11), session=sessions[8])
    standing_thematic = [
        activity(Actor.STANDING, Kind.THEMATIC_SUPERVISION, D(2019, 3, 4), D(2019, 3, 29)),
        activity(Actor.STANDING, Kind.THEMATIC_SUPERVISION, D(2019, 6, 3), D(2019, 6, 28)),
        activity(Actor.STANDING, Kind.THEMATIC_SUPERVISION, D(2019, 10, 7), D(2019, 11, 1)),
    ]
    # December 2018 to January 2019: counts in 2019.
    straddling = activity(Actor.STANDING, Kind.INSPECTION, D(2018, 12, 17), D(2019, 1, 11))
    activity(Actor.STANDING, Kind.INSPECTION, D(2019, 8, 12), D(2019, 8, 16))
    activity(Actor.STANDING, Kind.SURVEY, D(2019, 5, 13), D(2019, 5, 15))
    explanation = activity(Actor.STANDING, Kind.EXPLANATION, D(2019, 9, 5))
    activity(Actor.STANDING, Kind.QUESTIONING_INTERSESSION, D(2019, 11, 14))
    for ban, start, end in [
        (committee, D(2019, 4, 1), D(2019, 4, 26)),
        (committee, D(2019, 8, 5), D(2019, 8, 30)),
        (other_committee, D(2019, 6, 10), D(2019, 6, 21)),
    ]:
        activity(Actor.COMMITTEE, Kind.THEMATIC_SUPERVISION, start, end, committee=ban)
    activity(
        Actor.DELEGATE_GROUP, Kind.SURVEY, D(2019, 10, 21), D(2019, 10, 22), delegate_group=group
    )
    # Not 2019: one of 2018, one from December 2019 to January 2020 (counts in 2020).
    of_2018 = activity(Actor.STANDING, Kind.THEMATIC_SUPERVISION, D(2018, 5, 7), D(2018, 6, 1))
    into_2020 = activity(Actor.STANDING, Kind.SURVEY, D(2019, 12, 16), D(2020, 1, 10))

    # --- Recommendations of the 2019 activities: 11 in all; 4 done; overdue (not done, deadline
    # passed) r5, r7, r8, r10, r11 = 5.
    Status = OversightRecommendation.Status
    for activity_, status, deadline, completed in [
        (standing_thematic[0], Status.DONE, D(2019, 10, 31), D(2019, 10, 20)),  # r1
        (standing_thematic[0], Status.DONE, None, D(2019, 12, 2)),  # r2
        (standing_thematic[1], Status.DONE, D(2019, 12, 31), D(2020, 2, 10)),  # r3, done late
        (straddling, Status.DONE, D(2019, 6, 30), D(2019, 6, 14)),  # r4
        (standing_thematic[1], Status.IN_PROGRESS, D(2019, 12, 31), None),  # r5 overdue
        (standing_thematic[2], Status.IN_PROGRESS, FAR_DEADLINE, None),  # r6
        (straddling, Status.IN_PROGRESS, D(2019, 6, 30), None),  # r7 overdue
        (explanation, Status.NOT_STARTED, D(2020, 3, 31), None),  # r8 overdue
        (explanation, Status.NOT_STARTED, None, None),  # r9 (no deadline)
        (standing_thematic[2], Status.PARTLY_DONE, D(2020, 6, 30), None),  # r10 overdue
        (standing_thematic[2], Status.NOT_IMPLEMENTED, D(2019, 11, 30), None),  # r11 overdue
        # Of activities that do not count in 2019, overdue and not done: not counted.
        (of_2018, Status.NOT_STARTED, D(2018, 12, 31), None),
        (into_2020, Status.IN_PROGRESS, D(2020, 6, 30), None),
    ]:
        make_recommendation(
            activity=activity_, status=status, deadline=deadline, completed_date=completed
        )

    # --- Voter meetings of 2019: 4 meetings, 112 + 87 + 145 + 58 = 402 voters.
    district = record_save(
        instance=AdministrativeUnit(name="Huyện Thử", level="district", unit_type="huyen")
    )
    commune = record_save(
        instance=AdministrativeUnit(name="Xã Thử", level="commune", unit_type="xa", parent=district)
    )
    Timing = VoterMeeting.Timing
    for timing, day, voters, session in [
        (Timing.AD_HOC, D(2018, 11, 20), 73, None),  # 2018: not counted
        (Timing.PRE_SESSION, D(2019, 6, 25), 112, sessions[8]),
        (Timing.PRE_SESSION, D(2019, 6, 27), 87, sessions[8]),
        (Timing.POST_SESSION, D(2019, 7, 30), 145, sessions[8]),
        (Timing.THEMATIC, D(2019, 10, 3), 58, None),
    ]:
        record_save(
            instance=VoterMeeting(
                term=term,
                timing=timing,
                date=day,
                location_unit=commune,
                voters_attended=voters,
                session=session,
            ),
            user=staff_user,
        )

    # --- Voter petitions received in 2019, by their instances (lượt); the sums are worked out
    # above the tests of section 4.
    road = petition_field  # "Giao thông - xây dựng", order 1
    soil = record_save(instance=PetitionField(name="Đất đai - môi trường", order=2))
    Level = VoterPetition.Level

    def petition(instances, field, level=Level.PROVINCE, received=None):
        return make_petition(
            instances=instances,
            field=field,
            level=level,
            received=received or D(2019, 6, 25),
            session=sessions[8],
            content=f"Kiến nghị {instances} lượt, {field}, {level}",
        )

    a = petition(7, road)
    b = petition(5, soil)
    c = petition(4, road, Level.CENTRAL)
    d = petition(6, soil)
    e = petition(3, None, Level.DISTRICT)
    f = petition(2, road)
    g = petition(1, soil, Level.COMMUNE)
    l_ = petition(3, None, Level.DISTRICT, received=D(2019, 7, 30))
    # Raised at three meetings and merged: one content of 2 + 3 + 4 = 9 instances, still
    # awaiting forwarding; the three originals drop out of every count.
    originals = [petition(n, soil) for n in (2, 3, 4)]
    petition_consolidate(
        petitions=originals,
        content="Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
        user=staff_user,
    )
    petition(8, road)  # received, not yet compiled
    # Received late in 2019, forwarded in January 2020: a 2019 petition, forwarded.
    k = petition(13, road, received=D(2019, 12, 20))
    forward([a, b, c, d, e, f, g, l_], day=D(2019, 8, 5), number="215/HĐND-VP")
    forward([k], day=D(2020, 1, 6), number="09/HĐND-VP")
    answer(a, staff_user, Outcome.RESOLVED)
    answer(b, staff_user, Outcome.RESOLVED)
    answer(c, staff_user, Outcome.CENTRAL_AUTHORITY)
    answer(d, staff_user, Outcome.IN_PROGRESS)
    answer(e, staff_user)
    answer(l_, staff_user, Outcome.EXPLAINED)
    # Received in 2018, forwarded and never answered: overdue, but not a 2019 petition.
    old = petition(11, road, received=D(2018, 12, 10))
    forward([old], day=D(2018, 12, 20), number="301/HĐND-VP")

    # --- Letters received in 2019: 4 complaints, 2 denunciations, 7 petitions/feedback = 13;
    # forwarded 2 + 1 + 3 = 6 (one of them in January 2020).
    LetterKind = Letter.Kind
    for kind, received, forwarded in [
        (LetterKind.COMPLAINT, D(2018, 12, 28), D(2019, 1, 5)),  # 2018: not counted
        (LetterKind.COMPLAINT, D(2019, 2, 11), D(2019, 2, 20)),
        (LetterKind.COMPLAINT, D(2019, 4, 2), D(2019, 4, 9)),
        (LetterKind.COMPLAINT, D(2019, 6, 17), None),
        (LetterKind.COMPLAINT, D(2019, 9, 23), None),
        (LetterKind.DENUNCIATION, D(2019, 3, 14), D(2019, 3, 25)),
        (LetterKind.DENUNCIATION, D(2019, 10, 8), None),
        (LetterKind.PETITION_FEEDBACK, D(2019, 1, 21), D(2019, 1, 30)),
        (LetterKind.PETITION_FEEDBACK, D(2019, 5, 6), D(2019, 5, 10)),
        (LetterKind.PETITION_FEEDBACK, D(2019, 12, 30), D(2020, 1, 8)),
        (LetterKind.PETITION_FEEDBACK, D(2019, 7, 1), None),
        (LetterKind.PETITION_FEEDBACK, D(2019, 8, 19), None),
        (LetterKind.PETITION_FEEDBACK, D(2019, 9, 9), None),
        (LetterKind.PETITION_FEEDBACK, D(2019, 11, 25), None),
    ]:
        letter_save(
            letter=Letter(
                term=term,
                kind=kind,
                received_date=received,
                summary="Nội dung đơn",
                handling=Letter.Handling.FORWARDED if forwarded else Letter.Handling.GUIDED,
                forwarded_to=organization if forwarded else None,
                forwarded_date=forwarded,
            ),
            user=staff_user,
        )

    # --- Citizen reception days of 2019: 5 days, 9 + 14 + 6 + 8 + 5 = 42 citizens.
    for day, persons in [
        (D(2018, 12, 14), 20),  # 2018: not counted
        (D(2019, 3, 15), 9),
        (D(2019, 5, 15), 14),
        (D(2019, 7, 15), 6),
        (D(2019, 9, 16), 8),
        (D(2019, 11, 15), 5),
    ]:
        record_save(
            instance=CitizenReception(
                term=term, date=day, host="Chủ tịch HĐND tỉnh", persons=persons
            ),
            user=staff_user,
        )


def _render(council, user) -> bytes:
    """The year's report rendered in-process, as without a broker, read from its stored file."""
    request = annual_report_request(council=council, year=YEAR, user=user, enqueue=False)
    assert annual_report_render(request_id=request.pk)
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.DONE, request.error
    with request.file.open("rb") as stored:
        return stored.read()


@pytest.fixture
def report(year_of_work, council, staff_user) -> bytes:
    return _render(council, staff_user)


def _prose(data: bytes) -> str:
    """The text of the PDF as one line, without the page numbers a sentence may run across."""
    pages = []
    for number, page in enumerate(pdf_pages(data), start=1):
        lines = [line for line in page.splitlines() if line.strip() != str(number)]
        pages.append(" ".join(lines))
    return re.sub(r"\s+", " ", " ".join(pages))


def _tables(data: bytes) -> dict[str, list[tuple[str, ...]]]:
    """The appendix tables by their heading ("Biểu 5. Tiếp công dân, đơn thư"), each row as
    printed: its non-empty cells after the STT, the figure last (a group's label is printed on
    its first row only). Read from the page layout, where cells are apart by two spaces or more.
    The total and the "of which" lines have no STT (the others are numbered 1, 2 ...)."""
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
            elif text.startswith("Biểu đồ"):
                return tables
            elif re.match(r"Biểu \d+\. ", text):
                rows, numbered = tables.setdefault(text, []), 0
            elif rows is not None and re.match(r"\S.*\s{2,}\S+$", text):
                # A row: STT, one or two text cells, the figure (and its share in Biểu 4).
                cells = re.split(r"\s{2,}", text)
                if cells[0].isdigit():
                    numbered += 1
                    assert int(cells.pop(0)) == numbered, f"STT out of order: {text!r}"
                else:
                    assert cells[0] == "Tổng số" or "Trong đó" in cells[-2], text
                rows.append(tuple(cells))
    return tables


# --- Section 4: voter meetings and petitions ----------------------------------------------------
# Petitions of 2019 in instances (lượt), with what happened to them:
#   a 7 resolved, b 5 resolved, c 4 central authority, d 6 in progress, l 3 explained (answered
#   with an outcome); e 3 answered; f 2, g 1, k 13 forwarded and unanswered; the merged 9 and
#   8 received, awaiting forwarding. The 2018 petition (11) and the merged originals not at all.
#   all     7 + 5 + 4 + 6 + 3 + 3 + 2 + 1 + 13 + 9 + 8 = 61, in 11 contents
#   forwarded          7 + 5 + 4 + 6 + 3 + 3 + 2 + 1 + 13 = 44
#   answered                7 + 5 + 4 + 6 + 3 + 3     = 28, 28 / 44 = 63.636...% -> 63,64%
#   resolved                7 + 5                     = 12, 12 / 61 = 19.672...% -> 19,67%
#   overdue (forwarded over 30 days ago, unanswered): f, g, k = 3 petitions


def test_petitions_section_prints_the_hand_counted_figures(report):
    text = _prose(report)
    assert "4. Tiếp xúc cử tri; tổng hợp, đôn đốc giải quyết kiến nghị của cử tri" in text
    # 4 meetings of 2019, 112 + 87 + 145 + 58 voters (the 2018 meeting of 73 left out).
    assert (
        "Đại biểu HĐND tỉnh đã tổ chức 04 cuộc tiếp xúc cử tri với 402 lượt cử tri tham dự."
    ) in text
    assert (
        "Thường trực HĐND tỉnh đã tổng hợp 61 lượt ý kiến, kiến nghị của cử tri "
        "(11 nội dung sau khi tổng hợp), chuyển 44 lượt đến các cơ quan có thẩm quyền xem xét, "
        "giải quyết. Đến nay, 28 lượt đã được trả lời (đạt 63,64%); 12 lượt đã được giải quyết "
        "(đạt 19,67%); còn 03 kiến nghị quá hạn chưa được trả lời, Thường trực tiếp tục đôn đốc."
    ) in text


def test_a_council_that_truncates_rates_gets_them_cut_not_rounded(
    year_of_work, council, staff_user
):
    council.rate_rounding = council.Rounding.TRUNCATE
    record_save(instance=council)
    pdf = _render(council, staff_user)
    # 28 / 44 = 63.636...% is cut to 63,63%; 12 / 61 = 19.672...% is 19,67% either way.
    assert (
        "28 lượt đã được trả lời (đạt 63,63%); 12 lượt đã được giải quyết (đạt 19,67%)"
    ) in _prose(pdf)
    table = _tables(pdf)["Biểu 4. Ý kiến, kiến nghị của cử tri (lượt)"]
    assert table[-2:] == [
        ("Tỷ lệ", "Đã trả lời / đã chuyển", "28/44", "63,63%"),
        ("Đã giải quyết / tổng số", "12/61", "19,67%"),
    ]
    # Each line's share is cut too: 8 / 61 = 13.114...%, 50 / 61 = 81.967...% -> 81,96%.
    assert table[0] == ("Theo kết quả giải quyết", "Mới tiếp nhận", "8", "13,11%")
    assert ("Tỉnh", "50", "81,96%") in table


# --- Section 5: citizen reception days and letters -----------------------------------------------


def test_letters_and_receptions_section_prints_the_hand_counted_figures(report):
    text = _prose(report)
    assert "5. Tiếp công dân, xử lý đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh" in text
    # 5 days of 2019: 9 + 14 + 6 + 8 + 5 citizens (the 2018 day of 20 left out).
    assert "Thường trực HĐND tỉnh đã tổ chức 05 buổi tiếp công dân, tiếp 42 lượt công dân." in text
    # Letters received in 2019: 4 complaints, 2 denunciations, 7 petitions and feedback, each
    # a case of its own, all eligible; forwarded 2 + 1 + 3 (one of them in January 2020; the
    # 2018 complaint left out).
    assert (
        "Tiếp nhận 13 đơn (13 vụ việc), trong đó 04 đơn khiếu nại, 02 đơn tố cáo, 07 đơn kiến "
        "nghị, phản ánh; đủ điều kiện xử lý 13 đơn; đã chuyển 06 đơn đến cơ quan có thẩm quyền "
        "giải quyết."
    ) in text


# --- Section 2: recommendations after oversight --------------------------------------------------


def test_recommendations_sentence_prints_the_hand_counted_figures(report):
    text = _prose(report)
    # r1-r11 of the activities that count in 2019 (the one of 2018-2019 included, the one of
    # 2019-2020 not); done r1-r4; overdue r5, r7, r8, r10, r11.
    assert (
        "Sau giám sát, chất vấn, giải trình đã có 11 kiến nghị gửi các cơ quan, đơn vị; trong đó "
        "04 kiến nghị đã được thực hiện xong, 05 kiến nghị quá hạn chưa thực hiện xong;"
    ) in text
    # The activities around them, as counted in the oversight paragraph: the inspection of
    # December 2018 to January 2019 is one of the two of 2019.
    assert (
        "Trong năm 2019, đã tổ chức được 01 cuộc giám sát chuyên đề của HĐND tỉnh; 03 cuộc giám "
        "sát chuyên đề, 02 cuộc kiểm tra và 01 cuộc khảo sát của Thường trực HĐND tỉnh; tổ chức "
        "01 phiên giải trình; 01 phiên chất vấn giữa hai kỳ họp."
    ) in text
    assert (
        "Các Ban HĐND tỉnh đã tổ chức 03 cuộc giám sát chuyên đề (Ban Pháp chế 01 cuộc, Ban Kinh "
        "tế - Ngân sách 02 cuộc) theo kế hoạch."
    ) in text


# --- The appendix ----------------------------------------------------------------------------------

EXPECTED_TABLES = {
    "Biểu 1. Kỳ họp và nghị quyết": [
        # Sessions opened in 2019: no. 8 and 10 regular, no. 9 extraordinary.
        ("Kỳ họp", "Tổng số", "3"),
        ("Thường lệ", "2"),
        ("Bất thường", "1"),
        # Resolutions adopted in 2019 (the one of December 2018 left out).
        ("Nghị quyết", "Tổng số", "7"),
        ("Quy phạm pháp luật", "2"),
        ("Cá biệt", "5"),
        ("Theo lĩnh vực", "Ngân sách - tài chính", "4"),
        ("Đất đai", "2"),
        ("Chưa phân loại", "1"),
        ("Theo tình trạng hiệu lực", "Còn hiệu lực", "6"),
        ("Hết hiệu lực", "1"),
    ],
    "Biểu 2. Hoạt động giám sát": [
        ("HĐND", "Chất vấn tại kỳ họp", "1"),
        ("Giám sát chuyên đề", "1"),
        ("Thường trực HĐND", "Phiên giải trình", "1"),
        ("Kiểm tra", "2"),  # August 2019, and December 2018 to January 2019
        ("Chất vấn giữa hai kỳ họp", "1"),
        ("Khảo sát", "1"),  # the survey of December 2019 to January 2020 counts in 2020
        ("Giám sát chuyên đề", "3"),  # the one of 2018 left out
        ("Các Ban HĐND", "Giám sát chuyên đề", "3"),
        # Of which, by Ban (in the Bans' order): right under the line they break down.
        ("Trong đó: Ban Pháp chế", "1"),
        ("Trong đó: Ban Kinh tế - Ngân sách", "2"),
        ("Tổ đại biểu HĐND", "Khảo sát", "1"),
        ("Tổng số", "14"),  # 1 + 1 + 1 + 2 + 1 + 1 + 3 + 3 + 1
    ],
    "Biểu 3. Kiến nghị sau giám sát": [
        ("Chưa thực hiện", "2"),  # r8, r9
        ("Đang thực hiện", "3"),  # r5, r6, r7
        ("Hoàn thành", "4"),  # r1-r4
        ("Hoàn thành một phần", "1"),  # r10
        ("Không thực hiện", "1"),  # r11
        ("Tổng số", "11"),
        # Of the total, not numbered: r5, r7, r8, r10, r11.
        ("Trong đó: quá hạn chưa thực hiện xong", "5"),
    ],
    # Each line with its share of the 61 instances (rounded to 2 decimals), the total, then the
    # two rates of the text with what they divide.
    "Biểu 4. Ý kiến, kiến nghị của cử tri (lượt)": [
        ("Theo kết quả giải quyết", "Mới tiếp nhận", "8", "13,11%"),
        ("Đã tổng hợp", "9", "14,75%"),  # the merged content, 2 + 3 + 4
        ("Đã chuyển, chờ trả lời", "16", "26,23%"),  # f 2 + g 1 + k 13
        ("Đã trả lời", "3", "4,92%"),  # e
        ("Đã giải quyết", "12", "19,67%"),  # a 7 + b 5
        ("Đang giải quyết", "6", "9,84%"),  # d
        ("Có lộ trình giải quyết", "0", "0%"),
        ("Đã giải thích, thông tin", "3", "4,92%"),  # l
        ("Chưa giải quyết", "0", "0%"),
        ("Thuộc thẩm quyền Trung ương", "4", "6,56%"),  # c
        ("Thuộc thẩm quyền cấp huyện, xã", "0", "0%"),
        # a 7 + c 4 + f 2 + k 13 + the received 8; b 5 + d 6 + g 1 + the merged 9; e 3 + l 3.
        ("Theo lĩnh vực", "Giao thông - xây dựng", "34", "55,74%"),
        ("Đất đai - môi trường", "21", "34,43%"),
        ("Chưa phân loại lĩnh vực", "6", "9,84%"),
        # c; a + b + d + f + k + the merged + the received; e + l; g.
        ("Theo thẩm quyền", "Trung ương", "4", "6,56%"),
        ("Tỉnh", "50", "81,97%"),
        ("Huyện", "6", "9,84%"),
        ("Xã", "1", "1,64%"),
        ("Tổng số", "61", "100%"),
        ("Tỷ lệ", "Đã trả lời / đã chuyển", "28/44", "63,64%"),
        ("Đã giải quyết / tổng số", "12/61", "19,67%"),
    ],
    "Biểu 5. Tiếp công dân, đơn thư": [
        ("Khiếu nại", "4"),
        ("Tố cáo", "2"),
        ("Kiến nghị, phản ánh", "7"),
        ("Tổng số đơn thư", "13"),
        ("Số vụ việc", "13"),
        ("Trong đó: vụ việc đông người", "0"),
        ("Đơn đủ điều kiện xử lý", "13"),
        ("Đơn không đủ điều kiện xử lý", "0"),
        ("Vụ việc thuộc thẩm quyền của HĐND", "0"),
        ("Đã chuyển cơ quan có thẩm quyền", "6"),
        ("Vụ việc đã có kết quả giải quyết", "0"),
        ("Đơn xử lý đúng thời hạn", "0"),
        ("Đơn xử lý quá hạn", "0"),
        ("Lượt đôn đốc", "0"),
        ("Buổi tiếp công dân", "5"),
        ("Lượt công dân được tiếp", "42"),
        ("Vụ việc tiếp nhận qua tiếp công dân", "0"),
    ],
    # Each letter of 2019 a case of its own, none classified by field or locality.
    "Biểu 6. Vụ việc khiếu nại, tố cáo, kiến nghị, phản ánh": [
        ("Theo loại", "Khiếu nại", "4", "30,77%"),
        ("Tố cáo", "2", "15,38%"),
        ("Kiến nghị, phản ánh", "7", "53,85%"),
        ("Theo lĩnh vực", "Chưa phân loại lĩnh vực", "13", "100%"),
        ("Theo địa bàn", "Chưa xác định địa bàn", "13", "100%"),
        ("Tổng số", "13", "100%"),
    ],
}


def test_every_appendix_table_prints_the_hand_counted_rows(report):
    tables = _tables(report)
    assert list(tables) == list(EXPECTED_TABLES)
    for heading, rows in EXPECTED_TABLES.items():
        assert tables[heading] == rows, heading


def _figure(row: tuple[str, ...]) -> int:
    return int(row[-1].replace(".", ""))


def _sum(rows: list[tuple[str, ...]]) -> int:
    return sum(_figure(row) for row in rows)


def test_each_appendix_total_is_the_sum_of_its_rows_as_printed(report):
    """Read on the printed rows alone: what a reader adding up the column finds."""
    t1, t2, t3, t4, t5, t6 = _tables(report).values()

    # Biểu 1: each "Tổng số" is the sum of the lines under it; the resolutions' total is also
    # the sum of its lines by field and by status.
    assert _figure(t1[0]) == _sum(t1[1:3]) == 3
    assert _figure(t1[3]) == _sum(t1[4:6]) == _sum(t1[6:9]) == _sum(t1[9:11]) == 7

    # Biểu 2: the total is the sum of every line but the "of which" lines, and those add up
    # to the line right above them.
    total = t2[-1]
    assert total[0] == "Tổng số"
    of_which = [row for row in t2 if row[0].startswith("Trong đó")]
    lines = [row for row in t2[:-1] if row not in of_which]
    assert _figure(total) == _sum(lines) == 14
    above = t2[t2.index(of_which[0]) - 1]
    assert above == ("Các Ban HĐND", "Giám sát chuyên đề", "3")
    assert _sum(of_which) == _figure(above)

    # Biểu 3: the statuses add up to the total; the overdue, "of which" under the total, are
    # among the not done.
    assert t3[-2][0] == "Tổng số"
    assert _figure(t3[-2]) == _sum(t3[:5]) == 11
    assert t3[-1][0].startswith("Trong đó")
    assert _figure(t3[-1]) <= _sum(t3[:5]) - _figure(t3[2])

    # Biểu 4: each of its three breakdowns adds up to its total line, the instances of the
    # prose of section 4, and the rates are those of the printed lines.
    text = _prose(report)
    assert "đã tổng hợp 61 lượt ý kiến" in text

    def count(row: tuple[str, ...]) -> int:
        return int(row[-2].replace(".", ""))

    by_status, by_field, by_level, total = t4[0:11], t4[11:14], t4[14:18], t4[18]
    assert total[0] == "Tổng số"
    assert sum(map(count, by_status)) == sum(map(count, by_field)) == count(total) == 61
    assert sum(map(count, by_level)) == 61
    resolved = count(by_status[4])
    assert (resolved, t4[-1][-2:]) == (12, ("12/61", "19,67%"))  # 12 / 61

    # Biểu 5: the letters by kind add up to the letters' total; forwarded are among them.
    assert t5[3][0] == "Tổng số đơn thư"
    assert _figure(t5[3]) == _sum(t5[0:3]) == 13
    assert _figure(t5[4]) <= _figure(t5[3])

    # Biểu 6: the cases by kind, by field and by locality each add up to the total, which is
    # Biểu 5's number of cases.
    def cases(row: tuple[str, ...]) -> int:
        return int(row[-2].replace(".", ""))

    assert sum(map(cases, t6[0:3])) == cases(t6[3]) == cases(t6[4]) == cases(t6[-1])
    assert cases(t6[-1]) == _figure(t5[4])
