from django.urls import path

from calendars import views

app_name = "calendars"

urlpatterns = [
    path("<int:council_id>/cong-khai.ics", views.public_feed, name="public"),
    path("rieng/<str:token>.ics", views.internal_feed, name="internal"),
    path("dai-bieu/<str:token>.ics", views.delegate_feed, name="delegate"),
    path("cua-toi/", views.my_calendars, name="mine"),
]
