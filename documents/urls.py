from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("", views.OutgoingDocumentListView.as_view(), name="outgoingdocument_list"),
    path("xuat-excel/", views.outgoingdocument_export, name="outgoingdocument_export"),
    path("cap-so/", views.outgoingdocument_create, name="outgoingdocument_create"),
    path("<int:pk>/", views.OutgoingDocumentDetailView.as_view(), name="outgoingdocument_detail"),
    path(
        "<int:pk>/sua/", views.OutgoingDocumentUpdateView.as_view(), name="outgoingdocument_update"
    ),
    path("<int:pk>/huy/", views.outgoingdocument_cancel, name="outgoingdocument_cancel"),
    path("<int:pk>/ban-da-ky/", views.outgoingdocument_sign, name="outgoingdocument_sign"),
    path("<int:pk>/tep/", views.outgoingdocument_file, name="outgoingdocument_file"),
    path("<int:pk>/tep-da-ky/", views.outgoingdocument_signed, name="outgoingdocument_signed"),
    path("so/tao-mac-dinh/", views.documentseries_defaults, name="documentseries_defaults"),
    path("so/", views.DocumentSeriesListView.as_view(), name="documentseries_list"),
    path("so/them/", views.DocumentSeriesCreateView.as_view(), name="documentseries_create"),
    path("so/<int:pk>/", views.DocumentSeriesDetailView.as_view(), name="documentseries_detail"),
    path(
        "so/<int:pk>/sua/", views.DocumentSeriesUpdateView.as_view(), name="documentseries_update"
    ),
]
