"""Demo resolution register of the Lạng Sơn HĐND: 65 resolutions adopted at the five sessions of
2019 (20 normative "NN/2019/NQ-HĐND", 45 individual "NN/NQ-HĐND"), a few of 2017-2018 that the
2019 ones amend, replace or repeal, and two of 2021; a commune council's eight of 2026 in its own
sequences (load_commune). Written through the services, keyed on the
resolution number, so loading twice changes nothing."""

from __future__ import annotations

import datetime as dt

from council import demo as council_demo
from council.models import Council, Delegate, InterSessionMatter, Position
from council.selectors import term_delegate_count
from resolutions.models import Resolution, ResolutionField, ResolutionRelation, ResolutionReview
from resolutions.services import (
    resolution_create,
    resolution_relation_create,
    resolution_review_save,
    resolution_series,
    resolution_update,
)
from sessions.models import Session

FIELDS = {
    "ns": "Ngân sách - tài chính",
    "dt": "Đầu tư công",
    "dd": "Đất đai",
    "tc": "Tổ chức - nhân sự",
    "xh": "Chính sách xã hội",
    "gy": "Giáo dục - y tế",
    "nn": "Nông nghiệp - nông thôn",
    "gs": "Giám sát",
    "pc": "Phê chuẩn nội dung phát sinh",
    "kh": "Khác",
}
QP, CB = True, False  # normative (quy phạm), individual (cá biệt)
LS = "trên địa bàn tỉnh Lạng Sơn"

