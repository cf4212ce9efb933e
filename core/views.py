"""Generic, permission-checked list / detail / create / edit / delete views used by every app.

A concrete view names its model, form, table and filter; the shared templates under
templates/generic/ do the rest (breadcrumbs, empty states, confirmation before deleting)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Model, ProtectedError, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DeleteView, DetailView, UpdateView
from django_filters.views import FilterView

from core import roles
from core.audit import history_rows
from core.concurrency import (
    VERSION_FIELD,
    StaleEditError,
    add_version_field,
    lock_and_check_version,
    show_stale_edit,
)
from core.filters import bootstrap_widgets, scope_choices, scope_filter_form
from core.forms import BaseModelForm, apply_validation_error
from core.idempotency import (
    FORM_TOKEN_FIELD,
    SubmissionRefused,
    add_form_token,
    answer_refused_submission,
    answer_repeated_submission,
    form_submission_save,
)
from core.paginators import SearchPaginator, TailFirstPaginator
from core.permissions import ViewerRequiredMixin
from core.scoping import of_council, request_council
from core.services import record_delete, record_save
from core.tables import Table


def field_rows(obj: Model, names: list[str]) -> list[tuple[str, Any]]:
    """(label, display value) pairs for a detail page, using choices' labels."""
    rows = []
    for name in names:
        field = obj._meta.get_field(name)
        if getattr(field, "choices", None):
            value = getattr(obj, f"get_{name}_display")()
        elif field.many_to_many:
            value = ", ".join(str(o) for o in getattr(obj, name).all())
        else:
            value = getattr(obj, name)
        rows.append((str(field.verbose_name), value))
    return rows


class CouncilScopedMixin:
    """The rows of the request's council only, whatever queryset a view builds: another
    council's record is a 404, as if it did not exist (core.scoping). A view that selects
    other councils' rows on purpose (a province's list of its communes' resolutions) says
    council_scoped = False and narrows its queryset itself."""

    request: HttpRequest
    council_scoped = True

    def _scoped(self, queryset: QuerySet) -> QuerySet:
        if not self.council_scoped:
            return queryset
        return of_council(queryset, request_council(self.request))

    def get_object(self, queryset: QuerySet | None = None) -> Model:
        if queryset is None:
            queryset = self.get_queryset()  # type: ignore[attr-defined]
        return super().get_object(self._scoped(queryset))  # type: ignore[misc]

    def get_filterset_kwargs(self, filterset_class: type) -> dict[str, Any]:
        kwargs = super().get_filterset_kwargs(filterset_class)  # type: ignore[misc]
        kwargs["queryset"] = self._scoped(kwargs["queryset"])
        return kwargs


class SectionMixin:
    """Breadcrumbs and the section's list URL for the shared templates."""

    section_title: str = ""
    list_url_name: str = ""
    create_url_name: str = ""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["section_title"] = self.section_title
        ctx["list_url"] = reverse(self.list_url_name) if self.list_url_name else ""
        ctx["create_url"] = reverse(self.create_url_name) if self.create_url_name else ""
        return ctx


class RecordListView(ViewerRequiredMixin, CouncilScopedMixin, SectionMixin, FilterView):
    """A filtered list: its table (core.tables) sorted by ?sort=, 25 rows a page (?per_page=,
    ?page=), a free-text search (?q=) paged by SearchPaginator."""

    template_name = "generic/list.html"
    table_class: type[Table]
    # The table paginates (25 a page); the ListView must not paginate too, or every list
    # would count its rows twice.
    paginate_by = None
    empty_hint: str = ""
    # Read a page's primary keys first, then its rows with the records its table joins
    # (core.paginators.page_rows): for lists whose council is reached through a relation the
    # planner estimates from the average council, so that it joins every row before sorting.
    page_keys_first = False
    # PostgreSQL planner settings for the page's statement (core.paginators._planned), where
    # the benchmark found the planner's choice for this list slow.
    page_planner: dict[str, str] = {}

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        scope_filter_form(filterset)
        return filterset

    def get_table_kwargs(self) -> dict[str, Any]:
        """Arguments of the table (`exclude`: columns this user may not see)."""
        return {}

    def searching(self) -> bool:
        """A search box filled in: only where the list has one (a "q" typed into the address
        of a list without one, as the overdue recommendations, filters nothing)."""
        filterset = getattr(self, "filterset", None)
        has_box = filterset is not None and "q" in filterset.filters
        return has_box and bool(self.request.GET.get("q", "").strip())

    def list_count(self) -> int | None:
        """The number of filtered rows when the view has counted them already, else None (the
        paginator counts)."""
        return None

    def get_table(self) -> Table:
        get = self.request.GET
        table = self.table_class(sort=get.get("sort"), **self.get_table_kwargs())
        rows = table.sort(self.object_list)
        if self.searching():
            paginator: TailFirstPaginator = SearchPaginator(rows, get.get("per_page"))
        else:
            paginator = TailFirstPaginator(
                rows,
                get.get("per_page"),
                count=self.list_count(),
                keys_first=self.page_keys_first,
                planner=self.page_planner,
            )
        table.show(paginator.get_page(get.get("page")))
        return table

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["table"] = self.get_table()
        if ctx.get("filter") is not None:
            bootstrap_widgets(ctx["filter"].form)
        ctx["empty_hint"] = self.empty_hint
        ctx["is_filtered"] = any(
            v for k, v in self.request.GET.items() if k not in ("page", "sort")
        )
        return ctx


