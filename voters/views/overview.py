"""The voters hub and the petitions summed up by session."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.filters import scope_choices
from core.permissions import require_viewer
from core.scoping import request_council
from council.selectors import term_for_date
from voters import forms, selectors


def index(request: HttpRequest) -> HttpResponse:
    require_viewer(request)
    council = request_council(request)
    awaiting, overdue = selectors.petition_queue_counts(council=council) if council else (0, 0)
    return render(
        request,
        "voters/index.html",
        {
            "section_title": gettext_lazy("Cử tri, đơn thư"),
            "awaiting": awaiting,
            "overdue": overdue,
            "deadline_days": selectors.ANSWER_DEADLINE_DAYS,
        },
    )


def petition_by_session(request: HttpRequest) -> HttpResponse:
    require_viewer(request)
    council = request_council(request)
    current_term = None
    if "term" in request.GET:  # chosen, blank for every term
        term_form = forms.TermChoiceForm(request.GET)
        scope_choices(term_form, request)
        term = term_form.cleaned_data.get("term") if term_form.is_valid() else None
    else:  # one term (tens of sessions, not the whole history): the latest with petitions
        term = selectors.petition_summary_default_term(council=council) if council else None
        current_term = term_for_date(council=council, day=timezone.localdate()) if council else None
        term_form = forms.TermChoiceForm(initial={"term": term})
        scope_choices(term_form, request)
    rows = selectors.petition_summary_by_session(council=council, term=term) if council else []
    return render(
        request,
        "voters/petition_by_session.html",
        {
            "section_title": gettext_lazy("Kiến nghị theo kỳ họp"),
            "rows": rows,
            "term_form": term_form,
            "term": term,
            # Said when the page opens on an earlier term than the one in force.
            "empty_current_term": current_term if current_term != term else None,
        },
    )
