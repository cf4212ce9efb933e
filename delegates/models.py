"""The delegates' room keeps its own records here (registrations, notes); a session's documents
belong to the session (sessions.models), a delegate's votes to the resolution
(resolutions.models)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel


class Registration(TimeStampedModel):
    """A delegate's registration to speak or debate on an agenda item, or a question for the
    session's questioning (phiếu đăng ký phát biểu / chất vấn). The secretariat orders the queue
    (`position`), calls it, and records what was said; a question recorded as asked becomes an
    oversight.Question of the session's questioning activity (`question`), and the respondent's
    promise a recommendation to follow up (`commitment`)."""

    council_path = "session__term__council"

    class Kind(models.TextChoices):
        SPEECH = "speech", _("Phát biểu")
        DEBATE = "debate", _("Tranh luận")
        QUESTION = "question", _("Chất vấn")

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Đã đăng ký")
        CALLED = "called", _("Đang phát biểu")
        SPOKE = "spoke", _("Đã phát biểu")
        SKIPPED = "skipped", _("Không phát biểu")
        WITHDRAWN = "withdrawn", _("Đã rút")

    # Still in the queue: the chair's screen shows these, a delegate may withdraw the first.
    OPEN_STATUSES = (Status.REGISTERED, Status.CALLED)

    session = models.ForeignKey(
        "council_sessions.Session",
        verbose_name=_("Kỳ họp"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    delegate = models.ForeignKey(
        "council.Delegate",
        verbose_name=_("Đại biểu"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    kind = models.CharField(_("Loại đăng ký"), max_length=20, choices=Kind.choices)
    agenda_item = models.ForeignKey(
        "council_sessions.AgendaItem",
        verbose_name=_("Nội dung"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    respondent_organization = models.ForeignKey(
        "council.Organization",
        verbose_name=_("Cơ quan được chất vấn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    respondent_position = models.CharField(
        _("Chức vụ người được chất vấn"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: Giám đốc Sở Tài nguyên và Môi trường"),
    )
    content = models.TextField(_("Nội dung đăng ký"), blank=True)
    position = models.PositiveIntegerField(_("Thứ tự"), default=0)
    status = models.CharField(
        _("Tình trạng"), max_length=20, choices=Status.choices, default=Status.REGISTERED
    )
    called_at = models.DateTimeField(_("Mời phát biểu lúc"), null=True, blank=True)
    summary = models.TextField(_("Nội dung đã phát biểu"), blank=True)
    answer_summary = models.TextField(_("Nội dung trả lời"), blank=True)
    question = models.OneToOneField(
        "oversight.Question",
        verbose_name=_("Câu hỏi chất vấn"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registration",
    )
    commitment = models.OneToOneField(
        "oversight.OversightRecommendation",
        verbose_name=_("Lời hứa cần theo dõi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registration",
    )

    class Meta:
        verbose_name = _("Đăng ký phát biểu, chất vấn")
        verbose_name_plural = _("Đăng ký phát biểu, chất vấn")
        ordering = ["session", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="question") | Q(agenda_item__isnull=False),
                name="registration_speech_has_agenda_item",
                violation_error_message=_("Chọn nội dung muốn phát biểu, tranh luận."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="question") | ~Q(content=""),
                name="registration_question_has_text",
                violation_error_message=_("Nhập nội dung câu hỏi chất vấn."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="question")
                | Q(respondent_organization__isnull=False)
                | ~Q(respondent_position=""),
                name="registration_question_has_respondent",
                violation_error_message=_("Ghi cơ quan hoặc chức vụ của người được chất vấn."),
            ),
            # One open registration to speak (or debate) per delegate and agenda item; questions
            # may be many.
            models.UniqueConstraint(
                fields=["delegate", "agenda_item", "kind"],
                condition=Q(status__in=["registered", "called"]) & ~Q(kind="question"),
                name="registration_one_open_per_item",
                violation_error_message=_("Đại biểu đã đăng ký nội dung này."),
            ),
        ]
        indexes = [models.Index(fields=["session", "status", "position"])]

    def __str__(self) -> str:
        return f"{self.delegate}: {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("delegates:registration_queue", args=[self.session_id])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def respondent_label(self) -> str:
        parts = [self.respondent_position, str(self.respondent_organization or "")]
        return ", ".join(p for p in parts if p)
