"""The delegates' room's URLs of each delegate's record (delegates/urls.py joins the parts)."""

from django.urls import path

from delegates.views import record

urlpatterns = [
    path("hoat-dong/", record.my_record, name="my_record"),
    path("hoat-dong/pdf/", record.my_record_pdf, name="my_record_pdf"),
    path("hoat-dong/ca-hoi-dong/", record.council_table, name="record_table"),
    path("hoat-dong/<int:pk>/", record.record, name="record"),
    path("hoat-dong/<int:pk>/pdf/", record.record_pdf, name="record_pdf"),
]
