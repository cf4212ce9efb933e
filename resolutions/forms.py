from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.filters import offer_only
from core.forms import BaseModelForm, SafeModelChoiceField, pk_or_none
from core.uploads import validate_document
from council.forms import follow
from council.models import Council, InterSessionMatter
from council.selectors import term_at
from resolutions.models import (
    Resolution,
    ResolutionAttachment,
    ResolutionField,
    ResolutionRelation,
    ResolutionReview,
)
from sessions.models import Session


class ResolutionForm(BaseModelForm):
    """Validation of what the user types; numbering, votes and duplicates are the service's."""

    class Meta:
        model = Resolution
        fields = [
            "is_normative",
            "number",
            "adopted_date",
            "effective_date",
            "session",
            "title",
            "field",
            "votes_for",
            "votes_against",
            "votes_abstain",
            "delegates_present",
            "signer",
            "status",
            "is_public",
            "ratified_matters",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 3}),
            "ratified_matters": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args: Any, council: Council, next_number: int | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.council = council
        self.fields["session"].queryset = Session.objects.filter(
            term__council=council
        ).select_related("term")
        self.fields["ratified_matters"].queryset = InterSessionMatter.objects.filter(
            term__council=council
        ).select_related("term")
        self._offer_the_terms_records(council)
        number = self.fields["number"]
        number.required = False
        number.widget.attrs["class"] = "js-resolution-number"
        number.help_text = _("Để trống để lấy số tiếp theo còn trống của năm.")
        if next_number:
            number.widget.attrs["placeholder"] = str(next_number)
            # The placeholder follows the year and kind typed (static/js/resolutions.js).
            number.help_text = _(
                "Số hiện mờ trong ô là số tiếp theo còn trống của năm và loại nghị quyết đã "
                "chọn; để trống để dùng số đó."
            )
        self.fields["is_normative"].widget.attrs["class"] = "form-check-input js-resolution-kind"
        self.fields["adopted_date"].widget.attrs["class"] = "js-date js-resolution-date"

    def _offer_the_terms_records(self, council: Council) -> None:
        """Sessions and inter-session matters offered: those of the term of the adoption date
        (typed, or saved), else of the latest term, and whatever is chosen. Any of the
        council's stays valid. Decades of a council are hundreds of sessions and matters (1.8
        MB of options in the K=50 benchmark); the term of one date, tens."""
        day = self._adopted_day()
        condition = Q(term=term_at(council=council, day=day))
        if self.is_bound:
            session = pk_or_none(self.data.get(self.add_prefix("session")))
            matters = self.data.getlist(self.add_prefix("ratified_matters"), [])
        else:
            session = pk_or_none(getattr(self.initial.get("session"), "pk", None) or
                                 self.initial.get("session"))  # fmt: skip
            matters = [getattr(m, "pk", m) for m in self.initial.get("ratified_matters") or []]
        chosen = [pk for pk in map(pk_or_none, matters) if pk is not None]
        offer_only(self.fields["session"], condition, session)
        offer_only(self.fields["ratified_matters"], condition, chosen)
        help_text = _("Của nhiệm kỳ có ngày thông qua: nhập ngày thông qua thì danh sách đổi theo.")
        self.fields["session"].help_text = help_text
        self.fields["ratified_matters"].help_text = help_text
        follow(self, "adopted_date", "session", "ratified_matters")

    def _adopted_day(self) -> dt.date | None:
        if self.is_bound:
            value = self.data.get(self.add_prefix("adopted_date"))
        else:
            value = self.initial.get("adopted_date")
        if isinstance(value, dt.date) or not value:
            return value or None
        try:
            return self.fields["adopted_date"].to_python(value)
        except ValidationError:
            return None

    def _post_clean(self) -> None:
        # The service completes council, term, year and series before the full model check.
        self.instance.council = self.council
        super()._post_clean()


class ResolutionRelationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Nghị quyết này"), choices=ResolutionRelation.Kind.choices)
    target = SafeModelChoiceField(
        label=_("Nghị quyết bị tác động"),
        queryset=Resolution.objects.none(),
        error_messages={"required": _("Chọn nghị quyết bị tác động.")},
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)

    def __init__(self, *args: Any, source: Resolution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = (
            Resolution.objects.filter(
                council_id=source.council_id, adopted_date__lte=source.adopted_date
            )
            .exclude(pk=source.pk)
            .select_related("council")
            .order_by("-year", "-number")
        )


class ResolutionAttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại tệp"), choices=ResolutionAttachment.Kind.choices)
    upload = forms.FileField(
        label=_("Tệp"),
        help_text=_("PDF, Word hoặc ảnh; loại tệp được kiểm tra theo nội dung, không theo tên."),
        error_messages={"required": _("Chọn tệp để tải lên.")},
    )

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        validate_document(upload)
        return upload


class ResolutionFieldForm(BaseModelForm):
    class Meta:
        model = ResolutionField
        fields = ["name", "order"]


class ResolutionReviewForm(BaseModelForm):
    """The province's record of a commune's normative resolution: received, then concluded."""

    class Meta:
        model = ResolutionReview
        fields = ["received_date", "reviewed_date", "conclusion", "document_number", "note"]
        help_texts = {
            "reviewed_date": _("Bỏ trống khi còn đang xem xét."),
            "conclusion": _("Ghi cùng ngày kết luận."),
        }
