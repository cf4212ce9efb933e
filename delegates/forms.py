"""Forms of the delegates' room: validation only (the services decide the rules)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import VnDateField, vn_formfield
from core.scoping import of_council
from council.models import Organization
from delegates.models import Registration
from oversight.models import Question
from sessions.models import AgendaItem, Session


class RegistrationForm(forms.ModelForm):
    class Meta:
        # The house's fields: Vietnamese blank choices, dd/mm/yyyy dates, ids checked.
        formfield_callback = vn_formfield
        model = Registration
        fields = [
            "kind",
            "agenda_item",
            "respondent_organization",
            "respondent_position",
            "content",
        ]
        widgets = {"content": forms.Textarea(attrs={"rows": 4})}
        labels = {"content": _("Nội dung (câu hỏi chất vấn, hoặc ý chính muốn phát biểu)")}

    def __init__(self, *args: Any, session: Session, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(session=session)
        self.fields["respondent_organization"].queryset = of_council(
            Organization.objects.all(), session.term.council
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = data.get("kind")
        if kind == Registration.Kind.QUESTION:
            if not (data.get("content") or "").strip():
                self.add_error("content", _("Nhập nội dung câu hỏi chất vấn."))
            if not data.get("respondent_organization") and not data.get("respondent_position"):
                self.add_error(
                    "respondent_position", _("Ghi cơ quan hoặc chức vụ của người được chất vấn.")
                )
        elif kind and not data.get("agenda_item"):
            self.add_error("agenda_item", _("Chọn nội dung muốn phát biểu, tranh luận."))
        return data

    def _post_clean(self) -> None:
        # The model's rules are checked by the service, with the delegate and session set.
        pass


class RecordForm(forms.Form):
    summary = forms.CharField(
        label=_("Nội dung đã phát biểu / câu hỏi đã nêu"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Ghi tóm tắt nội dung đã phát biểu.")},
    )
    answer_summary = forms.CharField(
        label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    answer_mode = forms.ChoiceField(
        label=_("Hình thức trả lời"),
        choices=Question.AnswerMode.choices,
        initial=Question.AnswerMode.AT_SITTING,
    )
    satisfied = forms.ChoiceField(
        label=_("Đại biểu đồng tình"),
        choices=Question.Satisfaction.choices,
        initial=Question.Satisfaction.UNKNOWN,
    )
    promise = forms.CharField(
        label=_("Lời hứa, cam kết của người trả lời (để theo dõi)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    promise_deadline = VnDateField(label=_("Hạn thực hiện lời hứa"), required=False)

    def __init__(self, *args: Any, registration: Registration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if registration.kind != Registration.Kind.QUESTION:
            for name in (
                "answer_summary",
                "answer_mode",
                "satisfied",
                "promise",
                "promise_deadline",
            ):
                del self.fields[name]
