"""Pages of the oversight app. Who may write is decided here, in one place per record kind:
secretariat staff write everything; a committee member writes their own Ban's activities and
what hangs off them (questions, recommendations, follow-ups); leaders read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Model, ProtectedError, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DeleteView, UpdateView

from council import roles
from council.concurrency import StaleEditError
from council.crud import (
    FollowedFieldsMixin,
    ListTotalsMixin,
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordListView,
    RecordUpdateView,
    SectionMixin,
    WriteGuardMixin,
    add_write_guard,
    answer_unsaved,
    guarded_save,
)
from council.exports import xlsx_response
from council.forms import apply_validation_error
from council.idempotency import SubmissionRefused
from council.permissions import require_viewer
from council.selectors import council_get_current
from oversight import filters, forms, selectors, services, tables
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

# --- permissions -----------------------------------------------------------------------------


def _may_write_some(user: Any) -> bool:
    """Could this user write any oversight record at all (before looking at which one)?"""
    return roles.can_edit_records(user) or (
        roles.Role.COMMITTEE_MEMBER in roles.user_roles(user)
        and roles.user_committee(user) is not None
    )


def _require_committee_edit(user: Any, activity: OversightActivity) -> None:
    if not roles.can_edit_committee_record(user, activity.committee_id):
        raise PermissionDenied


# --- shared bases ----------------------------------------------------------------------------


class _WriteView(WriteGuardMixin, SectionMixin):
    """Create / update / delete of records owned by an activity's Ban. Leaders and anyone else
    without a writing role get 403 before any record is looked up."""

    template_name = "generic/form.html"
    section_title = ACTIVITIES
    list_url_name = "oversight:activity_list"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any):
        if not _may_write_some(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def owning_activity(self, obj: Model) -> OversightActivity:
        raise NotImplementedError

    def get_object(self, queryset: QuerySet | None = None) -> Model:
        obj = super().get_object(queryset)
        _require_committee_edit(self.request.user, self.owning_activity(obj))
        return obj

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        add_write_guard(form, getattr(self, "object", None))
        return form

    def save_with(self, form, save: Callable[[], Model]) -> HttpResponse:
        try:
            # No lost updates (an edit checks the version it was read at) and no double
            # records (a create claims the form's one-time token).
            self.object = guarded_save(form=form, user=self.request.user, save=save)
        except (StaleEditError, SubmissionRefused) as exc:
            return answer_unsaved(self.request, form, exc) or self.form_invalid(form)
        except ValidationError as exc:
            apply_validation_error(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lưu «%(obj)s».") % {"obj": self.object})
        return HttpResponseRedirect(self.object.get_absolute_url())


class _DeleteView(_WriteView, DeleteView):
    template_name = "generic/confirm_delete.html"

    def success_url_for(self, obj: Model) -> str:
        return reverse("oversight:activity_list")

    def form_valid(self, form) -> HttpResponse:
        obj = self.get_object()
        label, target = str(obj), self.success_url_for(obj)
        try:
            obj.delete()
        except ProtectedError as exc:
            users = sorted({str(o._meta.verbose_name) for o in exc.protected_objects})
            messages.error(
                self.request,
                _("Không thể xoá «%(obj)s» vì đang được dùng ở: %(users)s.")
                % {"obj": label, "users": ", ".join(users)},
            )
            return HttpResponseRedirect(obj.get_absolute_url())
        messages.success(self.request, _("Đã xoá «%(obj)s».") % {"obj": label})
        return HttpResponseRedirect(target)


class _ParentMixin:
    """Nested create pages (/hoat-dong/<activity_pk>/...): 403 for readers first, then 404."""

    parent_model: type[Model]
    parent_kwarg: str

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any):
        if not _may_write_some(request.user):
            raise PermissionDenied
        self.parent = get_object_or_404(self.parent_model, pk=kwargs[self.parent_kwarg])
        _require_committee_edit(request.user, self.parent_activity())
        return super().dispatch(request, *args, **kwargs)

    def parent_activity(self) -> OversightActivity:
        raise NotImplementedError


# --- activities ------------------------------------------------------------------------------


class ActivityListView(ListTotalsMixin, RecordListView):
    """The oversight index: activities, with links to programmes and recommendations; the
    questions of the activities listed beside their number (the dashboard's "câu hỏi chất
    vấn" links to the questioning sessions)."""

    list_totals = (("questions", gettext_lazy("câu hỏi chất vấn"), Count("questions")),)

    template_name = "oversight/activity_list.html"
    table_class = tables.ActivityTable
    filterset_class = filters.ActivityFilter
    section_title = ACTIVITIES
    list_url_name = "oversight:activity_list"
    create_url_name = "oversight:activity_create"

    def get_queryset(self) -> QuerySet[OversightActivity]:
        return selectors.activity_list(council=council_get_current())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["can_edit"] = _may_write_some(self.request.user)
        ctx["export_url"] = reverse("oversight:activity_export")
        return ctx


def activity_export(request: HttpRequest) -> HttpResponse:
    """The filtered activity list as an Excel file (same filters as the page)."""
    require_viewer(request)
    qs = filters.ActivityFilter(
        request.GET, queryset=selectors.activity_list(council=council_get_current())
    ).qs.prefetch_related("supervised_organizations")
    headers = [
        _("Năm"),
        _("Nhiệm kỳ"),
        _("Chủ thể"),
        _("Hình thức"),
        _("Nội dung"),
        _("Ngày bắt đầu"),
        _("Ngày kết thúc"),
        _("Cơ quan chịu sự giám sát"),
        _("Số quyết định / nghị quyết thành lập"),
        _("Số kế hoạch"),
        _("Số báo cáo kết quả"),
        _("Số thông báo kết luận"),
    ]
    rows = (
        [
            a.attributed_year,
            a.term.roman,
            a.actor_label,
            a.get_kind_display(),
            a.topic,
            a.start_date,
            a.end_date,
            "; ".join(o.name for o in a.supervised_organizations.all()),
            a.establishing_number,
            a.plan_number,
            a.result_report_number,
            a.conclusion_number,
        ]
        for a in qs
    )
    return xlsx_response(filename="hoat-dong-giam-sat", headers=headers, rows=rows)


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
            return selectors.activity_get_for_detail(pk=self.kwargs["pk"])
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
        return ctx


class _ActivityFormMixin(FollowedFieldsMixin, _WriteView):
    model = OversightActivity
    form_class = forms.ActivityForm

    def owning_activity(self, obj: Model) -> OversightActivity:
        return obj  # type: ignore[return-value]

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def form_valid(self, form) -> HttpResponse:
        activity = form.save(commit=False)
        return self.save_with(
            form,
            lambda: services.activity_save(
                activity=activity,
                supervised_organizations=form.cleaned_data["supervised_organizations"],
                members=form.cleaned_data["members"],
                user=self.request.user,
            ),
        )


class ActivityCreateView(_ActivityFormMixin, CreateView):
    pass


class ActivityUpdateView(_ActivityFormMixin, UpdateView):
    pass


class ActivityDeleteView(_DeleteView):
    model = OversightActivity

    def owning_activity(self, obj: Model) -> OversightActivity:
        return obj  # type: ignore[return-value]


# --- questions -------------------------------------------------------------------------------


class QuestionCreateView(_ParentMixin, _WriteView, CreateView):
    model = Question
    form_class = forms.QuestionForm
    parent_model = OversightActivity
    parent_kwarg = "activity_pk"

    def parent_activity(self) -> OversightActivity:
        return self.parent

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "activity": self.parent}

    def form_valid(self, form) -> HttpResponse:
        question = form.save(commit=False)
        return self.save_with(
            form, lambda: services.question_save(question=question, user=self.request.user)
        )


