"""Demo Thường trực meetings: 2019 of term XVI of the Lạng Sơn HĐND, one regular meeting a month
and one extraordinary meeting before the August session, each with its agenda (the month's
inter-session matters from council.demo, the month's report and next month's plan, session
preparation, the questioning and explanation hearings, supervision plans), its conclusions and
the tasks they gave: most done, two open without a deadline, one cancelled, and one open past
its deadline (31/12/2019), the overdue one.

Everything goes through the services and is keyed on natural keys (a meeting on its term and
day, an agenda entry and a conclusion on their meeting and order, a task on its conclusion and
text), so loading twice changes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Model

from core.scoping import of_council
from council.models import Council, Delegate, InterSessionMatter, Organization, Position, Term
from standing.models import AgendaEntry, Conclusion, ConclusionTask, StandingMeeting
from standing.services import agenda_entry_save, conclusion_save, meeting_save, task_save

D = dt.date
Kind = AgendaEntry.Kind
Status = ConclusionTask.Status

UBND = "Ủy ban nhân dân tỉnh Lạng Sơn"
KHDT = "Sở Kế hoạch và Đầu tư"
TC = "Sở Tài chính"
TNMT = "Sở Tài nguyên và Môi trường"
GTVT = "Sở Giao thông vận tải"
NN = "Sở Nông nghiệp và Phát triển nông thôn"
GD = "Sở Giáo dục và Đào tạo"
YT = "Sở Y tế"

PLACE = "Phòng họp Thường trực HĐND tỉnh"
GUESTS = "Đại diện lãnh đạo UBND tỉnh\nChánh Văn phòng HĐND tỉnh\nLãnh đạo các sở, ngành có nội dung trình"

# The day of each month's regular meeting (a working day in the last third of the month).
REGULAR_DAYS = {
    1: 28, 2: 26, 3: 26, 4: 24, 5: 28, 6: 25, 7: 29, 8: 27, 9: 24, 10: 29, 11: 26, 12: 27,
}  # fmt: skip

# Session preparation: (meeting month, session number in term XVI, what is prepared).
PREPARATIONS = {
    3: (11, "Chuẩn bị nội dung, chương trình kỳ họp thứ mười một (chuyên đề) HĐND tỉnh"),
    6: (12, "Chuẩn bị nội dung, chương trình kỳ họp thứ mười hai HĐND tỉnh"),
    9: (14, "Chuẩn bị nội dung kỳ họp thứ mười bốn (chuyên đề) HĐND tỉnh"),
    11: (15, "Chuẩn bị nội dung, chương trình kỳ họp thứ mười lăm HĐND tỉnh"),
}
# Other agenda entries by month: (kind, title, presenter).
OTHER_AGENDA: dict[int, list[tuple[str, str, str]]] = {
    2: [
        (
            Kind.SUPERVISION,
            "Kế hoạch giám sát năm 2019 của Thường trực HĐND tỉnh",
            "Văn phòng HĐND tỉnh",
        )
    ],
    6: [
        (
            Kind.EXPLANATION,
            "Phiên giải trình về tiến độ thực hiện các dự án đầu tư chậm triển khai",
            "Sở Kế hoạch và Đầu tư, Sở Tài nguyên và Môi trường, Sở Xây dựng",
        )
    ],
    8: [
        (
            Kind.SUPERVISION,
            "Kế hoạch giám sát công tác quản lý nhà nước về khoáng sản giai đoạn 2016 - 2019",
            "Ban Kinh tế - Ngân sách",
        )
    ],
    10: [
        (
            Kind.QUESTIONING,
            "Phiên chất vấn giữa hai kỳ họp về công tác bồi thường, hỗ trợ, giải phóng mặt bằng",
            "Giám đốc Sở Tài nguyên và Môi trường, Giám đốc Sở Giao thông vận tải",
        )
    ],
    12: [
        (
            Kind.SUPERVISION,
            "Dự kiến chương trình giám sát năm 2020 của Thường trực HĐND tỉnh",
            "Văn phòng HĐND tỉnh",
        )
    ],
}

# Conclusions with tasks: month -> [(conclusion, [(responsible, task, deadline, status,
# completed, result)])]. A month not listed gets the usual two conclusions (_usual).
CONCLUSIONS: dict[int, list[tuple[str, list[tuple[str, str, Any, str, Any, str]]]]] = {
    3: [
        (
            "Thống nhất dự kiến nội dung, chương trình kỳ họp thứ mười một HĐND tỉnh; đề nghị "
            "UBND tỉnh hoàn thiện tờ trình, dự thảo nghị quyết gửi Thường trực HĐND tỉnh đúng "
            "thời hạn.",
            [
                (
                    UBND,
                    "Hoàn thiện hồ sơ các tờ trình, dự thảo nghị quyết trình kỳ họp thứ mười một",
                    D(2019, 4, 2),
                    Status.DONE,
                    D(2019, 4, 1),
                    "Đã gửi đủ 06 tờ trình, dự thảo nghị quyết ngày 01/4/2019.",
                ),
            ],
        ),
    ],
    6: [
        (
            "Tiến độ nhiều dự án đầu tư còn chậm, có dự án chậm trên 24 tháng; đề nghị UBND tỉnh "
            "chỉ đạo rà soát, xử lý dứt điểm các dự án chậm triển khai.",
            [
                (
                    KHDT,
                    "Rà soát, tham mưu thu hồi chủ trương đầu tư các dự án chậm trên 24 tháng",
                    D(2019, 9, 30),
                    Status.DONE,
                    D(2019, 9, 27),
                    "Đã tham mưu thu hồi chủ trương đầu tư 07 dự án.",
                ),
                (
                    TNMT,
                    "Báo cáo tình hình giao đất, cho thuê đất các dự án chậm triển khai",
                    D(2019, 8, 15),
                    Status.DONE,
                    D(2019, 8, 20),
                    "Báo cáo số 412/BC-STNMT ngày 20/8/2019.",
                ),
            ],
        ),
        (
            "Thống nhất nội dung, chương trình kỳ họp thứ mười hai HĐND tỉnh.",
            [],
        ),
    ],
    10: [
        (
            "Công tác bồi thường, hỗ trợ, giải phóng mặt bằng có chuyển biến nhưng còn chậm ở "
            "một số dự án trọng điểm; đề nghị UBND tỉnh chỉ đạo giải quyết dứt điểm các vướng "
            "mắc về giá đất bồi thường.",
            [
                (
                    TNMT,
                    "Hoàn thành phương án giá đất cụ thể bồi thường dự án đường tỉnh 226",
                    D(2019, 12, 31),
                    Status.OPEN,
                    None,
                    "",
                ),
                (
                    GTVT,
                    "Báo cáo tiến độ giải phóng mặt bằng các dự án giao thông trọng điểm tại "
                    "phiên họp Thường trực hằng tháng",
                    None,
                    Status.OPEN,
                    None,
                    "",
                ),
            ],
        ),
    ],
    11: [
        (
            "Thống nhất nội dung, chương trình kỳ họp thứ mười lăm HĐND tỉnh; các Ban HĐND tỉnh "
            "thẩm tra các báo cáo, tờ trình theo lĩnh vực được phân công.",
            [
                (
                    UBND,
                    "Gửi báo cáo kinh tế - xã hội, dự toán ngân sách năm 2020 đến Thường trực "
                    "HĐND tỉnh",
                    D(2019, 11, 25),
                    Status.DONE,
                    D(2019, 11, 22),
                    "",
                ),
                (
                    YT,
                    "Báo cáo riêng về bổ sung dự toán cho các đơn vị sự nghiệp y tế",
                    D(2019, 11, 30),
                    Status.CANCELLED,
                    None,
                    "Nội dung đã gộp vào tờ trình dự toán ngân sách năm 2020.",
                ),
            ],
        ),
    ],
}


def _usual(month: int) -> list[tuple[str, list[tuple[str, str, Any, str, Any, str]]]]:
    """The conclusions of a month without a notable matter: agreement on the inter-session
    matters, and the month's programme."""
    nxt = month % 12 + 1
    follow_up = (
        (
            TC,
            f"Hoàn thiện thủ tục trình các nội dung phát sinh đã được thống nhất tháng {month}",
            D(2019, month, 1) + dt.timedelta(days=45),
            Status.DONE,
            D(2019, month, 1) + dt.timedelta(days=40),
            "Đã hoàn thành.",
        )
        if month < 12
        else (
            NN,
            "Báo cáo kết quả xây dựng nông thôn mới năm 2019 tại phiên họp tháng 01/2020",
            None,
            Status.OPEN,
            None,
            "",
        )
    )
    return [
        (
            "Thống nhất với đề nghị của UBND tỉnh về các nội dung phát sinh giữa hai kỳ họp; "
            "giao Văn phòng HĐND tỉnh tham mưu văn bản cho ý kiến.",
            [follow_up],
        ),
        (f"Thống nhất chương trình công tác tháng {nxt} của Thường trực HĐND tỉnh.", []),
    ]