@dataclass(frozen=True)
class ListTotal:
    key: str
    label: str
    value: int


class ListTotalsMixin:
    """Sums of the filtered rows shown beside their count ("176 kiến nghị (2.345 lượt)"). The
    dashboard counts petitions in lượt and meetings' voters in heads, not rows: its figures link
    to a list that shows the very number, so the two can be compared.

    One statement counts the rows and sums them; the paginator is handed that count, so the
    sums cost no query of their own."""

    # (key, label, aggregate expression over the list's rows)
    list_totals: tuple[tuple[str, Any, Any], ...] = ()
    # True where a sum joins a to-many relation (the questions of activities): the rows are
    # then counted DISTINCT, which costs a sort (78 against 65 ms on 93,178 petitions at B).
    list_totals_distinct = False
    object_list: QuerySet
    request: HttpRequest
    found_totals: list[ListTotal] = []

    def list_count(self) -> int | None:
        # Not for a free-text search: its count stops at SEARCH_RESULTS_CAP, a sum would not.
        if not self.list_totals or self.searching():  # type: ignore[attr-defined]
            return super().list_count()  # type: ignore[misc]
        expressions = {key: expression for key, _label, expression in self.list_totals}
        found = self.object_list.order_by().aggregate(
            _rows=Count("pk", distinct=self.list_totals_distinct), **expressions
        )
        self.found_totals = [
            ListTotal(key, str(label), int(found[key] or 0)) for key, label, _e in self.list_totals
        ]
        return found["_rows"]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)  # type: ignore[misc]
        ctx["list_totals"] = self.found_totals
        return ctx


class RecordDetailView(ViewerRequiredMixin, CouncilScopedMixin, SectionMixin, DetailView):
    template_name = "generic/detail.html"
    detail_fields: list[str] = []
    edit_url_name: str = ""
    delete_url_name: str = ""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["rows"] = field_rows(self.object, self.detail_fields)
        if roles.can_edit_records(self.request.user):
            ctx["history"] = history_rows(self.object)
        ctx["edit_url"] = (
            reverse(self.edit_url_name, args=[self.object.pk]) if self.edit_url_name else ""
        )
        ctx["delete_url"] = (
            reverse(self.delete_url_name, args=[self.object.pk]) if self.delete_url_name else ""
        )
        return ctx


class FollowedFieldsMixin:
    """Form views whose drop-downs follow another field (council.forms.follow): a GET with
    ?term=5 renders the form as if term 5 were chosen, which is how the page refreshes those
    drop-downs when the user changes the term. Nothing is saved by a GET."""

    followed_fields: tuple[str, ...] = ("term",)
    request: HttpRequest

    def get_initial(self) -> dict[str, Any]:
        initial = super().get_initial()  # type: ignore[misc]
        for name in self.followed_fields:
            value = self.request.GET.get(name, "").strip()
            if value:
                initial[name] = value
        return initial


