"""Demo data of the voters app for Lạng Sơn, 2019 (term XVI): voter meetings before and after
the two regular sessions (12th and 15th) in a commune of every district, a few hundred petition
instances that go through the real workflow (compiled, a few consolidated, forwarded in batches
to UBND tỉnh, mostly answered, outcomes mixed), citizens' letters and reception days; a
commune council's 2026 on a smaller scale (load_commune).

Deterministic (fixed lists, no randomness) and idempotent: petitions are keyed on a demo
import_key, meetings on (term, date, commune, timing), letters on (term, date, summary). Every
citizen name is invented and says so."""

from __future__ import annotations

import datetime as dt

from core.services import record_save
from core.text import fold
from council import demo as council_demo
from council.models import AdministrativeUnit, Council, Delegate, DelegateGroup, Organization
from voters import services
from voters.casework import demo as casework_demo
from voters.models import (
    CitizenReception,
    ForwardingBatch,
    Letter,
    PetitionField,
    VoterMeeting,
    VoterPetition,
)

D = dt.date
Status = VoterPetition.Status
Level = VoterPetition.Level

FIELDS = [
    ("che_do_chinh_sach", "Chế độ chính sách"),
    ("giao_thong_xay_dung", "Giao thông - xây dựng - thủy lợi"),
    ("nong_lam_nghiep", "Nông - lâm nghiệp"),
    ("dat_dai_moi_truong", "Đất đai - tài nguyên - môi trường"),
    ("dien_vien_thong", "Điện lực - viễn thông - truyền thông"),
    ("van_hoa_xa_hoi", "Văn hóa - xã hội - giáo dục - y tế"),
    ("bo_may", "Bộ máy và xây dựng chính quyền"),
    ("tai_chinh_dau_tu", "Quy hoạch - tài chính - ngân sách - đầu tư"),
    ("khcn_chuyen_doi_so", "Khoa học công nghệ - chuyển đổi số"),
    ("thuong_mai_du_lich", "Thương mại - dịch vụ - du lịch - công nghiệp"),
    ("khac", "Khác"),
]