# (term, session number) -> [(normative?, field, title)], in order of adoption.
RESOLUTIONS: dict[tuple[str, int], list[tuple[bool, str, str]]] = {
    ("XVI", 6): [
        (QP, "ns", f"Quy định mức thu phí tham quan danh lam thắng cảnh, di tích lịch sử {LS}"),
        (QP, "ns", f"Quy định mức thu lệ phí cấp giấy phép xây dựng {LS}"),
        (QP, "nn", f"Quy định một số chính sách hỗ trợ phát triển sản xuất nông nghiệp {LS}"),
    ],
    ("XVI", 10): [
        (QP, "dd", f"Quy định hệ số điều chỉnh giá đất năm 2019 {LS}"),
        (
            QP,
            "gy",
            f"Quy định mức thu học phí đối với cơ sở giáo dục công lập năm học 2018 - 2019 {LS}",
        ),
        (
            CB,
            "ns",
            "Dự toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách địa phương năm 2019",
        ),
    ],
    ("XVI", 11): [
        (
            QP,
            "ns",
            f"Quy định mức chi bảo đảm cho công tác kiểm tra, xử lý, rà soát, hệ thống hóa văn bản quy phạm pháp luật {LS}",
        ),
        (
            QP,
            "nn",
            f"Quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp hàng hóa {LS} giai đoạn 2019 - 2025",
        ),
        (
            CB,
            "dt",
            "Điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2016 - 2020 nguồn vốn ngân sách địa phương",
        ),
        (CB, "dt", "Quyết định chủ trương đầu tư dự án cải tạo, nâng cấp đường tỉnh 226"),
        (
            CB,
            "tc",
            "Miễn nhiệm chức danh Ủy viên Ủy ban nhân dân tỉnh Lạng Sơn nhiệm kỳ 2016 - 2021",
        ),
        (CB, "dd", f"Điều chỉnh, bổ sung danh mục dự án cần thu hồi đất năm 2019 {LS}"),
    ],
    ("XVI", 12): [
        (
            QP,
            "ns",
            f"Quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định đề án, báo cáo thăm dò, khai thác, sử dụng nước dưới đất {LS}",
        ),
        (QP, "xh", f"Quy định mức hỗ trợ đóng bảo hiểm y tế cho một số đối tượng {LS}"),
        (
            QP,
            "gy",
            f"Quy định mức thu học phí đối với cơ sở giáo dục công lập năm học 2019 - 2020 {LS}",
        ),
        (
            QP,
            "ns",
            "Quy định nội dung, mức chi thực hiện công tác phổ biến, giáo dục pháp luật và chuẩn tiếp cận pháp luật của người dân tại cơ sở",
        ),
        (
            QP,
            "kh",
            "Quy định chế độ dinh dưỡng đối với huấn luyện viên, vận động viên thể thao tỉnh Lạng Sơn",
        ),
        (
            QP,
            "dd",
            f"Sửa đổi, bổ sung một số điều của Nghị quyết quy định hệ số điều chỉnh giá đất năm 2019 {LS}",
        ),
        (CB, "gs", "Chương trình giám sát năm 2020 của Hội đồng nhân dân tỉnh Lạng Sơn"),
        (
            CB,
            "gs",
            "Kết quả giám sát việc chấp hành pháp luật trong đầu tư xây dựng các dự án trọng điểm giai đoạn 2016 - 2018",
        ),
        (
            CB,
            "pc",
            "Phê chuẩn kết quả giải quyết các nội dung phát sinh giữa hai kỳ họp của Thường trực HĐND tỉnh (tháng 01 đến tháng 6 năm 2019)",
        ),
        (CB, "dt", "Điều chỉnh kế hoạch đầu tư công năm 2019"),
        (
            CB,
            "dt",
            "Quyết định chủ trương đầu tư một số dự án nhóm B sử dụng vốn ngân sách địa phương",
        ),
        (CB, "ns", "Phê chuẩn quyết toán ngân sách địa phương năm 2018"),
        (CB, "dd", "Thông qua danh mục dự án cần thu hồi đất bổ sung năm 2019"),
        (
            CB,
            "dd",
            "Chấp thuận chuyển mục đích sử dụng đất trồng lúa, đất rừng phòng hộ để thực hiện dự án bổ sung năm 2019",
        ),
        (
            CB,
            "tc",
            "Xác nhận kết quả bầu bổ sung Ủy viên Ủy ban nhân dân tỉnh Lạng Sơn nhiệm kỳ 2016 - 2021",
        ),
        (CB, "tc", "Phê duyệt tổng số người làm việc trong đơn vị sự nghiệp công lập năm 2019"),
        (CB, "xh", "Thông qua Đề án giảm nghèo bền vững giai đoạn 2019 - 2020"),
        (CB, "gy", "Thông qua Đề án phát triển mạng lưới trường, lớp học giai đoạn 2019 - 2025"),
    ],
    ("XVI", 13): [
        (QP, "ns", f"Quy định mức chi hỗ trợ phòng, chống bệnh dịch tả lợn châu Phi {LS} năm 2019"),
        (
            CB,
            "dt",
            "Quyết định chủ trương đầu tư dự án kè chống sạt lở bờ sông Kỳ Cùng đoạn qua thành phố Lạng Sơn",
        ),
        (
            CB,
            "dt",
            "Điều chỉnh chủ trương đầu tư dự án Khu trung chuyển hàng hóa tại cửa khẩu Tân Thanh",
        ),
        (CB, "ns", "Bổ sung dự toán chi ngân sách tỉnh năm 2019 để khắc phục hậu quả mưa lũ"),
        (CB, "tc", "Bầu bổ sung Ủy viên Ủy ban nhân dân tỉnh Lạng Sơn nhiệm kỳ 2016 - 2021"),
    ],
    ("XVI", 14): [
        (
            QP,
            "gy",
            f"Quy định chính sách hỗ trợ học sinh và trường phổ thông ở xã, thôn đặc biệt khó khăn {LS}",
        ),
        (QP, "ns", f"Quy định phân cấp nhiệm vụ chi bảo vệ môi trường {LS}"),
        (
            CB,
            "dt",
            "Điều chỉnh, bổ sung kế hoạch đầu tư công năm 2019 nguồn vốn ngân sách trung ương",
        ),
        (CB, "dt", "Quyết định chủ trương đầu tư dự án xây dựng Bệnh viện Phổi tỉnh Lạng Sơn"),
        (CB, "dd", "Thông qua danh mục dự án cần thu hồi đất đợt 2 năm 2019"),
        (
            CB,
            "pc",
            "Phê chuẩn kết quả giải quyết các nội dung phát sinh giữa hai kỳ họp (tháng 7 đến tháng 9 năm 2019)",
        ),
    ],
    ("XVI", 15): [
        (QP, "dd", f"Ban hành Bảng giá đất giai đoạn 2020 - 2024 {LS}"),
        (
            QP,
            "ns",
            "Quy định định mức phân bổ dự toán chi thường xuyên ngân sách địa phương năm 2020",
        ),
        (
            QP,
            "ns",
            f"Quy định mức thu phí tham quan danh lam thắng cảnh, di tích lịch sử {LS} (thay thế)",
        ),
        (
            QP,
            "xh",
            f"Quy định chính sách hỗ trợ người có uy tín trong đồng bào dân tộc thiểu số {LS}",
        ),
        (QP, "gy", f"Quy định mức hỗ trợ hằng tháng đối với nhân viên y tế thôn, bản {LS}"),
        (QP, "nn", f"Quy định chính sách hỗ trợ phát triển hợp tác xã {LS} giai đoạn 2020 - 2025"),
        (
            QP,
            "kh",
            "Quy định mức chi bảo đảm hoạt động của Hội đồng nhân dân các cấp tỉnh Lạng Sơn",
        ),
        (QP, "dd", f"Quy định hệ số điều chỉnh giá đất năm 2020 {LS}"),
        (QP, "ns", f"Bãi bỏ Nghị quyết quy định mức thu lệ phí cấp giấy phép xây dựng {LS}"),
        (
            CB,
            "ns",
            "Dự toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách địa phương năm 2020",
        ),
        (CB, "ns", "Phân bổ dự toán ngân sách tỉnh Lạng Sơn năm 2020"),
        (CB, "ns", "Vay vốn để bù đắp bội chi ngân sách địa phương năm 2020"),
        (CB, "kh", "Kế hoạch phát triển kinh tế - xã hội năm 2020"),
        (CB, "dt", "Kế hoạch đầu tư công năm 2020"),
        (CB, "dt", "Điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2016 - 2020"),
        (
            CB,
            "dt",
            "Quyết định chủ trương đầu tư dự án Khu tái định cư phục vụ dự án đường cao tốc Hữu Nghị - Chi Lăng",
        ),
        (CB, "dd", "Thông qua danh mục dự án cần thu hồi đất năm 2020"),
        (
            CB,
            "dd",
            "Chấp thuận chuyển mục đích sử dụng đất trồng lúa, đất rừng phòng hộ, đất rừng đặc dụng để thực hiện dự án năm 2020",
        ),
        (
            CB,
            "tc",
            "Giao biên chế công chức trong cơ quan, tổ chức hành chính nhà nước tỉnh Lạng Sơn năm 2020",
        ),
        (
            CB,
            "tc",
            "Phê duyệt tổng số người làm việc trong đơn vị sự nghiệp công lập và hợp đồng lao động năm 2020",
        ),
        (CB, "tc", "Kế hoạch tổ chức các kỳ họp thường lệ năm 2020 của Hội đồng nhân dân tỉnh"),
        (CB, "gs", "Thành lập Đoàn giám sát chuyên đề của Hội đồng nhân dân tỉnh năm 2020"),
        (
            CB,
            "gs",
            "Chất vấn và trả lời chất vấn tại Kỳ họp thứ 15, Hội đồng nhân dân tỉnh khóa XVI",
        ),
        (
            CB,
            "pc",
            "Phê chuẩn kết quả giải quyết các nội dung phát sinh giữa hai kỳ họp (tháng 10 và tháng 11 năm 2019)",
        ),
        (CB, "xh", "Thông qua Đề án hỗ trợ nhà ở cho hộ nghèo giai đoạn 2020 - 2021"),
        (CB, "gy", "Thông qua Kế hoạch phát triển mạng lưới cơ sở y tế giai đoạn 2020 - 2025"),
        (
            CB,
            "nn",
            "Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2020",
        ),
        (CB, "kh", "Đặt tên, điều chỉnh tên một số đường, phố trên địa bàn thành phố Lạng Sơn"),
        (CB, "kh", "Chương trình xây dựng nghị quyết năm 2020 của Hội đồng nhân dân tỉnh"),
        (
            CB,
            "xh",
            "Thông qua Đề án nâng cao chất lượng công tác bảo trợ xã hội giai đoạn 2020 - 2025",
        ),
    ],
    ("XVII", 2): [
        (
            CB,
            "dt",
            "Quyết định chủ trương đầu tư dự án đường cao tốc Đồng Đăng - Trà Lĩnh đoạn qua tỉnh Lạng Sơn",
        ),
        (
            CB,
            "ns",
            "Bổ sung dự toán chi ngân sách tỉnh năm 2021 cho công tác phòng, chống dịch COVID-19",
        ),
    ],
}
SIGNERS = {"XVI": "Hoàng Văn Nghiệm", "XVII": "Đoàn Thị Hậu"}

