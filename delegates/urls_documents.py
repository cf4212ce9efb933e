"""The delegates' room's URLs of its documents part (delegates/urls.py joins the parts)."""

from django.urls import URLPattern, path

from delegates.views import documents

urlpatterns: list[URLPattern] = [
    path("ky-hop/<int:pk>/tai-lieu/", documents.session_documents, name="session_documents"),
    path("ky-hop/<int:pk>/tai-lieu/nen/", documents.session_zip, name="session_zip"),
    path("tai-lieu/<int:pk>/", documents.document, name="document"),
    path("tai-lieu/<int:pk>/tep/", documents.document_file, name="document_file"),
    path("tai-lieu/<int:pk>/ghi-chu/", documents.document_note, name="document_note"),
    path("noi-dung/<int:pk>/ghi-chu/", documents.agenda_item_note, name="agendaitem_note"),
    path("tep-nen/<int:pk>/", documents.documents_zip_status, name="documentszip_status"),
    path(
        "tep-nen/<int:pk>/tai-ve/", documents.documents_zip_download, name="documentszip_download"
    ),
]
