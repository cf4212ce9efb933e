from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from council import views as council_views

urlpatterns = [
    path("", council_views.home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("hoi-dong/", include("council.urls")),
    path("ky-hop/", include("sessions.urls")),
    path("nghi-quyet/", include("resolutions.urls")),
    path("giam-sat/", include("oversight.urls")),
    path("cu-tri/", include("voters.urls")),
    path("bao-cao/", include("reports.urls")),
    path("quan-tri/", admin.site.urls),
]