# (source (term, session, index), kind, target (term, session, index))
RELATIONS = [
    (("XVI", 11, 1), ResolutionRelation.Kind.REPLACES, ("XVI", 6, 2)),
    (("XVI", 12, 5), ResolutionRelation.Kind.AMENDS, ("XVI", 10, 0)),
    (("XVI", 15, 2), ResolutionRelation.Kind.REPLACES, ("XVI", 6, 0)),
    (("XVI", 15, 8), ResolutionRelation.Kind.REPEALS, ("XVI", 6, 1)),
]

# Ratifying resolutions (term, session, index) -> months of the inter-session matters ratified.
RATIFIES = {
    ("XVI", 12, 8): range(1, 7),
    ("XVI", 14, 5): range(7, 10),
    ("XVI", 15, 23): range(10, 13),
}


def _fields() -> dict[str, ResolutionField]:
    fields = {}
    for order, (key, name) in enumerate(FIELDS.items(), start=1):
        fields[key], _ = ResolutionField.objects.update_or_create(
            name=name, defaults={"order": order}
        )
    return fields


def load(*, council: Council) -> None:
    fields = _fields()
    sessions = {
        (s.term.roman, s.number): s
        for s in Session.objects.filter(term__council=council).select_related("term")
    }
    # Each year's sequences start at 1: count per (year, kind) in order of adoption.
    counters: dict[tuple[int, bool], int] = {}
    made: dict[tuple[str, int, int], Resolution] = {}
    for (roman, number), items in sorted(
        RESOLUTIONS.items(), key=lambda kv: sessions[kv[0]].start_date
    ):
        session = sessions[(roman, number)]
        for index, (normative, field_key, title) in enumerate(items):
            year = session.end_date.year
            seq = counters.get((year, normative), 0) + 1
            counters[(year, normative)] = seq
            made[(roman, number, index)] = _upsert(
                council=council,
                session=session,
                number=seq,
                normative=normative,
                field=fields[field_key],
                title=title,
                signer=SIGNERS[roman],
                index=index,
            )
    for source, kind, target in RELATIONS:
        if not ResolutionRelation.objects.filter(
            source=made[source], target=made[target], kind=kind
        ).exists():
            resolution_relation_create(source=made[source], target=made[target], kind=kind)
    # The tuition fee of a past school year lapses by itself.
    tuition = made[("XVI", 10, 1)]
    if tuition.status == Resolution.Status.IN_FORCE:
        resolution_update(resolution=tuition, status=Resolution.Status.EXPIRED)
    for key, months in RATIFIES.items():
        matters = InterSessionMatter.objects.filter(
            term=sessions[("XVI", 12)].term,
            received_date__year=2019,
            received_date__month__in=list(months),
        )
        made[key].ratified_matters.set(matters)


