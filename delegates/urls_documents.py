"""The delegates' room's URLs of its documents part (delegates/urls.py joins the parts)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
