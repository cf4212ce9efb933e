"""Demo data of the council registry: the Lạng Sơn HĐND, terms XVI-XVIII, its Ban, delegates,
delegate groups, organisations and administrative units, and the Standing Committee's 2019 work
between sessions (11 inter-session matters, 23 appraisals), as the founding document tells it;
and, after the reform of 01/07/2025, a few commune councils of the province (load_communes: their
2026 - 2031 term, two Ban, delegates, their UBND and MTTQ).

Every write is keyed on a natural key, so loading twice changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from core.services import record_save
from council.models import (
    AdministrativeUnit,
    AppraisalRequest,
    Committee,
    Council,
    Delegate,
    DelegateGroup,
    InterSessionMatter,
    Organization,
    Position,
    Term,
    UnitSuccession,
)

D = dt.date
DISTRICTS_END = D(2025, 6, 30)

DISTRICTS = [
    ("thanh_pho_thuoc_tinh", "Lạng Sơn", ["Phường Chi Lăng", "Phường Hoàng Văn Thụ", "Xã Mai Pha"]),
    ("huyen", "Tràng Định", ["Thị trấn Thất Khê", "Xã Chi Lăng", "Xã Đề Thám"]),
    ("huyen", "Văn Lãng", ["Thị trấn Na Sầm", "Xã Hoàng Việt", "Xã Tân Mỹ"]),
    ("huyen", "Văn Quan", ["Thị trấn Văn Quan", "Xã Tràng Các", "Xã Điềm He"]),
    ("huyen", "Bình Gia", ["Thị trấn Bình Gia", "Xã Hoàng Văn Thụ", "Xã Thiện Long"]),
    ("huyen", "Bắc Sơn", ["Thị trấn Bắc Sơn", "Xã Bắc Sơn", "Xã Vũ Lăng"]),
    ("huyen", "Hữu Lũng", ["Thị trấn Hữu Lũng", "Xã Minh Sơn", "Xã Hồ Sơn"]),
    ("huyen", "Chi Lăng", ["Thị trấn Đồng Mỏ", "Xã Quang Lang", "Xã Chi Lăng"]),
    ("huyen", "Cao Lộc", ["Thị trấn Cao Lộc", "Xã Đồng Đăng", "Xã Hợp Thành"]),
    ("huyen", "Lộc Bình", ["Thị trấn Lộc Bình", "Xã Khánh Xuân", "Xã Đồng Bục", "Xã Hữu Khánh"]),
    ("huyen", "Đình Lập", ["Thị trấn Đình Lập", "Xã Đình Lập", "Xã Bắc Xa"]),
]

# After 01/07/2025 (NQ 1672/NQ-UBTVQH15): a few examples of merged communes.
MERGERS = [
    ("Xã Lộc Bình", "xa", ["Thị trấn Lộc Bình", "Xã Khánh Xuân", "Xã Đồng Bục", "Xã Hữu Khánh"]),
    ("Phường Lương Văn Tri", "phuong", ["Phường Chi Lăng", "Phường Hoàng Văn Thụ"]),
    ("Xã Thất Khê", "xa", ["Thị trấn Thất Khê", "Xã Chi Lăng"]),
]

ORGANIZATIONS = [
    ("Ủy ban nhân dân tỉnh Lạng Sơn", "UBND tỉnh", "ubnd", "province"),
    ("Ủy ban MTTQ Việt Nam tỉnh Lạng Sơn", "UBMTTQ tỉnh", "mttq", "province"),
    ("Tòa án nhân dân tỉnh Lạng Sơn", "TAND tỉnh", "court", "province"),
    ("Viện kiểm sát nhân dân tỉnh Lạng Sơn", "VKSND tỉnh", "procuracy", "province"),
    ("Đoàn đại biểu Quốc hội tỉnh Lạng Sơn", "Đoàn ĐBQH tỉnh", "na_delegation", "province"),
    ("Ban cán sự đảng UBND tỉnh Lạng Sơn", "BCSĐ UBND tỉnh", "party", "province"),
    ("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "department", "province"),
    ("Sở Tài chính", "Sở Tài chính", "department", "province"),
    ("Sở Tài nguyên và Môi trường", "Sở TN&MT", "department", "province"),
    ("Sở Giao thông vận tải", "Sở GTVT", "department", "province"),
    ("Sở Xây dựng", "Sở Xây dựng", "department", "province"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT", "department", "province"),
    ("Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "department", "province"),
    ("Sở Y tế", "Sở Y tế", "department", "province"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH", "department", "province"),
    ("Sở Công Thương", "Sở Công Thương", "department", "province"),
    ("Sở Nội vụ", "Sở Nội vụ", "department", "province"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở VHTT&DL", "department", "province"),
    ("Công an tỉnh Lạng Sơn", "Công an tỉnh", "department", "province"),
    ("Ban Dân tộc tỉnh Lạng Sơn", "Ban Dân tộc tỉnh", "department", "province"),
    ("Công ty Điện lực Lạng Sơn", "Điện lực Lạng Sơn", "enterprise", "province"),
    ("Bộ Giao thông vận tải", "Bộ GTVT", "central", "central"),
    ("Bộ Tài nguyên và Môi trường", "Bộ TN&MT", "central", "central"),
]

COMMITTEES = [
    ("phap_che", "Ban Pháp chế"),
    ("kinh_te_ngan_sach", "Ban Kinh tế - Ngân sách"),
    ("van_hoa_xa_hoi", "Ban Văn hóa - Xã hội"),
    ("dan_toc", "Ban Dân tộc"),
]

SURNAMES = [
    "Hoàng",
    "Nông",
    "Lương",
    "Vi",
    "Hà",
    "Lục",
    "Lý",
    "Nguyễn",
    "Trần",
    "Đinh",
    "Bế",
    "Lã",
    "Mông",
]
MIDDLE_M = ["Văn", "Đức", "Quốc", "Minh", "Xuân"]
MIDDLE_F = ["Thị", "Thu", "Thị Thanh", "Thị Minh"]
GIVEN_M = [
    "Hùng",
    "Cường",
    "Dũng",
    "Thắng",
    "Tuấn",
    "Long",
    "Sơn",
    "Hải",
    "Bình",
    "Quân",
    "Tiến",
    "Toàn",
]
GIVEN_F = ["Hoa", "Lan", "Hương", "Mai", "Thủy", "Hạnh", "Huyền", "Nga", "Liên", "Thơ"]

INTERSESSION_2019 = [
    (
        D(2019, 1, 21),
        "Điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2016 - 2020 nguồn ngân sách địa phương",
    ),
    (
        D(2019, 2, 25),
        "Phân bổ chi tiết nguồn vốn sự nghiệp thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2019",
    ),
    (D(2019, 3, 18), "Chủ trương đầu tư dự án cải tạo, nâng cấp đường tỉnh 226"),
    (D(2019, 4, 8), "Điều chỉnh danh mục dự án cần thu hồi đất năm 2019"),
    (D(2019, 5, 13), "Bổ sung kinh phí phòng, chống bệnh dịch tả lợn châu Phi"),
    (D(2019, 6, 3), "Sử dụng dự phòng ngân sách tỉnh khắc phục hậu quả mưa lũ"),
    (D(2019, 8, 5), "Điều chỉnh chủ trương đầu tư dự án kè chống sạt lở bờ sông Kỳ Cùng"),
    (D(2019, 9, 9), "Phân bổ kinh phí thực hiện chính sách hỗ trợ học sinh bán trú"),
    (D(2019, 10, 14), "Điều chỉnh kế hoạch vốn đầu tư công năm 2019"),
    (D(2019, 11, 4), "Bổ sung dự toán chi thường xuyên cho các đơn vị sự nghiệp y tế"),
    (D(2019, 11, 25), "Ứng trước kế hoạch vốn năm 2020 cho các dự án cấp bách"),
]

APPRAISAL_SUBJECTS = [
    "Đề án phát triển kinh tế cửa khẩu",
    "Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội quý I",
    "Tờ trình về kế hoạch đầu tư công năm 2020",
    "Đề án sắp xếp đơn vị sự nghiệp công lập",
    "Báo cáo kết quả thu ngân sách 6 tháng đầu năm",
    "Tờ trình về chính sách hỗ trợ phát triển sản xuất nông nghiệp",
    "Báo cáo về công tác phòng, chống dịch tả lợn châu Phi",
    "Tờ trình về quy hoạch sử dụng đất",
    "Đề án phát triển du lịch giai đoạn 2019 - 2025",
    "Báo cáo tình hình giải ngân vốn đầu tư công",
    "Tờ trình về giá đất điều chỉnh",
    "Báo cáo kết quả công tác cải cách hành chính",
    "Tờ trình về chương trình mục tiêu giảm nghèo bền vững",
    "Báo cáo tình hình kinh tế - xã hội 9 tháng",
    "Đề án xây dựng chính quyền điện tử",
    "Tờ trình về kế hoạch tài chính 05 năm",
    "Báo cáo về công tác quản lý khoáng sản",
    "Tờ trình về phân cấp nguồn thu, nhiệm vụ chi",
    "Báo cáo kết quả thực hiện chương trình xây dựng nông thôn mới",
    "Tờ trình về dự toán ngân sách năm 2020",
    "Báo cáo tình hình kinh tế - xã hội năm 2019",
    "Tờ trình về kế hoạch phát triển kinh tế - xã hội năm 2020",
    "Đề án phát triển nguồn nhân lực",
]


PROVINCE_NAME = "Hội đồng nhân dân tỉnh Lạng Sơn"
PROVINCE_SHORT_NAME = "HĐND tỉnh Lạng Sơn"


def load(*, council: Council | None = None) -> Council:
    council, _ = Council.objects.update_or_create(
        name=PROVINCE_NAME,
        defaults={
            "short_name": PROVINCE_SHORT_NAME,
            "level": Council.Level.PROVINCE,
            "place_name": "Lạng Sơn",
            "header_name": "HỘI ĐỒNG NHÂN DÂN\nTỈNH LẠNG SƠN",
            "secretariat_name": "Văn phòng HĐND tỉnh Lạng Sơn",
            "resolution_symbol": "NQ-HĐND",
            "report_symbol": "BC-HĐND",
        },
    )
    terms = {}
    for ordinal, roman, start, end in [
        (16, "XVI", D(2016, 6, 23), D(2021, 6, 22)),
        (17, "XVII", D(2021, 6, 23), D(2026, 3, 24)),
        (18, "XVIII", D(2026, 3, 25), None),
    ]:
        terms[roman], _ = Term.objects.update_or_create(
            council=council,
            ordinal=ordinal,
            defaults={"roman": roman, "start_date": start, "end_date": end},
        )
    _load_units()
    _load_organizations(council)
    for term in terms.values():
        for order, (code, name) in enumerate(COMMITTEES, start=1):
            Committee.objects.update_or_create(
                term=term, code=code, defaults={"name": name, "order": order}
            )
    _load_delegates(terms["XVI"], seats=59, chair="Hoàng Văn Nghiệm", standing_vice="Đoàn Thị Hậu")
    _load_delegates(terms["XVII"], seats=59, chair="Đoàn Thị Hậu", standing_vice="Dương Xuân Huyên")
    _load_standing_work_2019(terms["XVI"])
    return council


# --- Commune councils after 01/07/2025 (issue 19) -----------------------------------------

# A commune's two Ban (Luật Tổ chức chính quyền địa phương 2025).
COMMUNE_LEGAL = Committee.Code.LEGAL
COMMUNE_ECONOMY_SOCIETY = Committee.Code.ECONOMY_SOCIETY
COMMUNE_COMMITTEES = [
    (COMMUNE_LEGAL, "Ban Pháp chế"),
    (COMMUNE_ECONOMY_SOCIETY, "Ban Kinh tế - Xã hội"),
]


@dataclass(frozen=True)
class CommuneSpec:
    """One demo commune council: its unit (a MERGERS label), seats, leaders and the day its
    2026 - 2031 term opened (the first session after the election of 15/03/2026)."""

    unit: str
    seats: int
    chair: str
    vice_chair: str
    first_session: dt.date
    names: int  # where its invented delegates' names start (different people per commune)
    project: str  # the public investment its council decides on in 2026


COMMUNES = [
    CommuneSpec(
        "Xã Lộc Bình",
        20,
        "Lương Văn Đức",
        "Hoàng Thị Nhung",
        D(2026, 3, 27),
        101,
        "cứng hóa các tuyến đường giao thông nông thôn khu vực xã Khánh Xuân (cũ)",
    ),
    CommuneSpec(
        "Phường Lương Văn Tri",
        18,
        "Nguyễn Thị Thanh Hà",
        "Vi Quốc Hưng",
        D(2026, 3, 26),
        211,
        "cải tạo hệ thống thoát nước và vỉa hè các tuyến phố khu vực phường Chi Lăng (cũ)",
    ),
    CommuneSpec(
        "Xã Thất Khê",
        16,
        "Nông Văn Tuấn",
        "Lý Thị Hằng",
        D(2026, 3, 28),
        307,
        "xây dựng nhà văn hóa, sân thể thao các thôn khu vực xã Chi Lăng (cũ)",
    ),
]
COMMUNE_TERM = (1, "I")  # the new unit's first elected council, 2026 - 2031


def locality(council: Council) -> str:
    """The council's place as a sentence says it: "tỉnh Lạng Sơn", "xã Lộc Bình", "phường
    Lương Văn Tri" (its full name without "Hội đồng nhân dân")."""
    return council.name.removeprefix("Hội đồng nhân dân").strip()


