"""Forms of the voters app: validation and layout only; writes go through voters.services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core import uploads as files
from core.forms import (
    BaseModelForm,
    SafeModelChoiceField,
    SafeModelMultipleChoiceField,
    VnDateField,
    pk_or_none,
)
from council.forms import current_term_initial, follow, form_term_id, narrow_to_term
from council.models import AdministrativeUnit, Organization, Term
from voters.models import (
    CitizenReception,
    ForwardingBatch,
    Letter,
    PetitionField,
    VoterMeeting,
    VoterPetition,
)


class PetitionFieldForm(BaseModelForm):
    class Meta:
        model = PetitionField
        fields = ["name", "code", "order", "valid_from", "valid_to"]


class VoterMeetingForm(BaseModelForm):
    class Meta:
        model = VoterMeeting
        fields = [
            "term",
            "timing",
            "session",
            "topic",
            "date",
            "location_unit",
            "venue",
            "delegate_group",
            "delegates",
            "co_organizer",
            "voters_attended",
            "minutes",
            "notes",
        ]
        widgets = {"delegates": forms.SelectMultiple(attrs={"size": 8})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current_term_initial(self)
        self.fields["location_unit"].queryset = AdministrativeUnit.objects.filter(
            level=AdministrativeUnit.Level.COMMUNE
        ).select_related("parent")
        self.fields["session"].queryset = self.fields["session"].queryset.select_related("term")
        self.fields["delegates"].queryset = self.fields["delegates"].queryset.select_related("term")
        narrow_to_term(self, form_term_id(self), "session", "delegates")
        self.fields["co_organizer"].queryset = Organization.objects.filter(is_active=True)
        self.fields["minutes"].help_text = _(
            "PDF, Word hoặc ảnh chụp; hệ thống kiểm tra nội dung tệp."
        )

    def clean_minutes(self) -> Any:
        upload = self.cleaned_data.get("minutes")
        # Only a newly uploaded file has a content type; an existing one was checked before.
        if upload and hasattr(upload, "content_type"):
            files.validate_upload(upload, kinds=files.MINUTES_KINDS)
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        term, delegates = data.get("term"), data.get("delegates")
        if term and delegates and any(d.term_id != term.pk for d in delegates):
            self.add_error("delegates", _("Có đại biểu không thuộc nhiệm kỳ đã chọn."))
        return data


class VoterPetitionForm(BaseModelForm):
    class Meta:
        model = VoterPetition
        fields = [
            "term",
            "session",
            "meeting",
            "received_date",
            "content",
            "instances",
            "field",
            "level",
            "responsible_org",
            "committee",
            "repeat_of",
        ]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 4}),
            "repeat_of": forms.NumberInput(),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current_term_initial(self)
        # Sessions, meetings and Ban of the petition's term only: a province holds hundreds of
        # meetings a term, and a petition never belongs to another term's.
        self.fields["session"].queryset = self.fields["session"].queryset.select_related("term")
        self.fields["meeting"].queryset = VoterMeeting.objects.select_related(
            "location_unit"
        ).order_by("-date")
        self.fields["committee"].queryset = self.fields["committee"].queryset.select_related("term")
        term_id = form_term_id(self)
        narrow_to_term(self, term_id, "session", "committee")
        self._narrow_meetings(term_id)
        # The earlier petition is entered by its number (#id shown on each petition): a
        # drop-down of every petition ever received would be unusable.
        self.fields["repeat_of"].help_text = _(
            "Số hiệu (#) của kiến nghị cũ, nếu cử tri nêu lại kiến nghị của kỳ họp trước."
        )
        self.fields["repeat_of"].error_messages["invalid_choice"] = _(
            "Không có kiến nghị mang số hiệu này."
        )

    def _session_id(self) -> int | None:
        """The session chosen: submitted, else asked for (?session=, when the user changes it),
        else the petition's own."""
        if self.is_bound:
            return pk_or_none(self.data.get(self.add_prefix("session")))
        if "session" in self.initial:
            return pk_or_none(self.initial["session"])
        return self.instance.session_id

    def _narrow_meetings(self, term_id: int | None) -> None:
        """The meetings of the chosen session (none chosen: the term's meetings held for no
        session), where the term holds hundreds (564 in the current term of bench database B:
        the page's p95 was 166 ms); the petition's own meeting stays offered when it is edited.
        The drop-down follows the session, which follows the term (static/js/app.js asks the
        page again with both). A submitted meeting is looked up among the term's: one of
        another session gets the error of clean(), not "not a valid choice"."""
        field = self.fields["meeting"]
        meetings = field.queryset if term_id is None else field.queryset.filter(term_id=term_id)
        session_id = self._session_id()
        offered = Q(session_id=session_id) if session_id else Q(session__isnull=True)
        if self.instance.meeting_id:
            offered |= Q(pk=self.instance.meeting_id)
        self._session_meetings = meetings.filter(offered)
        field.queryset = meetings if self.is_bound else self._session_meetings
        field.help_text = _("Theo kỳ họp đã chọn: chọn kỳ họp khác thì danh sách đổi theo.")
        follow(self, "session", "meeting")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        meeting, session = data.get("meeting"), data.get("session")
        if meeting is not None and meeting.session_id != (session.pk if session else None):
            changed = {"meeting", "session"} & set(self.changed_data)
            # A petition saved before this rule keeps its meeting until either is changed.
            if changed or not self.instance.pk:
                self.add_error(
                    "meeting",
                    _("Cuộc tiếp xúc cử tri này không thuộc kỳ họp đã chọn: chọn kỳ họp của "
                      "cuộc tiếp xúc, hoặc một cuộc tiếp xúc của kỳ họp này."),
                )  # fmt: skip
        # Shown again (with errors), the drop-down offers the chosen session's meetings only.
        self.fields["meeting"].queryset = self._session_meetings
        return data

    def clean_repeat_of(self) -> VoterPetition | None:
        earlier = self.cleaned_data.get("repeat_of")
        if earlier is not None and self.instance.pk and earlier.pk == self.instance.pk:
            raise ValidationError(_("Kiến nghị không thể là kiến nghị lại của chính nó."))
        return earlier


