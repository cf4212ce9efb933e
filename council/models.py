"""The council itself: terms, Ban, delegates, organisations, administrative units and the
Standing Committee's work between sessions. This is the ground floor: it imports no other app."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.collation import COLLATION
from core.models import TimeStampedModel

# Districts ceased on 01/07/2025 (Luật Tổ chức chính quyền địa phương 72/2025/QH15): the last
# day of the district level, of its units and of its organisations.
DISTRICT_LEVEL_END = dt.date(2025, 6, 30)


class Council(TimeStampedModel):
    class Level(models.TextChoices):
        PROVINCE = "province", _("Tỉnh")
        CITY = "city", _("Thành phố trực thuộc trung ương")
        COMMUNE = "commune", _("Xã, phường, đặc khu")

    class Sequence(models.TextChoices):
        SEPARATE = "separate", _("Riêng cho nghị quyết quy phạm và cá biệt")
        SHARED = "shared", _("Chung một dãy số cho mọi nghị quyết")

    class Rounding(models.TextChoices):
        ROUND = "round", _("Làm tròn (66,67%)")
        TRUNCATE = "truncate", _("Cắt bớt (66,66%)")

    name = models.CharField(_("Tên đầy đủ"), max_length=200, unique=True, db_collation=COLLATION)
    short_name = models.CharField(_("Tên viết tắt"), max_length=100)
    level = models.CharField(_("Cấp"), max_length=20, choices=Level.choices, default=Level.PROVINCE)
    place_name = models.CharField(
        _("Địa danh trên văn bản"), max_length=100, help_text=_("Ví dụ: Lạng Sơn")
    )
    header_name = models.CharField(
        _("Tên cơ quan ở tiêu đề văn bản"),
        max_length=200,
        help_text=_("Mỗi dòng một dòng in hoa, ví dụ: HỘI ĐỒNG NHÂN DÂN / TỈNH LẠNG SƠN"),
    )
    secretariat_name = models.CharField(_("Tên Văn phòng"), max_length=200)
    resolution_symbol = models.CharField(_("Ký hiệu nghị quyết"), max_length=30, default="NQ-HĐND")
    report_symbol = models.CharField(_("Ký hiệu báo cáo"), max_length=30, default="BC-HĐND")
    resolution_sequence = models.CharField(
        _("Cách đánh số nghị quyết"),
        max_length=20,
        choices=Sequence.choices,
        default=Sequence.SEPARATE,
    )
    rate_rounding = models.CharField(
        _("Cách tính tỷ lệ phần trăm"),
        max_length=20,
        choices=Rounding.choices,
        default=Rounding.ROUND,
    )
    level_name = models.CharField(
        _("Tên gọi cấp"),
        max_length=30,
        blank=True,
        help_text=_(
            "Như trong «UBND phường», «HĐND đặc khu»: tỉnh, thành phố, xã, phường hoặc đặc khu. "
            "Bỏ trống: theo cấp."
        ),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Thuộc HĐND tỉnh, thành phố"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="communes",
        help_text=_("Với HĐND xã, phường, đặc khu: HĐND tỉnh, thành phố theo dõi HĐND này."),
    )

    predecessors = models.ManyToManyField(
        "self",
        verbose_name=_("HĐND trước sắp xếp"),
        symmetrical=False,
        blank=True,
        related_name="successors",
        help_text=_(
            "Với HĐND hình thành do hợp nhất (từ 01/07/2025): các HĐND cũ, để tra cứu lịch sử."
        ),
    )

    # A council's own rows: itself and its communes' councils (core.scoping.of_council).
    council_path = ("pk", "parent")

    class Meta:
        verbose_name = _("Hội đồng nhân dân")
        verbose_name_plural = _("Hội đồng nhân dân")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def level_word(self) -> str:
        """ "tỉnh" in "HĐND tỉnh", "UBND tỉnh"; "thành phố", "xã", "phường", "đặc khu"."""
        return self.level_name.strip() or LEVEL_WORDS.get(self.level, "tỉnh")

    def clean(self) -> None:
        super().clean()
        commune = self.level == self.Level.COMMUNE
        if commune and self.parent_id is None:
            raise ValidationError({"parent": _("HĐND cấp xã phải thuộc một HĐND tỉnh, thành phố.")})
        if not commune and self.parent_id is not None:
            raise ValidationError({"parent": _("Chỉ HĐND cấp xã mới thuộc HĐND khác.")})
        if commune and self.parent is not None and self.parent.level == self.Level.COMMUNE:
            raise ValidationError({"parent": _("HĐND cấp xã phải thuộc HĐND cấp tỉnh.")})

    def get_absolute_url(self) -> str:
        return reverse("council:council_detail", args=[self.pk])

    @property
    def header_lines(self) -> list[str]:
        return [
            line.strip()
            for line in self.header_name.replace("/", "\n").splitlines()
            if line.strip()
        ]


# A level's word when the council does not name its own (Council.level_name).
LEVEL_WORDS = {
    Council.Level.PROVINCE: "tỉnh",
    Council.Level.CITY: "thành phố",
    Council.Level.COMMUNE: "xã",
}


class Term(TimeStampedModel):
    """A term (nhiệm kỳ, "khóa"). The Roman ordinal is stored: each province counts its own."""

    council_path = "council"

    council = models.ForeignKey(
        Council, verbose_name=_("HĐND"), on_delete=models.PROTECT, related_name="terms"
    )
    ordinal = models.PositiveSmallIntegerField(_("Số thứ tự khóa"))
    roman = models.CharField(_("Khóa (số La Mã)"), max_length=10)
    start_date = models.DateField(_("Ngày bắt đầu"))
    end_date = models.DateField(_("Ngày kết thúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Nhiệm kỳ")
        verbose_name_plural = _("Nhiệm kỳ")
        ordering = ["-start_date"]
        constraints = [
            models.UniqueConstraint(fields=["council", "ordinal"], name="term_unique_ordinal"),
            models.UniqueConstraint(fields=["council", "roman"], name="term_unique_roman"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gt=F("start_date")),
                name="term_end_after_start",
                violation_error_message=_("Ngày kết thúc phải sau ngày bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return f"Khóa {self.roman} ({self.year_label})"

    def get_absolute_url(self) -> str:
        return reverse("council:term_detail", args=[self.pk])

    @property
    def year_label(self) -> str:
        end = self.end_date.year if self.end_date else "…"
        return f"{self.start_date.year}–{end}"

    def contains(self, day: dt.date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)

    @property
    def has_ended(self) -> bool:
        return self.end_date is not None and self.end_date < timezone.localdate()


class Committee(TimeStampedModel):
    """A Ban of the council, per term."""

    council_path = "term__council"

    class Code(models.TextChoices):
        LEGAL = "phap_che", _("Ban Pháp chế")
        ECONOMY_BUDGET = "kinh_te_ngan_sach", _("Ban Kinh tế - Ngân sách")
        ECONOMY_SOCIETY = "kinh_te_xa_hoi", _("Ban Kinh tế - Xã hội")  # a commune's
        CULTURE_SOCIETY = "van_hoa_xa_hoi", _("Ban Văn hóa - Xã hội")
        ETHNIC = "dan_toc", _("Ban Dân tộc")
        URBAN = "do_thi", _("Ban Đô thị")
        OTHER = "khac", _("Ban khác")

    term = models.ForeignKey(
        Term, verbose_name=_("Nhiệm kỳ"), on_delete=models.PROTECT, related_name="committees"
    )
    code = models.CharField(_("Mã"), max_length=30, choices=Code.choices)
    name = models.CharField(_("Tên Ban"), max_length=150, db_collation=COLLATION)
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)

    class Meta:
        verbose_name = _("Ban")
        verbose_name_plural = _("Các Ban")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["term", "code"], name="committee_unique_code_per_term"),
            models.UniqueConstraint(fields=["term", "name"], name="committee_unique_name_per_term"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("council:committee_detail", args=[self.pk])


class AdministrativeUnit(TimeStampedModel):
    """Province, district (until 30/06/2025) or commune, with validity dates."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Cấp tỉnh")
        DISTRICT = "district", _("Cấp huyện")
        COMMUNE = "commune", _("Cấp xã")

    class UnitType(models.TextChoices):
        PROVINCE = "tinh", _("Tỉnh")
        CENTRAL_CITY = "thanh_pho_tw", _("Thành phố trực thuộc trung ương")
        DISTRICT = "huyen", _("Huyện")
        URBAN_DISTRICT = "quan", _("Quận")
        TOWN = "thi_xa", _("Thị xã")
        PROVINCIAL_CITY = "thanh_pho_thuoc_tinh", _("Thành phố thuộc tỉnh")
        COMMUNE = "xa", _("Xã")
        WARD = "phuong", _("Phường")
        TOWNSHIP = "thi_tran", _("Thị trấn")
        SPECIAL_ZONE = "dac_khu", _("Đặc khu")

    code = models.CharField(_("Mã đơn vị"), max_length=20, blank=True)
    name = models.CharField(_("Tên"), max_length=150, db_collation=COLLATION)
    level = models.CharField(_("Cấp"), max_length=20, choices=Level.choices)
    unit_type = models.CharField(_("Loại"), max_length=30, choices=UnitType.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField(_("Hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("Hiệu lực đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("Đơn vị hành chính")
        verbose_name_plural = _("Đơn vị hành chính")
        ordering = ["level", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="adminunit_valid_to_after_from",
                violation_error_message=_("Ngày hết hiệu lực không được trước ngày có hiệu lực."),
            ),
            models.UniqueConstraint(
                fields=["name", "unit_type", "parent", "valid_from"], name="adminunit_unique_name"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_unit_type_display()} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("council:administrativeunit_detail", args=[self.pk])

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class UnitSuccession(TimeStampedModel):
    """One predecessor -> successor link of a merger (e.g. NQ 1672/NQ-UBTVQH15 in 2025)."""

    predecessor = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("Đơn vị cũ"),
        on_delete=models.PROTECT,
        related_name="successions",
    )
    successor = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("Đơn vị mới"),
        on_delete=models.PROTECT,
        related_name="predecessions",
    )
    effective_date = models.DateField(_("Ngày có hiệu lực"))
    legal_basis = models.CharField(_("Căn cứ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Sắp xếp đơn vị hành chính")
        verbose_name_plural = _("Sắp xếp đơn vị hành chính")
        ordering = ["-effective_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="succession_unique_pair"
            ),
            models.CheckConstraint(
                condition=~Q(predecessor=F("successor")),
                name="succession_not_self",
                violation_error_message=_("Đơn vị cũ và đơn vị mới phải khác nhau."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"

    def get_absolute_url(self) -> str:
        return reverse("council:unitsuccession_detail", args=[self.pk])


class Organization(TimeStampedModel):
    """Whoever receives submissions, recommendations and petitions, or sends them. A council's
    own (its UBND, its departments), or shared by every council of the installation (no
    council: central agencies)."""

    # A council sees its own organisations, its province's and the shared ones
    # (core.scoping.of_council): a commune's drop-downs offer tens, not the country's thousands.
    council_path = "council"
    council_shared = True

    class Kind(models.TextChoices):
        PEOPLES_COMMITTEE = "ubnd", _("Ủy ban nhân dân")
        DEPARTMENT = "department", _("Sở, ban, ngành")
        FATHERLAND_FRONT = "mttq", _("Ủy ban MTTQ Việt Nam")
        COURT = "court", _("Tòa án nhân dân")
        PROCURACY = "procuracy", _("Viện kiểm sát nhân dân")
        CENTRAL = "central", _("Cơ quan Trung ương")
        NA_DELEGATION = "na_delegation", _("Đoàn đại biểu Quốc hội")
        PARTY = "party", _("Cơ quan Đảng")
        ENTERPRISE = "enterprise", _("Doanh nghiệp")
        OTHER = "other", _("Khác")

    class Level(models.TextChoices):
        CENTRAL = "central", _("Trung ương")
        PROVINCE = "province", _("Tỉnh")
        DISTRICT = "district", _("Huyện")
        COMMUNE = "commune", _("Xã")

    # Unique within its council (Meta.constraints): two communes each have their "Công an xã".
    name = models.CharField(_("Tên cơ quan, tổ chức"), max_length=200, db_collation=COLLATION)
    short_name = models.CharField(_("Tên viết tắt"), max_length=60, blank=True)
    kind = models.CharField(_("Loại"), max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    level = models.CharField(_("Cấp"), max_length=20, choices=Level.choices, default=Level.PROVINCE)
    admin_unit = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("Địa bàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    council = models.ForeignKey(
        Council,
        verbose_name=_("Thuộc HĐND"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organizations",
        help_text=_("Để trống: cơ quan dùng chung cho mọi HĐND, như các cơ quan Trung ương."),
    )
    is_active = models.BooleanField(_("Còn hoạt động"), default=True)
    valid_from = models.DateField(_("Hoạt động từ"), null=True, blank=True)
    valid_to = models.DateField(
        _("Hoạt động đến"),
        null=True,
        blank=True,
        help_text=_("Cơ quan cấp huyện hoạt động đến hết ngày 30/06/2025."),
    )

    class Meta:
        verbose_name = _("Cơ quan, tổ chức")
        verbose_name_plural = _("Cơ quan, tổ chức")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="organization_valid_to_after_from",
                violation_error_message=_("Ngày hết hoạt động không được trước ngày bắt đầu."),
            ),
            # A council's names are its own: its organisations may be named like another
            # council's. The index leads with the council, as the drop-downs' lookups do.
            models.UniqueConstraint(
                fields=["council", "name"],
                name="organization_unique_name_in_council",
                violation_error_message=_("HĐND này đã có cơ quan, tổ chức mang tên này."),
            ),
            # The shared ones (no council) among themselves: NULLs are never equal, so the
            # constraint above does not see them.
            models.UniqueConstraint(
                fields=["name"],
                condition=Q(council__isnull=True),
                name="organization_unique_shared_name",
                violation_error_message=_("Đã có cơ quan, tổ chức dùng chung mang tên này."),
            ),
        ]

    def clean(self) -> None:
        super().clean()
        ended = self.valid_to is not None and self.valid_to <= DISTRICT_LEVEL_END
        if self.level == self.Level.DISTRICT and not ended:
            raise ValidationError(
                {
                    "valid_to": _(
                        "Cấp huyện không còn từ ngày 01/07/2025: ghi ngày hoạt động đến "
                        "không muộn hơn 30/06/2025."
                    )
                }
            )

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def is_managed_by(self, council: Council | None) -> bool:
        """Whether `council` may edit or delete it: its own, and a province (a council of no
        other) also the shared ones. A commune chooses its province's and the shared ones but
        changes neither (core.views.RecordWriteMixin asks this before any write)."""
        if council is None or self.council_id == council.pk:
            return True
        return self.council_id is None and council.parent_id is None

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("council:organization_detail", args=[self.pk])


class DelegateGroup(TimeStampedModel):
    """Tổ đại biểu HĐND, usually one per district electoral area."""

    council_path = "term__council"

    term = models.ForeignKey(
        Term, verbose_name=_("Nhiệm kỳ"), on_delete=models.PROTECT, related_name="delegate_groups"
    )
    name = models.CharField(_("Tên tổ"), max_length=150, db_collation=COLLATION)
    area = models.CharField(_("Địa bàn"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Tổ đại biểu")
        verbose_name_plural = _("Tổ đại biểu")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["term", "name"], name="delegategroup_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("council:delegategroup_detail", args=[self.pk])


class Delegate(TimeStampedModel):
    council_path = "term__council"

    class Status(models.TextChoices):
        ACTIVE = "active", _("Đang là đại biểu")
        RESIGNED = "resigned", _("Thôi làm nhiệm vụ")
        DISMISSED = "dismissed", _("Bị bãi nhiệm")
        DECEASED = "deceased", _("Từ trần")

    class Gender(models.TextChoices):
        MALE = "male", _("Nam")
        FEMALE = "female", _("Nữ")

    full_name = models.CharField(_("Họ và tên"), max_length=120, db_collation=COLLATION)
    gender = models.CharField(_("Giới tính"), max_length=10, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("Năm sinh"), null=True, blank=True)
    ethnicity = models.CharField(_("Dân tộc"), max_length=50, blank=True)
    job_title = models.CharField(_("Chức vụ, nơi công tác"), max_length=250, blank=True)
    term = models.ForeignKey(
        Term, verbose_name=_("Nhiệm kỳ"), on_delete=models.PROTECT, related_name="delegates"
    )
    electoral_unit = models.CharField(_("Đơn vị bầu cử"), max_length=200, blank=True)
    delegate_group = models.ForeignKey(
        DelegateGroup,
        verbose_name=_("Tổ đại biểu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegates",
    )
    committee = models.ForeignKey(
        Committee,
        verbose_name=_("Thành viên Ban"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    is_full_time = models.BooleanField(_("Hoạt động chuyên trách"), default=False)
    status = models.CharField(
        _("Tình trạng"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )

    class Meta:
        verbose_name = _("Đại biểu")
        verbose_name_plural = _("Đại biểu")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "full_name", "birth_year"], name="delegate_unique_person_per_term"
            ),
        ]
        indexes = [models.Index(fields=["term", "status"])]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("council:delegate_detail", args=[self.pk])

    def get_status_display(self) -> str:
        """The status as read today (detail page, lists, admin): the stored "active" means the
        delegate did not leave during the term, so once the term has ended it reads "Đã hết
        nhiệm kỳ", not "Đang là đại biểu". Lists select the term with the delegate."""
        if self.status == self.Status.ACTIVE and self.term.has_ended:
            return str(_("Đã hết nhiệm kỳ"))
        return str(dict(self.Status.choices).get(self.status, self.status))


class Position(TimeStampedModel):
    council_path = "delegate__term__council"

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chủ tịch HĐND")
        STANDING_VICE_CHAIR = "standing_vice_chair", _("Phó Chủ tịch Thường trực HĐND")
        VICE_CHAIR = "vice_chair", _("Phó Chủ tịch HĐND")
        COMMITTEE_HEAD = "committee_head", _("Trưởng ban")
        COMMITTEE_DEPUTY_HEAD = "committee_deputy_head", _("Phó Trưởng ban")
        COMMITTEE_MEMBER = "committee_member", _("Ủy viên Ban")
        GROUP_LEADER = "group_leader", _("Tổ trưởng Tổ đại biểu")
        GROUP_DEPUTY_LEADER = "group_deputy_leader", _("Tổ phó Tổ đại biểu")
        OFFICE_CHIEF = "office_chief", _("Chánh Văn phòng")

    COMMITTEE_ROLES = (Role.COMMITTEE_HEAD, Role.COMMITTEE_DEPUTY_HEAD, Role.COMMITTEE_MEMBER)

    delegate = models.ForeignKey(
        Delegate, verbose_name=_("Đại biểu"), on_delete=models.CASCADE, related_name="positions"
    )
    role = models.CharField(_("Chức danh"), max_length=30, choices=Role.choices)
    committee = models.ForeignKey(
        Committee,
        verbose_name=_("Ban"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="positions",
    )
    start_date = models.DateField(_("Từ ngày"), null=True, blank=True)
    end_date = models.DateField(_("Đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("Chức danh")
        verbose_name_plural = _("Chức danh")
        ordering = ["role", "delegate__full_name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(
                    role__in=["committee_head", "committee_deputy_head", "committee_member"]
                )
                | Q(committee__isnull=False),
                name="position_committee_role_needs_committee",
                violation_error_message=_("Chức danh của Ban phải ghi rõ Ban nào."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="position_end_after_start",
                violation_error_message=_("Ngày kết thúc không được trước ngày bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        label = self.get_role_display()
        if self.committee_id:
            label = f"{label} {self.committee}"
        return f"{self.delegate}: {label}"

    def get_absolute_url(self) -> str:
        return reverse("council:position_detail", args=[self.pk])


class InterSessionMatter(TimeStampedModel):
    """Nội dung phát sinh giữa hai kỳ họp: UBND submits, Thường trực gives its opinion,
    a later session ratifies (the ratifying resolution points here from resolutions/)."""

    council_path = "term__council"

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Đang xem xét")
        AGREED = "agreed", _("Thống nhất")
        AGREED_WITH_CONDITIONS = "agreed_with_conditions", _("Thống nhất có điều kiện")
        DECLINED = "declined", _("Không thống nhất")

    term = models.ForeignKey(
        Term,
        verbose_name=_("Nhiệm kỳ"),
        on_delete=models.PROTECT,
        related_name="intersession_matters",
    )
    received_date = models.DateField(_("Ngày nhận"))
    submitted_by = models.ForeignKey(
        Organization,
        verbose_name=_("Cơ quan trình"),
        on_delete=models.PROTECT,
        related_name="intersession_matters",
    )
    submission_number = models.CharField(_("Số tờ trình"), max_length=60, blank=True)
    subject = models.CharField(_("Nội dung"), max_length=500)
    opinion_number = models.CharField(_("Số văn bản cho ý kiến"), max_length=60, blank=True)
    opinion_date = models.DateField(_("Ngày cho ý kiến"), null=True, blank=True)
    outcome = models.CharField(
        _("Kết quả"), max_length=30, choices=Outcome.choices, default=Outcome.PENDING
    )
    outcome_note = models.TextField(_("Ghi chú kết quả"), blank=True)

    class Meta:
        verbose_name = _("Nội dung phát sinh giữa hai kỳ họp")
        verbose_name_plural = _("Nội dung phát sinh giữa hai kỳ họp")
        ordering = ["-received_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opinion_date__isnull=True) | Q(opinion_date__gte=F("received_date")),
                name="intersession_opinion_after_received",
                violation_error_message=_("Ngày cho ý kiến không được trước ngày nhận."),
            ),
        ]
        indexes = [models.Index(fields=["received_date"])]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("council:intersessionmatter_detail", args=[self.pk])


class AppraisalRequest(TimeStampedModel):
    """Thẩm định báo cáo, tờ trình: a request for the council's appraisal or opinion (for
    instance, Party-side drafts prepared by UBND's Party group for the Provincial Standing Board)."""

    council_path = "term__council"

    class DocKind(models.TextChoices):
        REPORT = "report", _("Báo cáo")
        SUBMISSION = "submission", _("Tờ trình")
        PROJECT = "project", _("Đề án")
        OTHER = "other", _("Khác")

    term = models.ForeignKey(
        Term, verbose_name=_("Nhiệm kỳ"), on_delete=models.PROTECT, related_name="appraisals"
    )
    requester = models.CharField(_("Cơ quan đề nghị"), max_length=200)
    requester_org = models.ForeignKey(
        Organization,
        verbose_name=_("Cơ quan (danh mục)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    doc_kind = models.CharField(
        _("Loại văn bản"), max_length=20, choices=DocKind.choices, default=DocKind.REPORT
    )
    subject = models.CharField(_("Nội dung"), max_length=500)
    received_date = models.DateField(_("Ngày nhận"))
    answered_date = models.DateField(_("Ngày trả lời"), null=True, blank=True)
    response_number = models.CharField(_("Số văn bản trả lời"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("Yêu cầu thẩm định")
        verbose_name_plural = _("Thẩm định báo cáo, tờ trình")
        ordering = ["-received_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_date__isnull=True) | Q(answered_date__gte=F("received_date")),
                name="appraisal_answer_after_received",
                violation_error_message=_("Ngày trả lời không được trước ngày nhận."),
            ),
        ]
        indexes = [models.Index(fields=["received_date"])]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("council:appraisalrequest_detail", args=[self.pk])


class Holiday(TimeStampedModel):
    """A day of the national working calendar that differs from the week: a public holiday or a
    day off in lieu (nghỉ bù), or a weekend day worked instead (làm bù). Entered each year: the
    law fixes the holidays (BLLĐ 2019 Điều 112(1)) but the Prime Minister fixes the days of Tết
    and Quốc khánh every year (Điều 112(3)), so they cannot be computed from the lunar calendar.
    Installation-wide: the calendar is national. Read by council.workdays."""

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("Ngày nghỉ (lễ, tết, nghỉ bù)")
        WORKING_DAY = "working_day", _("Ngày làm việc bù (thứ Bảy, Chủ nhật đi làm)")

    date = models.DateField(_("Ngày"), unique=True)
    kind = models.CharField(_("Loại"), max_length=20, choices=Kind.choices, default=Kind.DAY_OFF)
    name = models.CharField(_("Tên ngày nghỉ"), max_length=150)
    basis = models.CharField(
        _("Căn cứ"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: Bộ luật Lao động 2019, Điều 112; Công văn số …/VPCP-KGVX."),
    )

    class Meta:
        verbose_name = _("Ngày nghỉ lễ, làm bù")
        verbose_name_plural = _("Lịch nghỉ lễ")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date.strftime('%d/%m/%Y')}: {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("council:holiday_list") + f"?nam={self.date.year}"