class QuestionUpdateView(_WriteView, UpdateView):
    model = Question
    form_class = forms.QuestionForm

    def owning_activity(self, obj: Model) -> OversightActivity:
        return obj.activity  # type: ignore[attr-defined]

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "activity": self.object.activity}

    def form_valid(self, form) -> HttpResponse:
        question = form.save(commit=False)
        return self.save_with(
            form, lambda: services.question_save(question=question, user=self.request.user)
        )


class QuestionDeleteView(_DeleteView):
    model = Question

    def owning_activity(self, obj: Model) -> OversightActivity:
        return obj.activity  # type: ignore[attr-defined]

    def success_url_for(self, obj: Model) -> str:
        return obj.get_absolute_url()


# --- recommendations -------------------------------------------------------------------------


class RecommendationListView(RecordListView):
    template_name = "oversight/recommendation_list.html"
    table_class = tables.RecommendationTable
    filterset_class = filters.RecommendationFilter
    section_title = RECOMMENDATIONS
    list_url_name = "oversight:recommendation_list"

    def get_queryset(self) -> QuerySet[OversightRecommendation]:
        return selectors.recommendation_list(council=council_get_current()).select_related(
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
        queryset=selectors.recommendation_list(council=council_get_current(), today=today),
    ).qs.select_related("activity")
    headers = [
        _("Nội dung kiến nghị"),
        _("Cơ quan được kiến nghị"),
        _("Thời hạn"),
        _("Tình trạng"),
        _("Quá hạn"),
        _("Ban"),
        _("Hoạt động giám sát"),
    ]
    rows = (
        [
            r.content,
            r.addressee.name,
            r.deadline,
            r.get_status_display(),
            _("Có") if r.is_overdue_now else "",
            r.activity.committee.name if r.activity.committee_id else "",
            r.activity.topic,
        ]
        for r in qs
    )
    return xlsx_response(filename="kien-nghi-sau-giam-sat", headers=headers, rows=rows)


