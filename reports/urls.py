from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("nam/", views.annual_report_latest, name="annualreport_latest"),
    path("nam/<int:year>/", views.annual_report_detail, name="annualreport_detail"),
    path("nam/<int:year>/sua/", views.annual_report_update, name="annualreport_update"),
    path("nam/<int:year>/tao/", views.annual_report_generate, name="annualreport_generate"),
    path("yeu-cau/<int:pk>/", views.report_request_status, name="reportrequest_status"),
    path("yeu-cau/<int:pk>/tai-ve/", views.report_request_download, name="reportrequest_download"),
]