def _upsert(
    *,
    council,
    session,
    number: int,
    normative: bool,
    field,
    title: str,
    signer: str,
    index: int,
    present: int | None = None,
) -> Resolution:
    adopted = session.end_date
    if present is None:
        present = 54 + index % 4
    against = 1 if index % 7 == 3 else 0
    abstain = index % 3 if index % 3 < 2 else 0
    data = {
        "session": session,
        "adopted_date": adopted,
        "effective_date": adopted + dt.timedelta(days=10) if normative else adopted,
        "title": title,
        "field": field,
        "votes_for": present - against - abstain,
        "votes_against": against,
        "votes_abstain": abstain,
        "delegates_present": present,
        "signer": signer,
    }
    existing = Resolution.objects.filter(
        council=council,
        year=adopted.year,
        series=resolution_series(council=council, is_normative=normative),
        number=number,
    ).first()
    if existing is not None:
        # Keep whatever status relations gave it.
        return resolution_update(resolution=existing, is_normative=normative, **data)
    return resolution_create(council=council, number=number, is_normative=normative, **data)


# --- A commune council's 2026 (issue 19) ---------------------------------------------------


def commune_resolutions(council: Council) -> dict[int, list[tuple[bool, str, str]]]:
    """Session number -> [(normative?, field, title)] of a demo commune council's 2026, in order
    of adoption: its own sequences, 01/NQ-HĐND ... and 01/2026/NQ-HĐND ..."""
    place = council_demo.locality(council)
    spec = council_demo.commune_spec(council)
    project = spec.project if spec is not None else f"xây dựng công trình công cộng {place}"
    term = council_demo.current_term(council)
    roman = term.roman if term is not None else ""
    return {
        1: [
            (
                CB,
                "tc",
                f"Xác nhận kết quả bầu Chủ tịch, Phó Chủ tịch Hội đồng nhân dân, Trưởng ban, Phó "
                f"Trưởng ban các Ban của Hội đồng nhân dân {place} khóa {roman}, nhiệm kỳ "
                "2026 - 2031",
            ),
            (
                CB,
                "tc",
                f"Xác nhận kết quả bầu Chủ tịch, Phó Chủ tịch và Ủy viên Ủy ban nhân dân {place} "
                "nhiệm kỳ 2026 - 2031",
            ),
        ],
        2: [
            (CB, "dt", f"Quyết định chủ trương đầu tư dự án {project}"),
            (
                QP,
                "kh",
                "Quy định một số biện pháp bảo đảm trật tự, an toàn giao thông và vệ sinh môi "
                f"trường trên địa bàn {place}",
            ),
        ],
        3: [
            (CB, "ns", f"Phê chuẩn quyết toán ngân sách {place} năm 2025"),
            (CB, "ns", f"Điều chỉnh dự toán thu, chi ngân sách {place} năm 2026"),
            (
                QP,
                "kh",
                "Ban hành Quy chế quản lý, sử dụng nhà văn hóa thôn, tổ dân phố trên địa bàn "
                f"{place}",
            ),
            (CB, "gs", f"Chương trình giám sát năm 2027 của Hội đồng nhân dân {place}"),
        ],
    }