def load(*, council: Council) -> None:
    term = Term.objects.filter(council=council, roman="XVI").first()
    if term is None:
        return
    orgs = _organizations(council)
    standing = _standing_members(term)
    chair = standing[0] if standing else None
    matters = list(InterSessionMatter.objects.filter(term=term, received_date__year=2019))
    for month, day in REGULAR_DAYS.items():
        meeting = _meeting(
            term,
            date=D(2019, month, day),
            kind=StandingMeeting.Kind.REGULAR,
            number=month,
            title=f"Phiên họp tháng {month}/2019",
            chair=chair,
            members=standing,
        )
        agenda = [
            (
                Kind.WORK_REPORT,
                f"Báo cáo kết quả công tác tháng {month} và chương trình công tác tháng "
                f"{month % 12 + 1} của Thường trực HĐND tỉnh",
                "Văn phòng HĐND tỉnh",
                None,
                None,
            )
        ]
        for matter in matters:
            if matter.received_date.month == month:
                agenda.append(
                    (Kind.INTERSESSION, f"Cho ý kiến: {matter.subject}", "UBND tỉnh", matter, None)
                )
        if month in PREPARATIONS:
            number, title = PREPARATIONS[month]
            agenda.append(
                (Kind.SESSION_PREPARATION, title, "Văn phòng HĐND tỉnh", None, (term, number))
            )
        for kind, title, presenter in OTHER_AGENDA.get(month, []):
            agenda.append((kind, title, presenter, None, None))
        _agenda(meeting, agenda)
        _conclusions(meeting, CONCLUSIONS.get(month) or _usual(month), orgs)
    # The extraordinary meeting before the extraordinary August session.
    extra = _meeting(
        term,
        date=D(2019, 8, 9),
        kind=StandingMeeting.Kind.EXTRAORDINARY,
        number=None,
        title="Phiên họp bất thường tháng 8/2019",
        chair=chair,
        members=standing,
    )
    _agenda(
        extra,
        [
            (
                Kind.SESSION_PREPARATION,
                "Chuẩn bị nội dung kỳ họp thứ mười ba (chuyên đề) HĐND tỉnh",
                "Văn phòng HĐND tỉnh",
                None,
                (term, 13),
            )
        ],
    )
    _conclusions(
        extra,
        [
            (
                "Thống nhất triệu tập kỳ họp thứ mười ba (chuyên đề) HĐND tỉnh vào ngày "
                "20/8/2019 để xem xét điều chỉnh chủ trương đầu tư dự án kè chống sạt lở bờ "
                "sông Kỳ Cùng.",
                [
                    (
                        UBND,
                        "Gửi tờ trình, dự thảo nghị quyết điều chỉnh chủ trương đầu tư dự án kè "
                        "sông Kỳ Cùng",
                        D(2019, 8, 14),
                        Status.DONE,
                        D(2019, 8, 13),
                        "",
                    ),
                    (
                        GD,
                        "Báo cáo tình hình chuẩn bị năm học mới tại phiên họp tháng 9/2019",
                        D(2019, 9, 24),
                        Status.DONE,
                        D(2019, 9, 24),
                        "Đã báo cáo tại phiên họp tháng 9/2019.",
                    ),
                ],
            )
        ],
        orgs,
    )


