from django.urls import path

from oversight import views

app_name = "oversight"

urlpatterns = [
    path("", views.ActivityListView.as_view(), name="activity_list"),
    path("xuat-excel/", views.activity_export, name="activity_export"),
    path("hoat-dong/them/", views.ActivityCreateView.as_view(), name="activity_create"),
    path("hoat-dong/<int:pk>/", views.ActivityDetailView.as_view(), name="activity_detail"),
    path("hoat-dong/<int:pk>/sua/", views.ActivityUpdateView.as_view(), name="activity_update"),
    path("hoat-dong/<int:pk>/xoa/", views.ActivityDeleteView.as_view(), name="activity_delete"),
    # Questions of a questioning activity
    path(
        "hoat-dong/<int:activity_pk>/chat-van/them/",
        views.QuestionCreateView.as_view(),
        name="question_create",
    ),
    path("chat-van/<int:pk>/sua/", views.QuestionUpdateView.as_view(), name="question_update"),
    path("chat-van/<int:pk>/xoa/", views.QuestionDeleteView.as_view(), name="question_delete"),
    # Recommendations and their follow-up
    path("kien-nghi/", views.RecommendationListView.as_view(), name="recommendation_list"),
    path("kien-nghi/xuat-excel/", views.recommendation_export, name="recommendation_export"),
    path("kien-nghi/qua-han/", views.OverdueListView.as_view(), name="recommendation_overdue"),
    path(
        "hoat-dong/<int:activity_pk>/kien-nghi/them/",
        views.RecommendationCreateView.as_view(),
        name="recommendation_create",
    ),
    path(
        "kien-nghi/<int:pk>/",
        views.RecommendationDetailView.as_view(),
        name="recommendation_detail",
    ),
    path(
        "kien-nghi/<int:pk>/sua/",
        views.RecommendationUpdateView.as_view(),
        name="recommendation_update",
    ),
    path(
        "kien-nghi/<int:pk>/xoa/",
        views.RecommendationDeleteView.as_view(),
        name="recommendation_delete",
    ),
    path(
        "kien-nghi/<int:recommendation_pk>/theo-doi/them/",
        views.FollowUpCreateView.as_view(),
        name="followup_create",
    ),
    path("theo-doi/<int:pk>/sua/", views.FollowUpUpdateView.as_view(), name="followup_update"),
    path("theo-doi/<int:pk>/xoa/", views.FollowUpDeleteView.as_view(), name="followup_delete"),
    # The annual programme
    path("chuong-trinh/", views.ProgrammeListView.as_view(), name="programme_list"),
    path("chuong-trinh/them/", views.ProgrammeCreateView.as_view(), name="programme_create"),
    path("chuong-trinh/<int:pk>/", views.ProgrammeDetailView.as_view(), name="programme_detail"),
    path(
        "chuong-trinh/<int:pk>/sua/",
        views.ProgrammeUpdateView.as_view(),
        name="programme_update",
    ),
    path(
        "chuong-trinh/<int:pk>/xoa/",
        views.ProgrammeDeleteView.as_view(),
        name="programme_delete",
    ),
    path(
        "chuong-trinh/<int:programme_pk>/noi-dung/them/",
        views.ProgrammeItemCreateView.as_view(),
        name="programmeitem_create",
    ),
    path(
        "noi-dung/<int:pk>/sua/",
        views.ProgrammeItemUpdateView.as_view(),
        name="programmeitem_update",
    ),
    path(
        "noi-dung/<int:pk>/xoa/",
        views.ProgrammeItemDeleteView.as_view(),
        name="programmeitem_delete",
    ),
]
