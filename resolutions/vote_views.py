"""A resolution's vote per delegate: the secretariat's form listing the term's delegates, and
the import of the voting system's export (upload, every row checked and previewed, confirmed)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.permissions import require_editor
from core.scoping import council_object_or_404
from core.spreadsheets import stash_upload, stashed_path
from council.models import Delegate
from resolutions import services, vote_imports
from resolutions.models import DelegateVote, Resolution

SECTION = gettext_lazy("Nghị quyết")
NOT_RECORDED = ""


class DelegateVotesForm(forms.Form):
    """One choice per delegate of the term, named by the delegate's id."""

    def __init__(self, *args: Any, delegates: list[Delegate], initial_votes: dict[int, str], **kw):
        super().__init__(*args, **kw)
        choices = [(NOT_RECORDED, _("— chưa ghi —")), *DelegateVote.Choice.choices]
        self.rows = []
        for d in delegates:
            name = f"d{d.pk}"
            self.fields[name] = forms.ChoiceField(
                label=d.full_name,
                choices=choices,
                required=False,
                initial=initial_votes.get(d.pk, NOT_RECORDED),
            )
            self.rows.append((d, name))

    def votes(self) -> dict[int, str]:
        return {
            d.pk: self.cleaned_data[name]
            for d, name in self.rows
            if self.cleaned_data[name] != NOT_RECORDED
        }

    def bound_rows(self) -> list[tuple[Delegate, forms.BoundField]]:
        return [(d, self[name]) for d, name in self.rows]


class VoteImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp kết quả biểu quyết (CSV hoặc Excel .xlsx)"),
        error_messages={"required": _("Chọn tệp để tải lên.")},
    )


def _resolution(request: HttpRequest, pk: int) -> Resolution:
    require_editor(request)
    return council_object_or_404(
        request, Resolution.objects.select_related("council", "term"), pk=pk
    )


def _context(resolution: Resolution, **extra: Any) -> dict[str, Any]:
    return {
        "object": resolution,
        "section_title": SECTION,
        "list_url": reverse("resolutions:resolution_list"),
        **extra,
    }


def _error_messages(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


def delegate_votes(request: HttpRequest, pk: int) -> HttpResponse:
    """The term's delegates (those still holding a seat, and those who voted) with a choice
    each; saving sets the resolution's totals from the rows."""
    resolution = _resolution(request, pk)
    existing = dict(
        DelegateVote.objects.filter(resolution=resolution).values_list("delegate_id", "choice")
    )
    delegates = [
        d
        for d in Delegate.objects.filter(term=resolution.term).order_by("full_name", "pk")
        if d.status == Delegate.Status.ACTIVE or d.pk in existing
    ]
    form = DelegateVotesForm(request.POST or None, delegates=delegates, initial_votes=existing)
    if request.method == "POST" and form.is_valid():
        try:
            services.delegate_votes_save(
                resolution=resolution, votes=form.votes(), user=request.user
            )
        except ValidationError as exc:
            for message in _error_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(request, _("Đã lưu biểu quyết của từng đại biểu."))
            return HttpResponseRedirect(resolution.get_absolute_url())
    return render(
        request,
        "resolutions/delegate_votes.html",
        _context(resolution, form=form, heading=_("Biểu quyết của từng đại biểu")),
    )


def delegate_votes_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload → every row checked → preview (nothing saved yet)."""
    resolution = _resolution(request, pk)
    form = VoteImportForm(request.POST or None, request.FILES or None)
    heading = _("Nhập biểu quyết từ hệ thống biểu quyết")
    if request.method == "POST" and form.is_valid():
        token = stash_upload(form.cleaned_data["file"])
        path = stashed_path(token)
        result = vote_imports.parse_votes(path=path, term=resolution.term)
        if result.refusal or result.errors:
            path.unlink(missing_ok=True)
            if result.refusal:
                form.add_error("file", result.refusal)
            return render(
                request,
                "resolutions/delegate_votes_import.html",
                _context(resolution, form=form, errors=result.errors, heading=heading),
            )
        return render(
            request,
            "resolutions/delegate_votes_import.html",
            _context(resolution, result=result, token=token, heading=heading),
        )
    return render(
        request,
        "resolutions/delegate_votes_import.html",
        _context(resolution, form=form, heading=heading),
    )


@require_POST
def delegate_votes_import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Check the stashed file again (the browser sends back only its uuid) and save every row
    in one transaction, or none."""
    resolution = _resolution(request, pk)
    path = stashed_path(request.POST.get("token", ""))
    again = reverse("resolutions:delegate_votes_import", args=[resolution.pk])
    if path is None:
        messages.error(request, _("Tệp tải lên không còn; hãy tải lên lại."))
        return redirect(again)
    result = vote_imports.parse_votes(path=path, term=resolution.term)
    if result.refusal or result.errors:
        path.unlink(missing_ok=True)
        messages.error(request, _("Tệp không còn hợp lệ; hãy tải lên lại."))
        return redirect(again)
    try:
        services.delegate_votes_import(
            resolution=resolution, votes=result.all_votes, user=request.user
        )
    except ValidationError as exc:
        path.unlink(missing_ok=True)
        for message in _error_messages(exc):
            messages.error(request, message)
        messages.error(request, _("Không có biểu quyết nào được ghi."))
        return redirect(again)
    path.unlink(missing_ok=True)
    messages.success(
        request,
        _("Đã nhập biểu quyết của %(n)s đại biểu.") % {"n": len(result.all_votes)},
    )
    return HttpResponseRedirect(resolution.get_absolute_url())
