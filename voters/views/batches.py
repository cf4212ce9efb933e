"""Công văn chuyển kiến nghị: the letters that forward petitions to the agencies answering
them."""

from __future__ import annotations

from typing import Any

from django.db.models import Case, When
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import roles
from core.forms import pk_or_none
from core.scoping import request_council
from core.views import RecordCreateView, RecordDetailView, RecordUpdateView
from documents.selectors import documents_of_source
from voters import filters, forms, selectors, services, tables
from voters.models import ForwardingBatch, VoterPetition
from voters.views.base import VotersListView, candidate_rows

SECTION = gettext_lazy("Công văn chuyển kiến nghị")


class _Section:
    model = ForwardingBatch
    section_title = SECTION
    list_url_name = "voters:forwardingbatch_list"


class ForwardingBatchListView(VotersListView):
    model = ForwardingBatch
    section_title = SECTION
    create_url_name = "voters:forwardingbatch_create"
    table_class = tables.ForwardingBatchTable
    filterset_class = filters.ForwardingBatchFilter

    def get_queryset(self):
        return selectors.batch_queryset(council=request_council(self.request))


class ForwardingBatchDetailView(_Section, RecordDetailView):
    template_name = "voters/forwardingbatch_detail.html"
    edit_url_name = "voters:forwardingbatch_update"
    detail_fields = ["term", "session", "recipient", "number", "date", "subject"]

    def get_queryset(self):
        return selectors.batch_queryset(council=request_council(self.request))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["petitions"] = selectors.petition_queryset(
            council=request_council(self.request)
        ).filter(batch=self.object)
        # The công văn generated from the batch and numbered in the register (issue 22): one
        # at a time, another once that one is cancelled.
        ctx["can_issue"] = roles.can_edit_records(self.request.user)
        ctx["issued_documents"] = list(documents_of_source(source=self.object))
        ctx["letter_issued"] = any(not d.is_cancelled for d in ctx["issued_documents"])
        return ctx


class ForwardingBatchCreateView(_Section, RecordCreateView):
    """A công văn and, ticked, the petitions awaiting forwarding that it carries: those of the
    chosen term and session (choosing them reloads the list with the form's values kept)."""

    form_class = forms.ForwardingBatchForm
    template_name = "voters/forwardingbatch_form.html"

    @cached_property
    def awaiting(self) -> Any:
        # Only the tables the checklist reads: the default ten cost the planner more than the
        # rows (A 133 -> 75 ms median, docs/performance.md).
        return selectors.petitions_awaiting_forwarding(
            council=request_council(self.request), related=("session", "responsible_org")
        )

    @cached_property
    def petition(self) -> VoterPetition | None:
        """The petition whose page opened this one (?petition=), if it awaits forwarding."""
        petition_id = pk_or_none(self.request.GET.get("petition"))
        return self.awaiting.filter(pk=petition_id).first() if petition_id else None

    def get_initial(self) -> dict[str, Any]:
        fields = ("term", "session", "recipient", "number", "date", "subject")
        initial = super().get_initial()
        initial.update({k: v for k, v in self.request.GET.items() if k in fields and v})
        # From a petition's page: that petition ticked, among the others of its term and
        # session, and the letter addressed to the agency that answers it.
        if (petition := self.petition) is not None:
            initial.setdefault("term", petition.term_id)
            if petition.session_id:
                initial.setdefault("session", petition.session_id)
            if petition.responsible_org_id:
                initial.setdefault("recipient", petition.responsible_org_id)
            initial["petitions"] = [str(petition.pk)]
        return initial

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "petitions": self.awaiting}

    def save_object(self, form) -> ForwardingBatch:
        data = form.cleaned_data
        return services.forwarding_batch_create(
            term=data["term"],
            session=data["session"],
            recipient=data["recipient"],
            number=data["number"],
            date=data["date"],
            subject=data["subject"],
            petitions=list(data["petitions"]),
            user=self.request.user,
        )

    def success_message(self, form) -> str:
        return _("Đã chuyển %(n)s kiến nghị theo %(b)s.") % {
            "n": len(form.cleaned_data["petitions"]),
            "b": self.object,
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # Every petition awaiting forwarding until a term or session is chosen (the form's
        # default term alone does not narrow the list: older terms' petitions may still wait).
        # The petition the page was opened for comes first, so the cap on rows never hides it.
        chosen = self.request.POST if self.request.method == "POST" else self.get_initial()
        order: list[Any] = ["session_id", "received_date", "pk"]
        if self.petition is not None:
            order.insert(0, Case(When(pk=self.petition.pk, then=0), default=1))
        shown = self.awaiting.order_by(*order)
        if term_id := pk_or_none(chosen.get("term")):
            shown = shown.filter(term_id=term_id)
        if session_id := pk_or_none(chosen.get("session")):
            shown = shown.filter(session_id=session_id)
        return {**super().get_context_data(**kwargs), **candidate_rows(shown)}


class ForwardingBatchUpdateView(_Section, RecordUpdateView):
    form_class = forms.ForwardingBatchEditForm

    def save_object(self, form) -> ForwardingBatch:
        """Its date keeps the rules of forwarding (services.forwarding_batch_update)."""
        return services.forwarding_batch_update(batch=form.instance, user=self.request.user)
