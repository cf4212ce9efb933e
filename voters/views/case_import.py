"""Đơn thư from an office's existing register in Excel: upload, every row checked and
previewed, then confirmed (voters.casework.imports; the steps of the petition import)."""

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

from accounts.security import personal_data_response
from core.exports import XLSX_TYPE
from core.permissions import require_editor
from core.scoping import request_council
from core.spreadsheets import stash_upload, stashed_path
from voters.casework import imports
from voters.forms import CaseImportForm

logger = logging.getLogger(__name__)

SECTION = gettext_lazy("Nhập sổ theo dõi đơn thư từ Excel")


def case_import_template(request: HttpRequest) -> HttpResponse:
    require_editor(request)
    response = HttpResponse(imports.template_workbook(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-so-theo-doi-don.xlsx"'
    return response


def _context(**extra: Any) -> dict[str, Any]:
    return {
        "section_title": SECTION,
        "list_url": reverse("voters:letter_list"),
        "columns": imports.COLUMNS,
        **extra,
    }


def _page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    # The preview shows senders' names: never cached, and in the security log.
    response = render(request, template, _context(**context))
    return personal_data_response(request, response, shown="result" in context)


def case_import(request: HttpRequest) -> HttpResponse:
    """Upload → every row validated → preview (nothing saved yet). Rows go to the council the
    login works in (core.scoping)."""
    require_editor(request)
    form = CaseImportForm(request.POST or None, request.FILES or None)
    council = request_council(request)
    if request.method == "POST" and form.is_valid() and council is not None:
        token = stash_upload(form.cleaned_data["file"])
        path = stashed_path(token)
        result = imports.parse_workbook(path=path, council=council)
        if result.refusal or result.errors:
            path.unlink(missing_ok=True)
            if result.refusal:
                form.add_error("file", result.refusal)
            return _page(
                request, "voters/case_import.html", {"form": form, "errors": result.errors}
            )
        return _page(
            request,
            "voters/case_import_preview.html",
            {"result": result, "token": token, "council": council},
        )
    return _page(request, "voters/case_import.html", {"form": form})


def _turned_away(request: HttpRequest, *, path: Path, result: imports.ImportResult) -> HttpResponse:
    """A stashed file that no longer passes the checks at confirmation: deleted, and why."""
    path.unlink(missing_ok=True)
    if result.refusal:
        messages.error(request, result.refusal)
        return redirect("voters:case_import")
    return _page(
        request, "voters/case_import.html", {"form": CaseImportForm(), "errors": result.errors}
    )


@require_POST
def case_import_confirm(request: HttpRequest) -> HttpResponse:
    """Validate the stashed file again (nothing from the browser is trusted but the uuid) and
    create every new letter in one transaction; if the write fails part-way, nothing of the
    file is saved and the preview comes back to confirm again."""
    require_editor(request)
    path = stashed_path(request.POST.get("token", ""))
    council = request_council(request)
    if path is None or council is None:
        messages.error(request, _("Tệp tải lên không còn; hãy tải lên lại."))
        return redirect("voters:case_import")
    result = imports.parse_workbook(path=path, council=council)
    if result.refusal or result.errors:
        return _turned_away(request, path=path, result=result)
    try:
        created = imports.letters_import(rows=result.rows, user=request.user)
    except (ValidationError, DatabaseError):
        # The rows passed the check just above, so the data changed meanwhile (another import
        # of the same rows committed first, a lock given up): letters_import rolled back.
        logger.warning("Letter import of %s rolled back", path.name, exc_info=True)
        messages.error(
            request,
            _(
                "Không nhập được: dữ liệu đã thay đổi trong lúc xem trước. Không có dòng nào được ghi."
            ),
        )
        result = imports.parse_workbook(path=path, council=council)
        if result.refusal or result.errors:
            return _turned_away(request, path=path, result=result)
        return _page(
            request,
            "voters/case_import_preview.html",
            {"result": result, "token": path.stem, "council": council},
        )
    path.unlink(missing_ok=True)
    cases = len({letter.case_id for letter in created})
    messages.success(
        request,
        _("Đã nhập %(n)s đơn thư thuộc %(c)s vụ việc; bỏ qua %(s)s dòng trùng.")
        % {"n": len(created), "c": cases, "s": len(result.skipped_rows)},
    )
    return redirect("voters:letter_list")
