from django.urls import path

from sessions import views, views_documents

app_name = "sessions"

urlpatterns = [
    path("", views.SessionListView.as_view(), name="session_list"),
    path("them/", views.SessionCreateView.as_view(), name="session_create"),
    path("<int:pk>/", views.SessionDetailView.as_view(), name="session_detail"),
    path("<int:pk>/sua/", views.SessionUpdateView.as_view(), name="session_update"),
    path("<int:pk>/xoa/", views.SessionDeleteView.as_view(), name="session_delete"),
    path("<int:pk>/diem-danh/", views.attendance_update, name="attendance_update"),
    path(
        "<int:session_pk>/noi-dung/them/",
        views.AgendaItemCreateView.as_view(),
        name="agendaitem_create",
    ),
    path("noi-dung/<int:pk>/sua/", views.AgendaItemUpdateView.as_view(), name="agendaitem_update"),
    path("noi-dung/<int:pk>/xoa/", views.AgendaItemDeleteView.as_view(), name="agendaitem_delete"),
    path("noi-dung/<int:pk>/tep/", views.agenda_item_attachment, name="agendaitem_attachment"),
    # The documents published to delegates (issue 20).
    path("<int:pk>/tai-lieu/", views_documents.session_documents, name="session_documents"),
    path(
        "noi-dung/<int:agendaitem_pk>/tai-lieu/them/",
        views_documents.SessionDocumentCreateView.as_view(),
        name="sessiondocument_create",
    ),
    path(
        "tai-lieu/<int:pk>/sua/",
        views_documents.SessionDocumentUpdateView.as_view(),
        name="sessiondocument_update",
    ),
    path(
        "tai-lieu/<int:pk>/thay-the/",
        views_documents.session_document_replace,
        name="sessiondocument_replace",
    ),
    path(
        "tai-lieu/<int:pk>/cong-bo/",
        views_documents.session_document_publish,
        name="sessiondocument_publish",
    ),
    path(
        "tai-lieu/<int:pk>/tep/", views_documents.session_document_file, name="sessiondocument_file"
    ),
    path(
        "tai-lieu/<int:pk>/da-doc/",
        views_documents.session_document_receipts,
        name="sessiondocument_receipts",
    ),
]
