"""The outgoing document register (sổ văn bản đi): every document the council, its Thường trực,
a Ban or the office issues takes its number here, in a series of its council, and keeps it.

NĐ 30/2020: a document's number is its order among the agency's documents of the year, from 01
on 1 January to 31 December, unique within the year, registered with the office's clerk (văn
thư); numbers under 10 carry a leading zero (Phụ lục I). The symbol after the number is the
type's abbreviation of Phụ lục III and the issuer's ("TB-HĐND"); a công văn has no type, so
its symbol is the issuer's and the drafting unit's ("HĐND-VP")."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel


class DocumentSeries(TimeStampedModel):
    """One numbering series of a council (a sổ): its documents are numbered 1, 2, 3 … per year
    (or on and on, for a council that does not restart). Councils are data, so are their
    series: documents.services.series_defaults_ensure gives a new council the usual ones."""

    council_path = "council"

    # A council's series are its settings, deleted with it; a series that numbered documents
    # is kept by them (PROTECT below), and so is its council.
    council = models.ForeignKey(
        "council.Council", verbose_name=_("HĐND"), on_delete=models.CASCADE, related_name="+"
    )
    # The key other apps ask for ("GM" for the invitations): fixed once documents use it.
    code = models.CharField(
        _("Mã sổ"),
        max_length=20,
        help_text=_("Mã ngắn, không dấu, ví dụ: CV, TB, GM. Không đổi được sau khi tạo."),
    )
    name = models.CharField(_("Tên sổ"), max_length=100, help_text=_("Ví dụ: Thông báo"))
    symbol = models.CharField(
        _("Ký hiệu"),
        max_length=30,
        help_text=_("In sau số văn bản, ví dụ: TB-HĐND (số 05/TB-HĐND) hoặc HĐND-VP."),
    )
    yearly_reset = models.BooleanField(
        _("Đánh số lại từ 01 mỗi năm"),
        default=True,
        help_text=_("NĐ 30/2020: số văn bản bắt đầu từ 01 ngày 01/01 và kết thúc ngày 31/12."),
    )
    is_active = models.BooleanField(
        _("Đang dùng"), default=True, help_text=_("Sổ ngừng dùng không cấp số mới.")
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)

    class Meta:
        verbose_name = _("Sổ văn bản")
        verbose_name_plural = _("Sổ văn bản")
        ordering = ["order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "code"],
                name="documentseries_code_unique",
                violation_error_message=_("HĐND đã có sổ văn bản với mã này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.symbol})"

    def get_absolute_url(self) -> str:
        return reverse("documents:documentseries_detail", args=[self.pk])


def _document_upload_to(instance: OutgoingDocument, filename: str) -> str:
    from core.uploads import generated_name

    return generated_name(prefix=f"documents/{instance.year}", filename=filename)


class OutgoingDocument(TimeStampedModel):
    """A row of the register: a number given once, in one series and year, never again (a
    cancelled number stays here, marked, and the next document takes the next number)."""

    council_path = "council"
    # The generated content is written once, at issue, and is the size of a whole document:
    # the audit trail keeps who numbered what, not a copy of every text.
    HISTORY_EXCLUDED_FIELDS = ("content",)

    class Status(models.TextChoices):
        ISSUED = "issued", _("Đã cấp số")
        CANCELLED = "cancelled", _("Đã huỷ")

    council = models.ForeignKey(
        "council.Council", verbose_name=_("HĐND"), on_delete=models.PROTECT, related_name="+"
    )
    series = models.ForeignKey(
        DocumentSeries,
        verbose_name=_("Sổ văn bản"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    number = models.PositiveIntegerField(_("Số"))
    # The series' symbol when the number was given: renaming a symbol later must not change
    # how a document already sent out is cited.
    symbol = models.CharField(_("Ký hiệu"), max_length=30)
    date = models.DateField(_("Ngày văn bản"))
    kind_label = models.CharField(
        _("Tên loại văn bản"),
        max_length=100,
        blank=True,
        help_text=_("Ví dụ: Thông báo kết luận, Công văn chuyển kiến nghị cử tri."),
    )
    subject = models.CharField(_("Trích yếu"), max_length=500)
    signer_name = models.CharField(_("Người ký"), max_length=150, blank=True)
    signer_title = models.CharField(_("Chức vụ người ký"), max_length=150, blank=True)
    recipients = models.TextField(_("Nơi nhận"), blank=True, help_text=_("Mỗi nơi nhận một dòng."))
    status = models.CharField(
        _("Tình trạng"), max_length=20, choices=Status.choices, default=Status.ISSUED
    )
    cancel_reason = models.TextField(_("Lý do huỷ"), blank=True)
    cancelled_at = models.DateTimeField(_("Huỷ lúc"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người huỷ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The document as drafted or generated (.docx or PDF), and the signed copy uploaded back
    # (a scan or a digitally signed PDF), which is then the official file.
    file = models.FileField(
        _("Tệp văn bản"), upload_to=_document_upload_to, max_length=255, blank=True
    )
    file_name = models.CharField(_("Tên tệp văn bản"), max_length=255, blank=True)
    signed_copy = models.FileField(
        _("Bản đã ký"), upload_to=_document_upload_to, max_length=255, blank=True
    )
    signed_copy_name = models.CharField(_("Tên tệp bản đã ký"), max_length=255, blank=True)
    signed_copy_at = models.DateTimeField(_("Tải bản đã ký lúc"), null=True, blank=True)
    # The record the document was made from (a case, an invitation, a meeting's conclusions),
    # when another app numbers its documents here.
    source_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("Loại hồ sơ gốc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    source_id = models.PositiveBigIntegerField(_("Mã hồ sơ gốc"), null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    # A generated document as issued (documents.composition.Composed.to_json()): its PDF and
    # .docx are written again from this, whatever later happens to the records it came from.
    # Empty for a number taken by hand.
    content = models.JSONField(_("Nội dung văn bản"), default=dict, blank=True, editable=False)
    # Number, symbol, subject, signer and recipients folded (core.text.fold) by the services:
    # the register is searched without diacritics.
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("Văn bản đi")
        verbose_name_plural = _("Sổ văn bản đi")
        ordering = ["-date", "-number"]
        constraints = [
            # A number once given is never given again in its series and year.
            models.UniqueConstraint(
                fields=["series", "year", "number"],
                name="outgoingdocument_number_unique",
                violation_error_message=_("Số văn bản này đã được cấp."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="outgoingdocument_number_positive"
            ),
            models.CheckConstraint(
                condition=Q(status="issued") | ~Q(cancel_reason=""),
                name="outgoingdocument_cancel_has_reason",
                violation_error_message=_("Văn bản bị huỷ phải ghi lý do huỷ."),
            ),
            models.CheckConstraint(
                condition=Q(source_type__isnull=True, source_id__isnull=True)
                | Q(source_type__isnull=False, source_id__isnull=False),
                name="outgoingdocument_source_whole",
            ),
        ]
        indexes = [models.Index(fields=["council", "-date"], name="outgoingdoc_council_date")]

    def __str__(self) -> str:
        return f"{self.kind_label or self.series.name} số {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("documents:outgoingdocument_detail", args=[self.pk])

    @property
    def reference(self) -> str:
        """The number and symbol as printed: "05/TB-HĐND" (a leading zero under 10)."""
        return f"{self.number:02d}/{self.symbol}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def official_file(self) -> models.fields.files.FieldFile | None:
        """The signed copy once uploaded, else the file as drafted (None without either)."""
        if self.signed_copy:
            return self.signed_copy
        return self.file or None


class DocumentTemplate(TimeStampedModel):
    """The texts of a routine document kind that a council's secretariat adjusts without a
    developer: the subject, the paragraphs before and after what the records supply, the
    recipients and the signer. `{name}` placeholders are filled from the record a document is
    made from (documents.templating.fill); which names a kind knows is said by its generator
    (reports.routine), not here. A council without a row of a kind uses the generator's
    defaults until someone saves one."""

    council_path = "council"

    class Kind(models.TextChoices):
        PETITION_FORWARDING = "petition_forwarding", _("Công văn chuyển kiến nghị cử tri")
        INVITATION = "invitation", _("Giấy mời kỳ họp")
        CONCLUSION_NOTICE = "conclusion_notice", _("Thông báo kết luận phiên họp Thường trực")
        SUPERVISION_PLAN = "supervision_plan", _("Kế hoạch giám sát")
        SUPERVISION_REPORT = "supervision_report", _("Báo cáo kết quả giám sát")
        PERIOD_REPORT = "period_report", _("Báo cáo định kỳ")

    council = models.ForeignKey(
        "council.Council", verbose_name=_("HĐND"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("Loại văn bản"), max_length=40, choices=Kind.choices)
    series_code = models.CharField(
        _("Mã sổ văn bản"), max_length=20, help_text=_("Sổ cấp số cho loại văn bản này, ví dụ: CV.")
    )
    doc_type = models.CharField(
        _("Tên loại in trên văn bản"),
        max_length=100,
        blank=True,
        help_text=_("Ví dụ: THÔNG BÁO. Để trống với công văn (trích yếu in dưới số văn bản)."),
    )
    subject = models.CharField(_("Trích yếu"), max_length=500)
    opening = models.TextField(_("Đoạn mở đầu"), blank=True)
    closing = models.TextField(_("Đoạn kết"), blank=True)
    recipients = models.TextField(_("Nơi nhận"), blank=True, help_text=_("Mỗi nơi nhận một dòng."))
    signing_authority = models.CharField(
        _("Thẩm quyền ký"), max_length=100, blank=True, help_text=_("Ví dụ: TM. THƯỜNG TRỰC HĐND")
    )
    signer_title = models.CharField(_("Chức vụ người ký"), max_length=150, blank=True)
    signer_name = models.CharField(_("Người ký"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("Mẫu văn bản")
        verbose_name_plural = _("Mẫu văn bản")
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "kind"],
                name="documenttemplate_kind_unique",
                violation_error_message=_("HĐND đã có mẫu cho loại văn bản này."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.get_kind_display())

    def get_absolute_url(self) -> str:
        return reverse("reports:routine_template_update", args=[self.kind])
