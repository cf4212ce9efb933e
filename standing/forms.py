"""Forms of the Thường trực's meetings. Their drop-downs offer the request's council's records
only (core.views scopes every choice); the delegates, matters and sessions offered follow the
meeting's term."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import BaseModelForm, VnDateField
from council.forms import TERM_HELP, current_term_initial, follow, form_term_id
from council.models import Delegate, InterSessionMatter, Organization, Term
from standing.models import AgendaEntry, Conclusion, ConclusionTask, StandingMeeting


class MeetingForm(BaseModelForm):
    class Meta:
        model = StandingMeeting
        fields = [
            "term",
            "kind",
            "number",
            "title",
            "date",
            "time",
            "place",
            "chaired_by",
            "members",
            "guests",
            "notes",
        ]
        widgets = {
            "time": forms.TimeInput(format="%H:%M", attrs={"placeholder": "hh:mm"}),
            "members": forms.SelectMultiple(attrs={"size": 8}),
            "guests": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        f = self.fields
        f["term"].queryset = Term.objects.select_related("council")
        current_term_initial(self)
        term_id = form_term_id(self)
        in_term = {"term_id": term_id} if term_id else {}
        for name in ("chaired_by", "members"):
            f[name].queryset = Delegate.objects.filter(**in_term)
            if term_id:
                f[name].help_text = TERM_HELP
        follow(self, "term", "chaired_by", "members")


class AgendaEntryForm(BaseModelForm):
    class Meta:
        model = AgendaEntry
        fields = ["order", "kind", "title", "presenter", "intersession_matter", "session"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, meeting: StandingMeeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        f = self.fields
        f["order"].required = False
        f["intersession_matter"].queryset = InterSessionMatter.objects.filter(
            term_id=meeting.term_id
        )
        f["session"].queryset = f["session"].queryset.filter(term_id=meeting.term_id)

    def clean_order(self) -> int:
        return self.cleaned_data.get("order") or 0


class ConclusionForm(BaseModelForm):
    class Meta:
        model = Conclusion
        fields = ["order", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args: Any, meeting: StandingMeeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        self.fields["order"].required = False

    def clean_order(self) -> int:
        return self.cleaned_data.get("order") or 0


class TaskForm(BaseModelForm):
    class Meta:
        model = ConclusionTask
        fields = ["content", "responsible", "deadline", "status", "result", "completed_date"]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 3}),
            "result": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, conclusion: Conclusion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.conclusion = conclusion
        self.fields["responsible"].queryset = Organization.objects.filter(is_active=True)


class TaskCompleteForm(BaseModelForm):
    """Completing a task: the day the responsible body reported it done and what it did."""

    completed_date = VnDateField(label=_("Ngày hoàn thành"))

    class Meta:
        model = ConclusionTask
        fields = ["completed_date", "result"]
        widgets = {"result": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.completed_date is None:
            self.initial["completed_date"] = timezone.localdate()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.instance.status == ConclusionTask.Status.CANCELLED:
            raise forms.ValidationError(_("Việc này đã được ghi là không thực hiện nữa."))
        # Validated as the done task it is about to become (a completion day needs "done").
        self.instance.status = ConclusionTask.Status.DONE
        return data
