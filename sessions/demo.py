"""Demo sessions of the Lạng Sơn HĐND: term XVI up to 2019 (five sessions in 2019, the 13th an
extraordinary one on 20/08/2019, as the founding document tells) and the start of term XVII in
2021, where a thematic session is called "chuyên đề"; a commune council's three sessions of 2026
(load_commune). Idempotent: keyed on (term, number)."""

from __future__ import annotations

import datetime as dt

from council import demo as council_demo
from council.models import Committee, Council, Delegate, Organization
from sessions.models import AgendaItem, Attendance, Session
from sessions.services import session_attendance_save

D = dt.date
R, T = Session.Kind.REGULAR, Session.Kind.THEMATIC
VENUE = "Hội trường Trung tâm Hội nghị tỉnh Lạng Sơn"

# (term, number, kind, slot, start, end)
SESSIONS = [
    ("XVI", 1, R, "first", D(2016, 6, 23), D(2016, 6, 25)),
    ("XVI", 2, R, "year_end", D(2016, 12, 13), D(2016, 12, 15)),
    ("XVI", 3, T, "", D(2017, 4, 20), D(2017, 4, 20)),
    ("XVI", 4, R, "mid_year", D(2017, 7, 18), D(2017, 7, 20)),
    ("XVI", 5, T, "", D(2017, 9, 28), D(2017, 9, 28)),
    ("XVI", 6, R, "year_end", D(2017, 12, 12), D(2017, 12, 14)),
    ("XVI", 7, T, "", D(2018, 3, 30), D(2018, 3, 30)),
    ("XVI", 8, R, "mid_year", D(2018, 7, 17), D(2018, 7, 19)),
    ("XVI", 9, T, "", D(2018, 10, 5), D(2018, 10, 5)),
    ("XVI", 10, R, "year_end", D(2018, 12, 11), D(2018, 12, 13)),
    # 2019: two regular, three extraordinary ("bất thường").
    ("XVI", 11, T, "", D(2019, 4, 12), D(2019, 4, 12)),
    ("XVI", 12, R, "mid_year", D(2019, 7, 10), D(2019, 7, 12)),
    ("XVI", 13, T, "", D(2019, 8, 20), D(2019, 8, 20)),
    ("XVI", 14, T, "", D(2019, 10, 25), D(2019, 10, 25)),
    ("XVI", 15, R, "year_end", D(2019, 12, 10), D(2019, 12, 12)),
    # Term XVII: after 01/07/2020 a non-regular session is "chuyên đề".
    ("XVII", 1, R, "first", D(2021, 6, 25), D(2021, 6, 26)),
    ("XVII", 2, T, "", D(2021, 7, 10), D(2021, 7, 10)),
    ("XVII", 3, R, "year_end", D(2021, 12, 8), D(2021, 12, 10)),
]

