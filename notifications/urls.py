from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("chuong/", views.notification_bell, name="bell"),
    path("mo/", views.notification_open, name="open"),
    path("da-doc/", views.notification_read, name="read"),
    path("da-doc-tat-ca/", views.notification_read_all, name="read_all"),
    path("tuy-chon/", views.notification_preferences, name="preferences"),
]