def _place(spec: CommuneSpec) -> str:
    """ "xã Lộc Bình" of "Xã Lộc Bình"."""
    return spec.unit[:1].lower() + spec.unit[1:]


def commune_names(spec: CommuneSpec) -> tuple[str, str]:
    """(full name, short name) of the council the demo makes of this commune."""
    place = _place(spec)
    return f"Hội đồng nhân dân {place}", f"HĐND {place}"


def _unit(spec: CommuneSpec) -> AdministrativeUnit | None:
    _kind, _sep, name = spec.unit.partition(" ")
    return AdministrativeUnit.objects.filter(
        name=name, level="commune", valid_from=D(2025, 7, 1)
    ).first()


def commune_spec(council: Council) -> CommuneSpec | None:
    """The demo's description of a commune council it created, None for any other council."""
    return next((c for c in COMMUNES if council.name == commune_names(c)[0]), None)


def commune_shift(council: Council) -> int:
    """Days between the communes' dates (0, 1, 2 ...): their sessions, meetings and letters do
    not all fall on the same day."""
    spec = commune_spec(council)
    return COMMUNES.index(spec) if spec is not None else 0


def commune_unit(council: Council) -> AdministrativeUnit | None:
    """The administrative unit (from 01/07/2025) a demo commune council governs."""
    spec = commune_spec(council)
    return _unit(spec) if spec is not None else None