# (content, field code, level, responsible organisation short name, monitoring Ban code)
PETITIONS = [
    (
        "Đề nghị đầu tư sửa chữa tuyến đường liên xã bị xuống cấp, sạt lở sau mưa lũ",
        "giao_thong_xay_dung",
        Level.PROVINCE,
        "Sở GTVT",
        "kinh_te_ngan_sach",
    ),
    (
        "Đề nghị nâng cấp hệ thống kênh mương thủy lợi phục vụ sản xuất",
        "giao_thong_xay_dung",
        Level.PROVINCE,
        "Sở NN&PTNT",
        "kinh_te_ngan_sach",
    ),
    (
        "Đề nghị hỗ trợ người chăn nuôi bị thiệt hại do bệnh dịch tả lợn châu Phi",
        "nong_lam_nghiep",
        Level.PROVINCE,
        "Sở NN&PTNT",
        "kinh_te_ngan_sach",
    ),
    (
        "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã sử dụng ổn định",
        "dat_dai_moi_truong",
        Level.DISTRICT,
        "Sở TN&MT",
        "phap_che",
    ),
    (
        "Đề nghị xem xét giá bồi thường, hỗ trợ khi Nhà nước thu hồi đất làm dự án",
        "dat_dai_moi_truong",
        Level.PROVINCE,
        "Sở TN&MT",
        "phap_che",
    ),
    (
        "Đề nghị kéo điện lưới quốc gia về các thôn chưa có điện",
        "dien_vien_thong",
        Level.PROVINCE,
        "Điện lực Lạng Sơn",
        "kinh_te_ngan_sach",
    ),
    (
        "Đề nghị phủ sóng điện thoại di động tại các thôn vùng sâu, vùng xa",
        "dien_vien_thong",
        Level.CENTRAL,
        "",
        "kinh_te_ngan_sach",
    ),
    (
        "Đề nghị bố trí đủ giáo viên cho các điểm trường lẻ",
        "van_hoa_xa_hoi",
        Level.PROVINCE,
        "Sở GD&ĐT",
        "van_hoa_xa_hoi",
    ),
    (
        "Đề nghị đầu tư trang thiết bị cho trạm y tế xã",
        "van_hoa_xa_hoi",
        Level.PROVINCE,
        "Sở Y tế",
        "van_hoa_xa_hoi",
    ),
    (
        "Đề nghị điều chỉnh mức hỗ trợ cho người có công với cách mạng",
        "che_do_chinh_sach",
        Level.CENTRAL,
        "Sở LĐ-TB&XH",
        "van_hoa_xa_hoi",
    ),
    (
        "Đề nghị tiếp tục thực hiện chính sách hỗ trợ học sinh bán trú",
        "che_do_chinh_sach",
        Level.PROVINCE,
        "Sở GD&ĐT",
        "dan_toc",
    ),
    (
        "Đề nghị giải quyết chế độ cho cán bộ không chuyên trách cấp xã dôi dư",
        "bo_may",
        Level.PROVINCE,
        "Sở Nội vụ",
        "phap_che",
    ),
    (
        "Đề nghị tăng cường bảo đảm an ninh trật tự, xử lý tình trạng khai thác cát trái phép",
        "dat_dai_moi_truong",
        Level.PROVINCE,
        "Công an tỉnh",
        "phap_che",
    ),
    (
        "Đề nghị hỗ trợ kinh phí xây dựng nhà văn hóa thôn",
        "tai_chinh_dau_tu",
        Level.DISTRICT,
        "",
        "van_hoa_xa_hoi",
    ),
    (
        "Đề nghị hỗ trợ giống cây trồng cho vùng đồng bào dân tộc thiểu số",
        "nong_lam_nghiep",
        Level.PROVINCE,
        "Ban Dân tộc tỉnh",
        "dan_toc",
    ),
    (
        "Đề nghị quan tâm phát triển du lịch cộng đồng gắn với bảo tồn văn hóa",
        "thuong_mai_du_lich",
        Level.PROVINCE,
        "Sở VHTT&DL",
        "van_hoa_xa_hoi",
    ),
    (
        "Đề nghị xây dựng chợ nông thôn tại trung tâm xã",
        "thuong_mai_du_lich",
        Level.COMMUNE,
        "",
        "kinh_te_ngan_sach",
    ),
    (
        "Đề nghị đơn giản hóa thủ tục hành chính, mở rộng dịch vụ công trực tuyến",
        "khcn_chuyen_doi_so",
        Level.PROVINCE,
        "Sở Nội vụ",
        "phap_che",
    ),
    (
        "Đề nghị sớm cấp kinh phí hỗ trợ khắc phục hậu quả thiên tai cho các hộ dân",
        "tai_chinh_dau_tu",
        Level.PROVINCE,
        "Sở Tài chính",
        "kinh_te_ngan_sach",
    ),
    (
        "Đề nghị cải thiện chất lượng nước sinh hoạt tập trung",
        "khac",
        Level.DISTRICT,
        "",
        "kinh_te_ngan_sach",
    ),
]

# The same request raised at several meetings before session 12, consolidated into one.
CONSOLIDATED = (
    "Cử tri nhiều địa phương đề nghị sửa chữa, nâng cấp đường tỉnh 226 bị xuống cấp nghiêm trọng"
)

# Outcome of the n-th answered petition, cycling: mostly resolved, the rest mixed.
OUTCOME_CYCLE = [
    Status.RESOLVED,
    Status.RESOLVED,
    Status.IN_PROGRESS,
    Status.RESOLVED,
    Status.EXPLAINED,
    Status.RESOLVED,
    Status.ROADMAP,
    Status.RESOLVED,
    Status.IN_PROGRESS,
    Status.CENTRAL_AUTHORITY,
    Status.RESOLVED,
    Status.EXPLAINED,
    Status.NOT_RESOLVED,
    Status.RESOLVED,
    Status.LOCAL_LOWER_LEVEL,
]

