"""The delegates' room's URLs of its registrations part (delegates/urls.py joins the parts)."""

from django.urls import URLPattern, path

from delegates.views import registrations as views

urlpatterns: list[URLPattern] = [
    # A delegate's own.
    path("ky-hop/<int:pk>/dang-ky/", views.registration_create, name="registration_create"),
    path("dang-ky/", views.my_registrations, name="my_registrations"),
    path("dang-ky/<int:pk>/rut/", views.registration_withdraw, name="registration_withdraw"),
    # The secretariat's queue of a session.
    path("ky-hop/<int:pk>/hang-doi/", views.registration_queue, name="registration_queue"),
    path("dang-ky/<int:pk>/di-chuyen/", views.registration_move, name="registration_move"),
    path("dang-ky/<int:pk>/moi/", views.registration_call, name="registration_call"),
    path("dang-ky/<int:pk>/ghi-nhan/", views.registration_record, name="registration_record"),
    # The chair's screen and the fragment it polls.
    path("ky-hop/<int:pk>/man-hinh-chu-toa/", views.chair_screen, name="chair_screen"),
    path("ky-hop/<int:pk>/man-hinh-chu-toa/hang-doi/", views.chair_queue, name="chair_queue"),
]