class OverdueListView(RecordListView):
    template_name = "oversight/overdue_list.html"
    table_class = tables.OverdueTable
    filterset_class = filters.OverdueFilter
    section_title = gettext_lazy("Kiến nghị quá hạn")
    list_url_name = "oversight:recommendation_overdue"

    def get_queryset(self) -> QuerySet[OversightRecommendation]:
        return selectors.recommendation_overdue_list(council=council_get_current())


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


class RecommendationCreateView(_ParentMixin, _WriteView, CreateView):
    model = OversightRecommendation
    form_class = forms.RecommendationForm
    parent_model = OversightActivity
    parent_kwarg = "activity_pk"
    section_title = RECOMMENDATIONS
    list_url_name = "oversight:recommendation_list"

    def parent_activity(self) -> OversightActivity:
        return self.parent

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "activity": self.parent}

    def form_valid(self, form) -> HttpResponse:
        rec = form.save(commit=False)
        return self.save_with(
            form,
            lambda: services.recommendation_save(recommendation=rec, user=self.request.user),
        )


class RecommendationUpdateView(_WriteView, UpdateView):
    model = OversightRecommendation
    form_class = forms.RecommendationForm
    section_title = RECOMMENDATIONS
    list_url_name = "oversight:recommendation_list"

    def owning_activity(self, obj: Model) -> OversightActivity:
        return obj.activity  # type: ignore[attr-defined]

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "activity": self.object.activity}

    def form_valid(self, form) -> HttpResponse:
        rec = form.save(commit=False)
        return self.save_with(
            form,
            lambda: services.recommendation_save(recommendation=rec, user=self.request.user),
        )


class RecommendationDeleteView(_DeleteView):
    model = OversightRecommendation
    section_title = RECOMMENDATIONS
    list_url_name = "oversight:recommendation_list"

    def owning_activity(self, obj: Model) -> OversightActivity:
        return obj.activity  # type: ignore[attr-defined]

    def success_url_for(self, obj: Model) -> str:
        return obj.activity.get_absolute_url()  # type: ignore[attr-defined]


# --- follow-ups ------------------------------------------------------------------------------