def commune_organization(council: Council, prefix: str) -> Organization | None:
    """ "Ủy ban nhân dân", "Ủy ban MTTQ Việt Nam", "Công an" of the commune, by name among its
    own (another council may have one of that name)."""
    return Organization.objects.filter(
        council=council, name=f"{prefix} {locality(council)}"
    ).first()


def current_term(council: Council) -> Term | None:
    return council.terms.order_by("-start_date").first()


def load_communes(
    *, province: Council, specs: Sequence[CommuneSpec] = tuple(COMMUNES)
) -> list[Council]:
    """A few commune councils of `province` after the reform (`specs`: those of COMMUNES to
    load, all by default), each with its 2026 - 2031 term, its two Ban and its delegates.
    Idempotent: keyed on the council's name and the term's ordinal."""
    councils = []
    for spec in specs:
        unit = _unit(spec)
        if unit is None:  # the units come with load(); on their own, load them first
            _load_units()
            unit = _unit(spec)
        place = _place(spec)
        name, short_name = commune_names(spec)
        council = Council.objects.filter(name=name).first() or Council(name=name)
        for field, value in {
            "short_name": short_name,
            "level": Council.Level.COMMUNE,
            "level_name": unit.get_unit_type_display().lower(),  # xã, phường
            "parent": province,
            "place_name": unit.name,
            "header_name": f"HỘI ĐỒNG NHÂN DÂN\n{place.upper()}",
            "secretariat_name": f"Văn phòng HĐND và UBND {place}",
            "resolution_symbol": "NQ-HĐND",
            "report_symbol": "BC-HĐND",
        }.items():
            setattr(council, field, value)
        record_save(instance=council)
        ordinal, roman = COMMUNE_TERM
        term, _ = Term.objects.update_or_create(
            council=council,
            ordinal=ordinal,
            defaults={"roman": roman, "start_date": spec.first_session, "end_date": None},
        )
        for order, (code, ban) in enumerate(COMMUNE_COMMITTEES, start=1):
            Committee.objects.update_or_create(
                term=term, code=code, defaults={"name": ban, "order": order}
            )
        _load_commune_organizations(council, place, unit)
        # One Tổ đại biểu per former commune or township the new unit took in.
        sources = next(src for label, _kind, src in MERGERS if label == spec.unit)
        groups = []
        for number, source in enumerate(sources, start=1):
            group, _ = DelegateGroup.objects.update_or_create(
                term=term,
                name=f"Tổ đại biểu số {number}",
                defaults={"area": f"{source} (cũ)"},
            )
            groups.append(group)
        _load_delegates(
            term,
            seats=spec.seats,
            chair=spec.chair,
            standing_vice=spec.vice_chair,
            groups=groups,
            vice_role=Position.Role.VICE_CHAIR,
            full_time=3,
            electoral_units=len(groups),
            offset=spec.names,
            born_from=1968,
        )
        councils.append(council)
    return councils


