from django.urls import path

from sessions import views

app_name = "sessions"

urlpatterns = [
    path("", views.SessionListView.as_view(), name="session_list"),
    path("them/", views.SessionCreateView.as_view(), name="session_create"),
    path("<int:pk>/", views.SessionDetailView.as_view(), name="session_detail"),
    path("<int:pk>/sua/", views.SessionUpdateView.as_view(), name="session_update"),
    path("<int:pk>/xoa/", views.SessionDeleteView.as_view(), name="session_delete"),
    path("<int:pk>/diem-danh/", views.attendance_update, name="attendance_update"),
    path(
        "<int:session_pk>/noi-dung/them/",
        views.AgendaItemCreateView.as_view(),
        name="agendaitem_create",
    ),
    path("noi-dung/<int:pk>/sua/", views.AgendaItemUpdateView.as_view(), name="agendaitem_update"),
    path("noi-dung/<int:pk>/xoa/", views.AgendaItemDeleteView.as_view(), name="agendaitem_delete"),
    path("noi-dung/<int:pk>/tep/", views.agenda_item_attachment, name="agendaitem_attachment"),
]
