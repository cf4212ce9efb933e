from django.urls import path
from django.utils.translation import gettext_lazy as _

from council import filters, forms, models, tables, views
from council.crud import crud_urls

app_name = "council"

urlpatterns = [
    path("", views.registry, name="registry"),
    *crud_urls(
        app=app_name, prefix="hdnd", model=models.Council, form_class=forms.CouncilForm,
        table_class=tables.CouncilTable, filterset_class=filters.CouncilFilter, section_title=_("Hội đồng nhân dân"),
        detail_fields=["name", "short_name", "level", "place_name", "header_name", "secretariat_name",
                       "resolution_symbol", "report_symbol", "resolution_sequence", "rate_rounding"],
    ),
    *crud_urls(
        app=app_name, prefix="nhiem-ky", model=models.Term, form_class=forms.TermForm,
        table_class=tables.TermTable, filterset_class=filters.TermFilter, section_title=_("Nhiệm kỳ"),
        detail_fields=["council", "ordinal", "roman", "start_date", "end_date"],
        queryset=models.Term.objects.select_related("council"),
    ),
    *crud_urls(
        app=app_name, prefix="ban", model=models.Committee, form_class=forms.CommitteeForm,
        table_class=tables.CommitteeTable, filterset_class=filters.CommitteeFilter, section_title=_("Các Ban"),
        detail_fields=["name", "code", "term", "order"], detail_template="council/committee_detail.html",
        queryset=models.Committee.objects.select_related("term"),
    ),
    *crud_urls(
        app=app_name, prefix="to-dai-bieu", model=models.DelegateGroup, form_class=forms.DelegateGroupForm,
        table_class=tables.DelegateGroupTable, filterset_class=filters.DelegateGroupFilter,
        section_title=_("Tổ đại biểu"), detail_fields=["name", "area", "term"],
        detail_template="council/delegategroup_detail.html",
        queryset=models.DelegateGroup.objects.select_related("term"),
    ),
    *crud_urls(
        app=app_name, prefix="dai-bieu", model=models.Delegate, form_class=forms.DelegateForm,
        table_class=tables.DelegateTable, filterset_class=filters.DelegateFilter, section_title=_("Đại biểu"),
        detail_fields=["full_name", "gender", "birth_year", "ethnicity", "job_title", "term", "electoral_unit",
                       "delegate_group", "committee", "is_full_time", "status"],
        detail_template="council/delegate_detail.html",
        queryset=models.Delegate.objects.select_related("term", "delegate_group", "committee"),
    ),
    *crud_urls(
        app=app_name, prefix="chuc-danh", model=models.Position, form_class=forms.PositionForm,
        table_class=tables.PositionTable, filterset_class=filters.PositionFilter, section_title=_("Chức danh"),
        detail_fields=["delegate", "role", "committee", "start_date", "end_date"],
        queryset=models.Position.objects.select_related("delegate", "committee"),
    ),
    *crud_urls(
        app=app_name, prefix="co-quan", model=models.Organization, form_class=forms.OrganizationForm,
        table_class=tables.OrganizationTable, filterset_class=filters.OrganizationFilter,
        section_title=_("Cơ quan, tổ chức"), detail_fields=["name", "short_name", "kind", "level", "admin_unit", "is_active"],
    ),
    *crud_urls(
        app=app_name, prefix="don-vi-hanh-chinh", model=models.AdministrativeUnit, form_class=forms.AdministrativeUnitForm,
        table_class=tables.AdministrativeUnitTable, filterset_class=filters.AdministrativeUnitFilter,
        section_title=_("Đơn vị hành chính"), detail_template="council/administrativeunit_detail.html",
        detail_fields=["code", "name", "level", "unit_type", "parent", "valid_from", "valid_to"],
        queryset=models.AdministrativeUnit.objects.select_related("parent"),
    ),
    *crud_urls(
        app=app_name, prefix="noi-dung-phat-sinh", model=models.InterSessionMatter, form_class=forms.InterSessionMatterForm,
        table_class=tables.InterSessionMatterTable, filterset_class=filters.InterSessionMatterFilter,
        section_title=_("Nội dung phát sinh giữa hai kỳ họp"),
        detail_fields=["term", "received_date", "submitted_by", "submission_number", "subject", "opinion_number",
                       "opinion_date", "outcome", "outcome_note"],
        queryset=models.InterSessionMatter.objects.select_related("term", "submitted_by"),
    ),
    *crud_urls(
        app=app_name, prefix="tham-dinh", model=models.AppraisalRequest, form_class=forms.AppraisalRequestForm,
        table_class=tables.AppraisalRequestTable, filterset_class=filters.AppraisalRequestFilter,
        section_title=_("Thẩm định báo cáo, tờ trình"),
        detail_fields=["term", "requester", "requester_org", "doc_kind", "subject", "received_date", "answered_date",
                       "response_number"],
        queryset=models.AppraisalRequest.objects.select_related("term", "requester_org"),
    ),
]
