from django.urls import path

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
]
