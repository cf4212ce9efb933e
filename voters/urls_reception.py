"""Citizen reception beyond the receptions themselves (issue 21): the schedule, each
reception's visits, the register. Included by voters.urls: names in the `voters` namespace."""

from django.urls import path

from voters.views import receptions, schedule

urlpatterns = [
    path(
        "lich-tiep-cong-dan/",
        schedule.ReceptionScheduleListView.as_view(),
        name="receptionschedule_list",
    ),
    path(
        "lich-tiep-cong-dan/them/",
        schedule.ReceptionScheduleCreateView.as_view(),
        name="receptionschedule_create",
    ),
    path(
        "lich-tiep-cong-dan/<int:pk>/sua/",
        schedule.ReceptionScheduleUpdateView.as_view(),
        name="receptionschedule_update",
    ),
    path(
        "lich-tiep-cong-dan/<int:pk>/xoa/",
        schedule.ReceptionScheduleDeleteView.as_view(),
        name="receptionschedule_delete",
    ),
    path(
        "tiep-cong-dan/<int:reception_pk>/luot-tiep/them/",
        receptions.ReceptionVisitCreateView.as_view(),
        name="receptionvisit_create",
    ),
    path(
        "tiep-cong-dan/luot-tiep/<int:pk>/sua/",
        receptions.ReceptionVisitUpdateView.as_view(),
        name="receptionvisit_update",
    ),
    path(
        "tiep-cong-dan/luot-tiep/<int:pk>/xoa/",
        receptions.ReceptionVisitDeleteView.as_view(),
        name="receptionvisit_delete",
    ),
    path(
        "tiep-cong-dan/luot-tiep/<int:pk>/tao-don/",
        receptions.visit_letter,
        name="receptionvisit_letter",
    ),
    path(
        "so-tiep-cong-dan/", receptions.ReceptionRegisterView.as_view(), name="reception_register"
    ),
    path(
        "so-tiep-cong-dan/xuat-excel/",
        receptions.register_export,
        name="reception_register_export",
    ),
]
