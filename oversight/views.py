"""Pages of the oversight app. Who may write is decided here, in one place per record kind:
secretariat staff write everything; a committee member writes their own Ban's activities and
what hangs off them (questions, recommendations, follow-ups); leaders read."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import roles
from core.exports import headers as export_headers
from core.exports import rows as export_rows
from core.exports import xlsx_response
from core.permissions import require_viewer
from core.scoping import council_object_or_404, request_council
from core.views import (
    ListTotalsMixin,
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordListView,
    RecordUpdateView,
    RecordWriteMixin,
)
from documents.selectors import documents_of_source
from oversight import exports, filters, forms, selectors, services, tables
from oversight.models import (
    QUESTIONING_KINDS,
    FollowUp,
    OversightActivity,
    OversightProgramme,
    OversightRecommendation,
    ProgrammeItem,
    Question,
)

ACTIVITIES = gettext_lazy("Hoạt động giám sát")
RECOMMENDATIONS = gettext_lazy("Kiến nghị sau giám sát")
PROGRAMMES = gettext_lazy("Chương trình giám sát năm")

# --- writes --------------------------------------------------------------------------------


class _BanRecord(RecordWriteMixin):
    """An activity and what hangs off it (questions, recommendations, follow-ups) are written
    by secretariat staff and by the members of the activity's Ban (core.views's
    committee-scoped writes): the Ban is found by walking activity_path from the record."""

    committee_scoped = True
    activity_path: tuple[str, ...] = ("activity",)  # () : the record is the activity
    section_title = ACTIVITIES
    list_url_name = "oversight:activity_list"

    def committee_id(self, obj: Model) -> int | None:
        for name in self.activity_path:
            obj = getattr(obj, name)
        return obj.committee_id  # type: ignore[attr-defined]


class _Child(RecordWriteMixin):
    """A record that hangs off another (a question off its activity): its form is given the
    parent. A new record's parent is named by the URL (<parent_field>_pk) and looked up after
    the 403 for readers, then checked as the record will be (its Ban, if committee-scoped)."""

    parent_field: str
    model: type[Model]
    object: Model | None
    parent: Model

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any):
        if (parent_pk := kwargs.get(f"{self.parent_field}_pk")) is not None:
            if not self.may_write(request.user):
                raise PermissionDenied
            parent_model = self.model._meta.get_field(self.parent_field).related_model
            self.parent = council_object_or_404(self.request, parent_model, pk=parent_pk)
            self.check_committee(self.model(**{self.parent_field: self.parent}))
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def get_form_kwargs(self) -> dict[str, Any]:
        parent = self.parent if self.object is None else getattr(self.object, self.parent_field)
        return {**super().get_form_kwargs(), self.parent_field: parent}  # type: ignore[misc]


class _ShowParentAfterDelete:
    """After a delete, the page of the record it hung off (its own URL names the parent)."""

    object: Model

    def get_success_url(self) -> str:
        return self.object.get_absolute_url()


# --- activities ------------------------------------------------------------------------------


class ActivityListView(ListTotalsMixin, RecordListView):
    """The oversight index: activities, with links to programmes and recommendations; the
    questions of the activities listed beside their number (the dashboard's "câu hỏi chất
    vấn" links to the questioning sessions)."""

    list_totals = (("questions", gettext_lazy("câu hỏi chất vấn"), Count("questions")),)
    list_totals_distinct = True  # the questions' join repeats each activity

    template_name = "oversight/activity_list.html"
    table_class = tables.ActivityTable
    filterset_class = filters.ActivityFilter
    section_title = ACTIVITIES
    list_url_name = "oversight:activity_list"
    create_url_name = "oversight:activity_create"

    def get_queryset(self) -> QuerySet[OversightActivity]:
        return selectors.activity_list(council=request_council(self.request))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["can_edit"] = ActivityCreateView.may_write(self.request.user)
        ctx["export_url"] = reverse("oversight:activity_export")
        return ctx


def activity_export(request: HttpRequest) -> HttpResponse:
    """The filtered activity list as an Excel file (same filters as the page)."""
    require_viewer(request)
    qs = filters.ActivityFilter(
        request.GET, queryset=selectors.activity_list(council=request_council(request))
    ).qs.prefetch_related("supervised_organizations")
    columns = exports.ACTIVITY_COLUMNS
    return xlsx_response(
        filename="hoat-dong-giam-sat",
        headers=export_headers(columns),
        rows=export_rows(columns, qs),
    )


class ActivityDetailView(RecordDetailView):
    template_name = "oversight/activity_detail.html"
    section_title = ACTIVITIES
    list_url_name = "oversight:activity_list"
    edit_url_name = "oversight:activity_update"
    delete_url_name = "oversight:activity_delete"
    detail_fields = [
        "term",
        "kind",
        "programme_item",
        "session",
        "establishing_number",
        "establishing_resolution",
        "plan_number",
        "start_date",
        "end_date",
        "supervised_organizations",
        "members",
        "result_report_number",
        "result_report_date",
        "conclusion_number",
        "conclusion_date",
        "notes",
    ]

    def get_object(self, queryset: QuerySet | None = None) -> OversightActivity:
        try:
            return selectors.activity_get_for_detail(
                pk=self.kwargs["pk"], council=request_council(self.request)
            )
        except OversightActivity.DoesNotExist as exc:
            raise Http404 from exc

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        activity = self.object
        ctx["actor_row"] = (_("Chủ thể giám sát"), activity.actor_label)
        ctx["can_edit"] = roles.can_edit_committee_record(self.request.user, activity.committee_id)
        ctx["is_questioning"] = activity.kind in QUESTIONING_KINDS
        ctx["questions"] = selectors.activity_questions(activity=activity)
        ctx["recommendations"] = selectors.activity_recommendations(activity=activity)
        # Its supervision plan and report of results, issued from the register (issue 22).
        ctx["can_issue"] = roles.can_edit_records(self.request.user)
        ctx["issued_documents"] = documents_of_source(source=activity)
        return ctx


class _ActivityWrite(_BanRecord):
    model = OversightActivity
    form_class = forms.ActivityForm
    activity_path = ()

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": self.request.user}  # type: ignore[misc]

    def save_object(self, form) -> OversightActivity:
        return services.activity_save(
            activity=form.instance,
            supervised_organizations=form.cleaned_data["supervised_organizations"],
            members=form.cleaned_data["members"],
            user=self.request.user,
        )


class ActivityCreateView(_ActivityWrite, RecordCreateView):
    pass


class ActivityUpdateView(_ActivityWrite, RecordUpdateView):
    pass


class ActivityDeleteView(_BanRecord, RecordDeleteView):
    model = OversightActivity
    activity_path = ()


# --- questions -------------------------------------------------------------------------------


class _QuestionWrite(_Child, _BanRecord):
    model = Question
    form_class = forms.QuestionForm
    parent_field = "activity"

    def save_object(self, form) -> Question:
        return services.question_save(question=form.instance, user=self.request.user)


class QuestionCreateView(_QuestionWrite, RecordCreateView):
    pass


class QuestionUpdateView(_QuestionWrite, RecordUpdateView):
    pass


class QuestionDeleteView(_ShowParentAfterDelete, _BanRecord, RecordDeleteView):
    model = Question


# --- recommendations -------------------------------------------------------------------------


class RecommendationListView(RecordListView):
    template_name = "oversight/recommendation_list.html"
    table_class = tables.RecommendationTable
    filterset_class = filters.RecommendationFilter
    section_title = RECOMMENDATIONS
    list_url_name = "oversight:recommendation_list"

    def get_queryset(self) -> QuerySet[OversightRecommendation]:
        return selectors.recommendation_list(council=request_council(self.request)).select_related(
            "activity"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["export_url"] = reverse("oversight:recommendation_export")
        return ctx


def recommendation_export(request: HttpRequest) -> HttpResponse:
    require_viewer(request)
    today = timezone.localdate()
    qs = filters.RecommendationFilter(
        request.GET,
        queryset=selectors.recommendation_list(council=request_council(request), today=today),
    ).qs.select_related("activity")
    columns = exports.RECOMMENDATION_COLUMNS
    return xlsx_response(
        filename="kien-nghi-sau-giam-sat",
        headers=export_headers(columns),
        rows=export_rows(columns, qs),
    )


class OverdueListView(RecordListView):
    template_name = "oversight/overdue_list.html"
    table_class = tables.OverdueTable
    filterset_class = filters.OverdueFilter
    section_title = gettext_lazy("Kiến nghị quá hạn")
    list_url_name = "oversight:recommendation_overdue"

    def get_queryset(self) -> QuerySet[OversightRecommendation]:
        return selectors.recommendation_overdue_list(council=request_council(self.request))


class RecommendationDetailView(RecordDetailView):
    template_name = "oversight/recommendation_detail.html"
    section_title = RECOMMENDATIONS
    list_url_name = "oversight:recommendation_list"
    edit_url_name = "oversight:recommendation_update"
    delete_url_name = "oversight:recommendation_delete"
    detail_fields = [
        "activity",
        "content",
        "addressee",
        "deadline",
        "status",
        "completed_date",
        "result_note",
    ]
    queryset = OversightRecommendation.objects.select_related("addressee", "activity__committee")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        rec = self.object
        today = timezone.localdate()
        ctx["can_edit"] = roles.can_edit_committee_record(
            self.request.user, rec.activity.committee_id
        )
        ctx["is_overdue"] = rec.is_overdue(today)
        ctx["days_overdue"] = rec.days_overdue(today)
        ctx["follow_ups"] = rec.follow_ups.all()
        return ctx


class _RecommendationWrite(_Child, _BanRecord):
    model = OversightRecommendation
    form_class = forms.RecommendationForm
    parent_field = "activity"
    section_title = RECOMMENDATIONS
    list_url_name = "oversight:recommendation_list"

    def save_object(self, form) -> OversightRecommendation:
        return services.recommendation_save(
            recommendation=form.instance,
            user=self.request.user,
        )


class RecommendationCreateView(_RecommendationWrite, RecordCreateView):
    pass


class RecommendationUpdateView(_RecommendationWrite, RecordUpdateView):
    pass


class RecommendationDeleteView(_BanRecord, RecordDeleteView):
    model = OversightRecommendation
    section_title = RECOMMENDATIONS
    list_url_name = "oversight:recommendation_list"

    def get_success_url(self) -> str:
        return self.object.activity.get_absolute_url()


# --- follow-ups ------------------------------------------------------------------------------


class _FollowUpWrite(_Child, _BanRecord):
    model = FollowUp
    form_class = forms.FollowUpForm
    parent_field = "recommendation"
    activity_path = ("recommendation", "activity")
    section_title = RECOMMENDATIONS
    list_url_name = "oversight:recommendation_list"

    def save_object(self, form) -> FollowUp:
        return services.follow_up_save(follow_up=form.instance, user=self.request.user)


class FollowUpCreateView(_FollowUpWrite, RecordCreateView):
    pass


class FollowUpUpdateView(_FollowUpWrite, RecordUpdateView):
    pass


class FollowUpDeleteView(_ShowParentAfterDelete, _BanRecord, RecordDeleteView):
    model = FollowUp
    activity_path = ("recommendation", "activity")
    section_title = RECOMMENDATIONS
    list_url_name = "oversight:recommendation_list"


# --- the annual programme (the HĐND's document: secretariat staff keep it) --------------------


class ProgrammeListView(RecordListView):
    template_name = "oversight/programme_list.html"
    table_class = tables.ProgrammeTable
    filterset_class = filters.ProgrammeFilter
    section_title = PROGRAMMES
    list_url_name = "oversight:programme_list"
    create_url_name = "oversight:programme_create"

    def get_queryset(self) -> QuerySet[OversightProgramme]:
        return selectors.programme_list(council=request_council(self.request))


PROGRAMME_ITEMS_PER_PAGE = 50


class ProgrammeDetailView(RecordDetailView):
    template_name = "oversight/programme_detail.html"
    section_title = PROGRAMMES
    list_url_name = "oversight:programme_list"
    edit_url_name = "oversight:programme_update"
    delete_url_name = "oversight:programme_delete"
    detail_fields = ["term", "year", "adopted_number", "adopted_by", "adopted_date", "notes"]
    queryset = OversightProgramme.objects.select_related("term", "adopted_by__council")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        progress = selectors.programme_progress(programme=self.object)
        # A national programme can hold thousands of items: a page of them at a time.
        paginator = Paginator(
            selectors.programme_items(programme=self.object), PROGRAMME_ITEMS_PER_PAGE
        )
        paginator.count = progress.planned  # known already: no second COUNT
        page = paginator.get_page(self.request.GET.get("page"))
        items = list(page.object_list)
        by_item: dict[int, list[OversightActivity]] = {}
        for activity in selectors.programme_item_activities(items=items, year=self.object.year):
            by_item.setdefault(activity.programme_item_id, []).append(activity)
        ctx["progress"] = progress
        ctx["page_obj"] = page
        ctx["item_rows"] = [(item, by_item.get(item.pk, [])) for item in items]
        return ctx


class _ProgrammeSection:
    request: HttpRequest
    section_title = PROGRAMMES
    list_url_name = "oversight:programme_list"
    create_url_name = "oversight:programme_create"


class _ProgrammeWrite(_ProgrammeSection):
    model = OversightProgramme
    form_class = forms.ProgrammeForm

    def save_object(self, form) -> OversightProgramme:
        return services.programme_save(programme=form.instance, user=self.request.user)


class ProgrammeCreateView(_ProgrammeWrite, RecordCreateView):
    pass


class ProgrammeUpdateView(_ProgrammeWrite, RecordUpdateView):
    pass


class ProgrammeDeleteView(_ProgrammeSection, RecordDeleteView):
    model = OversightProgramme


class _ProgrammeItemWrite(_Child, _ProgrammeSection):
    """Programme items belong to the HĐND's programme: staff only (not committee-scoped)."""

    model = ProgrammeItem
    form_class = forms.ProgrammeItemForm
    parent_field = "programme"

    def save_object(self, form) -> ProgrammeItem:
        return services.programme_item_save(item=form.instance, user=self.request.user)


class ProgrammeItemCreateView(_ProgrammeItemWrite, RecordCreateView):
    pass


class ProgrammeItemUpdateView(_ProgrammeItemWrite, RecordUpdateView):
    pass


class ProgrammeItemDeleteView(_ShowParentAfterDelete, _ProgrammeSection, RecordDeleteView):
    model = ProgrammeItem
