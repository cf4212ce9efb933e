from django.urls import path

from standing import views

app_name = "standing"

urlpatterns = [
    # Meetings
    path("phien-hop/", views.MeetingListView.as_view(), name="standingmeeting_list"),
    path("phien-hop/them/", views.MeetingCreateView.as_view(), name="standingmeeting_create"),
    path("phien-hop/<int:pk>/", views.MeetingDetailView.as_view(), name="standingmeeting_detail"),
    path(
        "phien-hop/<int:pk>/sua/",
        views.MeetingUpdateView.as_view(),
        name="standingmeeting_update",
    ),
    path(
        "phien-hop/<int:pk>/xoa/",
        views.MeetingDeleteView.as_view(),
        name="standingmeeting_delete",
    ),
    # A meeting's agenda
    path(
        "phien-hop/<int:meeting_pk>/noi-dung/them/",
        views.AgendaEntryCreateView.as_view(),
        name="agendaentry_create",
    ),
    path(
        "noi-dung/<int:pk>/sua/", views.AgendaEntryUpdateView.as_view(), name="agendaentry_update"
    ),
    path(
        "noi-dung/<int:pk>/xoa/", views.AgendaEntryDeleteView.as_view(), name="agendaentry_delete"
    ),
    # Its conclusions
    path(
        "phien-hop/<int:meeting_pk>/ket-luan/them/",
        views.ConclusionCreateView.as_view(),
        name="conclusion_create",
    ),
    path("ket-luan/<int:pk>/sua/", views.ConclusionUpdateView.as_view(), name="conclusion_update"),
    path("ket-luan/<int:pk>/xoa/", views.ConclusionDeleteView.as_view(), name="conclusion_delete"),
    # The tasks the conclusions give, and their queue
    path(
        "ket-luan/<int:conclusion_pk>/viec/them/",
        views.TaskCreateView.as_view(),
        name="conclusiontask_create",
    ),
    path("viec-sau-ket-luan/", views.TaskListView.as_view(), name="conclusiontask_list"),
    path("viec-sau-ket-luan/xuat-excel/", views.task_export, name="conclusiontask_export"),
    path(
        "viec-sau-ket-luan/<int:pk>/sua/",
        views.TaskUpdateView.as_view(),
        name="conclusiontask_update",
    ),
    path(
        "viec-sau-ket-luan/<int:pk>/hoan-thanh/",
        views.TaskCompleteView.as_view(),
        name="conclusiontask_complete",
    ),
    path(
        "viec-sau-ket-luan/<int:pk>/xoa/",
        views.TaskDeleteView.as_view(),
        name="conclusiontask_delete",
    ),
]
