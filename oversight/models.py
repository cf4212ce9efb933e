"""Oversight (giám sát): activities of the five supervising bodies, the annual supervision
programme, questioning, and the recommendations that follow a supervision with their follow-up.

Which year an activity counts in is decided in one place: oversight.selectors.attributed_year."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from council.models import Committee, Delegate, DelegateGroup, Organization, Term


class Actor(models.TextChoices):
    """The supervising body (chủ thể giám sát), Điều 1 of the Supervision Law."""

    COUNCIL = "hdnd", _("HĐND")
    STANDING = "standing", _("Thường trực HĐND")
    COMMITTEE = "committee", _("Ban của HĐND")
    DELEGATE_GROUP = "delegate_group", _("Tổ đại biểu HĐND")
    DELEGATE = "delegate", _("Đại biểu HĐND")


def actor_constraint(name: str) -> models.CheckConstraint:
    """The FK that names the body must be set when the actor is a Ban, a Tổ or a delegate."""
    return models.CheckConstraint(
        condition=Q(actor__in=[Actor.COUNCIL, Actor.STANDING])
        | Q(actor=Actor.COMMITTEE, committee__isnull=False)
        | Q(actor=Actor.DELEGATE_GROUP, delegate_group__isnull=False)
        | Q(actor=Actor.DELEGATE, delegate__isnull=False),
        name=name,
        violation_error_message=_("Chủ thể giám sát chưa ghi rõ Ban, Tổ đại biểu hoặc đại biểu."),
    )


class ActorFields(models.Model):
    """Who acts: shared by activities and programme items. `committee` is also the Ban in
    charge when the HĐND or Thường trực acts (it decides which Ban's members may edit)."""

    actor = models.CharField(_("Chủ thể giám sát"), max_length=20, choices=Actor.choices)
    committee = models.ForeignKey(
        Committee,
        verbose_name=_("Ban"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(class)s_records",
    )
    delegate_group = models.ForeignKey(
        DelegateGroup,
        verbose_name=_("Tổ đại biểu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    delegate = models.ForeignKey(
        Delegate,
        verbose_name=_("Đại biểu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def actor_label(self) -> str:
        body = {
            Actor.COMMITTEE: self.committee,
            Actor.DELEGATE_GROUP: self.delegate_group,
            Actor.DELEGATE: self.delegate,
        }.get(self.actor)
        return str(body) if body is not None else str(self.get_actor_display())

    def clean_actor(self, term_id: int | None) -> dict[str, str]:
        errors: dict[str, str] = {}
        required = {
            Actor.COMMITTEE: ("committee", _("Chọn Ban thực hiện giám sát.")),
            Actor.DELEGATE_GROUP: ("delegate_group", _("Chọn Tổ đại biểu thực hiện giám sát.")),
            Actor.DELEGATE: ("delegate", _("Chọn đại biểu thực hiện giám sát.")),
        }
        if self.actor in required:
            field, message = required[self.actor]
            if getattr(self, f"{field}_id") is None:
                errors[field] = message
        if self.actor != Actor.DELEGATE_GROUP and self.delegate_group_id:
            errors["delegate_group"] = _("Chỉ ghi Tổ đại biểu khi chủ thể là Tổ đại biểu.")
        if self.actor != Actor.DELEGATE and self.delegate_id:
            errors["delegate"] = _("Chỉ ghi đại biểu khi chủ thể là đại biểu.")
        if term_id is not None:
            for field, label in (
                ("committee", _("Ban")),
                ("delegate_group", _("Tổ đại biểu")),
                ("delegate", _("Đại biểu")),
            ):
                body = getattr(self, field) if getattr(self, f"{field}_id") else None
                if body is not None and body.term_id != term_id and field not in errors:
                    errors[field] = _("%(label)s không thuộc nhiệm kỳ đã chọn.") % {"label": label}
        return errors


class Kind(models.TextChoices):
    THEMATIC_SUPERVISION = "thematic", _("Giám sát chuyên đề")
    INSPECTION = "inspection", _("Kiểm tra")
    SURVEY = "survey", _("Khảo sát")
    EXPLANATION = "explanation", _("Phiên giải trình")
    QUESTIONING_SESSION = "questioning_session", _("Chất vấn tại kỳ họp")
    QUESTIONING_INTERSESSION = "questioning_intersession", _("Chất vấn giữa hai kỳ họp")
    REPORT_REVIEW = "report_review", _("Xem xét báo cáo")


QUESTIONING_KINDS = (Kind.QUESTIONING_SESSION, Kind.QUESTIONING_INTERSESSION)


class OversightProgramme(TimeStampedModel):
    """Chương trình giám sát năm, adopted by a resolution of the HĐND."""

    council_path = "term__council"

    term = models.ForeignKey(
        Term, verbose_name=_("Nhiệm kỳ"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(
        _("Năm"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    title = models.CharField(_("Tên chương trình"), max_length=300, blank=True)
    adopted_number = models.CharField(_("Số nghị quyết thông qua"), max_length=60, blank=True)
    adopted_by = models.ForeignKey(
        "resolutions.Resolution",
        verbose_name=_("Nghị quyết thông qua (trong sổ)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    adopted_date = models.DateField(_("Ngày thông qua"), null=True, blank=True)
    notes = models.TextField(_("Ghi chú"), blank=True)

    class Meta:
        verbose_name = _("Chương trình giám sát năm")
        verbose_name_plural = _("Chương trình giám sát năm")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "year"],
                name="oversight_programme_unique_year",
                violation_error_message=_("Nhiệm kỳ này đã có chương trình giám sát của năm này."),
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"Chương trình giám sát năm {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("oversight:programme_detail", args=[self.pk])


class ProgrammeItem(ActorFields, TimeStampedModel):
    council_path = "programme__term__council"

    programme = models.ForeignKey(
        OversightProgramme,
        verbose_name=_("Chương trình"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    kind = models.CharField(
        _("Hình thức"), max_length=30, choices=Kind.choices, default=Kind.THEMATIC_SUPERVISION
    )
    topic = models.CharField(_("Nội dung giám sát"), max_length=500)
    planned_quarter = models.PositiveSmallIntegerField(
        _("Dự kiến quý"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    planned_month = models.PositiveSmallIntegerField(
        _("Dự kiến tháng"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)

    class Meta:
        verbose_name = _("Nội dung chương trình giám sát")
        verbose_name_plural = _("Nội dung chương trình giám sát")
        ordering = ["programme", "order", "pk"]
        constraints = [
            actor_constraint("programme_item_actor_body_set"),
            models.CheckConstraint(
                condition=Q(planned_quarter__isnull=True) | Q(planned_quarter__range=(1, 4)),
                name="programme_item_quarter_range",
                violation_error_message=_("Quý phải từ 1 đến 4."),
            ),
            models.CheckConstraint(
                condition=Q(planned_month__isnull=True) | Q(planned_month__range=(1, 12)),
                name="programme_item_month_range",
                violation_error_message=_("Tháng phải từ 1 đến 12."),
            ),
        ]

    def __str__(self) -> str:
        return self.topic

    def get_absolute_url(self) -> str:
        return reverse("oversight:programme_detail", args=[self.programme_id])

    def clean(self) -> None:
        term_id = self.programme.term_id if self.programme_id else None
        errors = self.clean_actor(term_id)
        if (
            self.planned_month
            and self.planned_quarter
            and (self.planned_month - 1) // 3 + 1 != self.planned_quarter
        ):
            errors["planned_month"] = _("Tháng dự kiến không thuộc quý đã chọn.")
        if errors:
            raise ValidationError(errors)


class OversightActivity(ActorFields, TimeStampedModel):
    """One supervision, inspection, survey, explanation hearing, questioning or report review."""

    council_path = "term__council"

    term = models.ForeignKey(
        Term, verbose_name=_("Nhiệm kỳ"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("Hình thức"), max_length=30, choices=Kind.choices)
    topic = models.CharField(_("Nội dung"), max_length=500)
    programme_item = models.ForeignKey(
        ProgrammeItem,
        verbose_name=_("Thuộc nội dung chương trình"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    session = models.ForeignKey(
        "council_sessions.Session",
        verbose_name=_("Kỳ họp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Với chất vấn tại kỳ họp."),
    )
    establishing_number = models.CharField(
        _("Số quyết định / nghị quyết thành lập"), max_length=80, blank=True
    )
    establishing_resolution = models.ForeignKey(
        "resolutions.Resolution",
        verbose_name=_("Nghị quyết thành lập (trong sổ)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    plan_number = models.CharField(_("Số kế hoạch"), max_length=80, blank=True)
    start_date = models.DateField(_("Ngày bắt đầu"))
    end_date = models.DateField(_("Ngày kết thúc"), null=True, blank=True)
    supervised_organizations = models.ManyToManyField(
        Organization,
        verbose_name=_("Cơ quan chịu sự giám sát"),
        blank=True,
        related_name="+",
    )
    members = models.ManyToManyField(
        Delegate, verbose_name=_("Thành viên đoàn"), blank=True, related_name="+"
    )
    result_report_number = models.CharField(_("Số báo cáo kết quả"), max_length=80, blank=True)
    result_report_date = models.DateField(_("Ngày báo cáo kết quả"), null=True, blank=True)
    conclusion_number = models.CharField(_("Số thông báo kết luận"), max_length=80, blank=True)
    conclusion_date = models.DateField(_("Ngày thông báo kết luận"), null=True, blank=True)
    notes = models.TextField(_("Ghi chú"), blank=True)
    # Nothing of an oversight is public until a person says so (the portal shows the activity
    # and its conclusion; the recommendations' follow-up stays internal).
    is_public = models.BooleanField(
        _("Công khai"),
        default=False,
        help_text=_("Hiện hoạt động và kết luận giám sát trên cổng thông tin công khai."),
    )
    # Folded (lower case, no diacritics) topic, numbers and bodies; kept by the service.
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("Hoạt động giám sát")
        verbose_name_plural = _("Hoạt động giám sát")
        ordering = ["-start_date", "-pk"]
        constraints = [
            actor_constraint("oversight_activity_actor_body_set"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="oversight_activity_end_not_before_start",
                violation_error_message=_("Ngày kết thúc không được trước ngày bắt đầu."),
            ),
        ]
        indexes = [
            models.Index(fields=["term", "start_date"]),
            models.Index(fields=["end_date"]),
            models.Index(fields=["actor", "kind"]),
            # The day an activity counts on (selectors.attributed_date), with what the
            # dashboard's figures of a year group on: the activities and the recommendations
            # of the year and the year before (selectors.*_counts_of_years) read the year's
            # activities off it instead of every activity of the council's history.
            models.Index(
                Coalesce("end_date", "start_date"),
                include=["id", "term", "actor", "kind"],
                name="activity_attributed_day",
            ),
        ]

    def __str__(self) -> str:
        return self.topic

    def get_absolute_url(self) -> str:
        return reverse("oversight:activity_detail", args=[self.pk])

    def clean(self) -> None:
        errors = self.clean_actor(self.term_id)
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("Ngày kết thúc không được trước ngày bắt đầu.")
        if self.session_id and self.kind != Kind.QUESTIONING_SESSION:
            errors["session"] = _("Chỉ ghi kỳ họp với hoạt động chất vấn tại kỳ họp.")
        if self.session_id and self.term_id and self.session.term_id != self.term_id:
            errors.setdefault("session", _("Kỳ họp không thuộc nhiệm kỳ đã chọn."))
        if (
            self.programme_item_id
            and self.term_id
            and self.programme_item.programme.term_id != self.term_id
        ):
            errors["programme_item"] = _("Nội dung chương trình không thuộc nhiệm kỳ đã chọn.")
        if errors:
            raise ValidationError(errors)

    @property
    def year(self) -> int:
        """Python twin of selectors.attributed_year, for one row already in memory."""
        return (self.end_date or self.start_date).year


class Question(TimeStampedModel):
    """One question (phiếu chất vấn) at a questioning activity."""

    council_path = "activity__term__council"

    class AnswerMode(models.TextChoices):
        AT_SITTING = "at_sitting", _("Trả lời trực tiếp tại phiên họp")
        IN_WRITING = "in_writing", _("Trả lời bằng văn bản")
        NOT_ANSWERED = "not_answered", _("Chưa trả lời")

    class Satisfaction(models.TextChoices):
        YES = "yes", _("Đồng tình")
        NO = "no", _("Chưa đồng tình")
        UNKNOWN = "unknown", _("Chưa rõ")

    activity = models.ForeignKey(
        OversightActivity,
        verbose_name=_("Phiên chất vấn"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    asker = models.ForeignKey(
        Delegate,
        verbose_name=_("Đại biểu chất vấn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    respondent_name = models.CharField(_("Người trả lời"), max_length=120, blank=True)
    respondent_position = models.CharField(_("Chức vụ người trả lời"), max_length=200, blank=True)
    respondent_organization = models.ForeignKey(
        Organization,
        verbose_name=_("Cơ quan trả lời"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    content = models.TextField(_("Nội dung chất vấn"))
    answer_mode = models.CharField(
        _("Hình thức trả lời"),
        max_length=20,
        choices=AnswerMode.choices,
        default=AnswerMode.AT_SITTING,
    )
    satisfied = models.CharField(
        _("Đại biểu đồng tình"),
        max_length=10,
        choices=Satisfaction.choices,
        default=Satisfaction.UNKNOWN,
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)

    class Meta:
        verbose_name = _("Câu hỏi chất vấn")
        verbose_name_plural = _("Câu hỏi chất vấn")
        ordering = ["activity", "order", "pk"]

    def __str__(self) -> str:
        return self.content[:80]

    def get_absolute_url(self) -> str:
        return reverse("oversight:activity_detail", args=[self.activity_id])

    def clean(self) -> None:
        if self.activity_id and self.activity.kind not in QUESTIONING_KINDS:
            # Not tied to a field: the activity is fixed by the page, not chosen in the form.
            raise ValidationError(_("Chỉ ghi câu hỏi cho hoạt động chất vấn."))


class OversightRecommendation(TimeStampedModel):
    """Kiến nghị sau giám sát. Whether it is overdue is computed from the deadline and today,
    never stored, so it cannot go stale."""

    council_path = "activity__term__council"

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Hoàn thành")
        PARTLY_DONE = "partly_done", _("Hoàn thành một phần")
        NOT_IMPLEMENTED = "not_implemented", _("Không thực hiện")

    activity = models.ForeignKey(
        OversightActivity,
        verbose_name=_("Hoạt động giám sát"),
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    content = models.TextField(_("Nội dung kiến nghị"))
    addressee = models.ForeignKey(
        Organization,
        verbose_name=_("Cơ quan được kiến nghị"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    deadline = models.DateField(_("Thời hạn thực hiện"), null=True, blank=True)
    status = models.CharField(
        _("Tình trạng"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    completed_date = models.DateField(_("Ngày hoàn thành"), null=True, blank=True)
    result_note = models.TextField(_("Kết quả thực hiện"), blank=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("Kiến nghị sau giám sát")
        verbose_name_plural = _("Kiến nghị sau giám sát")
        ordering = ["deadline", "pk"]
        indexes = [
            models.Index(fields=["status", "deadline"]),
            # The dashboard's overdue recommendations by addressee
            # (selectors.overdue_recommendations_by_addressee), off the index alone: the open
            # ones with a deadline are a third of the table (with the petitions' index, the
            # dashboard's "Cần chú ý" at B 26 -> 14 ms).
            models.Index(
                fields=["deadline"],
                include=["id", "addressee", "activity"],
                condition=Q(deadline__isnull=False) & ~Q(status="done"),
                name="recommendation_open_deadline",
            ),
            # The recommendations of the year's activities counted by status and deadline
            # (selectors.recommendation_counts_of_years), off the index alone.
            models.Index(
                fields=["activity"],
                include=["id", "status", "deadline"],
                name="recommendation_by_activity",
            ),
        ]

    def __str__(self) -> str:
        return self.content[:100]

    def get_absolute_url(self) -> str:
        return reverse("oversight:recommendation_detail", args=[self.pk])

    def clean(self) -> None:
        if self.completed_date and self.status != self.Status.DONE:
            raise ValidationError(
                {"completed_date": _("Chỉ ghi ngày hoàn thành khi kiến nghị đã hoàn thành.")}
            )

    def is_overdue(self, today: dt.date | None = None) -> bool:
        """Python twin of selectors.overdue_q: not done and the deadline is before today."""
        today = today or timezone.localdate()
        return (
            self.status != self.Status.DONE and self.deadline is not None and self.deadline < today
        )

    def days_overdue(self, today: dt.date | None = None) -> int:
        today = today or timezone.localdate()
        return (today - self.deadline).days if self.is_overdue(today) else 0


class FollowUp(TimeStampedModel):
    """One step of chasing a recommendation (đôn đốc, yêu cầu giải trình, tái giám sát...)."""

    council_path = "recommendation__activity__term__council"

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Đôn đốc")
        EXPLANATION_REQUEST = "explanation_request", _("Yêu cầu giải trình")
        RE_SUPERVISION = "re_supervision", _("Tái giám sát")
        REPORT_TO_COUNCIL = "report_to_council", _("Báo cáo HĐND")

    recommendation = models.ForeignKey(
        OversightRecommendation,
        verbose_name=_("Kiến nghị"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    date = models.DateField(_("Ngày"))
    kind = models.CharField(_("Hình thức"), max_length=30, choices=Kind.choices)
    document_number = models.CharField(_("Số văn bản"), max_length=80, blank=True)
    note = models.TextField(_("Ghi chú"), blank=True)

    class Meta:
        verbose_name = _("Theo dõi, đôn đốc")
        verbose_name_plural = _("Theo dõi, đôn đốc")
        ordering = ["recommendation", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("oversight:recommendation_detail", args=[self.recommendation_id])
