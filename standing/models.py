"""Thường trực HĐND's meetings (phiên họp Thường trực): usually one a month, with its agenda
(inter-session matters, questioning and explanation hearings between sessions, preparation of
the next session, supervision plans), the chair's conclusions, and the tasks each conclusion
gives an organisation, tracked to their deadline as recommendations after a supervision are
(oversight.OversightRecommendation).

Whether a task is overdue is computed from its deadline and today (standing.selectors.overdue_q),
never stored, so it cannot go stale."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from council.models import Delegate, InterSessionMatter, Organization, Term


class StandingMeeting(TimeStampedModel):
    """One meeting of the Thường trực HĐND. Its council is its term's; its chair and the members
    attending are delegates of that term."""

    council_path = "term__council"

    class Kind(models.TextChoices):
        REGULAR = "regular", _("Phiên họp thường kỳ")
        EXTRAORDINARY = "extraordinary", _("Phiên họp bất thường")

    term = models.ForeignKey(
        Term, verbose_name=_("Nhiệm kỳ"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(
        _("Loại phiên họp"), max_length=20, choices=Kind.choices, default=Kind.REGULAR
    )
    number = models.PositiveSmallIntegerField(
        _("Số thứ tự trong năm"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(999)],
        help_text=_("Phiên họp thứ mấy trong năm; bỏ trống nếu không đánh số."),
    )
    title = models.CharField(
        _("Tên phiên họp"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: Phiên họp tháng 3/2019. Bỏ trống: đặt theo số và ngày họp."),
    )
    date = models.DateField(_("Ngày họp"))
    time = models.TimeField(_("Giờ họp"), null=True, blank=True)
    place = models.CharField(_("Địa điểm"), max_length=200, blank=True)
    chaired_by = models.ForeignKey(
        Delegate,
        verbose_name=_("Chủ trì"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    members = models.ManyToManyField(
        Delegate, verbose_name=_("Thành viên dự họp"), blank=True, related_name="+"
    )
    guests = models.TextField(
        _("Khách mời"), blank=True, help_text=_("Mỗi dòng một đại biểu, cơ quan được mời.")
    )
    notes = models.TextField(_("Ghi chú"), blank=True)

    class Meta:
        verbose_name = _("Phiên họp Thường trực HĐND")
        verbose_name_plural = _("Phiên họp Thường trực HĐND")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["term", "date"])]

    def __str__(self) -> str:
        if self.title:
            return self.title
        if self.number and self.date:
            return f"Phiên họp thứ {self.number} năm {self.date.year}"
        if self.date:
            return f"Phiên họp ngày {self.date:%d/%m/%Y}"
        return str(_("Phiên họp Thường trực HĐND"))

    def get_absolute_url(self) -> str:
        return reverse("standing:standingmeeting_detail", args=[self.pk])

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.chaired_by_id and self.term_id and self.chaired_by.term_id != self.term_id:
            errors["chaired_by"] = _("Người chủ trì không thuộc nhiệm kỳ đã chọn.")
        if self.number and self.date and self.term_id:
            # The number counts within the council's year, whichever term the meeting is of
            # (a year in which a term ends holds meetings of two terms).
            taken = StandingMeeting.objects.filter(
                term__council_id=self.term.council_id, date__year=self.date.year, number=self.number
            ).exclude(pk=self.pk)
            if taken.exists():
                errors["number"] = _("Năm %(year)s đã có phiên họp số %(number)s.") % {
                    "year": self.date.year,
                    "number": self.number,
                }
        if errors:
            raise ValidationError(errors)


class AgendaEntry(TimeStampedModel):
    """One item of a meeting's agenda; it may name the inter-session matter or the session it
    is about."""

    council_path = "meeting__term__council"

    class Kind(models.TextChoices):
        INTERSESSION = "intersession", _("Nội dung phát sinh giữa hai kỳ họp")
        QUESTIONING = "questioning", _("Chất vấn giữa hai kỳ họp")
        EXPLANATION = "explanation", _("Giải trình")
        SESSION_PREPARATION = "session_preparation", _("Chuẩn bị kỳ họp")
        SUPERVISION = "supervision", _("Kế hoạch, kết quả giám sát")
        WORK_REPORT = "work_report", _("Báo cáo công tác, chương trình tháng")
        OTHER = "other", _("Nội dung khác")

    meeting = models.ForeignKey(
        StandingMeeting,
        verbose_name=_("Phiên họp"),
        on_delete=models.CASCADE,
        related_name="agenda",
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    kind = models.CharField(_("Loại nội dung"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("Nội dung"), max_length=500)
    presenter = models.CharField(_("Cơ quan, người trình bày"), max_length=250, blank=True)
    intersession_matter = models.ForeignKey(
        InterSessionMatter,
        verbose_name=_("Nội dung phát sinh giữa hai kỳ họp (trong sổ)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    session = models.ForeignKey(
        "council_sessions.Session",
        verbose_name=_("Kỳ họp được chuẩn bị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Nội dung phiên họp")
        verbose_name_plural = _("Nội dung phiên họp")
        ordering = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("standing:standingmeeting_detail", args=[self.meeting_id]) + "#noi-dung"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        term_id = self.meeting.term_id if self.meeting_id else None
        if term_id is not None:
            if self.intersession_matter_id and self.intersession_matter.term_id != term_id:
                errors["intersession_matter"] = _(
                    "Nội dung này không thuộc nhiệm kỳ của phiên họp."
                )
            if self.session_id and self.session.term_id != term_id:
                errors["session"] = _("Kỳ họp không thuộc nhiệm kỳ của phiên họp.")
        if errors:
            raise ValidationError(errors)


class Conclusion(TimeStampedModel):
    """One point of the chair's conclusions at a meeting (what the conclusion notice, TB-HĐND,
    numbers 1, 2, 3 …)."""

    council_path = "meeting__term__council"

    meeting = models.ForeignKey(
        StandingMeeting,
        verbose_name=_("Phiên họp"),
        on_delete=models.CASCADE,
        related_name="conclusions",
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    text = models.TextField(_("Nội dung kết luận"))

    class Meta:
        verbose_name = _("Kết luận")
        verbose_name_plural = _("Kết luận")
        ordering = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 100 else self.text[:99] + "…"

    def get_absolute_url(self) -> str:
        return reverse("standing:standingmeeting_detail", args=[self.meeting_id]) + (
            f"#ket-luan-{self.pk}"
        )


class ConclusionTask(TimeStampedModel):
    """A task a conclusion gives an organisation, with its deadline: followed until done (or
    cancelled) on the queue of tasks after conclusions."""

    council_path = "conclusion__meeting__term__council"

    class Status(models.TextChoices):
        OPEN = "open", _("Đang thực hiện")
        DONE = "done", _("Hoàn thành")
        CANCELLED = "cancelled", _("Không thực hiện nữa")

    conclusion = models.ForeignKey(
        Conclusion,
        verbose_name=_("Kết luận"),
        on_delete=models.CASCADE,
        related_name="tasks",
    )
    content = models.TextField(_("Nội dung giao"))
    responsible = models.ForeignKey(
        Organization,
        verbose_name=_("Cơ quan thực hiện"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    deadline = models.DateField(_("Thời hạn hoàn thành"), null=True, blank=True)
    status = models.CharField(
        _("Tình trạng"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    result = models.TextField(_("Kết quả thực hiện"), blank=True)
    completed_date = models.DateField(_("Ngày hoàn thành"), null=True, blank=True)

    class Meta:
        verbose_name = _("Việc giao sau kết luận")
        verbose_name_plural = _("Việc giao sau kết luận")
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(completed_date__isnull=True) | Q(status="done"),
                name="conclusion_task_completed_only_when_done",
                violation_error_message=_("Chỉ ghi ngày hoàn thành khi việc đã hoàn thành."),
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        return self.content if len(self.content) <= 100 else self.content[:99] + "…"

    def get_absolute_url(self) -> str:
        meeting_id = self.conclusion.meeting_id
        return reverse("standing:standingmeeting_detail", args=[meeting_id]) + f"#viec-{self.pk}"

    def clean(self) -> None:
        if self.completed_date and self.status != self.Status.DONE:
            raise ValidationError(
                {"completed_date": _("Chỉ ghi ngày hoàn thành khi việc đã hoàn thành.")}
            )

    def is_overdue(self, today: dt.date | None = None) -> bool:
        """Python twin of selectors.overdue_q: still open and the deadline is before today."""
        today = today or timezone.localdate()
        return (
            self.status == self.Status.OPEN and self.deadline is not None and self.deadline < today
        )
