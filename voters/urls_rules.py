"""The pages of the legal time limits and retention periods (voters.views.rules), in the voters
namespace (voters:deadlinerule_list...)."""

from django.urls import path

from voters.views import rules

urlpatterns = [
    path("thoi-han/", rules.DeadlineRuleListView.as_view(), name="deadlinerule_list"),
    path("thoi-han/them/", rules.DeadlineRuleCreateView.as_view(), name="deadlinerule_create"),
    path(
        "thoi-han/<int:pk>/sua/",
        rules.DeadlineRuleUpdateView.as_view(),
        name="deadlinerule_update",
    ),
    path(
        "thoi-han/luu-du-lieu/<int:pk>/sua/",
        rules.RetentionRuleUpdateView.as_view(),
        name="retentionrule_update",
    ),
]
