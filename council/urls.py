"""The council registry's pages: one declaration per model (its fields, list filters and
search), from which the record form and the list's filters are built. Only records with
rules of their own declare a form or filter class (council.forms, council.filters)."""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.forms import modelform_factory
from django.urls import path
from django.utils.translation import gettext_lazy as _

from core import tables
from core.filters import FoldedSearchFilterSet
from core.forms import BaseModelForm
from core.views import crud_urls
from council import filters, forms, holidays, models, views

app_name = "council"


def registry_urls(
    model: type[Model],
    prefix: str,
    title: str,
    *,
    fields: list[str],
    columns: list[str],
    empty_text: str,
    link: str = "",
    search: tuple[str, ...] = (),
    filter_by: tuple[str, ...] = (),
    form_class: type | None = None,
    filterset_class: type | None = None,
    **options: Any,
) -> list:
    """crud_urls of one registry model: its form edits `fields`, its detail page shows them, its
    list shows `columns`, `link` (else the first) linked to its page; a Standing Committee's
    matter's text is given the room of a summary."""
    link = link or columns[0]
    summary = tables.SUMMARY_ATTRS if link == "subject" else None
    table_meta = type("Meta", (), {"model": model, "fields": columns, "empty_text": empty_text})
    table_attrs = {link: tables.Column(linkify=True, attrs=summary), "Meta": table_meta}
    table_class = type(f"{model.__name__}Table", (tables.Table,), table_attrs)
    if filterset_class is None:
        meta = type("Meta", (), {"model": model, "fields": list(filter_by)})
        attrs = {"search_fields": search, "Meta": meta}
        filterset_class = type(f"{model.__name__}Filter", (FoldedSearchFilterSet,), attrs)
    return crud_urls(
        app=app_name,
        prefix=prefix,
        model=model,
        section_title=title,
        detail_fields=fields,
        form_class=form_class or modelform_factory(model, form=BaseModelForm, fields=fields),
        filterset_class=filterset_class,
        table_class=table_class,
        **options,
    )