class PetitionChecklist:
    """A form with the checklist of petitions awaiting forwarding (voters/_petition_checkboxes
    .html), which reads their statuses' labels here, translated once per page:
    get_status_display() translates all eleven labels at each call (200 rows: 10-20 ms)."""

    @property
    def status_labels(self) -> list[tuple[str, str]]:
        return [(status.value, str(status.label)) for status in VoterPetition.AWAITING_FORWARDING]


class ForwardingBatchForm(PetitionChecklist, BaseModelForm):
    """A công văn and the petitions it forwards (chosen among those awaiting forwarding)."""

    petitions = SafeModelMultipleChoiceField(
        label=_("Các kiến nghị chuyển theo công văn"),
        queryset=VoterPetition.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Chọn ít nhất một kiến nghị để chuyển.")},
    )

    class Meta:
        model = ForwardingBatch
        fields = ["term", "session", "recipient", "number", "date", "subject"]

    def __init__(self, *args: Any, petitions: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current_term_initial(self)
        sessions = self.fields["session"].queryset.select_related("term")
        # The letter's term's sessions only (choosing another term reloads the page): every
        # session of two decades is hundreds of options to write.
        if term_id := form_term_id(self):
            sessions = sessions.filter(term_id=term_id)
        self.fields["session"].queryset = sessions
        if petitions is not None:
            self.fields["petitions"].queryset = petitions
        if self.instance.pk:
            del self.fields["petitions"]


class ForwardingBatchEditForm(BaseModelForm):
    class Meta:
        model = ForwardingBatch
        fields = ["number", "date", "subject"]


class PetitionAnswerForm(forms.Form):
    answer_number = forms.CharField(label=_("Số văn bản trả lời"), max_length=60)
    answer_date = VnDateField(label=_("Ngày trả lời"), error_messages={"required": _("Ghi ngày.")})
    outcome = forms.ChoiceField(
        label=_("Kết quả giải quyết"),
        choices=[("", _("— chưa đánh giá —"))]
        + [(c, VoterPetition.Status(c).label) for c in VoterPetition.OUTCOMES],
        required=False,
    )
    answer_summary = forms.CharField(
        label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class PetitionOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Kết quả giải quyết"),
        choices=[(c, VoterPetition.Status(c).label) for c in VoterPetition.OUTCOMES],
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)


class ConsolidateForm(PetitionChecklist, forms.Form):
    petitions = SafeModelMultipleChoiceField(
        label=_("Các kiến nghị trùng nội dung"),
        queryset=VoterPetition.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Chọn các kiến nghị cần gộp.")},
    )
    content = forms.CharField(
        label=_("Nội dung kiến nghị tổng hợp"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Bỏ trống để dùng nội dung của kiến nghị đầu tiên."),
    )

    def __init__(self, *args: Any, petitions: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if petitions is not None:
            self.fields["petitions"].queryset = petitions


class LetterForm(BaseModelForm):
    class Meta:
        model = Letter
        fields = [
            "term",
            "received_date",
            "channel",
            "kind",
            "summary",
            "classification",
            "eligible",
            "ineligible_reason",
            "handling",
            "processed_date",
            "forwarded_to",
            "forwarded_date",
            "result",
            "sender_name",
            "sender_address",
            "sender_phone",
            "sender_id_number",
            "consent_note",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "result": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current_term_initial(self)


class CitizenReceptionForm(BaseModelForm):
    class Meta:
        model = CitizenReception
        fields = [
            "term",
            "date",
            "host",
            "host_delegate",
            "kind",
            "location",
            "persons",
            "cases",
            "group_cases",
            "summary",
            "visitors",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "visitors": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current_term_initial(self)


class PetitionImportForm(forms.Form):
    term = SafeModelChoiceField(label=_("Nhiệm kỳ"), queryset=Term.objects.all(), empty_label=None)
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx) theo mẫu"),
        error_messages={"required": _("Chọn tệp Excel cần nhập.")},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        files.validate_upload(upload, kinds=files.XLSX_KINDS)
        return upload


class TermChoiceForm(forms.Form):
    """A summary's term; blank is every term."""

    term = SafeModelChoiceField(
        label=_("Nhiệm kỳ"),
        queryset=Term.objects.all(),
        required=False,
        empty_label=_("Tất cả các nhiệm kỳ"),
    )


class PersonDataSearchForm(forms.Form):
    """A person's data on request (voters.casework.personal_data): a name, an ID number or
    both."""

    name = forms.CharField(label=_("Họ tên"), max_length=150, required=False)
    id_number = forms.CharField(label=_("Số CCCD/CMND"), max_length=20, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not (data.get("name", "").strip() or data.get("id_number", "").strip()):
            raise ValidationError(_("Nhập họ tên hoặc số CCCD/CMND của người yêu cầu."))
        return data


class CaseImportForm(forms.Form):
    """The register of letters from Excel (voters.casework.imports): rows go to the terms of
    the uploading login's council by their dates, so there is no term to choose."""

    file = forms.FileField(
        label=_("Tệp Excel (.xlsx) theo mẫu"),
        error_messages={"required": _("Chọn tệp Excel cần nhập.")},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        files.validate_upload(upload, kinds=files.XLSX_KINDS)
        return upload