class FollowUpCreateView(_ParentMixin, _WriteView, CreateView):
    model = FollowUp
    form_class = forms.FollowUpForm
    parent_model = OversightRecommendation
    parent_kwarg = "recommendation_pk"
    section_title = RECOMMENDATIONS
    list_url_name = "oversight:recommendation_list"

    def parent_activity(self) -> OversightActivity:
        return self.parent.activity

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "recommendation": self.parent}

    def form_valid(self, form) -> HttpResponse:
        follow_up = form.save(commit=False)
        return self.save_with(
            form, lambda: services.follow_up_save(follow_up=follow_up, user=self.request.user)
        )


class FollowUpUpdateView(_WriteView, UpdateView):
    model = FollowUp
    form_class = forms.FollowUpForm
    section_title = RECOMMENDATIONS
    list_url_name = "oversight:recommendation_list"

    def owning_activity(self, obj: Model) -> OversightActivity:
        return obj.recommendation.activity  # type: ignore[attr-defined]

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "recommendation": self.object.recommendation}

    def form_valid(self, form) -> HttpResponse:
        follow_up = form.save(commit=False)
        return self.save_with(
            form, lambda: services.follow_up_save(follow_up=follow_up, user=self.request.user)
        )


class FollowUpDeleteView(_DeleteView):
    model = FollowUp
    section_title = RECOMMENDATIONS
    list_url_name = "oversight:recommendation_list"

    def owning_activity(self, obj: Model) -> OversightActivity:
        return obj.recommendation.activity  # type: ignore[attr-defined]

    def success_url_for(self, obj: Model) -> str:
        return obj.get_absolute_url()


# --- the annual programme (the HĐND's document: secretariat staff keep it) --------------------


class ProgrammeListView(RecordListView):
    template_name = "oversight/programme_list.html"
    table_class = tables.ProgrammeTable
    filterset_class = filters.ProgrammeFilter
    section_title = PROGRAMMES
    list_url_name = "oversight:programme_list"
    create_url_name = "oversight:programme_create"

    def get_queryset(self) -> QuerySet[OversightProgramme]:
        return selectors.programme_list(council=council_get_current())


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
    section_title = PROGRAMMES
    list_url_name = "oversight:programme_list"
    create_url_name = "oversight:programme_create"


class ProgrammeCreateView(_ProgrammeSection, RecordCreateView):
    model = OversightProgramme
    form_class = forms.ProgrammeForm


class ProgrammeUpdateView(_ProgrammeSection, RecordUpdateView):
    model = OversightProgramme
    form_class = forms.ProgrammeForm


class ProgrammeDeleteView(_ProgrammeSection, RecordDeleteView):
    model = OversightProgramme


class _ProgrammeItemWrite(_WriteView):
    """Programme items belong to the HĐND's programme: staff only."""

    model = ProgrammeItem
    section_title = PROGRAMMES
    list_url_name = "oversight:programme_list"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any):
        if not roles.can_edit_records(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset: QuerySet | None = None) -> Model:
        return super(_WriteView, self).get_object(queryset)


class ProgrammeItemCreateView(_ProgrammeItemWrite, CreateView):
    form_class = forms.ProgrammeItemForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any):
        if not roles.can_edit_records(request.user):
            raise PermissionDenied
        self.programme = get_object_or_404(OversightProgramme, pk=kwargs["programme_pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "programme": self.programme}

    def form_valid(self, form) -> HttpResponse:
        item = form.save(commit=False)
        return self.save_with(
            form, lambda: services.programme_item_save(item=item, user=self.request.user)
        )


class ProgrammeItemUpdateView(_ProgrammeItemWrite, UpdateView):
    form_class = forms.ProgrammeItemForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "programme": self.object.programme}

    def form_valid(self, form) -> HttpResponse:
        item = form.save(commit=False)
        return self.save_with(
            form, lambda: services.programme_item_save(item=item, user=self.request.user)
        )


class ProgrammeItemDeleteView(_ProgrammeItemWrite, _DeleteView):
    def success_url_for(self, obj: Model) -> str:
        return obj.get_absolute_url()
