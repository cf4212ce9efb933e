"""Kiến nghị from an Excel file: upload, every row checked and previewed, then confirmed."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.exports import XLSX_TYPE
from core.filters import scope_choices
from core.permissions import require_editor, require_viewer
from core.spreadsheets import stash_upload, stashed_path
from voters import forms, imports, services

logger = logging.getLogger(__name__)

SECTION = gettext_lazy("Nhập kiến nghị từ Excel")


def petition_import_template(request: HttpRequest) -> HttpResponse:
    require_viewer(request)
    response = HttpResponse(imports.template_workbook(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-kien-nghi-cu-tri.xlsx"'
    return response


def _import_context(**extra: Any) -> dict[str, Any]:
    return {
        "section_title": SECTION,
        "list_url": reverse("voters:voterpetition_list"),
        "columns": imports.COLUMNS,
        **extra,
    }


def petition_import(request: HttpRequest) -> HttpResponse:
    """Upload → every row validated → preview (nothing saved yet)."""
    require_editor(request)
    form = forms.PetitionImportForm(request.POST or None, request.FILES or None)
    scope_choices(form, request)
    if request.method == "POST" and form.is_valid():
        term = form.cleaned_data["term"]
        token = stash_upload(form.cleaned_data["file"])
        path = stashed_path(token)
        result = imports.parse_workbook(path=path, term=term)
        if result.refusal or result.errors:
            path.unlink(missing_ok=True)
            if result.refusal:
                form.add_error("file", result.refusal)
            return render(
                request,
                "voters/petition_import.html",
                _import_context(form=form, errors=result.errors),
            )
        return render(
            request,
            "voters/petition_import_preview.html",
            _import_context(result=result, token=token, term=term),
        )
    return render(request, "voters/petition_import.html", _import_context(form=form))


def _import_turned_away(
    request: HttpRequest, *, path: Path, result: imports.ImportResult
) -> HttpResponse:
    """A stashed file that no longer passes the checks at confirmation: deleted, and why."""
    path.unlink(missing_ok=True)
    if result.refusal:  # rare: it passed at upload, so the stashed file has changed
        messages.error(request, result.refusal)
        return redirect("voters:petition_import")
    form = forms.PetitionImportForm()
    scope_choices(form, request)
    return render(
        request, "voters/petition_import.html", _import_context(form=form, errors=result.errors)
    )


@require_POST
def petition_import_confirm(request: HttpRequest) -> HttpResponse:
    """Validate the stashed file again (nothing from the browser is trusted but the uuid) and
    create every new row in one transaction. If the write fails part-way, nothing of the file
    is saved and the preview comes back, checked again, to confirm again."""
    require_editor(request)
    path = stashed_path(request.POST.get("token", ""))
    form = forms.PetitionImportForm(request.POST)
    scope_choices(form, request)
    term_field = form.fields["term"]
    try:
        term = term_field.clean(request.POST.get("term"))
    except ValidationError:
        term = None
    if path is None or term is None:
        messages.error(request, _("Tệp tải lên không còn; hãy tải lên lại."))
        return redirect("voters:petition_import")
    result = imports.parse_workbook(path=path, term=term)
    if result.refusal or result.errors:
        return _import_turned_away(request, path=path, result=result)
    try:
        created = services.petitions_import(term=term, rows=result.rows, user=request.user)
    except (ValidationError, DatabaseError):
        # The rows passed the check just above, so the data changed meanwhile: another user's
        # import of the same rows committed first (the unique import key), or the database gave
        # up on a lock. petitions_import is one transaction: the rows it wrote are rolled back.
        logger.warning("Import of %s rolled back", path.name, exc_info=True)
        messages.error(
            request,
            _(
                "Không nhập được: dữ liệu đã thay đổi trong lúc xem trước. Không có dòng nào được ghi."
            ),
        )
        # The file stays stashed: its preview against the data as it is now, to confirm again.
        result = imports.parse_workbook(path=path, term=term)
        if result.refusal or result.errors:
            return _import_turned_away(request, path=path, result=result)
        return render(
            request,
            "voters/petition_import_preview.html",
            _import_context(result=result, token=path.stem, term=term),
        )
    path.unlink(missing_ok=True)
    messages.success(
        request,
        _("Đã nhập %(n)s kiến nghị; bỏ qua %(s)s dòng trùng.")
        % {"n": len(created), "s": len(result.skipped_rows)},
    )
    return redirect(reverse("voters:voterpetition_list") + f"?term={term.pk}")