# fmt: off
urlpatterns = [
    path("", views.registry, name="registry"),
    path("don-vi-hanh-chinh/sap-xep/", views.unit_merge, name="unit_merge"),
    # The national holiday calendar (issue 21): administrators write it, council.holidays.
    path("lich-nghi-le/", holidays.HolidayListView.as_view(), name="holiday_list"),
    path("lich-nghi-le/them/", holidays.HolidayCreateView.as_view(), name="holiday_create"),
    path("lich-nghi-le/<int:pk>/sua/", holidays.HolidayUpdateView.as_view(), name="holiday_update"),
    path("lich-nghi-le/<int:pk>/xoa/", holidays.HolidayDeleteView.as_view(), name="holiday_delete"),
    *registry_urls(
        models.Council, "hdnd", _("Hội đồng nhân dân"), empty_text=_("Chưa khai báo HĐND."),
        columns=["name", "level", "parent", "place_name", "resolution_sequence"],
        fields=forms.COUNCIL_FIELDS, form_class=forms.CouncilForm,
        search=("name",), filter_by=("level",),
        queryset=models.Council.objects.select_related("parent"),
    ),
    *registry_urls(
        models.Term, "nhiem-ky", _("Nhiệm kỳ"), empty_text=_("Chưa có nhiệm kỳ nào."),
        columns=["roman", "council", "start_date", "end_date"],
        fields=["council", "ordinal", "roman", "start_date", "end_date"], form_class=forms.TermForm,
        search=("roman",), filter_by=("council",),
        queryset=models.Term.objects.select_related("council"),
    ),
    *registry_urls(
        models.Committee, "ban", _("Các Ban"), empty_text=_("Chưa có Ban nào."),
        columns=["name", "code", "term", "order"],
        fields=["term", "code", "name", "order"], search=("name",), filter_by=("term",),
        detail_template="council/committee_detail.html",
        queryset=models.Committee.objects.select_related("term"),
    ),
    *registry_urls(
        models.DelegateGroup, "to-dai-bieu", _("Tổ đại biểu"),
        empty_text=_("Chưa có Tổ đại biểu nào."), columns=["name", "area", "term"],
        fields=["term", "name", "area"], search=("name", "area"), filter_by=("term",),
        detail_template="council/delegategroup_detail.html",
        queryset=models.DelegateGroup.objects.select_related("term"),
    ),
    *registry_urls(
        models.Delegate, "dai-bieu", _("Đại biểu"), empty_text=_("Chưa có đại biểu nào."),
        columns=["full_name", "gender", "birth_year", "job_title", "delegate_group", "committee",
                 "is_full_time", "status", "term"],
        fields=["full_name", "gender", "birth_year", "ethnicity", "job_title", "term",
                "electoral_unit", "delegate_group", "committee", "is_full_time", "status"],
        search=("full_name", "job_title", "electoral_unit"),
        filter_by=("term", "delegate_group", "committee", "is_full_time", "status"),
        detail_template="council/delegate_detail.html",
        queryset=models.Delegate.objects.select_related("term", "delegate_group", "committee")
        .prefetch_related("positions__committee"),
    ),
    *registry_urls(
        models.Position, "chuc-danh", _("Chức danh"), empty_text=_("Chưa có chức danh nào."),
        columns=["delegate", "role", "committee", "start_date", "end_date"],
        fields=["delegate", "role", "committee", "start_date", "end_date"],
        search=("role",), filter_by=("role", "committee"),
        queryset=models.Position.objects.select_related("delegate", "committee"),
    ),
    *registry_urls(
        models.Organization, "co-quan", _("Cơ quan, tổ chức"),
        empty_text=_("Chưa có cơ quan, tổ chức nào."),
        columns=["name", "short_name", "kind", "level", "is_active", "valid_to"],
        fields=forms.ORGANIZATION_FIELDS, form_class=forms.OrganizationForm,
        search=("name", "short_name"), filter_by=("kind", "level", "is_active"),
    ),
    *registry_urls(
        models.AdministrativeUnit, "don-vi-hanh-chinh", _("Đơn vị hành chính"),
        columns=["name", "unit_type", "level", "parent", "valid_from", "valid_to"],
        empty_text=_("Chưa có đơn vị hành chính nào."),
        fields=["code", "name", "level", "unit_type", "parent", "valid_from", "valid_to"],
        search=("name", "code"), filter_by=("level", "unit_type", "parent"),
        detail_template="council/administrativeunit_detail.html",
        queryset=models.AdministrativeUnit.objects.select_related("parent").prefetch_related(
            "children", "predecessions__predecessor", "successions__successor"),
    ),
    *registry_urls(
        models.UnitSuccession, "sap-xep-don-vi", _("Sắp xếp đơn vị hành chính"),
        empty_text=_("Chưa ghi nhận việc sắp xếp đơn vị nào."),
        columns=["predecessor", "successor", "effective_date", "legal_basis"],
        fields=["predecessor", "successor", "effective_date", "legal_basis"],
        search=("legal_basis",),
        queryset=models.UnitSuccession.objects.select_related("predecessor", "successor"),
    ),
    *registry_urls(
        models.InterSessionMatter, "noi-dung-phat-sinh", _("Nội dung phát sinh giữa hai kỳ họp"),
        filterset_class=filters.InterSessionMatterFilter,
        columns=["received_date", "subject", "submitted_by", "submission_number",
                 "opinion_date", "outcome"], link="subject",
        empty_text=_("Chưa có nội dung phát sinh nào."),
        fields=["term", "received_date", "submitted_by", "submission_number", "subject",
                "opinion_number", "opinion_date", "outcome", "outcome_note"],
        queryset=models.InterSessionMatter.objects.select_related("term", "submitted_by"),
    ),
    *registry_urls(
        models.AppraisalRequest, "tham-dinh", _("Thẩm định báo cáo, tờ trình"),
        filterset_class=filters.AppraisalRequestFilter,
        columns=["received_date", "subject", "doc_kind", "requester", "answered_date"],
        link="subject",
        empty_text=_("Chưa có yêu cầu thẩm định nào."),
        fields=["term", "requester", "requester_org", "doc_kind", "subject", "received_date",
                "answered_date", "response_number"],
        queryset=models.AppraisalRequest.objects.select_related("term", "requester_org"),
    ),
]
# fmt: on