# (session number in term XVI, order, doc type, number/symbol, date, issuer, reviewing Ban code, title)
AGENDA = [
    (
        12,
        1,
        "report",
        "85/BC-HĐND",
        D(2019, 7, 1),
        None,
        None,
        "Báo cáo kết quả hoạt động 6 tháng đầu năm, chương trình hoạt động 6 tháng cuối năm 2019 của Thường trực HĐND tỉnh",
    ),
    (
        12,
        2,
        "submission",
        "102/TTr-UBND",
        D(2019, 6, 20),
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "kinh_te_ngan_sach",
        "Tờ trình đề nghị phê chuẩn quyết toán ngân sách địa phương năm 2018",
    ),
    (
        12,
        3,
        "review_report",
        "41/BC-HĐND",
        D(2019, 7, 3),
        None,
        "kinh_te_ngan_sach",
        "Báo cáo thẩm tra dự thảo nghị quyết phê chuẩn quyết toán ngân sách địa phương năm 2018",
    ),
    (
        13,
        1,
        "submission",
        "121/TTr-UBND",
        D(2019, 8, 9),
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "kinh_te_ngan_sach",
        "Tờ trình về quy định mức chi hỗ trợ phòng, chống bệnh dịch tả lợn châu Phi năm 2019",
    ),
    (
        13,
        2,
        "review_report",
        "52/BC-HĐND",
        D(2019, 8, 16),
        None,
        "kinh_te_ngan_sach",
        "Báo cáo thẩm tra dự thảo nghị quyết về mức chi hỗ trợ phòng, chống bệnh dịch tả lợn châu Phi",
    ),
    (
        13,
        3,
        "submission",
        "123/TTr-UBND",
        D(2019, 8, 12),
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "phap_che",
        "Tờ trình về việc bầu bổ sung Ủy viên Ủy ban nhân dân tỉnh nhiệm kỳ 2016 - 2021",
    ),
    (
        15,
        1,
        "report",
        "130/BC-HĐND",
        D(2019, 12, 2),
        None,
        None,
        "Báo cáo kết quả hoạt động năm 2019 của Thường trực HĐND tỉnh; chương trình công tác năm 2020",
    ),
    (
        15,
        2,
        "submission",
        "185/TTr-UBND",
        D(2019, 11, 15),
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "kinh_te_ngan_sach",
        "Tờ trình về dự toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách địa phương năm 2020",
    ),
    (
        15,
        3,
        "review_report",
        "78/BC-HĐND",
        D(2019, 12, 4),
        None,
        "kinh_te_ngan_sach",
        "Báo cáo thẩm tra dự thảo nghị quyết về dự toán ngân sách năm 2020",
    ),
    (
        15,
        4,
        "submission",
        "190/TTr-UBND",
        D(2019, 11, 20),
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "phap_che",
        "Tờ trình về Bảng giá đất giai đoạn 2020 - 2024 trên địa bàn tỉnh Lạng Sơn",
    ),
    (
        15,
        5,
        "review_report",
        "80/BC-HĐND",
        D(2019, 12, 5),
        None,
        "van_hoa_xa_hoi",
        "Báo cáo thẩm tra các dự thảo nghị quyết lĩnh vực văn hóa - xã hội trình kỳ họp thứ 15",
    ),
]


def load(*, council: Council) -> None:
    terms = {t.roman: t for t in council.terms.all()}
    sessions = {}
    for roman, number, kind, slot, start, end in SESSIONS:
        session, _ = Session.objects.update_or_create(
            term=terms[roman],
            number=number,
            defaults={
                "kind": kind,
                "regular_slot": slot,
                "start_date": start,
                "end_date": end,
                "venue": VENUE,
                "format": Session.Format.IN_PERSON,
                "status": Session.Status.CLOSED,
            },
        )
        sessions[(roman, number)] = session
    _load_agenda(terms["XVI"], sessions)
    for number in range(11, 16):
        _load_attendance(sessions[("XVI", number)])


def _load_agenda(term, sessions) -> None:
    # The council's own organisations: another council may have one of the same name.
    own = Organization.objects.filter(council=term.council_id)
    provincial_ubnd = own.filter(kind="ubnd", level="province").first()
    committees = {c.code: c for c in Committee.objects.filter(term=term)}
    for number, order, doc_type, symbol, day, issuer, ban, title in AGENDA:
        issuer_org = (own.filter(name=issuer).first() if issuer else None) or (
            provincial_ubnd if doc_type == "submission" else None
        )
        AgendaItem.objects.update_or_create(
            session=sessions[("XVI", number)],
            number_symbol=symbol,
            defaults={
                "order": order,
                "doc_type": doc_type,
                "doc_date": day,
                "title": title,
                "issuer": issuer_org,
                "reviewing_committee": committees.get(ban) if ban else None,
            },
        )


def _load_attendance(session: Session) -> None:
    delegates = list(
        Delegate.objects.filter(term=session.term, status=Delegate.Status.ACTIVE)
        .order_by("full_name")
        .values_list("pk", flat=True)
    )
    statuses = {}
    for i, pk in enumerate(delegates):
        slot = (i * 7 + session.number) % 29
        if slot == 0:
            statuses[pk] = Attendance.Status.ABSENT
        elif slot in (3, 11):
            statuses[pk] = Attendance.Status.EXCUSED
        else:
            statuses[pk] = Attendance.Status.PRESENT
    session_attendance_save(session=session, statuses=statuses)


