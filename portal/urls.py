"""The public portal, mounted at /cong-khai/: no login, GET only, one council per URL."""

from django.urls import path

from portal.views import councils, oversight, resolutions, sessions, voters

app_name = "portal"

urlpatterns = [
    path("", councils.index, name="index"),
    path("<int:council_id>/", councils.home, name="home"),
    path("<int:council_id>/ky-hop/", sessions.session_list, name="session_list"),
    path("<int:council_id>/ky-hop/<int:pk>/", sessions.session_detail, name="session_detail"),
    path("<int:council_id>/ky-hop/<int:pk>/qr.svg", sessions.session_qr, name="session_qr"),
    path(
        "<int:council_id>/ky-hop/<int:pk>/in-ma-qr/",
        sessions.session_qr_print,
        name="session_qr_print",
    ),
    path(
        "<int:council_id>/tai-lieu/<int:pk>/",
        sessions.document_download,
        name="document_download",
    ),
    path("<int:council_id>/nghi-quyet/", resolutions.resolution_list, name="resolution_list"),
    path(
        "<int:council_id>/nghi-quyet/<int:pk>/",
        resolutions.resolution_detail,
        name="resolution_detail",
    ),
    path(
        "<int:council_id>/nghi-quyet/<int:pk>/toan-van.pdf",
        resolutions.resolution_text,
        name="resolution_text",
    ),
    path("<int:council_id>/giam-sat/", oversight.oversight_list, name="oversight_list"),
    path(
        "<int:council_id>/giam-sat/<int:pk>/", oversight.oversight_detail, name="oversight_detail"
    ),
    path("<int:council_id>/kien-nghi-cu-tri/", voters.petition_figures, name="petition_figures"),
    path(
        "<int:council_id>/lich-tiep-cong-dan/",
        voters.reception_schedule,
        name="reception_schedule",
    ),
]
