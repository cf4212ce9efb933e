"""The open-data API (issue 24): read-only, per council, public.

Every list and record is read through the owning app's public selector (sessions_public,
resolutions_public, activities_public, ...): what the portal does not show, the API does not
serve. Every view opts out of the login (LoginRequiredMiddleware) through PublicApiMixin, the
one place that says so; tests/public_urls.py reads that mark."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import exceptions, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from core.exports import csv_response
from council.models import Council, Position
from council.selectors import (
    committees_public,
    councils_public,
    delegate_groups_public,
    delegates_public,
    terms_public,
)
from opendata import filters, serializers
from opendata.bulk import REGISTERS
from opendata.ids import ocd_id
from opendata.selectors import petition_figures
from oversight.selectors import activities_public, recommendations_public_fields
from resolutions.models import DelegateVote
from resolutions.selectors import (
    resolution_full_text_public,
    resolution_relations_public,
    resolutions_public,
)
from sessions.selectors import agenda_public, public_documents, sessions_public


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, but a 404 says «Không tìm thấy.» and never Django's English «No
    Resolution matches the given query.» (which also names the model)."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    return drf_exception_handler(exc, context)


class RateLimited(exceptions.Throttled):
    default_detail = _("Bạn đã gửi quá nhiều yêu cầu.")
    extra_detail_singular = _("Vui lòng thử lại sau {wait} giây.")
    extra_detail_plural = _("Vui lòng thử lại sau {wait} giây.")


class PublicApiMixin:
    """Public (no login) and answering in Vietnamese where DRF lets a view choose."""

    @classmethod
    def as_view(cls, *args: Any, **kwargs: Any):
        return login_not_required(super().as_view(*args, **kwargs))  # type: ignore[misc]

    def throttled(self, request: Request, wait: float | None) -> None:
        raise RateLimited(wait)


COUNCIL_PARAMETER = OpenApiParameter(
    "council_pk", OpenApiTypes.INT, OpenApiParameter.PATH, description="Khóa (pk) của HĐND."
)


class CouncilScopedMixin(PublicApiMixin):
    """A list or record of one council: /api/v1/councils/<council_pk>/…; an unknown council
    is a 404."""

    kwargs: dict[str, Any]

    @cached_property
    def council(self) -> Council:
        return get_object_or_404(councils_public(), pk=self.kwargs["council_pk"])

    def schema_only(self) -> bool:
        # drf-spectacular builds the views without a request's arguments.
        return getattr(self, "swagger_fake_view", False)


class CouncilViewSet(PublicApiMixin, viewsets.ReadOnlyModelViewSet):
    """HĐND (organization, classification «legislature») and the links to its lists."""

    serializer_class = serializers.CouncilSerializer
    lookup_value_converter = "int"

    def get_queryset(self) -> QuerySet:
        return councils_public()


class CouncilListViewSet(CouncilScopedMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_converter = "int"

    def get_queryset(self) -> QuerySet:
        model = self.get_serializer_class().Meta.model
        if self.schema_only():
            return model.objects.none()
        return self.council_queryset(self.council)

    def council_queryset(self, council: Council) -> QuerySet:
        raise NotImplementedError


class TermViewSet(CouncilListViewSet):
    """Nhiệm kỳ (khóa) của HĐND."""

    serializer_class = serializers.TermSerializer

    def council_queryset(self, council: Council) -> QuerySet:
        return terms_public(council=council)


class CommitteeViewSet(CouncilListViewSet):
    """Các Ban của HĐND (organization, classification «committee»), mọi nhiệm kỳ."""

    serializer_class = serializers.CommitteeSerializer
    filterset_class = filters.CommitteeFilter

    def council_queryset(self, council: Council) -> QuerySet:
        return committees_public(council=council).select_related("term")


class DelegateGroupViewSet(CouncilListViewSet):
    """Tổ đại biểu (organization, classification «delegate_group»), mọi nhiệm kỳ."""

    serializer_class = serializers.DelegateGroupSerializer
    filterset_class = filters.DelegateGroupFilter

    def council_queryset(self, council: Council) -> QuerySet:
        return delegate_groups_public(council=council).select_related("term")


class DelegateViewSet(CouncilListViewSet):
    """Đại biểu (person) với tư cách thành viên: HĐND khóa, Ban, Tổ, chức danh. Không có năm
    sinh, dân tộc, thông tin liên hệ."""

    serializer_class = serializers.DelegateSerializer
    filterset_class = filters.DelegateFilter

    def council_queryset(self, council: Council) -> QuerySet:
        positions = Position.objects.select_related("committee").order_by("start_date", "pk")
        return (
            delegates_public(council=council)
            .select_related("term", "committee", "delegate_group")
            .prefetch_related(Prefetch("positions", queryset=positions))
        )


class SessionViewSet(CouncilListViewSet):
    """Kỳ họp (event, classification «session»); bản ghi có chương trình và tài liệu công khai."""

    filterset_class = filters.SessionFilter

    def get_serializer_class(self) -> type:
        if self.action == "retrieve":
            return serializers.SessionDetailSerializer
        return serializers.SessionSerializer

    def council_queryset(self, council: Council) -> QuerySet:
        return sessions_public(council=council)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        session = self.get_object()
        context = self.get_serializer_context() | {
            "agenda": agenda_public(session=session).select_related("issuer"),
            "documents": public_documents(council=self.council, session=session).select_related(
                "session__term"
            ),
        }
        return Response(serializers.SessionDetailSerializer(session, context=context).data)


class ResolutionViewSet(CouncilListViewSet):
    """Nghị quyết (bill); bản ghi có quan hệ sửa đổi, thay thế, bãi bỏ với nghị quyết khác.
    Tìm `q` không phân biệt dấu: «dat dai» tìm được «Đất đai»."""

    filterset_class = filters.ResolutionFilter

    def get_serializer_class(self) -> type:
        if self.action == "retrieve":
            return serializers.ResolutionDetailSerializer
        return serializers.ResolutionSerializer

    def council_queryset(self, council: Council) -> QuerySet:
        return resolutions_public(council=council).select_related("council", "field")

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        resolution = self.get_object()
        relations = resolution_relations_public(resolution=resolution).select_related(
            "source__council", "target__council"
        )
        context = self.get_serializer_context() | {
            "relations": list(relations),
            "full_text": resolution_full_text_public(resolution=resolution),
        }
        return Response(serializers.ResolutionDetailSerializer(resolution, context=context).data)


class VoteEventViewSet(CouncilListViewSet):
    """Biểu quyết thông qua nghị quyết (vote event): số tán thành, không tán thành, không biểu
    quyết và, khi có, biểu quyết của từng đại biểu."""

    serializer_class = serializers.VoteEventSerializer
    filterset_class = filters.VoteEventFilter

    def council_queryset(self, council: Council) -> QuerySet:
        votes = DelegateVote.objects.select_related("delegate").order_by(
            "delegate__full_name", "pk"
        )
        return (
            resolutions_public(council=council)
            .select_related("council")
            .prefetch_related(Prefetch("delegate_votes", queryset=votes))
        )


class OversightActivityViewSet(CouncilListViewSet):
    """Hoạt động giám sát đã được công khai (event, classification «oversight») và kết luận."""

    serializer_class = serializers.OversightActivitySerializer
    filterset_class = filters.OversightActivityFilter

    def council_queryset(self, council: Council) -> QuerySet:
        return (
            activities_public(council=council)
            .select_related("term", "committee", "delegate_group", "delegate")
            .prefetch_related(
                "supervised_organizations",
                "members",
                Prefetch(
                    "recommendations",
                    queryset=recommendations_public_fields(),
                    to_attr="public_recommendations",
                ),
            )
        )


class PetitionFiguresView(CouncilScopedMixin, APIView):
    @extend_schema(
        summary="Số liệu kiến nghị cử tri theo kỳ họp",
        description=(
            "Chỉ có số liệu tổng hợp (lượt, đã chuyển, đã trả lời, đã giải quyết), không có "
            "kiến nghị hay cử tri nào. Một dòng một kỳ họp; không phân trang."
        ),
        parameters=[COUNCIL_PARAMETER, serializers.PetitionFiguresQuerySerializer],
        responses=serializers.PetitionFiguresSerializer(many=True),
    )
    def get(self, request: Request, council_pk: int) -> Response:
        query = serializers.PetitionFiguresQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        rows = petition_figures(
            council=self.council,
            term=query.validated_data.get("term"),
            year=query.validated_data.get("year"),
        )
        return Response(serializers.PetitionFiguresSerializer(rows, many=True).data)


class ApiRootView(PublicApiMixin, APIView):
    @extend_schema(
        summary="Danh mục API",
        responses={200: {"type": "object", "additionalProperties": {"type": "string"}}},
    )
    def get(self, request: Request) -> Response:
        """The entry point: the councils and the documentation; each council's record lists
        its own endpoints."""
        endpoints = {
            "councils": reverse("opendata:council-list", request=request),
            "schema": reverse("opendata:schema", request=request),
            "docs": reverse("opendata:docs", request=request),
        }
        # Each council's lists, as templates: /api/v1/councils/{council_pk}/sessions/ ...
        councils = endpoints["councils"]
        for path in (*serializers.COUNCIL_ENDPOINTS.values(), "petition-figures", "bulk"):
            endpoints[path] = f"{councils}{{council_pk}}/{path}/"
        return Response(endpoints)


class SchemaView(PublicApiMixin, SpectacularAPIView):
    pass


class DocsView(PublicApiMixin, SpectacularSwaggerSplitView):
    """Swagger UI from drf-spectacular-sidecar; its initialisation is a script file of its own
    (the split view), so the page needs no inline script under the CSP."""

    url_name = "opendata:schema"


REGISTER_PARAMETER = OpenApiParameter(
    "register",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    enum=list(REGISTERS),
    description="Sổ: kỳ họp, nghị quyết, hoạt động giám sát, số liệu kiến nghị, đại biểu.",
)


class BulkIndexView(CouncilScopedMixin, APIView):
    @extend_schema(
        summary="Danh mục tệp tải về theo sổ và năm",
        parameters=[COUNCIL_PARAMETER],
        responses=serializers.BulkIndexSerializer(many=True),
    )
    def get(self, request: Request, council_pk: int) -> Response:
        entries = []
        for key, register in REGISTERS.items():
            files = []
            for year in register.years(self.council):
                urls = {
                    fmt: reverse(
                        "opendata:bulk-file",
                        kwargs={
                            "council_pk": council_pk,
                            "register": key,
                            "year": year,
                            "fmt": fmt,
                        },
                        request=request,
                    )
                    for fmt in ("csv", "json")
                }
                files.append({"year": year, **urls})
            entries.append({"register": key, "label": register.label, "files": files})
        return Response(entries)


class BulkFileView(CouncilScopedMixin, APIView):
    @extend_schema(
        summary="Tải về một sổ của một năm (CSV hoặc JSON)",
        description=(
            "CSV: UTF-8 có BOM (Excel mở đúng tiếng Việt), dòng đầu là tên trường. JSON: cùng "
            "các dòng, kèm nhãn tiếng Việt của từng trường. Ngày theo ISO 8601."
        ),
        parameters=[
            COUNCIL_PARAMETER,
            REGISTER_PARAMETER,
            OpenApiParameter("year", OpenApiTypes.INT, OpenApiParameter.PATH),
            OpenApiParameter("fmt", OpenApiTypes.STR, OpenApiParameter.PATH, enum=["csv", "json"]),
        ],
        responses={
            (200, "application/json"): serializers.BulkFileSerializer,
            (200, "text/csv"): OpenApiTypes.STR,
        },
    )
    def get(
        self, request: Request, council_pk: int, register: str, year: int, fmt: str
    ) -> HttpResponse:
        entry = REGISTERS.get(register)
        if entry is None:
            raise exceptions.NotFound(_("Không có sổ này."))
        council, year = self.council, int(year)
        rows = entry.rows(council, year)
        filename = f"hdnd-{council.pk}-{register}-{year}"
        keys = [key for key, _label, _value in entry.columns]
        if fmt == "csv":
            return csv_response(filename=filename, headers=keys, rows=rows)
        data = {
            "council": ocd_id("council", council_id=council.pk, pk=council.pk),
            "register": register,
            "year": year,
            "fields": [{"key": key, "label": label} for key, label, _value in entry.columns],
            "count": len(rows),
            "rows": [dict(zip(keys, row, strict=True)) for row in rows],
        }
        response = Response(data)
        response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
        return response
