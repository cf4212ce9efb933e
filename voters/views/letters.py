"""Đơn thư: citizens' letters. Their senders are personal data (Letter.PERSONAL_FIELDS); a
denunciator's is a secret that voters.casework.identity alone decides who reads."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy

from accounts.security import PersonalDataPageMixin, personal_data_response
from core import roles
from core.permissions import require_viewer
from core.scoping import request_council
from core.views import RecordCreateView, RecordDeleteView, RecordDetailView, RecordUpdateView
from voters import exports, filters, forms, selectors, services, tables
from voters.casework import identity
from voters.models import Letter
from voters.views.base import (
    PersonalDataTableMixin,
    VotersListView,
    export_response,
    filtered,
)

SECTION = gettext_lazy("Đơn thư")


class _Section:
    model = Letter
    section_title = SECTION
    list_url_name = "voters:letter_list"


class LetterListView(PersonalDataPageMixin, PersonalDataTableMixin, VotersListView):
    model = Letter
    section_title = SECTION
    create_url_name = "voters:letter_create"
    table_class = tables.LetterTable
    filterset_class = filters.LetterFilter
    export_url_name = "voters:letter_export"
    personal_fields = Letter.PERSONAL_FIELDS

    def get_queryset(self):
        # The case says whether a sender is a denunciator (identity.is_secret), row by row.
        return selectors.letter_queryset(council=request_council(self.request)).select_related(
            "case"
        )


class IdentityDetailMixin:
    """The identity's rows of a detail page as identity.identity_shown says: the values (a
    denunciator's logged as viewed), the mask, or no rows at all."""

    request: HttpRequest
    object: Any
    model: Any

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)  # type: ignore[misc]
        shown = identity.identity_shown(self.object, user=self.request.user)
        label_of = {
            str(self.model._meta.get_field(name).verbose_name): name
            for name in identity.identity_fields(self.model)
        }
        rows = []
        for label, value in ctx["rows"]:
            name = label_of.get(label)
            if name is None:
                rows.append((label, value))
            elif shown is not None:
                rows.append((label, shown[name]))
        ctx["rows"] = rows
        ctx["personal_hidden"] = shown is None
        return ctx


class LetterDetailView(PersonalDataPageMixin, IdentityDetailMixin, _Section, RecordDetailView):
    template_name = "voters/letter_detail.html"  # its case's link, its processing
    edit_url_name = "voters:letter_update"
    delete_url_name = "voters:letter_delete"
    personal_fields = Letter.PERSONAL_FIELDS
    detail_fields = [
        "case",
        "term",
        "received_date",
        "channel",
        "kind",
        "summary",
        "classification",
        "eligible",
        "ineligible_reason",
        "handling",
        "processing_due",
        "processed_date",
        "forwarded_to",
        "forwarded_date",
        "answer_due",
        "result",
        *Letter.PERSONAL_FIELDS,
        "consent_note",
    ]

    def get_queryset(self):
        return selectors.letter_queryset(council=request_council(self.request)).select_related(
            "case"
        )


class _LetterWrite(PersonalDataPageMixin, _Section):
    form_class = forms.LetterForm

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        letter = getattr(self, "object", None)
        if letter is not None:
            # Someone who may not read a denunciator's identity edits the letter without it;
            # the handler's opening of the form is logged as an edit of the identity.
            identity.identity_form_restrict(form, user=self.request.user, record=letter)
        return form

    def save_object(self, form) -> Letter:
        """The search text (without personal data)."""
        return services.letter_save(letter=form.instance, user=self.request.user)


class LetterCreateView(_LetterWrite, RecordCreateView):
    pass


class LetterUpdateView(_LetterWrite, RecordUpdateView):
    pass


class LetterDeleteView(_Section, RecordDeleteView):
    pass


def letter_export(request: HttpRequest) -> HttpResponse:
    """The personal-data columns are omitted entirely for those who may not see them; a
    denunciator's cells are masked for everyone (exports.LETTER_PERSONAL_COLUMNS)."""
    require_viewer(request)
    personal = roles.can_view_personal_data(request.user)
    letters = selectors.letter_queryset(council=request_council(request)).select_related("case")
    qs = filtered(request, filters.LetterFilter, letters)
    columns = exports.LETTER_COLUMNS
    if personal:
        columns += exports.LETTER_PERSONAL_COLUMNS
    response = export_response("don-thu", columns, qs)
    return personal_data_response(request, response, shown=personal)
