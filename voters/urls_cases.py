"""The case workflow's pages (issue 21), included by voters.urls: names stay in the voters
namespace (voters:case_detail...)."""

from django.urls import path

from voters.views import cases

urlpatterns = [
    path("vu-viec/", cases.CaseListView.as_view(), name="case_list"),
    path("vu-viec/qua-han/", cases.case_overdue, name="case_overdue"),
    path("vu-viec/tiep-nhan/", cases.CaseIntakeView.as_view(), name="case_intake"),
    path("vu-viec/tiep-nhan/trung-lap/", cases.case_candidates, name="case_candidates"),
    path("vu-viec/<int:pk>/", cases.CaseDetailView.as_view(), name="case_detail"),
    path("vu-viec/<int:pk>/sua/", cases.CaseUpdateView.as_view(), name="case_update"),
    path("vu-viec/<int:pk>/don-doc/", cases.case_follow_up, name="case_follow_up"),
    path("vu-viec/<int:pk>/ket-qua/", cases.case_answer, name="case_answer"),
    path("vu-viec/<int:pk>/ket-thuc/", cases.case_close, name="case_close"),
    path("vu-viec/<int:pk>/mo-lai/", cases.case_reopen, name="case_reopen"),
    path("vu-viec/<int:pk>/van-ban/", cases.casedocument_create, name="case_document_create"),
    path("vu-viec/don/<int:pk>/xu-ly/", cases.letter_process, name="letter_process"),
    path("vu-viec/don/<int:pk>/chuyen-vu-viec/", cases.letter_attach, name="letter_attach"),
]