LETTER_SUMMARIES = [
    ("complaint", "Khiếu nại về mức bồi thường khi thu hồi đất làm đường"),
    ("petition_feedback", "Phản ánh việc chậm cấp giấy chứng nhận quyền sử dụng đất"),
    ("denunciation", "Tố cáo việc khai thác khoáng sản trái phép gây ô nhiễm"),
    ("complaint", "Khiếu nại quyết định xử phạt vi phạm hành chính trong lĩnh vực xây dựng"),
    ("petition_feedback", "Kiến nghị giải quyết chế độ trợ cấp cho người có công"),
    ("petition_feedback", "Phản ánh tình trạng xe quá tải làm hư hỏng đường giao thông nông thôn"),
    ("complaint", "Khiếu nại việc xác định diện tích đất bị thu hồi"),
    ("denunciation", "Tố cáo cán bộ xã có dấu hiệu sách nhiễu khi giải quyết thủ tục"),
]


def _round_dates(start: dt.date, spread_days: int, count: int) -> list[dt.date]:
    return [start + dt.timedelta(days=(i * 3) % spread_days) for i in range(count)]


def load(*, council: Council) -> None:
    from sessions.models import Session

    term = council.terms.filter(roman="XVI").first()
    if term is None:
        return
    fields = _petition_fields()
    orgs = {o.short_name: o for o in Organization.objects.exclude(short_name="")}
    committees = {c.code: c for c in term.committees.all()}
    ubnd = Organization.objects.filter(kind=Organization.Kind.PEOPLES_COMMITTEE, level="province")
    ubnd = ubnd.order_by("pk").first()
    mttq = Organization.objects.filter(
        kind=Organization.Kind.FATHERLAND_FRONT, level="province"
    ).first()
    sessions = {s.number: s for s in Session.objects.filter(term=term, number__in=[12, 15])}
    if ubnd is None:
        return

    districts = list(
        AdministrativeUnit.objects.filter(level="district", valid_to__gte=D(2019, 12, 31))
        .order_by("name")
        .prefetch_related("children")
    )
    groups = {g.area.lower(): g for g in DelegateGroup.objects.filter(term=term)}
    rounds = [
        ("pre12", VoterMeeting.Timing.PRE_SESSION, 12, D(2019, 6, 10), 20),
        ("post12", VoterMeeting.Timing.POST_SESSION, 12, D(2019, 7, 18), 12),
        ("pre15", VoterMeeting.Timing.PRE_SESSION, 15, D(2019, 11, 11), 18),
        ("post15", VoterMeeting.Timing.POST_SESSION, 15, D(2019, 12, 16), 12),
    ]
    petitions_by_round: dict[str, list[VoterPetition]] = {}
    new_by_round: dict[str, list[VoterPetition]] = {}
    counter = 0
    for r_index, (key, timing, number, start, spread) in enumerate(rounds):
        session = sessions.get(number)
        dates = _round_dates(start, spread, len(districts))
        petitions_by_round[key], new_by_round[key] = [], []
        for d_index, district in enumerate(districts):
            communes = sorted(
                (c for c in district.children.all() if c.is_valid_on(dates[d_index])),
                key=lambda c: c.name,
            )
            if not communes:
                continue
            commune = communes[(r_index + d_index) % len(communes)]
            meeting = _meeting(
                term=term,
                timing=timing,
                session=session,
                number=number,
                day=dates[d_index],
                commune=commune,
                district=district,
                group=_group_for(groups, district),
                mttq=mttq,
                voters=70 + (counter * 37) % 110,
            )
            for p_index in range(3 + (d_index + r_index) % 3):
                template = PETITIONS[(counter * 7 + p_index * 3) % len(PETITIONS)]
                petition, created = _petition(
                    term=term,
                    session=session,
                    meeting=meeting,
                    key=f"demo-2019-{key}-{d_index:02d}-{p_index}",
                    template=template,
                    instances=1 + (counter + p_index) % 3,
                    fields=fields,
                    orgs=orgs,
                    committees=committees,
                    level_day=meeting.date,
                )
                petitions_by_round[key].append(petition)
                if created:
                    new_by_round[key].append(petition)
            counter += 1

    _run_workflow(term=term, ubnd=ubnd, sessions=sessions, orgs=orgs, new_by_round=new_by_round)
    _load_letters(term=term, orgs=orgs)
    _load_receptions(term=term)
    casework_demo.load(council=council)  # issue 21: the year's cases, schedule and register