def load_commune(*, council: Council) -> None:
    """A commune council's resolutions of 2026, numbered in its own sequences from 01, through
    the services. Keyed on the number, so loading twice changes nothing."""
    term = council_demo.current_term(council)
    if term is None:
        return
    fields = _fields()
    sessions = {s.number: s for s in Session.objects.filter(term=term)}
    seats = term_delegate_count(term=term)
    chair = (
        Delegate.objects.filter(term=term, positions__role=Position.Role.CHAIR)
        .values_list("full_name", flat=True)
        .first()
    ) or ""
    counters: dict[tuple[int, bool], int] = {}
    for number, items in commune_resolutions(council).items():
        session = sessions.get(number)
        if session is None:  # the sessions app did not load it
            continue
        for index, (normative, field_key, title) in enumerate(items):
            year = session.end_date.year
            seq = counters.get((year, normative), 0) + 1
            counters[(year, normative)] = seq
            _upsert(
                council=council,
                session=session,
                number=seq,
                normative=normative,
                field=fields[field_key],
                title=title,
                signer=chair,
                index=index,
                present=seats - (index + number) % 3,
            )
    _load_reviews(council)


def _load_reviews(council: Council) -> None:
    """The province's review of the commune's normative resolutions: the first received a week
    after adoption and concluded three weeks later, the second received and still under
    review. Keyed on the resolution."""
    normative = Resolution.objects.filter(council=council, is_normative=True).order_by(
        "adopted_date", "number"
    )
    for index, resolution in enumerate(normative[:2]):
        received = resolution.adopted_date + dt.timedelta(days=7)
        concluded = index == 0
        review = ResolutionReview.objects.filter(resolution=resolution).first() or (
            ResolutionReview(resolution=resolution)
        )
        review.received_date = received
        review.reviewed_date = received + dt.timedelta(days=21) if concluded else None
        review.conclusion = ResolutionReview.Conclusion.CONFORMING if concluded else ""
        review.document_number = "15/TTHĐND-PC" if concluded else ""
        resolution_review_save(review=review)
