"""Forms of the oversight app. A committee member's forms only offer their own Ban, and the
server refuses any other Ban even if the browser sends one."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core import roles
from core.forms import BaseModelForm
from council.forms import TERM_HELP, current_term_initial, follow, form_term_id, narrow_to_term
from council.models import Committee, Delegate, DelegateGroup, Organization, Term
from oversight.models import (
    Actor,
    FollowUp,
    OversightActivity,
    OversightProgramme,
    OversightRecommendation,
    ProgrammeItem,
    Question,
)


def _with_term(obj: Any) -> str:
    return f"{obj} (khóa {obj.term.roman})"


def _programme_item_label(item: ProgrammeItem) -> str:
    return f"{item.programme.year}: {item.topic}"


class ActivityForm(BaseModelForm):
    class Meta:
        model = OversightActivity
        fields = [
            "term",
            "actor",
            "committee",
            "delegate_group",
            "delegate",
            "kind",
            "topic",
            "programme_item",
            "session",
            "establishing_number",
            "establishing_resolution",
            "plan_number",
            "start_date",
            "end_date",
            "supervised_organizations",
            "members",
            "result_report_number",
            "result_report_date",
            "conclusion_number",
            "conclusion_date",
            "notes",
            "is_public",
        ]
        widgets = {
            "supervised_organizations": forms.SelectMultiple(attrs={"size": 8}),
            "members": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        f = self.fields
        f["term"].queryset = Term.objects.select_related("council")
        current_term_initial(self)
        # The activity's term (submitted, saved, or the current one for a new activity) decides
        # which bodies, people, sessions and resolutions are offered; each choice is still
        # labelled with its term, since the same Ban and names recur from term to term.
        term_id = form_term_id(self)
        in_term = {"term_id": term_id} if term_id else {}
        f["committee"].queryset = Committee.objects.filter(**in_term).select_related("term")
        f["delegate_group"].queryset = DelegateGroup.objects.filter(**in_term).select_related(
            "term"
        )
        for name in ("delegate", "members"):
            f[name].queryset = Delegate.objects.filter(**in_term).select_related("term")
        for name in ("committee", "delegate_group", "delegate", "members"):
            f[name].label_from_instance = _with_term
        f["supervised_organizations"].queryset = Organization.objects.filter(is_active=True)
        f["programme_item"].queryset = ProgrammeItem.objects.filter(
            **({"programme__term_id": term_id} if term_id else {})
        ).select_related("programme")
        f["programme_item"].label_from_instance = _programme_item_label
        f["session"].queryset = f["session"].queryset.filter(**in_term).select_related("term")
        f["establishing_resolution"].queryset = (
            f["establishing_resolution"].queryset.filter(**in_term).select_related("council")
        )
        if term_id:
            for name in ("committee", "delegate_group", "delegate", "session"):
                f[name].help_text = TERM_HELP
        follow(
            self, "term", "committee", "delegate_group", "delegate", "members", "session",
            "programme_item", "establishing_resolution",
        )  # fmt: skip
        if user is not None and not roles.can_edit_records(user):
            # A committee member records their own Ban's work only.
            own = roles.user_committee(user)
            f["committee"].queryset = Committee.objects.filter(pk=own.pk if own else None)
            f["committee"].required = True
            f["actor"].choices = [(Actor.COMMITTEE, Actor.COMMITTEE.label)]
            if own is not None:
                f["committee"].initial = own.pk
                f["term"].initial = own.term_id

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        committee = data.get("committee")
        if self.user is not None and not roles.can_edit_committee_record(
            self.user, committee.pk if committee else None
        ):
            self.add_error("committee", _("Bạn chỉ được ghi hoạt động của Ban mình."))
        return data


class QuestionForm(BaseModelForm):
    class Meta:
        model = Question
        fields = [
            "asker",
            "respondent_name",
            "respondent_position",
            "respondent_organization",
            "content",
            "answer_mode",
            "satisfied",
            "order",
        ]

    def __init__(self, *args: Any, activity: OversightActivity, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.activity = activity
        self.fields["asker"].queryset = Delegate.objects.filter(term_id=activity.term_id)


class RecommendationForm(BaseModelForm):
    class Meta:
        model = OversightRecommendation
        fields = ["content", "addressee", "deadline", "status", "completed_date", "result_note"]

    def __init__(self, *args: Any, activity: OversightActivity, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.activity = activity


class FollowUpForm(BaseModelForm):
    class Meta:
        model = FollowUp
        fields = ["date", "kind", "document_number", "note"]

    def __init__(self, *args: Any, recommendation: OversightRecommendation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.recommendation = recommendation


class ProgrammeForm(BaseModelForm):
    class Meta:
        model = OversightProgramme
        fields = ["term", "year", "title", "adopted_number", "adopted_by", "adopted_date", "notes"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current_term_initial(self)
        adopted_by = self.fields["adopted_by"]
        adopted_by.queryset = adopted_by.queryset.select_related("council")
        narrow_to_term(self, form_term_id(self), "adopted_by")


class ProgrammeItemForm(BaseModelForm):
    class Meta:
        model = ProgrammeItem
        fields = [
            "actor",
            "committee",
            "delegate_group",
            "delegate",
            "kind",
            "topic",
            "planned_quarter",
            "planned_month",
            "order",
        ]

    def __init__(self, *args: Any, programme: OversightProgramme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.programme = programme
        term_id = programme.term_id
        self.fields["committee"].queryset = Committee.objects.filter(term_id=term_id)
        self.fields["delegate_group"].queryset = DelegateGroup.objects.filter(term_id=term_id)
        self.fields["delegate"].queryset = Delegate.objects.filter(term_id=term_id)
