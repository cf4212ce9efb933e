"""Personal data (issue 21): a person's data on request, and the import of an office's existing
register of letters. Included by voters.urls: names stay in the voters namespace."""

from django.urls import path

from voters.views import case_import, personal_data

urlpatterns = [
    path("du-lieu-ca-nhan/", personal_data.person_data_search, name="person_data"),
    path(
        "du-lieu-ca-nhan/xuat-excel/",
        personal_data.person_data_export,
        {"fmt": "xlsx"},
        name="person_data_xlsx",
    ),
    path(
        "du-lieu-ca-nhan/xuat-json/",
        personal_data.person_data_export,
        {"fmt": "json"},
        name="person_data_json",
    ),
    path("don-thu/nhap-excel/", case_import.case_import, name="case_import"),
    path(
        "don-thu/nhap-excel/xac-nhan/", case_import.case_import_confirm, name="case_import_confirm"
    ),
    path("don-thu/nhap-excel/mau/", case_import.case_import_template, name="case_import_template"),
]