# load_demo calls it once the demo's logins exist: the staff member keeps a denunciation.
users_loaded = casework_demo.handlers_assign


def _group_for(
    groups: dict[str, DelegateGroup], district: AdministrativeUnit
) -> DelegateGroup | None:
    for area, group in groups.items():
        if area.endswith(district.name.lower()):
            return group
    return None


def _meeting(
    *,
    term,
    timing: str,
    session,
    number: int,
    day: dt.date,
    commune: AdministrativeUnit,
    district: AdministrativeUnit,
    group: DelegateGroup | None,
    mttq: Organization | None,
    voters: int,
) -> VoterMeeting:
    if session is None:
        # Sessions not loaded: keep the meeting, without the session link it would need.
        timing = VoterMeeting.Timing.AD_HOC
    meeting = VoterMeeting.objects.filter(
        term=term, date=day, location_unit=commune, timing=timing
    ).first() or VoterMeeting(term=term, date=day, location_unit=commune, timing=timing)
    meeting.session = session
    when = "trước" if timing == VoterMeeting.Timing.PRE_SESSION else "sau"
    meeting.topic = f"Tiếp xúc cử tri {when} kỳ họp thứ {number}"
    meeting.venue = f"Nhà văn hóa trung tâm {commune}"
    meeting.delegate_group = group
    meeting.co_organizer = mttq
    meeting.voters_attended = voters
    record_save(instance=meeting)
    if group is not None:
        meeting.delegates.set(
            Delegate.objects.filter(term=term, delegate_group=group).order_by("pk")[:3]
        )
    return meeting


def _petition(
    *,
    term,
    session,
    meeting: VoterMeeting,
    key: str,
    template: tuple,
    instances: int,
    fields: dict,
    orgs: dict,
    committees: dict,
    level_day: dt.date,
) -> tuple[VoterPetition, bool]:
    existing = VoterPetition.objects.filter(import_key=key).first()
    if existing is not None:
        return existing, False
    content, field_code, level, org_short, ban = template
    petition = VoterPetition(
        term=term,
        session=session,
        meeting=meeting,
        received_date=level_day,
        content=content,
        instances=instances,
        field=fields.get(field_code),
        level=level,
        responsible_org=orgs.get(org_short) if org_short else None,
        committee=committees.get(ban),
        import_key=key,
    )
    return services.petition_save(petition=petition), True