def _meeting(
    term: Term,
    *,
    date: dt.date,
    kind: str,
    number: int | None,
    title: str,
    chair: Delegate | None,
    members: list[Delegate],
) -> StandingMeeting:
    meeting = StandingMeeting.objects.filter(term=term, date=date).first()
    meeting = meeting or StandingMeeting(term=term, date=date)
    meeting.kind, meeting.number, meeting.title = kind, number, title
    meeting.time = dt.time(8, 0)
    meeting.place, meeting.guests = PLACE, GUESTS
    meeting.chaired_by = chair
    return meeting_save(meeting=meeting, members=members)


def _agenda(meeting: StandingMeeting, entries: list[tuple[Any, ...]]) -> None:
    for order, (kind, title, presenter, matter, session_key) in enumerate(entries, start=1):
        _upsert(
            AgendaEntry,
            {"meeting": meeting, "order": order},
            kind=kind,
            title=title,
            presenter=presenter,
            intersession_matter=matter,
            session=_session(*session_key) if session_key else None,
            save=lambda obj: agenda_entry_save(entry=obj),
        )


def _conclusions(meeting: StandingMeeting, conclusions: list[Any], orgs: dict) -> None:
    for order, (text, tasks) in enumerate(conclusions, start=1):
        conclusion = _upsert(
            Conclusion,
            {"meeting": meeting, "order": order},
            text=text,
            save=lambda obj: conclusion_save(conclusion=obj),
        )
        for responsible, content, deadline, status, completed, result in tasks:
            _upsert(
                ConclusionTask,
                {"conclusion": conclusion, "content": content},
                responsible=orgs[responsible],
                deadline=deadline,
                status=status,
                completed_date=completed,
                result=result,
                save=lambda obj: task_save(task=obj),
            )


