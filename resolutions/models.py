"""The resolution register (nghị quyết)."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel


class ResolutionField(TimeStampedModel):
    """Editable taxonomy of fields (lĩnh vực) for resolutions."""

    name = models.CharField(_("Lĩnh vực"), max_length=150, unique=True)
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)

    class Meta:
        verbose_name = _("Lĩnh vực nghị quyết")
        verbose_name_plural = _("Lĩnh vực nghị quyết")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("resolutions:resolutionfield_detail", args=[self.pk])


class Resolution(TimeStampedModel):
    council_path = "council"

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("Còn hiệu lực")
        AMENDED = "amended", _("Được sửa đổi, bổ sung")
        REPLACED = "replaced", _("Bị thay thế")
        REPEALED = "repealed", _("Bị bãi bỏ")
        EXPIRED = "expired", _("Hết hiệu lực")

    class Series(models.TextChoices):
        """Which number sequence the number belongs to; set by the service from the council's
        numbering style, so the unique constraint below enforces either style."""

        NORMATIVE = "normative", _("Quy phạm pháp luật")
        INDIVIDUAL = "individual", _("Cá biệt")
        SHARED = "shared", _("Dãy số chung")

    council = models.ForeignKey(
        "council.Council",
        verbose_name=_("HĐND"),
        on_delete=models.PROTECT,
        related_name="resolutions",
    )
    term = models.ForeignKey(
        "council.Term",
        verbose_name=_("Nhiệm kỳ"),
        on_delete=models.PROTECT,
        related_name="resolutions",
    )
    session = models.ForeignKey(
        "council_sessions.Session",
        verbose_name=_("Kỳ họp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resolutions",
    )
    number = models.PositiveIntegerField(_("Số"))
    year = models.PositiveSmallIntegerField(_("Năm"))
    series = models.CharField(_("Dãy số"), max_length=20, choices=Series.choices, editable=False)
    is_normative = models.BooleanField(_("Quy phạm pháp luật"), default=False)
    adopted_date = models.DateField(_("Ngày thông qua"))
    effective_date = models.DateField(_("Ngày có hiệu lực"), null=True, blank=True)
    title = models.CharField(_("Trích yếu"), max_length=1000)
    field = models.ForeignKey(
        ResolutionField,
        verbose_name=_("Lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resolutions",
    )
    votes_for = models.PositiveSmallIntegerField(_("Tán thành"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("Không tán thành"), null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(_("Không biểu quyết"), null=True, blank=True)
    delegates_present = models.PositiveSmallIntegerField(
        _("Đại biểu có mặt"), null=True, blank=True
    )
    signer = models.CharField(_("Người ký"), max_length=120, blank=True)
    status = models.CharField(
        _("Tình trạng hiệu lực"), max_length=20, choices=Status.choices, default=Status.IN_FORCE
    )
    # Folded copy of number and title (lower case, no diacritics) for search; kept by the service.
    # Resolutions are public by rule (the law publishes them); the secretariat unticks one that
    # must not be (a classified resolution) and the public portal and open data leave it out.
    is_public = models.BooleanField(
        _("Công khai"),
        default=True,
        help_text=_(
            "Hiện trên cổng thông tin công khai và dữ liệu mở. Bỏ chọn với nghị quyết mật."
        ),
    )
    search_text = models.TextField(editable=False, default="")
    ratified_matters = models.ManyToManyField(
        "council.InterSessionMatter",
        verbose_name=_("Phê chuẩn nội dung phát sinh giữa hai kỳ họp"),
        blank=True,
        related_name="ratifying_resolutions",
    )

    class Meta:
        verbose_name = _("Nghị quyết")
        verbose_name_plural = _("Nghị quyết")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "year", "series", "number"],
                name="resolution_unique_number",
                violation_error_message=_("Số nghị quyết này đã được dùng trong năm."),
            ),
            models.CheckConstraint(
                condition=Q(effective_date__isnull=True) | Q(effective_date__gte=F("adopted_date")),
                name="resolution_effective_not_before_adopted",
                violation_error_message=_("Ngày có hiệu lực không được trước ngày thông qua."),
            ),
        ]
        indexes = [
            models.Index(fields=["council", "year"]),
            models.Index(fields=["adopted_date"]),
            # A province's review of its communes' normative resolutions, counted by council:
            # 15.6 -> 0.23 ms with 34 provinces in the database (resolutions/0006).
            models.Index(
                fields=["council", "adopted_date", "id"],
                condition=Q(is_normative=True),
                name="resolution_normative_council",
            ),
        ]

    def __str__(self) -> str:
        return f"Nghị quyết số {self.symbol}"

    def get_absolute_url(self) -> str:
        return reverse("resolutions:resolution_detail", args=[self.pk])

    @property
    def symbol(self) -> str:
        """ "12/2019/NQ-HĐND" for normative, "12/NQ-HĐND" for individual resolutions."""
        symbol = self.council.resolution_symbol if self.council_id else "NQ-HĐND"
        if self.is_normative:
            return f"{self.number:02d}/{self.year}/{symbol}"
        return f"{self.number:02d}/{symbol}"


class DelegateVote(TimeStampedModel):
    """How one delegate voted on one resolution (from the voting system or entered by the
    secretariat). When a resolution has these rows, its totals follow them
    (resolutions.services.delegate_votes_save)."""

    council_path = "resolution__council"

    class Choice(models.TextChoices):
        FOR = "for", _("Tán thành")
        AGAINST = "against", _("Không tán thành")
        ABSTAIN = "abstain", _("Không biểu quyết")
        ABSENT = "absent", _("Vắng mặt")

    resolution = models.ForeignKey(
        Resolution,
        verbose_name=_("Nghị quyết"),
        on_delete=models.CASCADE,
        related_name="delegate_votes",
    )
    delegate = models.ForeignKey(
        "council.Delegate",
        verbose_name=_("Đại biểu"),
        on_delete=models.PROTECT,
        related_name="votes",
    )
    choice = models.CharField(_("Biểu quyết"), max_length=10, choices=Choice.choices)

    class Meta:
        verbose_name = _("Biểu quyết của đại biểu")
        verbose_name_plural = _("Biểu quyết của đại biểu")
        ordering = ["resolution", "delegate__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "delegate"],
                name="delegate_vote_unique_per_resolution",
                violation_error_message=_("Đại biểu này đã có biểu quyết cho nghị quyết."),
            ),
        ]
        indexes = [models.Index(fields=["delegate", "choice"])]

    def __str__(self) -> str:
        return f"{self.delegate}: {self.get_choice_display()}"

    def get_absolute_url(self) -> str:
        return reverse("resolutions:delegate_votes", args=[self.resolution_id])


class ResolutionRelation(TimeStampedModel):
    """`source` amends, replaces or repeals `target`; recording one sets the target's status."""

    council_path = "source__council"

    class Kind(models.TextChoices):
        AMENDS = "amends", _("Sửa đổi, bổ sung")
        REPLACES = "replaces", _("Thay thế")
        REPEALS = "repeals", _("Bãi bỏ")

    # What the target becomes; the strongest effect wins when several relations hit one target.
    TARGET_STATUS = {
        Kind.AMENDS: Resolution.Status.AMENDED,
        Kind.REPLACES: Resolution.Status.REPLACED,
        Kind.REPEALS: Resolution.Status.REPEALED,
    }
    PASSIVE_LABELS = {
        Kind.AMENDS: _("Được sửa đổi, bổ sung bởi"),
        Kind.REPLACES: _("Bị thay thế bởi"),
        Kind.REPEALS: _("Bị bãi bỏ bởi"),
    }

    source = models.ForeignKey(
        Resolution,
        verbose_name=_("Nghị quyết ban hành"),
        on_delete=models.PROTECT,
        related_name="outgoing_relations",
    )
    target = models.ForeignKey(
        Resolution,
        verbose_name=_("Nghị quyết bị tác động"),
        on_delete=models.PROTECT,
        related_name="incoming_relations",
    )
    kind = models.CharField(_("Quan hệ"), max_length=20, choices=Kind.choices)
    effective_date = models.DateField(_("Từ ngày"), null=True, blank=True)
    note = models.CharField(_("Ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("Quan hệ giữa các nghị quyết")
        verbose_name_plural = _("Quan hệ giữa các nghị quyết")
        ordering = ["-effective_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"],
                name="resolution_relation_unique",
                violation_error_message=_("Quan hệ này đã được ghi nhận."),
            ),
            models.CheckConstraint(
                condition=~Q(source=F("target")),
                name="resolution_relation_not_self",
                violation_error_message=_("Một nghị quyết không thể tự tác động đến chính nó."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source.symbol} {self.get_kind_display().lower()} {self.target.symbol}"

    def get_absolute_url(self) -> str:
        return self.source.get_absolute_url()

    @property
    def passive_label(self) -> str:
        return str(self.PASSIVE_LABELS[self.kind])


def _attachment_upload_to(instance: ResolutionAttachment, filename: str) -> str:
    from core.uploads import generated_name

    return generated_name(prefix="resolutions", filename=filename, mime=instance.content_type)


class ResolutionAttachment(TimeStampedModel):
    """The signed text and other files; served only through a permission-checking view."""

    council_path = "resolution__council"

    class Kind(models.TextChoices):
        SIGNED = "signed", _("Bản ký số / bản chính")
        APPENDIX = "appendix", _("Phụ lục")
        OTHER = "other", _("Tài liệu khác")

    resolution = models.ForeignKey(
        Resolution,
        verbose_name=_("Nghị quyết"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    kind = models.CharField(_("Loại tệp"), max_length=20, choices=Kind.choices, default=Kind.SIGNED)
    file = models.FileField(_("Tệp"), upload_to=_attachment_upload_to, max_length=255)
    original_name = models.CharField(_("Tên tệp gốc"), max_length=255)
    content_type = models.CharField(_("Kiểu nội dung"), max_length=120)
    size = models.PositiveBigIntegerField(_("Dung lượng (byte)"))

    class Meta:
        verbose_name = _("Tệp đính kèm nghị quyết")
        verbose_name_plural = _("Tệp đính kèm nghị quyết")
        ordering = ["resolution", "kind", "pk"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("resolutions:resolutionattachment_download", args=[self.pk])


class ResolutionReview(TimeStampedModel):
    """The province's review of a commune council's normative resolution: the provincial
    Thường trực oversees the normative documents of the commune councils it hosts (Luật Tổ
    chức chính quyền địa phương 2025). Received on a day, concluded on another."""

    # The commune whose resolution it is and the province that reviews it both see it.
    council_path = ("resolution__council", "resolution__council__parent")

    class Conclusion(models.TextChoices):
        CONFORMING = "conforming", _("Phù hợp, không phát hiện nội dung trái pháp luật")
        AMEND = "amend", _("Đề nghị sửa đổi, bổ sung")
        ANNUL = "annul", _("Đề nghị bãi bỏ (toàn bộ hoặc một phần)")

    resolution = models.OneToOneField(
        Resolution,
        verbose_name=_("Nghị quyết"),
        on_delete=models.PROTECT,
        related_name="review",
    )
    received_date = models.DateField(_("Ngày nhận"))
    reviewed_date = models.DateField(_("Ngày kết luận"), null=True, blank=True)
    conclusion = models.CharField(
        _("Kết luận"), max_length=20, choices=Conclusion.choices, blank=True
    )
    document_number = models.CharField(_("Số văn bản kết luận"), max_length=50, blank=True)
    note = models.TextField(_("Nội dung kết luận, kiến nghị"), blank=True)

    class Meta:
        verbose_name = _("Rà soát nghị quyết quy phạm cấp xã")
        verbose_name_plural = _("Rà soát nghị quyết quy phạm cấp xã")
        ordering = ["-received_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reviewed_date__isnull=True) | Q(reviewed_date__gte=F("received_date")),
                name="review_concluded_after_received",
                violation_error_message=_("Ngày kết luận không được trước ngày nhận."),
            ),
            models.CheckConstraint(
                condition=Q(reviewed_date__isnull=True, conclusion="")
                | (Q(reviewed_date__isnull=False) & ~Q(conclusion="")),
                name="review_concluded_with_a_conclusion",
                violation_error_message=_(
                    "Ghi ngày kết luận cùng với kết luận (hoặc bỏ trống cả hai)."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"Rà soát {self.resolution}"

    def get_absolute_url(self) -> str:
        return reverse("resolutions:review", args=[self.resolution_id])

    @property
    def is_concluded(self) -> bool:
        return self.reviewed_date is not None
