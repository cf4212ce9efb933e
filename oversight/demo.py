"""Demo oversight data: 2019 of term XVI of the Lạng Sơn HĐND, as the founding document tells it.

"01 cuộc giám sát chuyên đề của HĐND tỉnh; 02 cuộc giám sát chuyên đề và 01 cuộc kiểm tra của
Thường trực HĐND tỉnh; 01 phiên họp giải trình; 01 phiên chất vấn giữa 2 kỳ họp. Các Ban HĐND
tỉnh cũng đã tổ chức được 12 cuộc giám sát chuyên đề theo kế hoạch."

Plus the 2019 annual programme (some items not carried out), questioning at the two regular
sessions, recommendations in mixed states with their follow-up, and one survey that ran from
December 2019 into January 2020 (it counts in 2020). A commune council's 2026: load_commune.
Everything goes through the services and is
keyed on natural keys, so loading twice changes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Model

from core.scoping import of_council
from council import demo as council_demo
from council.models import Committee, Council, Delegate, Organization, Term
from oversight.models import (
    Actor,
    FollowUp,
    Kind,
    OversightActivity,
    OversightProgramme,
    OversightRecommendation,
    ProgrammeItem,
    Question,
)
from oversight.services import (
    activity_save,
    follow_up_save,
    programme_item_save,
    programme_save,
    question_save,
    recommendation_save,
)

D = dt.date
Status = OversightRecommendation.Status

# Organisations the demo needs beyond council.demo's list: (name, short name, kind).
EXTRA_ORGANIZATIONS = [
    ("Cục Thi hành án dân sự tỉnh Lạng Sơn", "Cục THADS tỉnh", "department"),
    ("Bảo hiểm xã hội tỉnh Lạng Sơn", "BHXH tỉnh", "department"),
]

UBND = "Ủy ban nhân dân tỉnh Lạng Sơn"
KHDT = "Sở Kế hoạch và Đầu tư"
TC = "Sở Tài chính"
TNMT = "Sở Tài nguyên và Môi trường"
GTVT = "Sở Giao thông vận tải"
XD = "Sở Xây dựng"
NN = "Sở Nông nghiệp và Phát triển nông thôn"
GD = "Sở Giáo dục và Đào tạo"
YT = "Sở Y tế"
LD = "Sở Lao động - Thương binh và Xã hội"
CT = "Sở Công Thương"
CA = "Công an tỉnh Lạng Sơn"
BDT = "Ban Dân tộc tỉnh Lạng Sơn"
THADS = "Cục Thi hành án dân sự tỉnh Lạng Sơn"
BHXH = "Bảo hiểm xã hội tỉnh Lạng Sơn"

# The Ban's twelve thematic supervisions of 2019: (Ban code, topic, start, end, supervised).
COMMITTEE_SUPERVISIONS = [
    (
        "phap_che",
        "Giám sát công tác thi hành án dân sự trên địa bàn tỉnh năm 2018 và 6 tháng đầu năm 2019",
        D(2019, 5, 13),
        D(2019, 6, 14),
        [THADS],
    ),
    (
        "phap_che",
        "Giám sát việc chấp hành pháp luật trong công tác tạm giữ, tạm giam, thi hành án hình sự",
        D(2019, 8, 5),
        D(2019, 8, 30),
        [CA],
    ),
    (
        "phap_che",
        "Giám sát công tác tiếp công dân, giải quyết khiếu nại, tố cáo của các cơ quan hành chính",
        D(2019, 10, 7),
        D(2019, 11, 8),
        [UBND],
    ),
    (
        "kinh_te_ngan_sach",
        "Giám sát tình hình thực hiện dự toán thu ngân sách nhà nước 6 tháng đầu năm 2019",
        D(2019, 6, 3),
        D(2019, 6, 21),
        [TC],
    ),
    (
        "kinh_te_ngan_sach",
        "Giám sát tiến độ giải ngân vốn đầu tư công năm 2019",
        D(2019, 9, 9),
        D(2019, 10, 4),
        [KHDT, GTVT],
    ),
    (
        "kinh_te_ngan_sach",
        "Giám sát công tác quản lý, sử dụng đất đai tại các khu, cụm công nghiệp",
        D(2019, 11, 4),
        D(2019, 11, 29),
        [TNMT, CT],
    ),
    (
        "van_hoa_xa_hoi",
        "Giám sát công tác khám, chữa bệnh bảo hiểm y tế tại các bệnh viện tuyến huyện",
        D(2019, 4, 8),
        D(2019, 5, 10),
        [YT, BHXH],
    ),
    (
        "van_hoa_xa_hoi",
        "Giám sát việc sắp xếp mạng lưới trường, lớp học và đội ngũ giáo viên",
        D(2019, 7, 22),
        D(2019, 8, 23),
        [GD],
    ),
    (
        "van_hoa_xa_hoi",
        "Giám sát việc thực hiện chính sách giảm nghèo bền vững giai đoạn 2016 - 2019",
        D(2019, 10, 14),
        D(2019, 11, 15),
        [LD],
    ),
    (
        "dan_toc",
        "Giám sát việc thực hiện Chương trình 135 giai đoạn 2016 - 2020",
        D(2019, 3, 18),
        D(2019, 4, 19),
        [BDT],
    ),
    (
        "dan_toc",
        "Giám sát chính sách hỗ trợ đất ở, đất sản xuất, nước sinh hoạt cho hộ đồng bào "
        "dân tộc thiểu số nghèo",
        D(2019, 6, 17),
        D(2019, 7, 19),
        [BDT, NN],
    ),
    (
        "dan_toc",
        "Giám sát việc thực hiện chính sách đối với người có uy tín trong đồng bào dân tộc "
        "thiểu số",
        D(2019, 9, 16),
        D(2019, 10, 18),
        [BDT],
    ),
]

# Items of the 2019 programme that were not carried out in 2019: (actor, Ban code, topic, quarter).
NOT_DONE_ITEMS = [
    (
        Actor.STANDING,
        "",
        "Giám sát việc quản lý, sử dụng quỹ đất công do Nhà nước giao cho các tổ chức",
        4,
    ),
    (
        Actor.COMMITTEE,
        "kinh_te_ngan_sach",
        "Giám sát việc quản lý chợ và phát triển hạ tầng thương mại nông thôn",
        4,
    ),
    (
        Actor.COMMITTEE,
        "van_hoa_xa_hoi",
        "Giám sát công tác bảo tồn, phát huy giá trị di tích lịch sử - văn hóa",
        3,
    ),
]


def load(*, council: Council) -> None:
    term = Term.objects.get(council=council, roman="XVI")
    orgs = _organizations(council)
    committees = {c.code: c for c in Committee.objects.filter(term=term)}
    delegates = list(Delegate.objects.filter(term=term).order_by("pk"))
    programme = _programme_2019(term)
    item_no = iter(range(1, 100))

    def item(actor: str, topic: str, kind: str, *, committee: Committee | None, quarter: int):
        return _upsert(
            ProgrammeItem,
            {"programme": programme, "topic": topic},
            actor=actor,
            committee=committee,
            kind=kind,
            planned_quarter=quarter,
            order=next(item_no),
            save=lambda obj: programme_item_save(item=obj),
        )

    def activity(
        topic: str,
        *,
        actor: str,
        kind: str,
        start: dt.date,
        end: dt.date | None,
        supervised: list[str],
        committee: Committee | None = None,
        planned: bool = True,
        quarter: int | None = None,
        **fields: Any,
    ) -> OversightActivity:
        planned_item = (
            item(actor, topic, kind, committee=committee, quarter=quarter or (start.month + 2) // 3)
            if planned
            else None
        )
        members = (
            [d for d in delegates if d.committee_id == committee.pk][:5]
            if committee
            else delegates[:5]
        )
        obj = OversightActivity.objects.filter(term=term, topic=topic).first()
        obj = obj or OversightActivity(term=term, topic=topic)
        for name, value in {
            "actor": actor,
            "kind": kind,
            "committee": committee,
            "start_date": start,
            "end_date": end,
            "programme_item": planned_item,
            **fields,
        }.items():
            setattr(obj, name, value)
        return activity_save(
            activity=obj,
            supervised_organizations=[orgs[name] for name in supervised],
            members=members,
        )

    # 01 thematic supervision of the HĐND (its delegation reported to the mid-year session).
    key_projects = activity(
        "Giám sát việc chấp hành pháp luật trong đầu tư xây dựng các dự án trọng điểm "
        "trên địa bàn tỉnh giai đoạn 2016 - 2018",
        actor=Actor.COUNCIL,
        kind=Kind.THEMATIC_SUPERVISION,
        start=D(2019, 3, 11),
        end=D(2019, 6, 28),
        supervised=[UBND, KHDT, XD, GTVT],
        establishing_number="Nghị quyết số 29/NQ-HĐND ngày 12/12/2018",
        plan_number="05/KH-ĐGS",
        result_report_number="62/BC-ĐGS",
        result_report_date=D(2019, 6, 28),
        establishing_resolution=None,
        is_public=True,  # on the public portal with its recommendations (issue 24)
    )
    # 02 thematic supervisions and 01 inspection of the Standing Committee.
    boarding = activity(
        "Giám sát việc thực hiện chính sách hỗ trợ học sinh bán trú và trường phổ thông "
        "dân tộc bán trú",
        actor=Actor.STANDING,
        kind=Kind.THEMATIC_SUPERVISION,
        start=D(2019, 4, 1),
        end=D(2019, 5, 17),
        supervised=[GD, TC],
        committee=committees["van_hoa_xa_hoi"],
        establishing_number="Quyết định số 15/QĐ-HĐND ngày 20/3/2019",
        plan_number="18/KH-HĐND",
        result_report_number="45/BC-HĐND",
        result_report_date=D(2019, 5, 24),
        conclusion_number="38/TB-HĐND",
        conclusion_date=D(2019, 6, 3),
        is_public=True,
    )
    minerals = activity(
        "Giám sát công tác quản lý nhà nước về khoáng sản trên địa bàn tỉnh giai đoạn 2016 - 2019",
        actor=Actor.STANDING,
        kind=Kind.THEMATIC_SUPERVISION,
        start=D(2019, 9, 3),
        end=D(2019, 10, 25),
        supervised=[TNMT, CT],
        committee=committees["kinh_te_ngan_sach"],
        establishing_number="Quyết định số 41/QĐ-HĐND ngày 26/8/2019",
        plan_number="52/KH-HĐND",
        result_report_number="98/BC-HĐND",
        result_report_date=D(2019, 11, 1),
        conclusion_number="77/TB-HĐND",
        conclusion_date=D(2019, 11, 12),
    )
    activity(
        "Kiểm tra việc giải quyết ý kiến, kiến nghị của cử tri gửi tới kỳ họp thứ tám, "
        "kỳ họp thứ mười HĐND tỉnh",
        actor=Actor.STANDING,
        kind=Kind.INSPECTION,
        start=D(2019, 8, 12),
        end=D(2019, 8, 23),
        supervised=[UBND, NN, GTVT],
        committee=committees["phap_che"],
        plan_number="44/KH-HĐND",
        result_report_number="71/BC-HĐND",
        result_report_date=D(2019, 9, 4),
    )
    # 01 explanation hearing: June 2019, departments explain delayed projects.
    hearing = activity(
        "Phiên giải trình về tiến độ thực hiện các dự án đầu tư chậm triển khai trên địa bàn tỉnh",
        actor=Actor.STANDING,
        kind=Kind.EXPLANATION,
        start=D(2019, 6, 26),
        end=D(2019, 6, 26),
        supervised=[KHDT, TNMT, XD],
        plan_number="30/KH-HĐND",
        conclusion_number="49/TB-HĐND",
        conclusion_date=D(2019, 7, 2),
    )
    # 01 questioning between two sessions, at a Standing Committee meeting.
    intersession = activity(
        "Phiên chất vấn giữa hai kỳ họp về công tác bồi thường, hỗ trợ, giải phóng mặt bằng",
        actor=Actor.STANDING,
        kind=Kind.QUESTIONING_INTERSESSION,
        start=D(2019, 10, 30),
        end=D(2019, 10, 30),
        supervised=[TNMT, GTVT, UBND],
        conclusion_number="82/TB-HĐND",
        conclusion_date=D(2019, 11, 6),
    )
    # The Ban: 12 thematic supervisions, three each.
    ban_activities = [
        activity(
            topic,
            actor=Actor.COMMITTEE,
            kind=Kind.THEMATIC_SUPERVISION,
            start=start,
            end=end,
            supervised=supervised,
            committee=committees[code],
            plan_number=f"{10 + i * 3:02d}/KH-{_ban_symbol(code)}",
            result_report_number=f"{20 + i * 3:02d}/BC-{_ban_symbol(code)}",
            result_report_date=end + dt.timedelta(days=10),
        )
        for i, (code, topic, start, end, supervised) in enumerate(COMMITTEE_SUPERVISIONS)
    ]
    # Questioning at the two regular sessions (not programme items).
    at_sessions = []
    for number, start, topic in (
        (12, D(2019, 7, 11), "Chất vấn tại kỳ họp thứ mười hai về quản lý đất đai, môi trường"),
        (15, D(2019, 12, 11), "Chất vấn tại kỳ họp thứ mười lăm về giao thông và y tế cơ sở"),
    ):
        at_sessions.append(
            activity(
                topic,
                actor=Actor.COUNCIL,
                kind=Kind.QUESTIONING_SESSION,
                start=start,
                end=start,
                supervised=[TNMT, GTVT, YT],
                planned=False,
                session=_session(term, number),
            )
        )
    # A survey from December 2019 to January 2020: it counts in 2020, when it ended.
    activity(
        "Khảo sát tình hình hoạt động của các hợp tác xã nông nghiệp",
        actor=Actor.COMMITTEE,
        kind=Kind.SURVEY,
        start=D(2019, 12, 16),
        end=D(2020, 1, 10),
        supervised=[NN],
        committee=committees["kinh_te_ngan_sach"],
        planned=False,
    )
    for actor, code, topic, quarter in NOT_DONE_ITEMS:
        item(
            actor,
            topic,
            Kind.THEMATIC_SUPERVISION,
            committee=committees[code] if code else None,
            quarter=quarter,
        )

    _questions(intersession, at_sessions, delegates, orgs)
    _recommendations(
        orgs,
        key_projects=key_projects,
        boarding=boarding,
        minerals=minerals,
        hearing=hearing,
        intersession=intersession,
        ban=ban_activities,
    )
    _programme_2020(council, term)


# --- helpers -------------------------------------------------------------------------------


def _upsert(model: type[Model], keys: dict[str, Any], *, save, **values: Any) -> Any:
    obj = model._default_manager.filter(**keys).first() or model(**keys)
    for name, value in values.items():
        setattr(obj, name, value)
    return save(obj)


def _organizations(council: Council) -> dict[str, Organization]:
    """The organisations the council deals with, by name: its own, the shared ones (names are
    unique within each; another council may have one of the same name)."""
    for name, short, kind in EXTRA_ORGANIZATIONS:
        Organization.objects.get_or_create(
            council=council,
            name=name,
            defaults={"short_name": short, "kind": kind, "level": "province"},
        )
    visible = of_council(Organization.objects.all(), council)
    # The council's own last, so that its organisation wins over a shared one of its name.
    return {o.name: o for o in sorted(visible, key=lambda o: o.council_id == council.pk)}


def _ban_symbol(code: str) -> str:
    return {
        "phap_che": "BPC",
        "kinh_te_ngan_sach": "BKTNS",
        "van_hoa_xa_hoi": "BVHXH",
        "dan_toc": "BDT",
    }.get(code, "HĐND")


def _session(term: Term, number: int):
    """The session row if the sessions app has loaded it; never created here."""
    from sessions.models import Session

    return Session.objects.filter(term=term, number=number).first()


def _resolution(term: Term, title_contains: str):
    from resolutions.models import Resolution

    return Resolution.objects.filter(term=term, title__icontains=title_contains).first()


def _programme_2019(term: Term) -> OversightProgramme:
    return _upsert(
        OversightProgramme,
        {"term": term, "year": 2019},
        title="Chương trình giám sát năm 2019 của HĐND tỉnh Lạng Sơn",
        adopted_number="Nghị quyết số 11/NQ-HĐND ngày 17/7/2018",
        adopted_date=D(2018, 7, 19),
        adopted_by=_resolution(term, "Chương trình giám sát năm 2019"),
        save=lambda obj: programme_save(programme=obj),
    )


def _programme_2020(council: Council, term: Term) -> None:
    resolution = _resolution(term, "Chương trình giám sát năm 2020")
    programme = _upsert(
        OversightProgramme,
        {"term": term, "year": 2020},
        title="Chương trình giám sát năm 2020 của HĐND tỉnh Lạng Sơn",
        adopted_number=f"Nghị quyết số {resolution.symbol}" if resolution else "",
        adopted_date=resolution.adopted_date if resolution else D(2019, 7, 12),
        adopted_by=resolution,
        save=lambda obj: programme_save(programme=obj),
    )
    for order, (actor, topic) in enumerate(
        [
            (Actor.COUNCIL, "Giám sát việc thực hiện các chương trình mục tiêu quốc gia"),
            (Actor.STANDING, "Giám sát công tác phòng, chống dịch bệnh trên đàn gia súc"),
            (Actor.STANDING, "Giám sát việc quản lý, sử dụng nguồn kinh phí sự nghiệp môi trường"),
        ],
        start=1,
    ):
        _upsert(
            ProgrammeItem,
            {"programme": programme, "topic": topic},
            actor=actor,
            kind=Kind.THEMATIC_SUPERVISION,
            order=order,
            save=lambda obj: programme_item_save(item=obj),
        )


def _questions(
    intersession: OversightActivity,
    at_sessions: list[OversightActivity],
    delegates: list[Delegate],
    orgs: dict[str, Organization],
) -> None:
    A, W, N = (
        Question.AnswerMode.AT_SITTING,
        Question.AnswerMode.IN_WRITING,
        Question.AnswerMode.NOT_ANSWERED,
    )
    yes, no, unknown = (
        Question.Satisfaction.YES,
        Question.Satisfaction.NO,
        Question.Satisfaction.UNKNOWN,
    )
    rows = [
        (
            intersession,
            "Nguyên nhân chậm bàn giao mặt bằng dự án đường cao tốc Bắc Giang - Lạng Sơn đoạn "
            "qua huyện Chi Lăng, Hữu Lũng và giải pháp trong thời gian tới?",
            "Giám đốc Sở Tài nguyên và Môi trường",
            TNMT,
            A,
            yes,
        ),
        (
            intersession,
            "Việc áp giá bồi thường đất nông nghiệp chưa sát giá thị trường, người dân chưa đồng "
            "thuận: trách nhiệm của cơ quan nào và hướng xử lý?",
            "Giám đốc Sở Tài nguyên và Môi trường",
            TNMT,
            A,
            no,
        ),
        (
            intersession,
            "Tiến độ xây dựng các khu tái định cư phục vụ dự án nâng cấp quốc lộ 4B?",
            "Giám đốc Sở Giao thông vận tải",
            GTVT,
            W,
            unknown,
        ),
        (
            at_sessions[0],
            "Giải pháp xử lý tình trạng khai thác cát, sỏi trái phép trên sông Kỳ Cùng?",
            "Giám đốc Sở Tài nguyên và Môi trường",
            TNMT,
            A,
            yes,
        ),
        (
            at_sessions[1],
            "Kế hoạch khắc phục tình trạng thiếu bác sĩ tại các trạm y tế xã vùng sâu, vùng xa?",
            "Giám đốc Sở Y tế",
            YT,
            A,
            unknown,
        ),
        (
            at_sessions[1],
            "Thời gian hoàn thành sửa chữa các tuyến đường tỉnh bị hư hỏng do mưa lũ năm 2019?",
            "Giám đốc Sở Giao thông vận tải",
            GTVT,
            N,
            unknown,
        ),
    ]
    askers = [d for d in delegates if not d.job_title.startswith(("Chủ tịch", "Phó Chủ tịch"))]
    for i, (activity, content, position, org, mode, satisfied) in enumerate(rows):
        _upsert(
            Question,
            {"activity": activity, "content": content},
            asker=askers[(i * 5) % len(askers)] if askers else None,
            respondent_position=position,
            respondent_organization=orgs[org],
            answer_mode=mode,
            satisfied=satisfied,
            order=i + 1,
            save=lambda obj: question_save(question=obj),
        )


def _recommendations(
    orgs: dict[str, Organization],
    *,
    key_projects: OversightActivity,
    boarding: OversightActivity,
    minerals: OversightActivity,
    hearing: OversightActivity,
    intersession: OversightActivity,
    ban: list[OversightActivity],
) -> None:
    F = FollowUp.Kind
    # (activity, text, addressee, deadline, status, completed, follow-ups [(date, kind, number)])
    rows = [
        (
            key_projects,
            "Rà soát, xử lý dứt điểm các dự án trọng điểm chậm tiến độ, kéo dài thời gian thực "
            "hiện; làm rõ trách nhiệm của chủ đầu tư",
            UBND,
            D(2019, 12, 31),
            Status.PARTLY_DONE,
            None,
            [
                (D(2020, 1, 15), F.REMINDER, "05/HĐND-VP"),
                (D(2020, 7, 8), F.REPORT_TO_COUNCIL, "88/BC-HĐND"),
            ],
        ),
        (
            key_projects,
            "Tăng cường công tác thẩm định, phê duyệt hồ sơ thiết kế, dự toán; hạn chế điều "
            "chỉnh tổng mức đầu tư",
            XD,
            D(2019, 10, 31),
            Status.DONE,
            D(2019, 10, 20),
            [],
        ),
        (
            key_projects,
            "Đẩy nhanh giải ngân vốn các dự án trọng điểm, không để chuyển nguồn kéo dài",
            KHDT,
            D(2019, 12, 31),
            Status.DONE,
            D(2019, 12, 27),
            [(D(2019, 11, 20), F.REMINDER, "412/HĐND-VP")],
        ),
        (
            boarding,
            "Chi trả đầy đủ, kịp thời kinh phí hỗ trợ gạo và tiền ăn cho học sinh bán trú",
            TC,
            D(2019, 9, 30),
            Status.DONE,
            D(2019, 9, 16),
            [],
        ),
        (
            boarding,
            "Đầu tư nâng cấp nhà ở, bếp ăn tập thể cho học sinh tại các trường phổ thông dân tộc "
            "bán trú",
            GD,
            D(2020, 6, 30),
            Status.IN_PROGRESS,
            None,
            [
                (D(2020, 8, 3), F.REMINDER, "201/HĐND-VP"),
                (D(2020, 10, 12), F.EXPLANATION_REQUEST, "265/HĐND-VP"),
            ],
        ),
        (
            minerals,
            "Kiểm tra, xử lý nghiêm các tổ chức, cá nhân khai thác khoáng sản không đúng giấy "
            "phép, chưa ký quỹ phục hồi môi trường",
            TNMT,
            D(2020, 3, 31),
            Status.NOT_STARTED,
            None,
            [
                (D(2020, 4, 10), F.REMINDER, "97/HĐND-VP"),
                (D(2020, 9, 22), F.RE_SUPERVISION, "60/KH-HĐND"),
            ],
        ),
        (
            minerals,
            "Rà soát, điều chỉnh quy hoạch thăm dò, khai thác khoáng sản làm vật liệu xây dựng "
            "thông thường",
            CT,
            D(2020, 12, 31),
            Status.NOT_IMPLEMENTED,
            None,
            [(D(2021, 2, 1), F.EXPLANATION_REQUEST, "25/HĐND-VP")],
        ),
        (
            hearing,
            "Thu hồi chủ trương đầu tư đối với các dự án chậm triển khai quá 24 tháng không có "
            "lý do chính đáng",
            KHDT,
            D(2019, 12, 31),
            Status.PARTLY_DONE,
            None,
            [(D(2020, 2, 17), F.REMINDER, "41/HĐND-VP")],
        ),
        (
            hearing,
            "Công khai danh sách các dự án chậm tiến độ trên Cổng thông tin điện tử của tỉnh",
            KHDT,
            D(2019, 8, 31),
            Status.DONE,
            D(2019, 8, 15),
            [],
        ),
        (
            hearing,
            "Xử lý dứt điểm các trường hợp sử dụng đất sai mục đích tại các dự án chậm triển khai",
            TNMT,
            D(2020, 6, 30),
            Status.IN_PROGRESS,
            None,
            [],
        ),
        (
            intersession,
            "Ban hành bảng giá bồi thường cây trồng, vật nuôi sát với giá thị trường",
            UBND,
            D(2020, 3, 31),
            Status.DONE,
            D(2020, 3, 20),
            [],
        ),
        (
            intersession,
            "Hoàn thành xây dựng khu tái định cư phục vụ dự án nâng cấp quốc lộ 4B",
            GTVT,
            D(2020, 9, 30),
            Status.NOT_STARTED,
            None,
            [(D(2020, 11, 2), F.REMINDER, "290/HĐND-VP")],
        ),
        (
            ban[0],
            "Tập trung tổ chức thi hành dứt điểm các vụ việc có điều kiện thi hành còn tồn đọng",
            THADS,
            D(2019, 12, 31),
            Status.DONE,
            D(2019, 12, 20),
            [],
        ),
        (
            ban[3],
            "Có giải pháp chống thất thu ngân sách trong lĩnh vực kinh doanh vận tải và khai thác "
            "tài nguyên",
            TC,
            D(2019, 12, 31),
            Status.PARTLY_DONE,
            None,
            [(D(2020, 3, 5), F.REMINDER, "15/BKTNS")],
        ),
        (
            ban[4],
            "Điều chuyển vốn của các dự án giải ngân chậm sang các dự án có khả năng giải ngân",
            KHDT,
            D(2019, 11, 30),
            Status.DONE,
            D(2019, 11, 25),
            [],
        ),
        (
            ban[6],
            "Khắc phục tình trạng quá tải, thiếu trang thiết bị tại bệnh viện đa khoa tuyến huyện",
            YT,
            D(2020, 12, 31),
            Status.IN_PROGRESS,
            None,
            [],
        ),
        (
            ban[9],
            "Hoàn thành các công trình hạ tầng thuộc Chương trình 135 chậm tiến độ",
            BDT,
            D(2020, 6, 30),
            Status.NOT_STARTED,
            None,
            [(D(2020, 7, 20), F.REMINDER, "08/BDT")],
        ),
    ]
    for activity, text, addressee, deadline, status, completed, follow_ups in rows:
        rec = _upsert(
            OversightRecommendation,
            {"activity": activity, "content": text},
            addressee=orgs[addressee],
            deadline=deadline,
            status=status,
            completed_date=completed,
            save=lambda obj: recommendation_save(recommendation=obj),
        )
        for day, kind, number in follow_ups:
            _upsert(
                FollowUp,
                {"recommendation": rec, "date": day, "kind": kind},
                document_number=number,
                save=lambda obj: follow_up_save(follow_up=obj),
            )


# --- A commune council's 2026 (issue 19) ---------------------------------------------------


def load_commune(*, council: Council) -> None:
    """A commune council's oversight of 2026: a thematic supervision of its Thường trực and one
    of its Ban Kinh tế - Xã hội, with recommendations to its UBND in mixed states; questioning
    at the mid-year session; its 2027 programme. Through the services, keyed on topics."""
    term = council_demo.current_term(council)
    ubnd = council_demo.commune_organization(council, "Ủy ban nhân dân")
    police = council_demo.commune_organization(council, "Công an")
    if term is None or ubnd is None:
        return
    place = council_demo.locality(council)
    shift = dt.timedelta(days=council_demo.commune_shift(council))
    committees = {c.code: c for c in Committee.objects.filter(term=term)}
    economy = committees.get(council_demo.COMMUNE_ECONOMY_SOCIETY)
    delegates = list(Delegate.objects.filter(term=term).order_by("pk"))

    def activity(topic: str, *, committee: Committee | None, supervised, **fields: Any):
        members = (
            [d for d in delegates if d.committee_id == committee.pk][:5]
            if committee
            else delegates[:5]
        )
        return _upsert(
            OversightActivity,
            {"term": term, "topic": topic},
            committee=committee,
            **fields,
            save=lambda obj: activity_save(
                activity=obj, supervised_organizations=supervised, members=members
            ),
        )

    start = D(2026, 8, 10) + shift
    procedures = activity(
        f"Giám sát việc giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công "
        f"{place} từ ngày 01/7/2025 đến ngày 30/6/2026",
        committee=None,
        supervised=[ubnd],
        actor=Actor.STANDING,
        kind=Kind.THEMATIC_SUPERVISION,
        start_date=start,
        end_date=start + dt.timedelta(days=32),
        establishing_number="Quyết định số 12/QĐ-HĐND",
        plan_number="15/KH-HĐND",
        result_report_number="32/BC-HĐND",
        result_report_date=start + dt.timedelta(days=39),
        conclusion_number="18/TB-HĐND",
        conclusion_date=start + dt.timedelta(days=46),
    )
    start = D(2026, 6, 1) + shift
    offices = activity(
        "Giám sát việc quản lý, sử dụng trụ sở, cơ sở vật chất dôi dư sau sắp xếp đơn vị hành "
        f"chính trên địa bàn {place}",
        committee=economy,
        supervised=[ubnd],
        actor=Actor.COMMITTEE if economy else Actor.STANDING,
        kind=Kind.THEMATIC_SUPERVISION,
        start_date=start,
        end_date=start + dt.timedelta(days=25),
        plan_number="05/KH-HĐND",
        result_report_number="07/BC-HĐND",
        result_report_date=start + dt.timedelta(days=32),
    )
    session = _session(term, 3)
    if session is not None:
        questioning = activity(
            f"Chất vấn tại kỳ họp thứ ba về cải cách hành chính và an ninh, trật tự ở {place}",
            committee=None,
            supervised=[o for o in (ubnd, police) if o],
            actor=Actor.COUNCIL,
            kind=Kind.QUESTIONING_SESSION,
            start_date=session.start_date,
            end_date=session.end_date,
            session=session,
        )
        askers = [d for d in delegates if not d.job_title.startswith(("Chủ tịch", "Phó Chủ tịch"))]
        for order, (content, position, org, mode) in enumerate(
            [
                (
                    "Giải pháp rút ngắn thời gian giải quyết hồ sơ đất đai chuyển từ các đơn vị "
                    "hành chính cũ sang sau khi sắp xếp?",
                    "Chủ tịch Ủy ban nhân dân",
                    ubnd,
                    Question.AnswerMode.AT_SITTING,
                ),
                (
                    "Biện pháp bảo đảm an toàn giao thông trên các tuyến đường qua trường học "
                    "trong năm học mới?",
                    "Trưởng Công an",
                    police,
                    Question.AnswerMode.AT_SITTING,
                ),
            ],
            start=1,
        ):
            _upsert(
                Question,
                {"activity": questioning, "content": content},
                asker=askers[(order * 3) % len(askers)] if askers else None,
                respondent_position=f"{position} {place}",
                respondent_organization=org,
                answer_mode=mode,
                satisfied=Question.Satisfaction.YES,
                order=order,
                save=lambda obj: question_save(question=obj),
            )
    F = FollowUp.Kind
    for target, text, deadline, status, completed, follow_ups in [
        (
            procedures,
            "Bố trí đủ công chức tiếp nhận, trả kết quả; hoàn thiện trang thiết bị và công khai "
            "đầy đủ thủ tục hành chính tại Trung tâm Phục vụ hành chính công",
            D(2026, 10, 31),
            Status.DONE,
            D(2026, 10, 20),
            [],
        ),
        (
            procedures,
            "Giải quyết dứt điểm các hồ sơ đất đai quá hạn tiếp nhận từ các đơn vị hành chính "
            "trước sắp xếp",
            D(2026, 12, 31),
            Status.IN_PROGRESS,
            None,
            [(D(2026, 11, 16), F.REMINDER, "45/HĐND")],
        ),
        (
            offices,
            "Lập phương án sử dụng các trụ sở dôi dư sau sắp xếp (nhà văn hóa, điểm trường, "
            "trạm y tế), không để xuống cấp, lãng phí",
            D(2026, 9, 30),
            Status.NOT_STARTED,
            None,
            [(D(2026, 10, 12), F.REMINDER, "38/HĐND")],
        ),
    ]:
        rec = _upsert(
            OversightRecommendation,
            {"activity": target, "content": text},
            addressee=ubnd,
            deadline=deadline,
            status=status,
            completed_date=completed,
            save=lambda obj: recommendation_save(recommendation=obj),
        )
        for day, kind, number in follow_ups:
            _upsert(
                FollowUp,
                {"recommendation": rec, "date": day, "kind": kind},
                document_number=number,
                save=lambda obj: follow_up_save(follow_up=obj),
            )
    _commune_programme_2027(term, place, committees)


def _commune_programme_2027(term: Term, place: str, committees: dict[str, Committee]) -> None:
    resolution = _resolution(term, "Chương trình giám sát năm 2027")
    programme = _upsert(
        OversightProgramme,
        {"term": term, "year": 2027},
        title=f"Chương trình giám sát năm 2027 của HĐND {place}",
        adopted_number=f"Nghị quyết số {resolution.symbol}" if resolution else "",
        adopted_date=resolution.adopted_date if resolution else None,
        adopted_by=resolution,
        save=lambda obj: programme_save(programme=obj),
    )
    for order, (actor, code, topic, quarter) in enumerate(
        [
            (
                Actor.COUNCIL,
                "",
                "Giám sát việc thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
                2,
            ),
            (
                Actor.STANDING,
                "",
                "Giám sát việc giải quyết kiến nghị của cử tri gửi tới các kỳ họp năm 2026",
                1,
            ),
            (
                Actor.COMMITTEE,
                council_demo.COMMUNE_LEGAL,
                "Giám sát công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
                3,
            ),
        ],
        start=1,
    ):
        committee = committees.get(code) if code else None
        _upsert(
            ProgrammeItem,
            {"programme": programme, "topic": topic},
            actor=actor if committee or not code else Actor.STANDING,
            committee=committee,
            kind=Kind.THEMATIC_SUPERVISION,
            planned_quarter=quarter,
            order=order,
            save=lambda obj: programme_item_save(item=obj),
        )
