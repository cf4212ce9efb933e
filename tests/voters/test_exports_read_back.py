"""The Excel exports of the voters app, opened and read back (issue 16).

Each test builds known records through voters.services, opens a filtered list page as one
role, follows the page's own "Xuất Excel" link, and reads the workbook with openpyxl: the
exact Vietnamese headers, one known row cell by cell (dates are real dates shown dd/mm/yyyy,
numbers are numbers, identifiers keep their leading zeros), and as many data rows as the page
counts. Citizens' personal data (Letter.PERSONAL_FIELDS, CitizenReception.PERSONAL_FIELDS)
is in the file for secretariat staff only: leaders and committee members may download every
export (tests/test_permission_matrix.py) but get neither the columns nor the values.

None of these four exports is offered as CSV (only the resolutions register is)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from accounts.models import SecurityEvent
from core.services import record_save
from council.models import AdministrativeUnit, DelegateGroup
from tests.spreadsheets import (
    all_text,
    assert_date,
    export_matching_page,
    row_where,
    values,
)
from tests.voters.conftest import answer
from voters import services
from voters.models import CitizenReception, Letter, VoterMeeting, VoterPetition

pytestmark = pytest.mark.django_db
D = dt.date

ROLES = ["staff_client", "leader_client", "committee_client"]
# Only secretariat staff (and administrators) may see citizens' identities.
SEES_PERSONAL = {"staff_client": True, "leader_client": False, "committee_client": False}


# --- kiến nghị cử tri -------------------------------------------------------------------------

PETITION_HEADERS = [
    "#",
    "Ngày tiếp nhận",
    "Nội dung",
    "Số lượt",
    "Kỳ họp thứ",
    "Lĩnh vực",
    "Thẩm quyền",
    "Cơ quan giải quyết",
    "Ban theo dõi",
    "Trạng thái",
    "Công văn chuyển",
    "Ngày chuyển",
    "Văn bản trả lời",
    "Ngày trả lời",
    "Gộp vào kiến nghị #",
]


@pytest.fixture
def petitions(
    make_petition, forward, staff_user, session, petition_field, committee, organization
) -> dict[str, VoterPetition]:
    known = make_petition(
        content="Đề nghị nâng cấp tuyến đường ĐT 741 qua xã Thử",
        instances=3,
        received=D(2019, 6, 20),
        session=session,
        field=petition_field,
        level=VoterPetition.Level.PROVINCE,
        responsible_org=organization,
        committee=committee,
    )
    forward([known], day=D(2019, 8, 5), number="215/HĐND-VP")
    known.refresh_from_db()
    answer(known, staff_user)  # 1860/UBND-TH of 20/09/2019
    waiting = make_petition(content="Đề nghị lắp đèn chiếu sáng", received=D(2019, 7, 1))
    first = make_petition(content="Đề nghị cấp nước sạch thôn Đông", received=D(2019, 4, 2))
    second = make_petition(
        content="Đề nghị cấp nước sạch thôn Tây", instances=2, received=D(2019, 4, 3)
    )
    merged = services.petition_consolidate(
        petitions=[first, second], content="Đề nghị cấp nước sạch các thôn", user=staff_user
    )
    older = make_petition(content="Kiến nghị năm 2018", received=D(2018, 5, 10))
    return {
        "known": known,
        "waiting": waiting,
        "first": first,
        "second": second,
        "merged": merged,
        "older": older,
    }


@pytest.mark.parametrize("role", ROLES)
def test_petition_export_reads_back_the_filtered_rows_of_the_list(request, role, petitions):
    client = request.getfixturevalue(role)
    rows = export_matching_page(client, "voters:voterpetition_list", {"year": 2019})
    assert values(rows[0]) == PETITION_HEADERS
    p = petitions
    # The year filter leaves 2018 out; the merged originals are hidden as on the page.
    assert sorted(r[0].value for r in rows[1:]) == sorted(
        [p["known"].pk, p["waiting"].pk, p["merged"].pk]
    )

    known = row_where(rows, 0, p["known"].pk)
    assert_date(known[1], D(2019, 6, 20))
    assert_date(known[11], D(2019, 8, 5))
    assert_date(known[13], D(2019, 9, 20))
    assert [c.value for i, c in enumerate(known) if i not in (1, 11, 13)] == [
        p["known"].pk,
        "Đề nghị nâng cấp tuyến đường ĐT 741 qua xã Thử",
        3,
        12,
        "Giao thông - xây dựng",
        "Tỉnh",
        "UBND tỉnh",  # the organisation's short name
        "Ban Kinh tế - Ngân sách",
        "Đã trả lời",
        "215/HĐND-VP",
        "1860/UBND-TH",
        None,  # not merged into another petition
    ]
    # The consolidated petition carries the originals' instances, as a number.
    assert row_where(rows, 0, p["merged"].pk)[3].value == 3


@pytest.mark.parametrize(
    "query",
    [
        {"year": 2019, "merged": "1"},
        {"year": 2019, "status": VoterPetition.Status.COMPILED},
        {"status": VoterPetition.Status.RECEIVED},
        {"year": 2020},
    ],
)
def test_petition_export_has_as_many_rows_as_the_list_counts(staff_client, petitions, query):
    rows = export_matching_page(staff_client, "voters:voterpetition_list", query)
    assert values(rows[0]) == PETITION_HEADERS
    if query.get("merged"):
        # The originals are listed too, each naming the consolidated petition.
        for original in ("first", "second"):
            row = row_where(rows, 0, petitions[original].pk)
            assert row[14].value == petitions["merged"].pk


def test_awaiting_page_export_has_the_rows_the_page_shows(staff_client, petitions):
    for query in ({}, {"year": 2019}, {"merged": "1"}):
        rows = export_matching_page(staff_client, "voters:petition_awaiting", query)
        assert sorted(r[0].value for r in rows[1:]) == sorted(
            [petitions["waiting"].pk, petitions["merged"].pk]
            + ([] if query.get("year") else [petitions["older"].pk])
        ), query


# --- tiếp xúc cử tri --------------------------------------------------------------------------

MEETING_HEADERS = [
    "Ngày",
    "Hình thức",
    "Kỳ họp thứ",
    "Xã, phường",
    "Địa điểm",
    "Tổ đại biểu",
    "Số cử tri",
    "Chuyên đề",
]


@pytest.fixture
def meetings(term, session, staff_user) -> dict[str, VoterMeeting]:
    group = record_save(instance=DelegateGroup(term=term, name="Tổ đại biểu số 1"))
    unit = record_save(
        instance=AdministrativeUnit(
            name="Tân Lập",
            level=AdministrativeUnit.Level.COMMUNE,
            unit_type=AdministrativeUnit.UnitType.COMMUNE,
        )
    )

    def meeting(**fields) -> VoterMeeting:
        instance = VoterMeeting(term=term, location_unit=unit, **fields)
        return record_save(instance=instance, user=staff_user)

    return {
        "known": meeting(
            timing=VoterMeeting.Timing.PRE_SESSION,
            session=session,
            date=D(2019, 6, 25),
            venue="Nhà văn hóa thôn Đông",
            delegate_group=group,
            voters_attended=120,
            topic="Chuẩn bị kỳ họp thứ 12",
        ),
        "ad_hoc": meeting(
            timing=VoterMeeting.Timing.AD_HOC, date=D(2019, 8, 2), voters_attended=45
        ),
        "older": meeting(
            timing=VoterMeeting.Timing.THEMATIC, date=D(2018, 11, 20), topic="Chuyên đề năm 2018"
        ),
    }


@pytest.mark.parametrize("role", ROLES)
def test_meeting_export_reads_back_the_filtered_rows_of_the_list(request, role, meetings):
    client = request.getfixturevalue(role)
    rows = export_matching_page(client, "voters:votermeeting_list", {"year": 2019})
    assert values(rows[0]) == MEETING_HEADERS
    assert len(rows) - 1 == 2
    assert "Chuyên đề năm 2018" not in all_text(rows)

    known = row_where(rows, 4, "Nhà văn hóa thôn Đông")
    assert_date(known[0], D(2019, 6, 25))
    assert values(known[1:]) == [
        "Trước kỳ họp",
        12,
        "Xã Tân Lập",
        "Nhà văn hóa thôn Đông",
        "Tổ đại biểu số 1",
        120,
        "Chuẩn bị kỳ họp thứ 12",
    ]
    ad_hoc = row_where(rows, 1, "Đột xuất, theo yêu cầu")
    assert_date(ad_hoc[0], D(2019, 8, 2))
    assert ad_hoc[6].value == 45


def test_meeting_export_follows_every_filter_of_the_list(staff_client, meetings):
    for query, expected in [
        ({"year": 2019, "timing": VoterMeeting.Timing.PRE_SESSION}, 1),
        ({"timing": VoterMeeting.Timing.THEMATIC}, 1),
        ({}, 3),
        ({"year": 2017}, 0),
    ]:
        rows = export_matching_page(staff_client, "voters:votermeeting_list", query)
        assert values(rows[0]) == MEETING_HEADERS
        assert len(rows) - 1 == expected, query


# --- đơn thư ----------------------------------------------------------------------------------

LETTER_HEADERS = [
    "Ngày nhận",
    "Loại đơn",
    "Tóm tắt nội dung",
    "Phân loại",
    "Đủ điều kiện xử lý",
    "Hướng xử lý",
    "Chuyển đến",
    "Ngày chuyển",
    "Kết quả",
]
LETTER_PERSONAL_HEADERS = ["Họ tên người gửi", "Địa chỉ", "Số điện thoại", "Số CCCD/CMND"]
SENDER = {
    "sender_name": "Nguyễn Văn Bí Mật",
    "sender_address": "Thôn Mẫu, Xã Thử",
    "sender_phone": "0912345678",
    "sender_id_number": "001234567890",
}


@pytest.fixture
def letters(term, organization, staff_user) -> dict[str, Letter]:
    def letter(**fields) -> Letter:
        return services.letter_save(letter=Letter(term=term, **fields), user=staff_user)

    return {
        "known": letter(
            received_date=D(2019, 3, 1),
            kind=Letter.Kind.COMPLAINT,
            summary="Khiếu nại về bồi thường đất dự án khu dân cư",
            classification="Đất đai",
            eligible=True,
            handling=Letter.Handling.FORWARDED,
            forwarded_to=organization,
            forwarded_date=D(2019, 3, 15),
            result="Đang chờ trả lời",
            **SENDER,
        ),
        "filed": letter(
            received_date=D(2019, 9, 10),
            kind=Letter.Kind.DENUNCIATION,
            summary="Tố cáo cán bộ địa chính",
            eligible=False,
            ineligible_reason=Letter.IneligibleReason.ANONYMOUS,
            handling=Letter.Handling.FILED,
            sender_name="Lê Thị Người Gửi",
        ),
        "older": letter(
            received_date=D(2018, 12, 1),
            kind=Letter.Kind.COMPLAINT,
            summary="Đơn năm 2018",
            sender_name="Phạm Văn Năm Cũ",
        ),
    }


@pytest.mark.parametrize("role", ROLES)
def test_letter_export_reads_back_and_carries_identities_for_staff_only(
    request, role, letters, staff_user
):
    client = request.getfixturevalue(role)
    personal = SEES_PERSONAL[role]
    rows = export_matching_page(client, "voters:letter_list", {"year": 2019})
    assert values(rows[0]) == LETTER_HEADERS + (LETTER_PERSONAL_HEADERS if personal else [])
    assert len(rows) - 1 == 2
    assert "Đơn năm 2018" not in all_text(rows)

    known = row_where(rows, 2, "Khiếu nại về bồi thường đất dự án khu dân cư")
    assert_date(known[0], D(2019, 3, 1))
    assert_date(known[7], D(2019, 3, 15))
    assert [c.value for i, c in enumerate(known) if i not in (0, 7)] == [
        "Khiếu nại",
        "Khiếu nại về bồi thường đất dự án khu dân cư",
        "Đất đai",
        "Có",
        "Chuyển cơ quan có thẩm quyền",
        "UBND tỉnh",
        "Đang chờ trả lời",
    ] + (list(SENDER.values()) if personal else [])
    filed = row_where(rows, 2, "Tố cáo cán bộ địa chính")
    assert values(filed[3:7]) == [None, "Không", "Lưu đơn", None]

    text = all_text(rows)
    identities = [*SENDER.values(), "Lê Thị Người Gửi"]
    if personal:
        assert all(value in text for value in SENDER.values())
        # A denunciator's identity is in no export (voters.casework.identity, issue 21).
        assert "Lê Thị Người Gửi" not in text
        assert values(filed[9:10]) == ["(Được giữ bí mật theo Luật Tố cáo)"]
        # The ID number stays text: its leading zero is kept.
        assert known[12].data_type == "s"
    else:
        assert all(len(row) == len(LETTER_HEADERS) for row in rows)
        assert not [value for value in identities if value in text]
    # Every download of identities goes to the security log; a download without them does not.
    logged = SecurityEvent.objects.filter(kind=SecurityEvent.Kind.PERSONAL_DATA_VIEW)
    assert logged.filter(path__startswith=reverse("voters:letter_export")).count() == (
        1 if personal else 0
    )


def test_letter_export_follows_every_filter_of_the_list(staff_client, letters):
    for query, expected in [
        ({"year": 2019, "kind": Letter.Kind.COMPLAINT}, 1),
        ({"eligible": "false"}, 1),
        ({"forwarded": "1"}, 1),
        ({"q": "boi thuong"}, 1),
        ({}, 3),
    ]:
        rows = export_matching_page(staff_client, "voters:letter_list", query)
        assert len(rows) - 1 == expected, query


# --- tiếp công dân ----------------------------------------------------------------------------

RECEPTION_HEADERS = [
    "Ngày tiếp",
    "Hình thức",
    "Người chủ trì",
    "Địa điểm",
    "Số lượt công dân",
    "Số vụ việc",
    "Số đoàn đông người",
    "Nội dung chủ yếu",
]
VISITORS = "Trần Thị Riêng Tư, thôn Bắc, xã Thử"


@pytest.fixture
def receptions(term, staff_user) -> dict[str, CitizenReception]:
    def reception(**fields) -> CitizenReception:
        instance = CitizenReception(term=term, **fields)
        return record_save(instance=instance, user=staff_user)

    return {
        "known": reception(
            date=D(2019, 5, 10),
            kind=CitizenReception.Kind.REGULAR,
            host="Phó Chủ tịch HĐND tỉnh",
            location="Trụ sở Tiếp công dân tỉnh",
            persons=12,
            cases=5,
            group_cases=1,
            summary="Bồi thường, hỗ trợ tái định cư",
            visitors=VISITORS,
        ),
        "ad_hoc": reception(
            date=D(2019, 10, 10),
            kind=CitizenReception.Kind.AD_HOC,
            host="Trưởng Ban Pháp chế",
            visitors="Hoàng Văn Đột Xuất",
        ),
        "older": reception(
            date=D(2018, 4, 10), host="Chủ tịch HĐND tỉnh", summary="Buổi tiếp năm 2018"
        ),
    }


@pytest.mark.parametrize("role", ROLES)
def test_reception_export_reads_back_and_carries_visitors_for_staff_only(request, role, receptions):
    client = request.getfixturevalue(role)
    personal = SEES_PERSONAL[role]
    rows = export_matching_page(client, "voters:citizenreception_list", {"year": 2019})
    assert values(rows[0]) == RECEPTION_HEADERS + (["Họ tên, địa chỉ công dân"] if personal else [])
    assert len(rows) - 1 == 2
    assert "Buổi tiếp năm 2018" not in all_text(rows)

    known = row_where(rows, 2, "Phó Chủ tịch HĐND tỉnh")
    assert_date(known[0], D(2019, 5, 10))
    assert values(known[1:]) == [
        "Định kỳ",
        "Phó Chủ tịch HĐND tỉnh",
        "Trụ sở Tiếp công dân tỉnh",
        12,
        5,
        1,
        "Bồi thường, hỗ trợ tái định cư",
    ] + ([VISITORS] if personal else [])
    ad_hoc = row_where(rows, 2, "Trưởng Ban Pháp chế")
    assert values(ad_hoc[4:7]) == [0, 0, 0]

    text = all_text(rows)
    if personal:
        assert VISITORS in text and "Hoàng Văn Đột Xuất" in text
    else:
        assert all(len(row) == len(RECEPTION_HEADERS) for row in rows)
        assert VISITORS not in text and "Hoàng Văn Đột Xuất" not in text
    logged = SecurityEvent.objects.filter(
        kind=SecurityEvent.Kind.PERSONAL_DATA_VIEW,
        path__startswith=reverse("voters:citizenreception_export"),
    )
    assert logged.count() == (1 if personal else 0)


def test_reception_export_follows_every_filter_of_the_list(staff_client, receptions):
    for query, expected in [
        ({"kind": CitizenReception.Kind.AD_HOC}, 1),
        ({"year": 2018}, 1),
        ({}, 3),
    ]:
        rows = export_matching_page(staff_client, "voters:citizenreception_list", query)
        assert len(rows) - 1 == expected, query
