from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.views import crud_urls
from resolutions import filters, forms, models, tables, views, vote_views

app_name = "resolutions"

urlpatterns = [
    path("", views.ResolutionListView.as_view(), name="resolution_list"),
    path("xuat-excel/", views.resolution_export, {"fmt": "xlsx"}, name="resolution_export_xlsx"),
    path("xuat-csv/", views.resolution_export, {"fmt": "csv"}, name="resolution_export_csv"),
    path("so-tiep-theo/", views.resolution_next_number, name="resolution_next_number"),
    path("them/", views.ResolutionCreateView.as_view(), name="resolution_create"),
    path("<int:pk>/", views.ResolutionDetailView.as_view(), name="resolution_detail"),
    path("<int:pk>/sua/", views.ResolutionUpdateView.as_view(), name="resolution_update"),
    path("<int:pk>/xoa/", views.ResolutionDeleteView.as_view(), name="resolution_delete"),
    path(
        "<int:pk>/quan-he/them/",
        views.resolutionrelation_create,
        name="resolutionrelation_create",
    ),
    path(
        "quan-he/<int:pk>/xoa/", views.resolutionrelation_delete, name="resolutionrelation_delete"
    ),
    path(
        "<int:pk>/tep/them/",
        views.resolutionattachment_create,
        name="resolutionattachment_create",
    ),
    path(
        "tep/<int:pk>/", views.resolutionattachment_download, name="resolutionattachment_download"
    ),
    path(
        "tep/<int:pk>/xoa/", views.resolutionattachment_delete, name="resolutionattachment_delete"
    ),
    path("<int:pk>/bieu-quyet/", vote_views.delegate_votes, name="delegate_votes"),
    path(
        "<int:pk>/bieu-quyet/nhap/",
        vote_views.delegate_votes_import,
        name="delegate_votes_import",
    ),
    path(
        "<int:pk>/bieu-quyet/nhap/xac-nhan/",
        vote_views.delegate_votes_import_confirm,
        name="delegate_votes_import_confirm",
    ),
    path("ra-soat/", views.ReviewListView.as_view(), name="review_list"),
    path("ra-soat/<int:pk>/", views.resolution_review, name="review"),
    path(
        "ra-soat/<int:resolution_pk>/tiep-nhan/",
        views.ReviewCreateView.as_view(),
        name="resolutionreview_create",
    ),
    path(
        "ra-soat/ket-luan/<int:pk>/",
        views.ReviewUpdateView.as_view(),
        name="resolutionreview_update",
    ),
    *crud_urls(
        app=app_name,
        prefix="linh-vuc",
        model=models.ResolutionField,
        form_class=forms.ResolutionFieldForm,
        table_class=tables.ResolutionFieldTable,
        filterset_class=filters.ResolutionFieldFilter,
        section_title=_("Lĩnh vực nghị quyết"),
        detail_fields=["name", "order"],
    ),
]
