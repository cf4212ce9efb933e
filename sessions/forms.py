from __future__ import annotations

from typing import Any

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import VERSION_FIELD, StaleRowsError
from core.forms import BaseModelForm
from core.uploads import validate_document
from council.models import Delegate
from sessions.models import AgendaItem, Attendance, Session, SessionDocument


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
            "question_registration_closes",
            "notes",
        ]
        widgets = {
            "question_registration_closes": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            )
        }

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
        self.instance.session = session
        self.fields["reviewing_committee"].queryset = session.term.committees.all()

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            validate_document(upload)
        return upload


class AttendanceForm(forms.Form):
    """One radio group per delegate of the term; the field name carries the delegate's id.
    The hidden version is that of the whole roll (selectors.session_attendance_version)."""

    def __init__(
        self,
        *args: Any,
        rows: list[tuple[Delegate, str | None]],
        version: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields[VERSION_FIELD] = forms.CharField(
            widget=forms.HiddenInput, required=False, initial=version
        )
        self.stored = {delegate.pk: status for delegate, status in rows}
        self.stale = False
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

    def show_stale(self, exc: StaleRowsError) -> None:
        """Nothing was saved: say why, mark the rows whose stored status differs from the
        user's choice, and carry the current version so that saving again, knowingly,
        overwrites them."""
        if self.cleaned_data.get(VERSION_FIELD):
            message = _(
                "Điểm danh của kỳ họp này vừa được người khác lưu nên thay đổi của bạn CHƯA "
                "được lưu. Các dòng có ghi «Đang lưu» khác với lựa chọn của bạn; hãy xem lại, "
                "nếu vẫn muốn ghi đè, bấm Lưu điểm danh lần nữa."
            )
        else:
            message = _(
                "Biểu mẫu điểm danh không cho biết bạn đã mở nó ở phiên bản nào (trang đã cũ "
                "hoặc không đầy đủ) nên thay đổi của bạn CHƯA được lưu. Các dòng có ghi «Đang "
                "lưu» khác với lựa chọn của bạn; hãy xem lại rồi bấm Lưu điểm danh lần nữa."
            )
        self.add_error(None, message)
        self.stale = True
        self.data = self.data.copy()
        self.data[self.add_prefix(VERSION_FIELD)] = exc.current_version

    def bound_rows(self) -> list[tuple[Delegate, forms.BoundField, str]]:
        """(delegate, radio group, what is stored now when the form was refused and it differs
        from the user's choice, else "")."""
        labels = dict(Attendance.Status.choices)
        result = []
        for delegate, name in self.rows:
            field, stored = self[name], self.stored.get(delegate.pk)
            differs = self.stale and stored is not None and stored != field.value()
            result.append((delegate, field, str(labels[stored]) if differs else ""))
        return result

    def statuses(self) -> dict[int, str]:
        return {delegate.pk: self.cleaned_data[name] for delegate, name in self.rows}


def _publish_field() -> forms.DateTimeField:
    return forms.DateTimeField(
        label=_("Công bố cho đại biểu lúc"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
        help_text=_("Để trống: chưa công bố. Một thời điểm sau này: hẹn giờ công bố."),
    )


class SessionDocumentForm(BaseModelForm):
    """A document of an agenda item: a new one carries its PDF, an edit changes the rest
    (a new file is a new version: SessionDocumentReplaceForm)."""

    upload = forms.FileField(
        label=_("Tệp PDF"), help_text=_("Chỉ nhận tệp PDF; loại tệp được kiểm tra theo nội dung.")
    )
    published_at = _publish_field()

    class Meta:
        model = SessionDocument
        fields = ["kind", "title", "order", "published_at", "is_public"]

    def __init__(self, *args: Any, agenda_item: AgendaItem | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if agenda_item is not None:
            self.instance.agenda_item = agenda_item
            self.instance.session_id = agenda_item.session_id
        if self.instance.pk is not None:
            del self.fields["upload"]


class SessionDocumentReplaceForm(forms.Form):
    upload = forms.FileField(
        label=_("Tệp PDF của phiên bản mới"),
        help_text=_("Phiên bản cũ được giữ lại và đánh dấu là đã bị thay thế."),
    )
    title = forms.CharField(
        label=_("Tên tài liệu"),
        max_length=500,
        required=False,
        help_text=_("Để trống: giữ tên cũ."),
    )
    published_at = _publish_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class DelegateNoteForm(forms.Form):
    """A delegate's private note; an empty text removes it."""

    text = forms.CharField(
        label=_("Ghi chú riêng của tôi"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
        help_text=_("Chỉ mình anh/chị xem được ghi chú này."),
    )
