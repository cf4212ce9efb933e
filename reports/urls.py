from django.urls import path

from reports import case_document_views, invitation_views, views
from reports.routine import views as routine_views

app_name = "reports"

urlpatterns = [
    path("van-ban/lap/<slug:kind>/<int:pk>/", routine_views.routine_issue, name="routine_issue"),
    path("van-ban/<int:pk>/pdf/", routine_views.routine_pdf, name="routine_pdf"),
    path("van-ban/<int:pk>/docx/", routine_views.routine_docx, name="routine_docx"),
    path("mau-van-ban/", routine_views.routine_template_list, name="routine_template_list"),
    path(
        "mau-van-ban/<slug:kind>/",
        routine_views.routine_template_update,
        name="routine_template_update",
    ),
    path(
        "mau-van-ban/<slug:kind>/mac-dinh/",
        routine_views.routine_template_reset,
        name="routine_template_reset",
    ),
    path("", views.dashboard, name="dashboard"),
    path("cac-hdnd-xa/", views.communes, name="communes"),
    path("nam/", views.annual_report_latest, name="annualreport_latest"),
    path("nam/<int:year>/", views.annual_report_detail, name="annualreport_detail"),
    path("nam/<int:year>/sua/", views.annual_report_update, name="annualreport_update"),
    path("nam/<int:year>/tao/", views.annual_report_generate, name="annualreport_generate"),
    path("ky-bao-cao/", views.report_new, name="report_new"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/sua/", views.report_update, name="report_update"),
    path("<int:pk>/tao/", views.report_generate, name="report_generate"),
    path("<int:pk>/vao-so/", views.report_number, name="report_number"),
    path("<int:pk>/docx/", views.report_docx_download, name="report_docx"),
    path(
        "ky-hop/<int:session_pk>/kien-nghi-cu-tri/tao/",
        views.session_report_generate,
        name="session_report_generate",
    ),
    path(
        "ky-hop/<int:session_pk>/giay-moi/tao/",
        invitation_views.invitation_create,
        name="invitation_create",
    ),
    path("giay-moi/<int:pk>/", invitation_views.invitation_detail, name="invitation_detail"),
    path("giay-moi/<int:pk>/sua/", invitation_views.invitation_update, name="invitation_update"),
    path("giay-moi/<int:pk>/docx/", invitation_views.invitation_docx, name="invitation_docx"),
    path(
        "giay-moi/<int:pk>/tao-pdf/",
        invitation_views.invitation_generate,
        name="invitation_generate",
    ),
    path(
        "giay-moi/yeu-cau/<int:pk>/",
        invitation_views.invitation_request_status,
        name="invitationrequest_status",
    ),
    path(
        "giay-moi/yeu-cau/<int:pk>/tai-ve/",
        invitation_views.invitation_request_download,
        name="invitationrequest_download",
    ),
    path(
        "van-ban-xu-ly-don/<int:pk>/pdf/",
        case_document_views.casedocument_pdf,
        name="casedocument_pdf",
    ),
    path(
        "van-ban-xu-ly-don/<int:pk>/docx/",
        case_document_views.casedocument_docx,
        name="casedocument_docx",
    ),
    path("yeu-cau/<int:pk>/", views.report_request_status, name="reportrequest_status"),
    path("yeu-cau/<int:pk>/tai-ve/", views.report_request_download, name="reportrequest_download"),
]