def _load_commune_organizations(council: Council, place: str, unit: AdministrativeUnit) -> None:
    for prefix, short, kind in [
        ("Ủy ban nhân dân", "UBND", Organization.Kind.PEOPLES_COMMITTEE),
        ("Ủy ban MTTQ Việt Nam", "UBMTTQ", Organization.Kind.FATHERLAND_FRONT),
        ("Công an", "Công an", Organization.Kind.DEPARTMENT),
    ]:
        Organization.objects.update_or_create(
            council=council,
            name=f"{prefix} {place}",
            defaults={
                "short_name": f"{short} {place}",
                "kind": kind,
                "level": Organization.Level.COMMUNE,
                "admin_unit": unit,
                "valid_from": DISTRICTS_END + dt.timedelta(days=1),  # the new commune's first day
            },
        )


def _load_units() -> None:
    province, _ = AdministrativeUnit.objects.update_or_create(
        name="Lạng Sơn",
        parent=None,
        valid_from=None,
        defaults={"level": "province", "unit_type": "tinh", "code": "20"},
    )
    old = {}
    for unit_type, name, communes in DISTRICTS:
        district, _ = AdministrativeUnit.objects.update_or_create(
            name=name,
            parent=province,
            valid_from=None,
            defaults={"level": "district", "unit_type": unit_type, "valid_to": DISTRICTS_END},
        )
        for label in communes:
            kind, _sep, cname = label.partition(" ")
            if kind == "Thị":
                kind, cname = "thi_tran", label.removeprefix("Thị trấn ")
            else:
                kind = {"Xã": "xa", "Phường": "phuong"}[kind]
            # A township and a commune may share a name ("Thị trấn Bắc Sơn", "Xã Bắc Sơn").
            unit, _ = AdministrativeUnit.objects.update_or_create(
                name=cname,
                unit_type=kind,
                parent=district,
                valid_from=None,
                defaults={"level": "commune", "unit_type": kind, "valid_to": DISTRICTS_END},
            )
            old[label] = unit
    for label, kind, sources in MERGERS:
        name = label.split(" ", 1)[1]
        new, _ = AdministrativeUnit.objects.update_or_create(
            name=name,
            parent=province,
            valid_from=D(2025, 7, 1),
            defaults={"level": "commune", "unit_type": kind},
        )
        for src in sources:
            UnitSuccession.objects.update_or_create(
                predecessor=old[src],
                successor=new,
                defaults={
                    "effective_date": D(2025, 7, 1),
                    "legal_basis": "Nghị quyết số 1672/NQ-UBTVQH15",
                },
            )


