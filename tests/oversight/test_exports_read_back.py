"""The Excel export of recommendations after oversight (kiến nghị sau giám sát), opened and
read back (issue 16): built through oversight.services, downloaded through the filtered list
page's own "Xuất Excel" button, read with openpyxl. Recommendations carry no citizen's personal
data: every role downloads the same columns (tests/test_permission_matrix.py: READ)."""

from __future__ import annotations

import datetime as dt

import pytest

from oversight.models import Actor, OversightRecommendation
from tests.spreadsheets import all_text, assert_date, export_matching_page, row_where, values

pytestmark = pytest.mark.django_db
D = dt.date
Status = OversightRecommendation.Status

HEADERS = [
    "Nội dung kiến nghị",
    "Cơ quan được kiến nghị",
    "Thời hạn",
    "Tình trạng",
    "Quá hạn",
    "Ban",
    "Hoạt động giám sát",
]


@pytest.fixture
def recommendations(make_activity, make_recommendation, committee):
    activity_2019 = make_activity(
        actor=Actor.COMMITTEE,
        committee=committee,
        topic="Giám sát việc quản lý, sử dụng đất đai",
        start_date=D(2019, 5, 6),
    )
    activity_2020 = make_activity(topic="Giám sát y tế cơ sở", start_date=D(2020, 3, 2))
    return {
        "known": make_recommendation(
            activity=activity_2019,
            content="Đẩy nhanh tiến độ giải phóng mặt bằng",
            deadline=D(2019, 12, 31),
            status=Status.IN_PROGRESS,
        ),
        "no_deadline": make_recommendation(
            activity=activity_2019,
            content="Rà soát quy hoạch sử dụng đất cấp xã",
            status=Status.IN_PROGRESS,
        ),
        "done": make_recommendation(
            activity=activity_2019,
            content="Công khai bảng giá đất",
            deadline=D(2019, 10, 1),
            status=Status.DONE,
            completed_date=D(2019, 9, 15),
        ),
        "next_year": make_recommendation(
            activity=activity_2020,
            content="Bổ sung thuốc cho trạm y tế xã",
            deadline=D(2020, 12, 31),
            status=Status.IN_PROGRESS,
        ),
    }


@pytest.mark.parametrize("role", ["staff_client", "leader_client", "committee_client"])
def test_recommendation_export_reads_back_the_filtered_rows_of_the_list(
    request, role, recommendations
):
    client = request.getfixturevalue(role)
    rows = export_matching_page(
        client, "oversight:recommendation_list", {"year": 2019, "status": Status.IN_PROGRESS}
    )
    assert values(rows[0]) == HEADERS
    assert sorted(r[0].value for r in rows[1:]) == [
        "Rà soát quy hoạch sử dụng đất cấp xã",
        "Đẩy nhanh tiến độ giải phóng mặt bằng",
    ]
    text = all_text(rows)
    assert "Công khai bảng giá đất" not in text  # done
    assert "Bổ sung thuốc cho trạm y tế xã" not in text  # 2020

    known = row_where(rows, 0, "Đẩy nhanh tiến độ giải phóng mặt bằng")
    assert_date(known[2], D(2019, 12, 31))
    assert [c.value for i, c in enumerate(known) if i != 2] == [
        "Đẩy nhanh tiến độ giải phóng mặt bằng",
        "Ủy ban nhân dân tỉnh Thử Nghiệm",
        "Đang thực hiện",
        "Có",  # past its deadline and not done
        "Ban Kinh tế - Ngân sách",
        "Giám sát việc quản lý, sử dụng đất đai",
    ]
    # No deadline: never overdue, and both cells are empty rather than a made-up value.
    no_deadline = row_where(rows, 0, "Rà soát quy hoạch sử dụng đất cấp xã")
    assert values(no_deadline[2:5]) == [None, "Đang thực hiện", None]


@pytest.mark.parametrize(
    "query, expected",
    [
        ({}, 4),
        ({"year": 2019}, 3),
        ({"status": Status.DONE}, 1),
        ({"overdue": "1"}, 2),
        ({"q": "dat"}, 3),
        ({"year": 2021}, 0),
    ],
)
def test_recommendation_export_follows_every_filter_of_the_list(
    staff_client, recommendations, query, expected
):
    rows = export_matching_page(staff_client, "oversight:recommendation_list", query)
    assert values(rows[0]) == HEADERS
    assert len(rows) - 1 == expected, query
