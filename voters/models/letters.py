"""Citizens' letters (đơn thư) and the cases (vụ việc) they make: complaints, denunciations,
petitions and feedback, with their legal deadlines, follow-ups and outgoing documents.

A case is one matter of one citizen or group; the same matter sent many times, or to many
bodies, is many letters of one case, so the figures count letters and cases both. The HĐND
does not resolve complaints or denunciations: it receives, classifies, forwards, guides, urges
and monitors (Luật Khiếu nại 2011, Luật Tố cáo 2018, Luật Tiếp công dân 2013 Điều 22). The
identity of a denunciator is secret (Luật Tố cáo 2018 Điều 9(1)(b), 47, 56): who may read it is
decided in voters.casework.identity, nowhere else."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel


class Letter(TimeStampedModel):
    """A citizen's letter (đơn thư). Sender fields are personal data: only secretariat staff
    and administrators ever see them (core.roles.can_view_personal_data)."""

    council_path = "term__council"

    class Kind(models.TextChoices):
        COMPLAINT = "complaint", _("Khiếu nại")
        DENUNCIATION = "denunciation", _("Tố cáo")
        PETITION_FEEDBACK = "petition_feedback", _("Kiến nghị, phản ánh")

    class Handling(models.TextChoices):
        FORWARDED = "forwarded", _("Chuyển cơ quan có thẩm quyền")
        GUIDED = "guided", _("Hướng dẫn công dân")
        MONITORED = "monitored", _("Theo dõi, đôn đốc")
        FILED = "filed", _("Lưu đơn")

    class Channel(models.TextChoices):
        POST = "post", _("Qua bưu chính")
        DIRECT = "direct", _("Nộp trực tiếp")
        RECEPTION = "reception", _("Qua tiếp công dân")
        DELEGATE = "delegate", _("Qua đại biểu HĐND")
        TRANSFERRED = "transferred", _("Cơ quan khác chuyển đến")
        ELECTRONIC = "electronic", _("Thư điện tử, cổng thông tin")

    class IneligibleReason(models.TextChoices):
        # Kept deliberately coarse: the reasons a register counts (TT 05/2021/TT-TTCP Điều 6,
        # Luật Tố cáo 2018 Điều 25, Luật Khiếu nại 2011 Điều 11).
        ANONYMOUS = "anonymous", _("Đơn nặc danh, mạo danh, không rõ địa chỉ")
        NOT_SIGNED = "not_signed", _("Không ký tên, điểm chỉ")
        DUPLICATE = "duplicate", _("Đơn trùng, đã xử lý")
        ALREADY_SETTLED = "already_settled", _("Đã được giải quyết đúng pháp luật")
        OUT_OF_TIME = "out_of_time", _("Hết thời hiệu khiếu nại")
        UNCLEAR = "unclear", _("Nội dung không rõ ràng")
        COPY = "copy", _("Đơn gửi đồng gửi nhiều nơi, đã gửi đúng cơ quan")
        OTHER = "other", _("Lý do khác")

    PERSONAL_FIELDS = ("sender_name", "sender_address", "sender_phone", "sender_id_number")
    # A denunciator's identity never enters the audit trail (core.models).
    HISTORY_EXCLUDED_FIELDS = PERSONAL_FIELDS

    term = models.ForeignKey(
        "council.Term", verbose_name=_("Nhiệm kỳ"), on_delete=models.PROTECT, related_name="letters"
    )
    received_date = models.DateField(_("Ngày nhận đơn"))
    kind = models.CharField(_("Loại đơn"), max_length=30, choices=Kind.choices)
    summary = models.TextField(_("Tóm tắt nội dung"))
    classification = models.CharField(_("Lĩnh vực, phân loại"), max_length=200, blank=True)
    eligible = models.BooleanField(_("Đủ điều kiện xử lý"), default=True)
    handling = models.CharField(
        _("Hướng xử lý"), max_length=20, choices=Handling.choices, blank=True
    )
    forwarded_to = models.ForeignKey(
        "council.Organization",
        verbose_name=_("Chuyển đến"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    forwarded_date = models.DateField(_("Ngày chuyển"), null=True, blank=True)
    result = models.TextField(_("Kết quả giải quyết"), blank=True)
    sender_name = models.CharField(_("Họ tên người gửi"), max_length=150, blank=True)
    sender_address = models.CharField(_("Địa chỉ người gửi"), max_length=300, blank=True)
    sender_phone = models.CharField(_("Số điện thoại"), max_length=30, blank=True)
    sender_id_number = models.CharField(_("Số CCCD/CMND"), max_length=20, blank=True)
    # Issue 21: the case the letter belongs to (null only for letters entered before cases
    # existed and not yet attached; voters/0012 gave every such letter a case of its own).
    case = models.ForeignKey(
        "voters.Case",
        verbose_name=_("Vụ việc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters",
    )
    channel = models.CharField(
        _("Nguồn đơn"), max_length=20, choices=Channel.choices, default=Channel.POST
    )
    ineligible_reason = models.CharField(
        _("Lý do không đủ điều kiện xử lý"),
        max_length=30,
        choices=IneligibleReason.choices,
        blank=True,
    )
    processed_date = models.DateField(_("Ngày xử lý xong"), null=True, blank=True)
    # Why the letter was handled so (voters.casework.services.letter_process); the old
    # `result` column keeps the competent body's result as before.
    processing_note = models.TextField(_("Ghi chú xử lý đơn"), blank=True)
    # Stored when the letter is saved (voters.casework.deadlines): the calendar of holidays may
    # change later, the deadline a letter was given does not.
    processing_due = models.DateField(_("Hạn xử lý đơn"), null=True, blank=True)
    answer_due = models.DateField(_("Hạn cơ quan có thẩm quyền trả lời"), null=True, blank=True)
    consent_note = models.CharField(
        _("Mục đích, sự đồng ý xử lý dữ liệu cá nhân"),
        max_length=300,
        blank=True,
        help_text=_(
            "Ghi khi pháp luật yêu cầu (Nghị định 13/2023/NĐ-CP, Luật Bảo vệ dữ liệu cá nhân)."
        ),
    )
    anonymised_at = models.DateTimeField(_("Đã ẩn danh lúc"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")
    # A letter imported from an office's register (voters.casework.imports): the fingerprint of
    # its row, so importing the same file again creates nothing.
    import_key = models.CharField(max_length=64, blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("Đơn thư")
        verbose_name_plural = _("Đơn thư")
        ordering = ["-received_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(forwarded_date__isnull=True)
                | Q(forwarded_date__gte=F("received_date")),
                name="letter_forwarded_after_received",
                violation_error_message=_("Ngày chuyển đơn không được trước ngày nhận đơn."),
            ),
            models.CheckConstraint(
                condition=Q(processed_date__isnull=True)
                | Q(processed_date__gte=F("received_date")),
                name="letter_processed_after_received",
                violation_error_message=_("Ngày xử lý đơn không được trước ngày nhận đơn."),
            ),
            models.CheckConstraint(
                condition=Q(eligible=False) | Q(ineligible_reason=""),
                name="letter_reason_only_when_ineligible",
                violation_error_message=_("Đơn đủ điều kiện xử lý thì không ghi lý do không đủ."),
            ),
            models.UniqueConstraint(
                fields=["import_key"],
                condition=~Q(import_key=""),
                name="letter_unique_import_key",
                violation_error_message=_("Đơn này đã được nhập từ sổ theo dõi đơn."),
            ),
        ]
        # The list's order, as for petitions.
        indexes = [models.Index(fields=["received_date", "id"], name="letter_received_id")]

    def __str__(self) -> str:
        return _("Đơn %(kind)s nhận ngày %(day)s") % {
            "kind": self.get_kind_display().lower(),
            "day": self.received_date.strftime("%d/%m/%Y"),
        }

    def get_absolute_url(self) -> str:
        return reverse("voters:letter_detail", args=[self.pk])

    def clean(self) -> None:
        if self.forwarded_to_id and not self.forwarded_date:
            raise ValidationError({"forwarded_date": _("Ghi ngày chuyển đơn.")})
        if not self.eligible and not self.ineligible_reason:
            raise ValidationError(
                {"ineligible_reason": _("Chọn lý do đơn không đủ điều kiện xử lý.")}
            )

    @property
    def is_denunciation(self) -> bool:
        """Its sender is a denunciator, whose identity is secret (voters.casework.identity)."""
        return self.kind == self.Kind.DENUNCIATION


class Case(TimeStampedModel):
    """A matter (vụ việc) of one citizen or group, and its handling: classification, the
    handler, the competent body's answer, the close. Its letters (Letter.case) carry each
    receipt and each forwarding; its follow-ups and outgoing documents hang below it."""

    council_path = "council"

    class Status(models.TextChoices):
        OPEN = "open", _("Đang xử lý, theo dõi")
        ANSWERED = "answered", _("Đã có kết quả giải quyết")
        CLOSED = "closed", _("Đã kết thúc")

    council = models.ForeignKey(
        "council.Council", verbose_name=_("HĐND"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    seq = models.PositiveIntegerField(_("Số thứ tự trong năm"))
    title = models.CharField(_("Trích yếu vụ việc"), max_length=300)
    kind = models.CharField(_("Loại vụ việc"), max_length=30, choices=Letter.Kind.choices)
    field = models.ForeignKey(
        "voters.PetitionField",
        verbose_name=_("Lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    locality = models.ForeignKey(
        "council.AdministrativeUnit",
        verbose_name=_("Địa bàn phát sinh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Đơn vị hành chính có hiệu lực vào ngày nhận đơn đầu tiên."),
    )
    within_competence = models.BooleanField(
        _("Thuộc thẩm quyền của HĐND, Thường trực HĐND"), default=False
    )
    group_size = models.PositiveSmallIntegerField(
        _("Số người đứng đơn"),
        default=1,
        help_text=_("Từ 5 người trở lên là đơn đông người (Luật Tiếp công dân 2013, Điều 30)."),
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Chuyên viên xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Với đơn tố cáo, chỉ người này được xem thông tin người tố cáo."),
    )
    status = models.CharField(
        _("Trạng thái"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    complex = models.BooleanField(
        _("Vụ việc phức tạp"),
        default=False,
        help_text=_("Thời hạn giải quyết dài hơn theo luật (khiếu nại 45 thay cho 30 ngày)."),
    )
    extensions = models.PositiveSmallIntegerField(
        _("Số lần gia hạn giải quyết"),
        default=0,
        help_text=_("Tố cáo: gia hạn một lần (phức tạp) hoặc hai lần (đặc biệt phức tạp)."),
    )
    answered_date = models.DateField(_("Ngày có kết quả"), null=True, blank=True)
    answer_summary = models.TextField(_("Kết quả giải quyết của cơ quan có thẩm quyền"), blank=True)
    closed_date = models.DateField(_("Ngày kết thúc theo dõi"), null=True, blank=True)
    closing_note = models.TextField(_("Kết quả, lý do kết thúc theo dõi"), blank=True)
    anonymised_at = models.DateTimeField(_("Đã ẩn danh lúc"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("Vụ việc")
        verbose_name_plural = _("Vụ việc khiếu nại, tố cáo")
        ordering = ["-year", "-seq"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "year", "seq"],
                name="case_number_unique_per_council_year",
                violation_error_message=_("Số vụ việc này đã có trong năm."),
            ),
            models.CheckConstraint(
                condition=Q(group_size__gte=1),
                name="case_group_size_positive",
                violation_error_message=_("Số người đứng đơn ít nhất là 1."),
            ),
            models.CheckConstraint(
                condition=Q(extensions__lte=2),
                name="case_extensions_at_most_two",
                violation_error_message=_("Thời hạn giải quyết được gia hạn nhiều nhất hai lần."),
            ),
            models.CheckConstraint(
                condition=Q(status="closed") | Q(closed_date__isnull=True),
                name="case_closed_date_only_when_closed",
                violation_error_message=_("Chỉ vụ việc đã kết thúc mới có ngày kết thúc."),
            ),
        ]
        # The list and the overdue queue filter a council's cases and walk them by number.
        indexes = [
            models.Index(fields=["council", "year", "seq"], name="case_council_number"),
            models.Index(fields=["council", "status"], name="case_council_status"),
        ]

    def __str__(self) -> str:
        return _("Vụ việc số %(number)s: %(title)s") % {"number": self.number, "title": self.title}

    def get_absolute_url(self) -> str:
        return reverse("voters:case_detail", args=[self.pk])

    @property
    def number(self) -> str:
        return f"{self.seq:02d}/{self.year}"

    @property
    def is_denunciation(self) -> bool:
        return self.kind == Letter.Kind.DENUNCIATION

    @property
    def is_group(self) -> bool:
        return self.group_size >= 5


class CaseFollowUp(TimeStampedModel):
    """An urging (đôn đốc) of the competent body about a case, and what it said."""

    council_path = "case__council"

    case = models.ForeignKey(
        Case, verbose_name=_("Vụ việc"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    date = models.DateField(_("Ngày đôn đốc"))
    organization = models.ForeignKey(
        "council.Organization",
        verbose_name=_("Cơ quan được đôn đốc"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    method = models.CharField(
        _("Hình thức"),
        max_length=20,
        choices=[
            ("document", _("Văn bản")),
            ("phone", _("Điện thoại")),
            ("meeting", _("Làm việc trực tiếp")),
        ],
        default="document",
    )
    note = models.TextField(_("Nội dung, phản hồi"), blank=True)

    class Meta:
        verbose_name = _("Lần đôn đốc")
        verbose_name_plural = _("Đôn đốc")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return _("Đôn đốc ngày %(day)s") % {"day": self.date.strftime("%d/%m/%Y")}

    def get_absolute_url(self) -> str:
        return self.case.get_absolute_url()


class CaseDocument(TimeStampedModel):
    """An outgoing document of a case, numbered in the council's outgoing register (sổ văn bản
    đi: series PC or CV, documents.services.document_number_issue) and rendered in the NĐ
    30/2020 layout: the forwarding slip (phiếu chuyển đơn) to the competent body, the
    guidance letter (hướng dẫn) to the citizen, the urging letter (đôn đốc). A forwarding slip
    of a denunciation never names the denunciator (Luật Tố cáo 2018 Điều 47)."""

    council_path = "council"

    class Kind(models.TextChoices):
        FORWARDING = "forwarding", _("Phiếu chuyển đơn")
        GUIDANCE = "guidance", _("Văn bản hướng dẫn công dân")
        FOLLOW_UP = "follow_up", _("Văn bản đôn đốc")

    # The register's series (documents.DocumentSeries.code) of each kind: NĐ 30/2020 Phụ lục
    # III: a phiếu chuyển is "PC"; the office's other letters are công văn, numbered in the
    # council's one series of công văn with every other công văn it sends.
    SERIES = {Kind.FORWARDING: "PC", Kind.GUIDANCE: "CV", Kind.FOLLOW_UP: "CV"}

    council = models.ForeignKey(
        "council.Council", verbose_name=_("HĐND"), on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        Case, verbose_name=_("Vụ việc"), on_delete=models.PROTECT, related_name="documents"
    )
    letter = models.ForeignKey(
        Letter,
        verbose_name=_("Đơn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    kind = models.CharField(_("Loại văn bản"), max_length=20, choices=Kind.choices)
    # The document's number: its entry in the register, given in the transaction that saves
    # the document (voters.casework.services.case_document_issue) and kept: no page deletes a
    # document, and cancelling a number is the register's act, with a reason.
    register_entry = models.OneToOneField(
        "documents.OutgoingDocument",
        verbose_name=_("Số trong sổ văn bản đi"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Only for a document numbered before the register existed whose number the register had
    # meanwhile given to another document (migration 0019 could not link it): the number and
    # symbol it was printed with, shown as "chưa vào sổ". Empty on every other row.
    printed_reference = models.CharField(
        _("Số, ký hiệu đã in (chưa vào sổ)"), max_length=40, blank=True, editable=False
    )
    date = models.DateField(_("Ngày văn bản"))
    recipient = models.ForeignKey(
        "council.Organization",
        verbose_name=_("Nơi nhận"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject = models.CharField(_("Trích yếu"), max_length=300)
    body = models.TextField(_("Nội dung"))
    signer_name = models.CharField(_("Người ký"), max_length=150, blank=True)
    signer_title = models.CharField(_("Chức vụ người ký"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("Văn bản xử lý đơn")
        verbose_name_plural = _("Văn bản xử lý đơn")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        if not self.reference:
            return f"{self.get_kind_display()} ({_('chưa vào sổ')})"
        return f"{self.get_kind_display()} số {self.reference}"

    def get_absolute_url(self) -> str:
        return self.case.get_absolute_url()

    @property
    def series(self) -> str:
        """The register's series the kind is numbered in ("PC", "CV")."""
        return self.SERIES[self.kind]

    @property
    def reference(self) -> str:
        """The number and symbol as printed, the register's: "12/PC-HĐND"."""
        if self.register_entry_id is not None:
            return self.register_entry.reference
        return self.printed_reference

    @property
    def is_registered(self) -> bool:
        return self.register_entry_id is not None

    @property
    def is_cancelled(self) -> bool:
        """Its number cancelled in the register (documents.services.document_cancel)."""
        return self.register_entry_id is not None and self.register_entry.is_cancelled


