"""/api/: the open-data API, version 1 under /api/v1/, its OpenAPI schema and documentation.

Every list is a council's: /api/v1/councils/<council_pk>/<list>/. The router registers them
with the council in the prefix (path converters: the schema knows the types)."""

from django.urls import include, path, re_path
from rest_framework.routers import SimpleRouter

from opendata import views

app_name = "opendata"

router = SimpleRouter(use_regex_path=False)
router.register("councils", views.CouncilViewSet, basename="council")
COUNCIL = "councils/<int:council_pk>"
router.register(f"{COUNCIL}/terms", views.TermViewSet, basename="term")
router.register(f"{COUNCIL}/committees", views.CommitteeViewSet, basename="committee")
router.register(f"{COUNCIL}/delegate-groups", views.DelegateGroupViewSet, basename="delegate-group")
router.register(f"{COUNCIL}/delegates", views.DelegateViewSet, basename="delegate")
router.register(f"{COUNCIL}/sessions", views.SessionViewSet, basename="session")
router.register(f"{COUNCIL}/resolutions", views.ResolutionViewSet, basename="resolution")
router.register(f"{COUNCIL}/vote-events", views.VoteEventViewSet, basename="vote-event")
router.register(
    f"{COUNCIL}/oversight-activities",
    views.OversightActivityViewSet,
    basename="oversight-activity",
)

urlpatterns = [
    path("v1/", views.ApiRootView.as_view(), name="root"),
    path(
        f"v1/{COUNCIL}/petition-figures/",
        views.PetitionFiguresView.as_view(),
        name="petition-figures",
    ),
    path(f"v1/{COUNCIL}/bulk/", views.BulkIndexView.as_view(), name="bulk-index"),
    re_path(
        r"^v1/councils/(?P<council_pk>[0-9]+)/bulk/(?P<register>[a-z-]+)/"
        r"(?P<year>[0-9]{4})\.(?P<fmt>csv|json)$",
        views.BulkFileView.as_view(),
        name="bulk-file",
    ),
    path("v1/", include(router.urls)),
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("docs/", views.DocsView.as_view(), name="docs"),
]
