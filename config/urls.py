from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts import views as otp_views
from reports import views as report_views

handler403 = "accounts.security.forbidden"
handler404 = "config.errors.page_not_found"

urlpatterns = [
    path("", report_views.home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("xac-thuc-2-buoc/", otp_views.otp_verify, name="otp_verify"),
    path("xac-thuc-2-buoc/thiet-lap/", otp_views.otp_setup, name="otp_setup"),
    path("chon-hdnd/", otp_views.council_choose, name="council_choose"),
    path("hoi-dong/", include("council.urls")),
    path("ky-hop/", include("sessions.urls")),
    path("nghi-quyet/", include("resolutions.urls")),
    path("giam-sat/", include("oversight.urls")),
    path("cu-tri/", include("voters.urls")),
    path("thuong-truc/", include("standing.urls")),
    path("van-ban-di/", include("documents.urls")),
    path("bao-cao/", include("reports.urls")),
    path("dai-bieu/", include("delegates.urls")),
    path("thong-bao/", include("notifications.urls")),
    path("cong-khai/", include("portal.urls")),
    path("api/", include("opendata.urls")),
    path("lich/", include("calendars.urls")),
    path("quan-tri/", admin.site.urls),
]
