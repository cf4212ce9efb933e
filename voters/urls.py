from django.urls import path
from django.utils.translation import gettext_lazy as _

from council.crud import crud_urls
from voters import filters, forms, models, tables, views

app_name = "voters"

urlpatterns = [
    path("", views.index, name="index"),
    # Voter contact meetings
    path("tiep-xuc/", views.VoterMeetingListView.as_view(), name="votermeeting_list"),
    path("tiep-xuc/xuat-excel/", views.meeting_export, name="votermeeting_export"),
    path("tiep-xuc/them/", views.VoterMeetingCreateView.as_view(), name="votermeeting_create"),
    path("tiep-xuc/<int:pk>/", views.VoterMeetingDetailView.as_view(), name="votermeeting_detail"),
    path(
        "tiep-xuc/<int:pk>/sua/", views.VoterMeetingUpdateView.as_view(), name="votermeeting_update"
    ),
    path(
        "tiep-xuc/<int:pk>/xoa/", views.VoterMeetingDeleteView.as_view(), name="votermeeting_delete"
    ),
    path("tiep-xuc/<int:pk>/bien-ban/", views.meeting_minutes, name="votermeeting_minutes"),
    # Petitions and their workflow
    path("kien-nghi/", views.VoterPetitionListView.as_view(), name="voterpetition_list"),
    path("kien-nghi/xuat-excel/", views.petition_export, name="voterpetition_export"),
    path("kien-nghi/cho-chuyen/", views.PetitionAwaitingView.as_view(), name="petition_awaiting"),
    path("kien-nghi/qua-han/", views.PetitionOverdueView.as_view(), name="petition_overdue"),
    path("kien-nghi/theo-ky-hop/", views.petition_by_session, name="petition_by_session"),
    path("kien-nghi/tong-hop/", views.petition_consolidate, name="petition_consolidate"),
    path("kien-nghi/nhap-excel/", views.petition_import, name="petition_import"),
    path(
        "kien-nghi/nhap-excel/xac-nhan/",
        views.petition_import_confirm,
        name="petition_import_confirm",
    ),
    path("kien-nghi/nhap-excel/mau/", views.petition_import_template, name="petition_template"),
    path("kien-nghi/them/", views.VoterPetitionCreateView.as_view(), name="voterpetition_create"),
    path(
        "kien-nghi/<int:pk>/", views.VoterPetitionDetailView.as_view(), name="voterpetition_detail"
    ),
    path(
        "kien-nghi/<int:pk>/sua/",
        views.VoterPetitionUpdateView.as_view(),
        name="voterpetition_update",
    ),
    path(
        "kien-nghi/<int:pk>/xoa/",
        views.VoterPetitionDeleteView.as_view(),
        name="voterpetition_delete",
    ),
    path("kien-nghi/<int:pk>/<slug:action>/", views.petition_action, name="voterpetition_action"),
    # Forwarding batches (công văn)
    path("cong-van/", views.ForwardingBatchListView.as_view(), name="forwardingbatch_list"),
    path("cong-van/them/", views.forwarding_batch_create, name="forwardingbatch_create"),
    path(
        "cong-van/<int:pk>/",
        views.ForwardingBatchDetailView.as_view(),
        name="forwardingbatch_detail",
    ),
    path(
        "cong-van/<int:pk>/sua/",
        views.ForwardingBatchUpdateView.as_view(),
        name="forwardingbatch_update",
    ),
    # Citizens' letters and receptions
    path("don-thu/", views.LetterListView.as_view(), name="letter_list"),
    path("don-thu/xuat-excel/", views.letter_export, name="letter_export"),
    path("don-thu/them/", views.LetterCreateView.as_view(), name="letter_create"),
    path("don-thu/<int:pk>/", views.LetterDetailView.as_view(), name="letter_detail"),
    path("don-thu/<int:pk>/sua/", views.LetterUpdateView.as_view(), name="letter_update"),
    path("don-thu/<int:pk>/xoa/", views.LetterDeleteView.as_view(), name="letter_delete"),
    path("tiep-cong-dan/", views.CitizenReceptionListView.as_view(), name="citizenreception_list"),
    path("tiep-cong-dan/xuat-excel/", views.reception_export, name="citizenreception_export"),
    path(
        "tiep-cong-dan/them/",
        views.CitizenReceptionCreateView.as_view(),
        name="citizenreception_create",
    ),
    path(
        "tiep-cong-dan/<int:pk>/",
        views.CitizenReceptionDetailView.as_view(),
        name="citizenreception_detail",
    ),
    path(
        "tiep-cong-dan/<int:pk>/sua/",
        views.CitizenReceptionUpdateView.as_view(),
        name="citizenreception_update",
    ),
    path(
        "tiep-cong-dan/<int:pk>/xoa/",
        views.CitizenReceptionDeleteView.as_view(),
        name="citizenreception_delete",
    ),
    # Editable taxonomy of petition fields
    *crud_urls(
        app=app_name,
        prefix="linh-vuc",
        model=models.PetitionField,
        form_class=forms.PetitionFieldForm,
        table_class=tables.PetitionFieldTable,
        filterset_class=filters.PetitionFieldFilter,
        section_title=_("Lĩnh vực kiến nghị"),
        detail_fields=["name", "code", "order", "valid_from", "valid_to"],
    ),
]