class IdentityAccess(models.Model):
    """Every reading of a denunciator's identity, by whom and how (Luật Tố cáo 2018 Điều 47:
    the identity is kept secret; the log says who has seen it). Never shows the identity."""

    # A row is its letter's council's, or its visit's (core.scoping).
    council_path = ("letter__term__council", "visit__reception__term__council")

    class Action(models.TextChoices):
        VIEW = "view", _("Xem")
        EDIT = "edit", _("Sửa")
        PRINT = "print", _("In văn bản")
        EXPORT = "export", _("Xuất dữ liệu cá nhân theo yêu cầu")
        DENIED = "denied", _("Bị từ chối")

    # A letter's sender, or a reception visit's citizen (a denunciation made in person is as
    # secret as one on paper): exactly one of the two.
    letter = models.ForeignKey(
        Letter,
        verbose_name=_("Đơn"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="identity_accesses",
    )
    visit = models.ForeignKey(
        "voters.ReceptionVisit",
        verbose_name=_("Lượt tiếp công dân"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="identity_accesses",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người xem"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("Thao tác"), max_length=10, choices=Action.choices)
    at = models.DateTimeField(_("Thời điểm"), auto_now_add=True)

    class Meta:
        verbose_name = _("Lượt xem thông tin người tố cáo")
        verbose_name_plural = _("Nhật ký xem thông tin người tố cáo")
        ordering = ["-at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(letter__isnull=False, visit__isnull=True)
                | Q(letter__isnull=True, visit__isnull=False),
                name="identityaccess_letter_or_visit",
                violation_error_message=_("Ghi nhật ký cho một đơn hoặc một lượt tiếp công dân."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%d/%m/%Y %H:%M}"


class DeadlineRule(TimeStampedModel):
    """A legal time limit, as data: the law changes (NQ 116/2025/UBTVQH15 replaced the rules of
    2014) and an administrator edits the row, not the code. The unit is per rule: the laws say
    "ngày" (calendar days) for some limits and "ngày làm việc" for others. The rule in force on
    the day the time starts is the one applied (voters.casework.deadlines)."""

    class Event(models.TextChoices):
        LETTER_PROCESSING = "letter_processing", _("Xử lý đơn nhận được")
        COMPLAINT_ACCEPTANCE = "complaint_acceptance", _("Thụ lý đơn khiếu nại")
        COMPLAINT_RESOLUTION = "complaint_resolution", _("Giải quyết khiếu nại lần đầu")
        DENUNCIATION_ACCEPTANCE = "denunciation_acceptance", _("Thụ lý tố cáo")
        DENUNCIATION_RESOLUTION = "denunciation_resolution", _("Giải quyết tố cáo")
        PETITION_ANSWER = "petition_answer", _("Trả lời kiến nghị, phản ánh")

    class Unit(models.TextChoices):
        WORKING_DAYS = "working", _("Ngày làm việc")
        CALENDAR_DAYS = "calendar", _("Ngày (theo lịch)")

    event = models.CharField(_("Việc"), max_length=30, choices=Event.choices)
    days = models.PositiveSmallIntegerField(_("Thời hạn"))
    complex_days = models.PositiveSmallIntegerField(
        _("Thời hạn với vụ việc phức tạp"), null=True, blank=True
    )
    extension_days = models.PositiveSmallIntegerField(
        _("Mỗi lần gia hạn thêm"), null=True, blank=True
    )
    # Luật Tố cáo 2018 Điều 30(1): twice at most; empty when the law sets no cap.
    max_extensions = models.PositiveSmallIntegerField(
        _("Số lần gia hạn tối đa"), null=True, blank=True
    )
    unit = models.CharField(_("Đơn vị"), max_length=10, choices=Unit.choices)
    basis = models.CharField(_("Căn cứ pháp lý"), max_length=300)
    valid_from = models.DateField(_("Áp dụng từ"))
    valid_to = models.DateField(_("Áp dụng đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("Thời hạn theo luật")
        verbose_name_plural = _("Thời hạn theo luật")
        ordering = ["event", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "valid_from"],
                name="deadlinerule_unique_event_from",
                violation_error_message=_("Đã có thời hạn cho việc này áp dụng từ ngày đó."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="deadlinerule_valid_to_after_from",
                violation_error_message=_("Ngày hết áp dụng không được trước ngày áp dụng."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_event_display()}: {self.days} {self.get_unit_display().lower()}"

    def get_absolute_url(self) -> str:
        return reverse("voters:deadlinerule_list")


class RetentionRule(TimeStampedModel):
    """How long the personal data of a closed matter is kept before it is anonymised
    (Luật Bảo vệ dữ liệu cá nhân 2025, Nghị định 13/2023/NĐ-CP: kept no longer than its
    purpose needs). The years are data: each office sets them from its archive rules."""

    class Category(models.TextChoices):
        COMPLAINT = "complaint", _("Vụ việc khiếu nại đã kết thúc")
        DENUNCIATION = "denunciation", _("Vụ việc tố cáo đã kết thúc")
        PETITION_FEEDBACK = "petition_feedback", _("Vụ việc kiến nghị, phản ánh đã kết thúc")
        RECEPTION = "reception", _("Sổ tiếp công dân")

    category = models.CharField(
        _("Loại dữ liệu"), max_length=30, choices=Category.choices, unique=True
    )
    years = models.PositiveSmallIntegerField(_("Thời hạn lưu (năm)"))
    basis = models.CharField(_("Căn cứ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("Thời hạn lưu dữ liệu cá nhân")
        verbose_name_plural = _("Thời hạn lưu dữ liệu cá nhân")
        ordering = ["category"]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.years} năm"


class AnonymisationRun(models.Model):
    """One run of the anonymisation of personal data past retention (voters.casework.retention),
    dry or not, by the scheduler or a person: what it found, as counts and ids, never a name.
    The office can show when and how each citizen's data left the register."""

    # A run of one council is that council's row; the weekly run of every council (council
    # NULL) is nobody's in core.scoping, and is read through retention.anonymisation_runs.
    council_path = "council"

    at = models.DateTimeField(_("Thời điểm"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người chạy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # None: every council of the installation (the weekly task).
    council = models.ForeignKey(
        "council.Council",
        verbose_name=_("HĐND"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    today = models.DateField(_("Tính thời hạn lưu đến ngày"))
    dry_run = models.BooleanField(_("Chạy thử (không thay đổi dữ liệu)"), default=False)
    counts = models.JSONField(_("Số lượng theo loại dữ liệu"), default=dict)
    ids = models.JSONField(_("Mã số các bản ghi"), default=dict)

    class Meta:
        verbose_name = _("Lượt ẩn danh dữ liệu cá nhân")
        verbose_name_plural = _("Nhật ký ẩn danh dữ liệu cá nhân")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return _("Ẩn danh dữ liệu ngày %(day)s") % {"day": self.today.strftime("%d/%m/%Y")}
