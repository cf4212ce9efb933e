"""Form building blocks for every app: dd/mm/yyyy dates, crispy layout, Vietnamese messages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import BaseModelForm, pk_or_none
from council import models as m
from council.selectors import council_get_current, term_with_records


def form_term_id(form: forms.BaseForm) -> int | None:
    """The term a record form is about: what was submitted, else the one the page was asked
    for (?term=, when the user changes the term: follow()), the record's, or the default.
    Drop-downs of a term's sessions, meetings, Ban and delegates follow it."""
    if form.is_bound:
        value = form.data.get(form.add_prefix("term"))
    else:
        value = form.initial.get("term") or getattr(form.instance, "term_id", None)
    return pk_or_none(value)


def current_term_initial(form: forms.ModelForm) -> None:
    """New records default to the term this kind of record is being entered for: the term in
    force today once it has such records, else the latest term that has some
    (council.selectors.term_with_records). A new term, or data entered after the fact, would
    otherwise open on a term whose sessions and meetings drop-downs are empty."""
    if form.instance.pk or "term" not in form.fields or form.initial.get("term"):
        return
    council = council_get_current()
    if council is None:
        return
    model = form._meta.model
    term = term_with_records(council=council, records=model._default_manager.all())
    if term is not None:
        form.initial["term"] = term.pk


TERM_HELP = _("Theo nhiệm kỳ đã chọn: chọn nhiệm kỳ khác thì danh sách đổi theo.")


def follow(form: forms.BaseForm, leader: str, *names: str) -> None:
    """The named drop-downs follow the `leader` field: when the user changes it, the page asks
    for itself again with ?<leader>=<value> (static/js/app.js) and takes these drop-downs'
    options from the answer. The form view reads that parameter as the leader's initial value
    (core.views.FOLLOWED_FIELDS)."""
    for name in names:
        form.fields[name].widget.attrs["data-follows"] = form.add_prefix(leader)


def narrow_to_term(form: forms.BaseForm, term_id: int | None, *names: str) -> None:
    """The named drop-downs offer the records of the form's term only (form_term_id), say so,
    and follow the term field; with no term, they keep every option."""
    if term_id is None:
        return
    for name in names:
        field = form.fields[name]
        field.queryset = field.queryset.filter(term_id=term_id)
        field.help_text = TERM_HELP
    follow(form, "term", *names)


class TermForm(BaseModelForm):
    class Meta:
        model = m.Term
        fields = ["council", "ordinal", "roman", "start_date", "end_date"]

    def clean_roman(self) -> str:
        roman = self.cleaned_data["roman"].strip().upper()
        if not roman or any(ch not in "IVXLCDM" for ch in roman):
            raise forms.ValidationError(_("Khóa phải viết bằng số La Mã, ví dụ XVI."))
        return roman