class RecordWriteMixin:
    """Who may create, edit and delete. Secretariat staff write every record; records owned by
    a Ban (oversight) set committee_scoped and name that Ban in committee_id(obj): its members
    write them too (roles.can_edit_committee_record)."""

    committee_scoped = False
    request: HttpRequest

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        # Before any record is looked up: a reader gets 403, never a 404 saying what exists.
        if not self.may_write(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    @classmethod
    def may_write(cls, user: Any) -> bool:
        """Could the user write some record of this view, before knowing which one?"""
        if not cls.committee_scoped:
            return roles.can_edit_records(user)
        committee = roles.user_committee(user)
        return roles.can_edit_committee_record(user, committee.pk if committee else None)

    def committee_id(self, obj: Model) -> int | None:
        """The Ban that owns obj (committee_scoped views only)."""
        raise NotImplementedError

    def check_committee(self, obj: Model) -> None:
        if self.committee_scoped and not roles.can_edit_committee_record(
            self.request.user, self.committee_id(obj)
        ):
            raise PermissionDenied

    def get_object(self, queryset: QuerySet | None = None) -> Model:
        obj = super().get_object(queryset)  # type: ignore[misc]
        self.check_committee(obj)
        # Rows a council sees but another council keeps (a commune's view of its province's
        # organisations) say who may change them.
        managed_by = getattr(obj, "is_managed_by", None)
        if managed_by is not None and not managed_by(request_council(self.request)):
            raise PermissionDenied
        return obj


class _RecordFormMixin(FollowedFieldsMixin, RecordWriteMixin, CouncilScopedMixin, SectionMixin):
    """A record's form, guarded: a create form carries a one-time token (core.idempotency), an
    edit form the version it was read at (core.concurrency)."""

    template_name = "generic/form.html"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()  # type: ignore[misc]
        if issubclass(self.get_form_class(), BaseModelForm):  # type: ignore[attr-defined]
            kwargs["council"] = request_council(self.request)
        return kwargs

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        scope_choices(form, self.request)
        instance = getattr(self, "object", None)
        if instance is None or instance.pk is None:
            add_form_token(form)
        else:
            add_version_field(form, instance)
        return form

    def save_object(self, form) -> Model:
        """The write of the form's record, its many-to-many fields included. Apps whose records
        have rules of their own call their service here."""
        instance = record_save(instance=form.save(commit=False), user=self.request.user)
        form.save_m2m()
        return instance

    def form_valid(self, form) -> HttpResponse:
        token = form.cleaned_data.get
        try:
            # One transaction: an edit locks the row and checks the form's version, a create
            # claims the form's token with the record it saves.
            with transaction.atomic():
                if form.instance.pk is None:
                    self.object = form_submission_save(
                        token=token(FORM_TOKEN_FIELD),
                        user=self.request.user,
                        save=lambda: self.save_object(form),
                    )
                else:
                    lock_and_check_version(instance=form.instance, token=token(VERSION_FIELD))
                    self.object = self.save_object(form)
        except StaleEditError as exc:
            show_stale_edit(form, exc)
            return self.form_invalid(form)
        except SubmissionRefused as exc:
            # A repeated create goes to the record the first one saved.
            return answer_refused_submission(self.request, form, exc) or self.form_invalid(form)
        except ValidationError as exc:
            apply_validation_error(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message(form))
        return HttpResponseRedirect(self.get_success_url())

    def form_invalid(self, form) -> HttpResponse:
        # A create form sent again after saving, that no longer validates (its number is now
        # taken...), sends the user to the record it saved.
        repeated = answer_repeated_submission(self.request, form)
        return repeated or super().form_invalid(form)  # type: ignore[misc]

    def success_message(self, form) -> str:
        return _("Đã lưu «%(obj)s».") % {"obj": self.object}

    def get_success_url(self) -> str:
        return self.object.get_absolute_url()


class RecordCreateView(_RecordFormMixin, CreateView):
    pass


class RecordUpdateView(_RecordFormMixin, UpdateView):
    pass


class RecordDeleteView(RecordWriteMixin, CouncilScopedMixin, SectionMixin, DeleteView):
    template_name = "generic/confirm_delete.html"

    def delete_object(self, obj: Model) -> None:
        """The delete; apps whose records have rules of their own call their service here."""
        record_delete(instance=obj)

    def get_success_url(self) -> str:
        return reverse(self.list_url_name)

    def form_valid(self, form) -> HttpResponse:
        obj = self.object
        label, target = str(obj), self.get_success_url()
        try:
            self.delete_object(obj)
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


def crud_urls(
    *,
    app: str,
    prefix: str,
    model: type[Model],
    form_class: type,
    table_class: type,
    filterset_class: type,
    detail_fields: list[str],
    section_title: str,
    empty_hint: str = "",
    queryset: Any = None,
    detail_template: str | None = None,
    deletable: bool = True,
) -> list:
    """URL patterns for list / detail / create / edit / delete of one simple registry model.

    Names follow "<model>_list", "<model>_detail", ... so templates can reverse them."""
    from django.urls import path

    name = model._meta.model_name
    names = {
        action: f"{app}:{name}_{action}"
        for action in ("list", "detail", "create", "update", "delete")
    }
    common = {
        "model": model,
        "section_title": section_title,
        "list_url_name": names["list"],
        "create_url_name": names["create"],
    }
    qs = queryset if queryset is not None else model._default_manager.all()
    list_view = type(
        f"{model.__name__}ListView",
        (RecordListView,),
        {
            **common,
            "queryset": qs,
            "table_class": table_class,
            "filterset_class": filterset_class,
            "empty_hint": empty_hint,
        },
    )
    detail_attrs = {
        **common,
        "queryset": qs,
        "detail_fields": detail_fields,
        "edit_url_name": names["update"],
        "delete_url_name": names["delete"] if deletable else "",
    }
    if detail_template:
        detail_attrs["template_name"] = detail_template
    detail_view = type(f"{model.__name__}DetailView", (RecordDetailView,), detail_attrs)
    create_view = type(
        f"{model.__name__}CreateView", (RecordCreateView,), {**common, "form_class": form_class}
    )
    update_view = type(
        f"{model.__name__}UpdateView", (RecordUpdateView,), {**common, "form_class": form_class}
    )
    patterns = [
        path(f"{prefix}/", list_view.as_view(), name=f"{name}_list"),
        path(f"{prefix}/them/", create_view.as_view(), name=f"{name}_create"),
        path(f"{prefix}/<int:pk>/", detail_view.as_view(), name=f"{name}_detail"),
        path(f"{prefix}/<int:pk>/sua/", update_view.as_view(), name=f"{name}_update"),
    ]
    if deletable:
        delete_view = type(f"{model.__name__}DeleteView", (RecordDeleteView,), common)
        patterns.append(
            path(f"{prefix}/<int:pk>/xoa/", delete_view.as_view(), name=f"{name}_delete")
        )
    return patterns
