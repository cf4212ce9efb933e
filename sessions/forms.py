from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from council.forms import BaseModelForm
from council.models import Delegate
from council.uploads import validate_document
from sessions.models import AgendaItem, Attendance, Session


class SessionForm(BaseModelForm):
    class Meta:
        model = Session
        fields = [
            "term",
            "number",
            "kind",
            "regular_slot",
            "start_date",
            "end_date",
            "venue",
            "format",
            "status",
            "notes",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("kind") == Session.Kind.THEMATIC:
            # A thematic session has no slot in the regular-session plan.
            data["regular_slot"] = ""
        term, start = data.get("term"), data.get("start_date")
        if term and start and not term.contains(start):
            self.add_error(
                "start_date",
                _("Ngày khai mạc nằm ngoài nhiệm kỳ %(term)s.") % {"term": term},
            )
        return data


class AgendaItemForm(BaseModelForm):
    upload = forms.FileField(
        label=_("Tệp đính kèm"),
        required=False,
        help_text=_("PDF, Word hoặc ảnh; loại tệp được kiểm tra theo nội dung."),
    )

    class Meta:
        model = AgendaItem
        fields = [
            "order",
            "doc_type",
            "number_symbol",
            "doc_date",
            "title",
            "issuer",
            "reviewing_committee",
        ]

    def __init__(self, *args: Any, session: Session, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewing_committee"].queryset = session.term.committees.all()

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            validate_document(upload)
        return upload


class AttendanceForm(forms.Form):
    """One radio group per delegate of the term; the field name carries the delegate's id."""

    def __init__(
        self,
        *args: Any,
        rows: list[tuple[Delegate, str | None]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.rows = []
        for delegate, status in rows:
            name = f"d{delegate.pk}"
            self.fields[name] = forms.ChoiceField(
                label=delegate.full_name,
                choices=Attendance.Status.choices,
                initial=status or Attendance.Status.PRESENT,
                widget=forms.RadioSelect,
                error_messages={"required": _("Chọn tình trạng cho đại biểu này.")},
            )
            self.rows.append((delegate, name))

    def bound_rows(self):
        return [(delegate, self[name]) for delegate, name in self.rows]

    def statuses(self) -> dict[int, str]:
        return {delegate.pk: self.cleaned_data[name] for delegate, name in self.rows}