def _load_organizations(council: Council) -> None:
    """The province's organisations (and its former districts' UBND) are its own; the central
    ones are shared by every council (no council)."""
    for name, short, kind, level in ORGANIZATIONS:
        # Names are unique within a council (or among the shared ones): keyed on both.
        owner = None if level == Organization.Level.CENTRAL else council
        Organization.objects.update_or_create(
            council=owner,
            name=name,
            defaults={"short_name": short, "kind": kind, "level": level},
        )
    for _type, name, _communes in DISTRICTS:
        prefix = "thành phố" if _type == "thanh_pho_thuoc_tinh" else "huyện"
        Organization.objects.update_or_create(
            council=council,
            name=f"Ủy ban nhân dân {prefix} {name}",
            defaults={
                "short_name": f"UBND {prefix} {name}",
                "kind": "ubnd",
                "level": "district",
                "is_active": False,
                "valid_to": DISTRICTS_END,
            },
        )


def _person(index: int) -> tuple[str, str]:
    female = index % 3 == 1
    surname = SURNAMES[index % len(SURNAMES)]
    middle = (MIDDLE_F if female else MIDDLE_M)[(index // 3) % (4 if female else 5)]
    given = (GIVEN_F if female else GIVEN_M)[(index * 7) % (10 if female else 12)]
    return f"{surname} {middle} {given}", "female" if female else "male"


def _hdnd_words(council: Council) -> str:
    """ "HĐND tỉnh", "HĐND xã", "HĐND phường": the council's short name without its place."""
    return council.short_name.removesuffix(council.place_name).strip()


def _district_groups(term: Term) -> list[DelegateGroup]:
    groups = []
    for _type, name, _communes in DISTRICTS:
        prefix = "thành phố" if _type == "thanh_pho_thuoc_tinh" else "huyện"
        group, _ = DelegateGroup.objects.update_or_create(
            term=term,
            name=f"Tổ đại biểu {prefix} {name}",
            defaults={"area": f"{prefix.capitalize()} {name}"},
        )
        groups.append(group)
    return groups


def _load_delegates(
    term: Term,
    *,
    seats: int,
    chair: str,
    standing_vice: str,
    groups: list[DelegateGroup] | None = None,
    vice_role: str = Position.Role.STANDING_VICE_CHAIR,
    full_time: int = 12,
    electoral_units: int = 15,
    offset: int | None = None,
    born_from: int = 1960,
) -> None:
    """The term's delegates: the chair, the (standing) vice-chair, then invented people; the
    Ban's heads and deputy heads among them. Titles in the council's own words ("Chủ tịch HĐND
    tỉnh", "Chủ tịch HĐND xã")."""
    hdnd = _hdnd_words(term.council)
    vice_title = str(dict(Position.Role.choices)[vice_role]).replace("HĐND", hdnd)
    if groups is None:
        groups = _district_groups(term)
    committees = list(Committee.objects.filter(term=term).order_by("order"))
    if offset is None:
        offset = term.ordinal * 5  # different people in different terms
    for i in range(seats):
        if i == 0:
            full_name, gender, title = (
                chair,
                "male" if "Văn" in chair or "Xuân" in chair else "female",
                f"Chủ tịch {hdnd}",
            )
        elif i == 1:
            full_name, gender, title = (
                standing_vice,
                "female" if "Thị" in standing_vice else "male",
                vice_title,
            )
        else:
            full_name, gender = _person(i + offset)
            title = f"Đại biểu {hdnd}"
        committee = committees[i % len(committees)] if i >= 2 else None
        delegate, _ = Delegate.objects.update_or_create(
            term=term,
            full_name=full_name,
            birth_year=born_from + (i * 7) % 25,
            defaults={
                "gender": gender,
                "ethnicity": ["Tày", "Nùng", "Kinh", "Dao"][i % 4],
                "job_title": title,
                "electoral_unit": f"Đơn vị bầu cử số {i % electoral_units + 1}",
                "delegate_group": groups[i % len(groups)],
                "committee": committee,
                "is_full_time": i < full_time,
                "status": Delegate.Status.ACTIVE,
            },
        )
        role = None
        if i == 0:
            role = Position.Role.CHAIR
        elif i == 1:
            role = vice_role
        elif 2 <= i < 2 + len(committees):
            role = Position.Role.COMMITTEE_HEAD
        elif 2 + len(committees) <= i < 2 + 2 * len(committees):
            role = Position.Role.COMMITTEE_DEPUTY_HEAD
        if role:
            Position.objects.update_or_create(
                delegate=delegate,
                role=role,
                defaults={
                    "committee": committee if role in Position.COMMITTEE_ROLES else None,
                    "start_date": term.start_date,
                },
            )


def _load_standing_work_2019(term: Term) -> None:
    own = Organization.objects.filter(council=term.council_id)
    ubnd = own.get(name="Ủy ban nhân dân tỉnh Lạng Sơn")
    party = own.get(name="Ban cán sự đảng UBND tỉnh Lạng Sơn")
    for i, (received, subject) in enumerate(INTERSESSION_2019, start=1):
        InterSessionMatter.objects.update_or_create(
            term=term,
            subject=subject,
            defaults={
                "received_date": received,
                "submitted_by": ubnd,
                "submission_number": f"{10 + i * 7}/TTr-UBND",
                "opinion_number": f"{100 + i * 13}/HĐND-KTNS",
                "opinion_date": received + dt.timedelta(days=7),
                "outcome": InterSessionMatter.Outcome.AGREED
                if i % 5
                else InterSessionMatter.Outcome.AGREED_WITH_CONDITIONS,
            },
        )
    for i, subject in enumerate(APPRAISAL_SUBJECTS, start=1):
        received = D(2019, 1 + (i - 1) // 2, 5 + (i % 2) * 10)
        AppraisalRequest.objects.update_or_create(
            term=term,
            subject=subject,
            defaults={
                "requester": "Ban cán sự đảng UBND tỉnh",
                "requester_org": party,
                "doc_kind": AppraisalRequest.DocKind.SUBMISSION
                if subject.startswith("Tờ trình")
                else AppraisalRequest.DocKind.REPORT,
                "received_date": received,
                "answered_date": received + dt.timedelta(days=5),
                "response_number": f"{i:02d}/BC-ĐĐ",
            },
        )
