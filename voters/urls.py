from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from core.views import crud_urls
from voters import filters, forms, models, tables
from voters.views import (
    batches,
    letters,
    meetings,
    overview,
    petition_import,
    petitions,
    receptions,
)

app_name = "voters"

urlpatterns = [
    path("", overview.index, name="index"),
    path("", include("voters.urls_rules")),  # legal time limits, retention (issue 21)
    path("", include("voters.urls_cases")),  # the case workflow (issue 21)
    path("", include("voters.urls_reception")),  # reception schedule, visits, register (issue 21)
    path("", include("voters.urls_personal")),  # personal data on request, register import
    # Voter contact meetings
    path("tiep-xuc/", meetings.VoterMeetingListView.as_view(), name="votermeeting_list"),
    path("tiep-xuc/xuat-excel/", meetings.meeting_export, name="votermeeting_export"),
    path("tiep-xuc/them/", meetings.VoterMeetingCreateView.as_view(), name="votermeeting_create"),
    path(
        "tiep-xuc/<int:pk>/", meetings.VoterMeetingDetailView.as_view(), name="votermeeting_detail"
    ),
    path(
        "tiep-xuc/<int:pk>/sua/",
        meetings.VoterMeetingUpdateView.as_view(),
        name="votermeeting_update",
    ),
    path(
        "tiep-xuc/<int:pk>/xoa/",
        meetings.VoterMeetingDeleteView.as_view(),
        name="votermeeting_delete",
    ),
    path("tiep-xuc/<int:pk>/bien-ban/", meetings.meeting_minutes, name="votermeeting_minutes"),
    # Petitions and their workflow
    path("kien-nghi/", petitions.VoterPetitionListView.as_view(), name="voterpetition_list"),
    path("kien-nghi/xuat-excel/", petitions.petition_export, name="voterpetition_export"),
    path(
        "kien-nghi/cho-chuyen/", petitions.PetitionAwaitingView.as_view(), name="petition_awaiting"
    ),
    path("kien-nghi/qua-han/", petitions.PetitionOverdueView.as_view(), name="petition_overdue"),
    path("kien-nghi/theo-ky-hop/", overview.petition_by_session, name="petition_by_session"),
    path("kien-nghi/tong-hop/", petitions.petition_consolidate, name="petition_consolidate"),
    path("kien-nghi/nhap-excel/", petition_import.petition_import, name="petition_import"),
    path(
        "kien-nghi/nhap-excel/xac-nhan/",
        petition_import.petition_import_confirm,
        name="petition_import_confirm",
    ),
    path(
        "kien-nghi/nhap-excel/mau/",
        petition_import.petition_import_template,
        name="petition_template",
    ),
    path(
        "kien-nghi/them/", petitions.VoterPetitionCreateView.as_view(), name="voterpetition_create"
    ),
    path(
        "kien-nghi/<int:pk>/",
        petitions.VoterPetitionDetailView.as_view(),
        name="voterpetition_detail",
    ),
    path(
        "kien-nghi/<int:pk>/sua/",
        petitions.VoterPetitionUpdateView.as_view(),
        name="voterpetition_update",
    ),
    path(
        "kien-nghi/<int:pk>/xoa/",
        petitions.VoterPetitionDeleteView.as_view(),
        name="voterpetition_delete",
    ),
    path(
        "kien-nghi/<int:pk>/<slug:action>/", petitions.petition_action, name="voterpetition_action"
    ),
    # Forwarding batches (công văn)
    path("cong-van/", batches.ForwardingBatchListView.as_view(), name="forwardingbatch_list"),
    path(
        "cong-van/them/", batches.ForwardingBatchCreateView.as_view(), name="forwardingbatch_create"
    ),
    path(
        "cong-van/<int:pk>/",
        batches.ForwardingBatchDetailView.as_view(),
        name="forwardingbatch_detail",
    ),
    path(
        "cong-van/<int:pk>/sua/",
        batches.ForwardingBatchUpdateView.as_view(),
        name="forwardingbatch_update",
    ),
    # Citizens' letters and receptions
    path("don-thu/", letters.LetterListView.as_view(), name="letter_list"),
    path("don-thu/xuat-excel/", letters.letter_export, name="letter_export"),
    path("don-thu/them/", letters.LetterCreateView.as_view(), name="letter_create"),
    path("don-thu/<int:pk>/", letters.LetterDetailView.as_view(), name="letter_detail"),
    path("don-thu/<int:pk>/sua/", letters.LetterUpdateView.as_view(), name="letter_update"),
    path("don-thu/<int:pk>/xoa/", letters.LetterDeleteView.as_view(), name="letter_delete"),
    path(
        "tiep-cong-dan/",
        receptions.CitizenReceptionListView.as_view(),
        name="citizenreception_list",
    ),
    path("tiep-cong-dan/xuat-excel/", receptions.reception_export, name="citizenreception_export"),
    path(
        "tiep-cong-dan/them/",
        receptions.CitizenReceptionCreateView.as_view(),
        name="citizenreception_create",
    ),
    path(
        "tiep-cong-dan/<int:pk>/",
        receptions.CitizenReceptionDetailView.as_view(),
        name="citizenreception_detail",
    ),
    path(
        "tiep-cong-dan/<int:pk>/sua/",
        receptions.CitizenReceptionUpdateView.as_view(),
        name="citizenreception_update",
    ),
    path(
        "tiep-cong-dan/<int:pk>/xoa/",
        receptions.CitizenReceptionDeleteView.as_view(),
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