def _run_workflow(*, term, ubnd, sessions, orgs, new_by_round) -> None:
    """Only petitions created by this load go through the workflow, so a second load changes
    nothing."""
    # Before and after session 12: a consolidated petition, then one letter to UBND tỉnh in
    # August, answered in September; a few go to Điện lực and stay unanswered (overdue).
    round12 = new_by_round.get("pre12", []) + new_by_round.get("post12", [])
    if round12:
        road = [p for p in round12 if p.content.startswith("Đề nghị đầu tư sửa chữa tuyến")][:3]
        if len(road) >= 2:
            consolidated = services.petition_consolidate(
                petitions=road, content=CONSOLIDATED, user=None
            )
            round12 = [p for p in round12 if p not in road] + [consolidated]
        electricity = [
            p
            for p in round12
            if p.responsible_org and p.responsible_org.short_name == "Điện lực Lạng Sơn"
        ]
        to_ubnd = [p for p in round12 if p not in electricity]
        for p in to_ubnd:
            if p.status == Status.RECEIVED:
                services.petition_compile(petition=p, user=None)
        batch = services.forwarding_batch_create(
            term=term,
            session=sessions.get(12),
            recipient=ubnd,
            number="215/HĐND-VP",
            date=D(2019, 8, 5),
            subject="V/v chuyển ý kiến, kiến nghị của cử tri trước và sau kỳ họp thứ 12",
            petitions=to_ubnd,
            user=None,
        )
        _answer(batch=batch, petitions=to_ubnd, number="1860/UBND-TH", day=D(2019, 9, 20))
        if electricity and "Điện lực Lạng Sơn" in orgs:
            services.forwarding_batch_create(
                term=term,
                session=sessions.get(12),
                recipient=orgs["Điện lực Lạng Sơn"],
                number="216/HĐND-VP",
                date=D(2019, 8, 5),
                subject="V/v chuyển kiến nghị của cử tri về cấp điện",
                petitions=electricity,
                user=None,
            )
    # Before session 15: forwarded in late November, answered early in January 2020 except a
    # few; after session 15: still being compiled at the end of the year.
    round15 = new_by_round.get("pre15", [])
    if round15:
        earlier = (
            VoterPetition.objects.filter(
                term=term, import_key__startswith="demo-2019-pre12", status=Status.IN_PROGRESS
            )
            .order_by("pk")
            .first()
        )
        if earlier is not None:
            round15[0].repeat_of = earlier
            services.petition_save(petition=round15[0])
        batch = services.forwarding_batch_create(
            term=term,
            session=sessions.get(15),
            recipient=ubnd,
            number="402/HĐND-VP",
            date=D(2019, 12, 2),
            subject="V/v chuyển ý kiến, kiến nghị của cử tri trước kỳ họp thứ 15",
            petitions=round15,
            user=None,
        )
        answered = [p for i, p in enumerate(round15) if i % 8 != 7]
        _answer(batch=batch, petitions=answered, number="25/UBND-TH", day=D(2020, 1, 10))
    for i, p in enumerate(new_by_round.get("post15", [])):
        if i % 2 == 0:
            services.petition_compile(petition=p, user=None)


def _answer(*, batch: ForwardingBatch, petitions: list[VoterPetition], number: str, day) -> None:
    for i, petition in enumerate(petitions):
        services.petition_answer(
            petition=petition,
            answer_number=number,
            answer_date=day,
            answer_summary="UBND tỉnh đã chỉ đạo các cơ quan liên quan xem xét, giải quyết.",
            outcome=OUTCOME_CYCLE[i % len(OUTCOME_CYCLE)],
            user=None,
        )


