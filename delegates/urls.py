"""The delegates' room under /dai-bieu/: one URL module per part, so each part's pages are
found beside its views."""

from django.urls import path

from delegates import urls_documents, urls_record, urls_registrations
from delegates.views import logins, portal

app_name = "delegates"

urlpatterns = [
    path("", portal.home, name="home"),
    path("ky-hop/<int:pk>/", portal.session, name="session"),
    path("tai-khoan/", logins.accounts, name="accounts"),
    path("tai-khoan/khoa/<int:term_pk>/tao/", logins.accounts_create, name="accounts_create"),
    path(
        "tai-khoan/dai-bieu/<int:delegate_pk>/duong-dan/",
        logins.account_link,
        name="account_link",
    ),
    path("kich-hoat/<str:token>/", logins.activate, name="activate"),
    *urls_documents.urlpatterns,
    *urls_registrations.urlpatterns,
    *urls_record.urlpatterns,
]
