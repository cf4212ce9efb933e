"""Dữ liệu cá nhân theo yêu cầu: a person's letters and visits, found and handed over
(voters.casework.personal_data). Only staff who read personal data; never cached; each page
that shows an identity and each file in the security log."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy

from accounts.security import personal_data_response
from core import roles
from core.exports import xlsx_response
from core.scoping import request_council
from voters.casework import personal_data
from voters.casework.retention import anonymisation_runs
from voters.forms import PersonDataSearchForm

SECTION = gettext_lazy("Dữ liệu cá nhân theo yêu cầu")


def _require_personal_data(request: HttpRequest) -> None:
    if not roles.can_view_personal_data(request.user):
        raise PermissionDenied


def _searched(request: HttpRequest) -> tuple[PersonDataSearchForm, personal_data.PersonData]:
    form = PersonDataSearchForm(request.GET or None)
    query = personal_data.PersonQuery()
    if form.is_valid():
        query = personal_data.PersonQuery(
            name=form.cleaned_data["name"].strip(), id_number=form.cleaned_data["id_number"].strip()
        )
    data = personal_data.person_data(
        council=request_council(request), user=request.user, query=query
    )
    return form, data


def person_data_search(request: HttpRequest) -> HttpResponse:
    _require_personal_data(request)
    form, data = _searched(request)
    response = render(
        request,
        "voters/personal_data.html",
        {
            "section_title": SECTION,
            "form": form,
            "data": data,
            "query_string": request.GET.urlencode(),
            "runs": anonymisation_runs(council=request_council(request)),
        },
    )
    return personal_data_response(request, response, shown=data.count > 0)


def person_data_export(request: HttpRequest, *, fmt: str) -> HttpResponse:
    """The person's data as a file for them: JSON or Excel, the same rows."""
    _require_personal_data(request)
    form, data = _searched(request)
    if not form.is_valid():
        # Nothing asked, nothing handed over: back to the page, which says what to fill in.
        return person_data_search(request)
    council = request_council(request)
    stem = f"du-lieu-ca-nhan-{timezone.localdate():%Y%m%d}"
    if fmt == "json":
        response = HttpResponse(
            personal_data.export_json(data, council=council, user=request.user),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{stem}.json"'
    else:
        response = xlsx_response(
            filename=stem,
            headers=personal_data.export_headers(),
            rows=personal_data.export_rows(data),
            sheet=str(SECTION),
        )
    personal_data.person_data_export_log(request=request, data=data, file_format=fmt.upper())
    return personal_data_response(request, response, shown=False)