def _load_letters(*, term, orgs: dict) -> None:
    ubnd = orgs.get("UBND tỉnh")
    for i in range(24):
        kind, summary = LETTER_SUMMARIES[i % len(LETTER_SUMMARIES)]
        received = D(2019, 1 + i // 2, 4 + (i % 2) * 12)
        summary = f"{summary} (đơn mẫu số {i + 1:02d})"
        letter = Letter.objects.filter(term=term, received_date=received, summary=summary).first()
        if letter is not None:
            continue
        eligible = i % 5 != 4
        forwarded = eligible and i % 3 != 2
        letter = Letter(
            term=term,
            received_date=received,
            kind=kind,
            summary=summary,
            classification="Đất đai" if "đất" in summary else "Khác",
            eligible=eligible,
            ineligible_reason="" if eligible else Letter.IneligibleReason.DUPLICATE,
            handling=Letter.Handling.FORWARDED
            if forwarded
            else (Letter.Handling.GUIDED if eligible else Letter.Handling.FILED),
            forwarded_to=ubnd if forwarded else None,
            forwarded_date=received + dt.timedelta(days=7) if forwarded else None,
            result="Đã nhận văn bản trả lời của cơ quan có thẩm quyền." if i % 4 == 0 else "",
            # Invented people: every name says it is a sample.
            sender_name=f"Công dân mẫu số {i + 1:02d}",
            sender_address=f"Thôn Mẫu {i + 1}, xã Giả Định",
            sender_phone=f"0900 000 {i + 1:03d}",
            sender_id_number=f"000000000{i + 1:03d}",
        )
        services.letter_save(letter=letter)


def _load_receptions(*, term) -> None:
    for month in range(1, 13):
        day = D(2019, month, 10)
        CitizenReception.objects.update_or_create(
            term=term,
            date=day,
            defaults={
                "host": "Thường trực HĐND tỉnh",
                "kind": CitizenReception.Kind.REGULAR,
                "location": "Trụ sở tiếp công dân tỉnh",
                "persons": 3 + (month * 5) % 7,
                "cases": 2 + month % 4,
                "group_cases": 1 if month in (4, 9) else 0,
                "summary": "Công dân phản ánh, kiến nghị về đất đai, chế độ chính sách.",
                "visitors": f"Công dân mẫu {month}A, Công dân mẫu {month}B (tên giả)",
            },
        )


# --- A commune council's 2026 (issue 19) ---------------------------------------------------

C, P = Level.COMMUNE, Level.PROVINCE  # the commune's own UBND answers it, or the province's

# (content, field code, level, responsible organisation: "UBND"/"Công an" of the commune or a
# province's short name, monitoring Ban: legal or economy-society)
COMMUNE_PETITIONS = [
    (
        "Đề nghị sửa chữa các tuyến đường nội khu dân cư bị hư hỏng sau mưa lũ",
        "giao_thong_xay_dung",
        C,
        "UBND",
        "economy",
    ),
    (
        "Đề nghị sớm bố trí sử dụng các trụ sở dôi dư sau sắp xếp làm nhà văn hóa, điểm sinh "
        "hoạt cộng đồng",
        "tai_chinh_dau_tu",
        C,
        "UBND",
        "economy",
    ),
    (
        "Đề nghị rút ngắn thời gian giải quyết hồ sơ cấp giấy chứng nhận quyền sử dụng đất "
        "sau khi sắp xếp đơn vị hành chính",
        "dat_dai_moi_truong",
        C,
        "UBND",
        "legal",
    ),
    (
        "Đề nghị tăng cường tuần tra, bảo đảm an ninh trật tự tại các khu dân cư xa trung tâm",
        "khac",
        C,
        "Công an",
        "legal",
    ),
    (
        "Đề nghị nâng cấp tuyến đường tỉnh qua địa bàn, lắp đặt biển báo tại các điểm giao cắt",
        "giao_thong_xay_dung",
        P,
        "Sở Xây dựng",
        "economy",
    ),
    (
        "Đề nghị hỗ trợ giống cây trồng, vật nuôi cho hộ nghèo, hộ cận nghèo",
        "nong_lam_nghiep",
        C,
        "UBND",
        "economy",
    ),
    (
        "Đề nghị bổ sung thuốc thiết yếu và nhân lực cho trạm y tế",
        "van_hoa_xa_hoi",
        P,
        "Sở Y tế",
        "economy",
    ),
    (
        "Đề nghị hướng dẫn người cao tuổi thực hiện dịch vụ công trực tuyến",
        "khcn_chuyen_doi_so",
        C,
        "UBND",
        "legal",
    ),
]
# The outcomes the commune's UBND reported on the first four, in order.
COMMUNE_OUTCOMES = [Status.RESOLVED, Status.IN_PROGRESS, Status.ROADMAP, Status.EXPLAINED]

COMMUNE_LETTERS = [
    (
        Letter.Kind.COMPLAINT,
        "Khiếu nại việc xác định ranh giới thửa đất khi đo đạc lại sau sắp xếp",
        "Đất đai",
    ),
    (
        Letter.Kind.PETITION_FEEDBACK,
        "Phản ánh việc chậm chi trả chế độ cho người hoạt động không chuyên trách ở thôn đã "
        "nghỉ việc",
        "Chế độ chính sách",
    ),
    (
        Letter.Kind.PETITION_FEEDBACK,
        "Kiến nghị sửa chữa hệ thống đèn chiếu sáng công cộng khu dân cư",
        "Hạ tầng",
    ),
]


def _petition_fields() -> dict[str, PetitionField]:
    for order, (code, name) in enumerate(FIELDS, start=1):
        PetitionField.objects.update_or_create(
            name=name, valid_from=None, defaults={"code": code, "order": order}
        )
    return {f.code: f for f in PetitionField.objects.all()}


def load_commune(*, council: Council) -> None:
    """A commune council's voters' work of 2026: meetings before and after its mid-year session
    (a handful of petitions, most forwarded to its UBND and answered, two to the province, the
    last still being compiled), citizens' letters and two reception days. Petitions are keyed
    on an import_key naming the commune, meetings on (term, date, unit, timing), letters on
    (term, date, summary), receptions on (term, date)."""
    from sessions.models import Session

    term = council_demo.current_term(council)
    unit = council_demo.commune_unit(council)
    ubnd = council_demo.commune_organization(council, "Ủy ban nhân dân")
    if term is None or unit is None or ubnd is None:
        return
    session = Session.objects.filter(term=term, number=3).first()
    if session is None:
        return
    place = council_demo.locality(council)
    key = fold(place).replace(" ", "-")  # "xa-loc-binh"
    shift = dt.timedelta(days=council_demo.commune_shift(council))
    fields = _petition_fields()
    orgs = {o.short_name: o for o in Organization.objects.filter(level="province")}
    orgs |= {"UBND": ubnd, "Công an": council_demo.commune_organization(council, "Công an")}
    committees = {c.code: c for c in term.committees.all()}
    bans = {
        "legal": committees.get(council_demo.COMMUNE_LEGAL),
        "economy": committees.get(council_demo.COMMUNE_ECONOMY_SOCIETY),
    }
    groups = list(DelegateGroup.objects.filter(term=term).order_by("name"))
    mttq = council_demo.commune_organization(council, "Ủy ban MTTQ Việt Nam")

    meetings = []
    for index, (timing, day, voters) in enumerate(
        [
            (VoterMeeting.Timing.PRE_SESSION, session.start_date - dt.timedelta(days=12), 86),
            (VoterMeeting.Timing.POST_SESSION, session.end_date + dt.timedelta(days=20), 64),
        ]
    ):
        group = groups[index % len(groups)] if groups else None
        meeting = VoterMeeting.objects.filter(
            term=term, date=day, location_unit=unit, timing=timing
        ).first() or VoterMeeting(term=term, date=day, location_unit=unit, timing=timing)
        meeting.session = session
        when = "trước" if timing == VoterMeeting.Timing.PRE_SESSION else "sau"
        meeting.topic = f"Tiếp xúc cử tri {when} kỳ họp thứ {session.number}"
        meeting.venue = f"Nhà văn hóa {group.area}" if group else f"Hội trường UBND {place}"
        meeting.delegate_group = group
        meeting.co_organizer = mttq
        meeting.voters_attended = voters
        record_save(instance=meeting)
        if group is not None:
            meeting.delegates.set(
                Delegate.objects.filter(term=term, delegate_group=group).order_by("pk")[:4]
            )
        meetings.append(meeting)

    created = []
    for index, template in enumerate(COMMUNE_PETITIONS):
        meeting = meetings[0] if index < 5 else meetings[1]
        petition, new = _petition(
            term=term,
            session=session,
            meeting=meeting,
            key=f"demo-2026-{key}-{index + 1:02d}",
            template=template,
            instances=1 + index % 3,
            fields=fields,
            orgs=orgs,
            committees=bans,
            level_day=meeting.date,
        )
        if new:
            created.append(petition)
    if created:
        _commune_workflow(term=term, session=session, ubnd=ubnd, shift=shift, created=created)
    _commune_letters(term=term, ubnd=ubnd, place=place, shift=shift)
    for month in (9, 10):
        CitizenReception.objects.update_or_create(
            term=term,
            date=D(2026, month, 15) + shift,
            defaults={
                "host": f"Thường trực HĐND {place}",
                "kind": CitizenReception.Kind.REGULAR,
                "location": f"Trụ sở HĐND và UBND {place}",
                "persons": 2 + month % 3,
                "cases": 1 + month % 2,
                "group_cases": 0,
                "summary": "Công dân phản ánh về đất đai sau đo đạc lại và chế độ chính sách.",
                "visitors": f"Công dân mẫu {month}A, Công dân mẫu {month}B (tên giả)",
            },
        )


def _commune_workflow(*, term, session, ubnd, shift, created: list[VoterPetition]) -> None:
    """Only petitions created by this load: the pre-session ones to the commune's UBND (answered
    in August) and, for the province's matters, to UBND tỉnh (no answer yet); after the
    session, one forwarded and resolved, one compiled, the last just received."""
    pre = [p for p in created if p.meeting.timing == VoterMeeting.Timing.PRE_SESSION]
    post = [p for p in created if p.meeting.timing == VoterMeeting.Timing.POST_SESSION]
    province = Organization.objects.filter(
        kind=Organization.Kind.PEOPLES_COMMITTEE, level="province"
    )
    province = province.order_by("pk").first()
    own = [p for p in pre if p.level == Level.COMMUNE]
    upward = [p for p in pre if p.level != Level.COMMUNE]
    if own:
        batch = services.forwarding_batch_create(
            term=term,
            session=session,
            recipient=ubnd,
            number="52/HĐND",
            date=session.end_date + dt.timedelta(days=6),
            subject=f"V/v chuyển ý kiến, kiến nghị của cử tri trước kỳ họp thứ {session.number}",
            petitions=own,
            user=None,
        )
        for i, petition in enumerate(own):
            services.petition_answer(
                petition=petition,
                answer_number="120/UBND",
                answer_date=batch.date + dt.timedelta(days=25) + shift,
                answer_summary="UBND đã giao các bộ phận chuyên môn xem xét, giải quyết.",
                outcome=COMMUNE_OUTCOMES[i % len(COMMUNE_OUTCOMES)],
                user=None,
            )
    if upward and province is not None:
        services.forwarding_batch_create(
            term=term,
            session=session,
            recipient=province,
            number="53/HĐND",
            date=session.end_date + dt.timedelta(days=6),
            subject="V/v chuyển kiến nghị của cử tri thuộc thẩm quyền cấp tỉnh",
            petitions=upward,
            user=None,
        )
    if post:
        first, *rest = post
        if first.level == Level.COMMUNE:
            batch = services.forwarding_batch_create(
                term=term,
                session=session,
                recipient=ubnd,
                number="67/HĐND",
                date=first.received_date + dt.timedelta(days=10),
                subject=f"V/v chuyển kiến nghị của cử tri sau kỳ họp thứ {session.number}",
                petitions=[first],
                user=None,
            )
            services.petition_answer(
                petition=first,
                answer_number="151/UBND",
                answer_date=batch.date + dt.timedelta(days=18),
                answer_summary="Đã hỗ trợ giống cây trồng vụ đông cho các hộ đủ điều kiện.",
                outcome=Status.RESOLVED,
                user=None,
            )
        if rest:
            services.petition_compile(petition=rest[0], user=None)


def _commune_letters(*, term, ubnd, place: str, shift: dt.timedelta) -> None:
    for i, (kind, summary, classification) in enumerate(COMMUNE_LETTERS):
        received = D(2026, 5 + i * 2, 6) + shift
        if Letter.objects.filter(term=term, received_date=received, summary=summary).exists():
            continue
        forwarded = i != 1
        services.letter_save(
            letter=Letter(
                term=term,
                received_date=received,
                kind=kind,
                summary=summary,
                classification=classification,
                eligible=True,
                handling=Letter.Handling.FORWARDED if forwarded else Letter.Handling.GUIDED,
                forwarded_to=ubnd if forwarded else None,
                forwarded_date=received + dt.timedelta(days=5) if forwarded else None,
                result="Đã nhận văn bản trả lời của UBND." if i == 0 else "",
                # Invented people: every name says it is a sample.
                sender_name=f"Công dân mẫu số {i + 1:02d}",
                sender_address=f"Khu dân cư mẫu {i + 1}, {place}",
                sender_phone=f"0900 100 {i + 1:03d}",
                sender_id_number=f"000000100{i + 1:03d}",
            )
        )
