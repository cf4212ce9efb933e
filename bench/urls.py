"""The project's URLs plus one trivial view, the baseline of the load test."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import include, path


@login_not_required
def ping(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/ping/", ping),
    path("", include("config.urls")),
]
handler403 = "council.security.forbidden"