# --- A commune council's 2026 (issue 19) ---------------------------------------------------


def commune_sessions(council: Council) -> list[tuple[int, str, str, dt.date, dt.date]]:
    """The 2026 sessions of a demo commune council's 2026 - 2031 term: (number, kind, slot,
    start, end). The first opens the term; a thematic one in May; the mid-year one in July."""
    term = council_demo.current_term(council)
    shift = dt.timedelta(days=council_demo.commune_shift(council))
    first = term.start_date if term is not None else D(2026, 3, 27)
    thematic, mid_year = D(2026, 5, 20) + shift, D(2026, 7, 14) + shift
    return [
        (1, R, "first", first, first),
        (2, T, "", thematic, thematic),
        (3, R, "mid_year", mid_year, mid_year),
    ]


def load_commune(*, council: Council) -> None:
    """A commune council's sessions of 2026, their documents and attendance. Idempotent: keyed
    on (term, number) and (session, number and symbol)."""
    term = council_demo.current_term(council)
    if term is None:
        return
    place = council_demo.locality(council)
    sessions = {}
    for number, kind, slot, start, end in commune_sessions(council):
        sessions[number], _ = Session.objects.update_or_create(
            term=term,
            number=number,
            defaults={
                "kind": kind,
                "regular_slot": slot,
                "start_date": start,
                "end_date": end,
                "venue": f"Hội trường Ủy ban nhân dân {place}",
                "format": Session.Format.IN_PERSON,
                "status": Session.Status.CLOSED,
            },
        )
    ubnd = council_demo.commune_organization(council, "Ủy ban nhân dân")
    committees = {c.code: c for c in Committee.objects.filter(term=term)}
    economy = committees.get(council_demo.COMMUNE_ECONOMY_SOCIETY)
    spec = council_demo.commune_spec(council)
    project = spec.project if spec is not None else f"xây dựng công trình công cộng {place}"
    thematic, mid_year = sessions[2].start_date, sessions[3].start_date
    # (session, order, doc type, number/symbol, date, issuer, reviewing Ban, title)
    agenda = [
        (
            2,
            1,
            AgendaItem.DocType.SUBMISSION,
            "28/TTr-UBND",
            thematic - dt.timedelta(days=12),
            ubnd,
            economy,
            f"Tờ trình về chủ trương đầu tư dự án {project}",
        ),
        (
            2,
            2,
            AgendaItem.DocType.REVIEW_REPORT,
            "09/BC-HĐND",
            thematic - dt.timedelta(days=4),
            None,
            economy,
            f"Báo cáo thẩm tra dự thảo nghị quyết về chủ trương đầu tư dự án {project}",
        ),
        (
            3,
            1,
            AgendaItem.DocType.REPORT,
            "21/BC-HĐND",
            mid_year - dt.timedelta(days=7),
            None,
            None,
            "Báo cáo kết quả hoạt động 6 tháng đầu năm, chương trình hoạt động 6 tháng cuối "
            f"năm 2026 của Thường trực HĐND {place}",
        ),
        (
            3,
            2,
            AgendaItem.DocType.SUBMISSION,
            "61/TTr-UBND",
            mid_year - dt.timedelta(days=20),
            ubnd,
            economy,
            f"Tờ trình đề nghị phê chuẩn quyết toán ngân sách {place} năm 2025",
        ),
        (
            3,
            3,
            AgendaItem.DocType.REVIEW_REPORT,
            "24/BC-HĐND",
            mid_year - dt.timedelta(days=5),
            None,
            economy,
            f"Báo cáo thẩm tra dự thảo nghị quyết phê chuẩn quyết toán ngân sách {place} năm 2025",
        ),
    ]
    for number, order, doc_type, symbol, day, issuer, ban, title in agenda:
        AgendaItem.objects.update_or_create(
            session=sessions[number],
            number_symbol=symbol,
            defaults={
                "order": order,
                "doc_type": doc_type,
                "doc_date": day,
                "title": title,
                "issuer": issuer,
                "reviewing_committee": ban,
            },
        )
    for session in sessions.values():
        _load_attendance(session)