def _upsert(model: type[Model], keys: dict[str, Any], *, save, **values: Any) -> Any:
    obj = model._default_manager.filter(**keys).first() or model(**keys)
    for name, value in values.items():
        setattr(obj, name, value)
    return save(obj)


def _standing_members(term: Term) -> list[Delegate]:
    """The Thường trực: the chair first, the vice-chairs, then the heads of the Ban."""
    order = [
        Position.Role.CHAIR,
        Position.Role.STANDING_VICE_CHAIR,
        Position.Role.VICE_CHAIR,
        Position.Role.COMMITTEE_HEAD,
    ]
    positions = Position.objects.filter(delegate__term=term, role__in=order).select_related(
        "delegate"
    )
    ranked = sorted(positions, key=lambda p: (order.index(p.role), p.delegate.full_name))
    members: list[Delegate] = []
    for position in ranked:
        if position.delegate not in members:
            members.append(position.delegate)
    return members


def _organizations(council: Council) -> dict[str, Organization]:
    visible = of_council(Organization.objects.all(), council)
    # The council's own last, so that its organisation wins over a shared one of its name.
    return {o.name: o for o in sorted(visible, key=lambda o: o.council_id == council.pk)}


def _session(term: Term, number: int):
    """The session row if the sessions app has loaded it; never created here."""
    from sessions.models import Session

    return Session.objects.filter(term=term, number=number).first()
