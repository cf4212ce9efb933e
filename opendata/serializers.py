"""The API's shapes, after the Popolo / Open Civic Data vocabulary where it fits: a council,
its Ban and Tổ are organizations, a delegate is a person with memberships, a session is an
event, a resolution a bill and its vote a vote event. Field names are English (as the
vocabularies'), labels and values Vietnamese.

Only public fields are declared: a delegate's birth year, ethnicity and contacts, an
oversight's notes and follow-up, an agenda item's attachment never appear (each serializer
names its fields; none uses "__all__")."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from council.models import Committee, Council, Delegate, DelegateGroup, Term
from opendata.ids import ocd_id
from oversight.models import OversightActivity
from resolutions.models import DelegateVote, Resolution
from sessions.models import AgendaItem, Session, SessionDocument

# The lists of a council: URL name (opendata:<name>-list) -> path under /councils/<pk>/.
COUNCIL_ENDPOINTS = {
    "term": "terms",
    "committee": "committees",
    "delegate-group": "delegate-groups",
    "delegate": "delegates",
    "session": "sessions",
    "resolution": "resolutions",
    "vote-event": "vote-events",
    "oversight-activity": "oversight-activities",
}


@extend_schema_field(OpenApiTypes.STR)
class OcdIdField(serializers.Field):
    """The record's stable identifier (opendata.ids); `council` is the attribute path from the
    record to its council's primary key."""

    def __init__(self, record: str, council: str, **kwargs: Any) -> None:
        self.record, self.council_path = record, council.split(".")
        kwargs.update(source="*", read_only=True)
        kwargs.setdefault("help_text", f"Mã định danh ổn định: ocd-…/hdnd-<HĐND>-{record}-<pk>.")
        super().__init__(**kwargs)

    def to_representation(self, instance: Any) -> str:
        council_id = instance
        for part in self.council_path:
            council_id = getattr(council_id, part)
        return ocd_id(self.record, council_id=council_id, pk=instance.pk)


class PortalUrlField(serializers.Field):
    """The record's page on the public portal (portal:<name>), an absolute URL: the OCD
    «sources» of the record, where a reader sees it."""

    def __init__(self, name: str, council: str, **kwargs: Any) -> None:
        self.url_name, self.council_path = name, council.split(".")
        kwargs.update(source="*", read_only=True)
        kwargs.setdefault("help_text", "Trang của bản ghi trên cổng thông tin công khai.")
        super().__init__(**kwargs)

    def to_representation(self, instance: Any) -> str:
        council_id = instance
        for part in self.council_path:
            council_id = getattr(council_id, part)
        return reverse(
            f"portal:{self.url_name}",
            args=[council_id, instance.pk],
            request=self.context.get("request"),
        )


extend_schema_field(OpenApiTypes.URI)(PortalUrlField)


class CouncilSerializer(serializers.ModelSerializer):
    id = OcdIdField("council", "pk")
    pk = serializers.IntegerField(read_only=True)
    classification = serializers.SerializerMethodField(help_text="Luôn là «legislature».")
    level_label = serializers.CharField(source="get_level_display", read_only=True)
    parent_pk = serializers.IntegerField(source="parent_id", read_only=True, allow_null=True)
    links = serializers.SerializerMethodField(help_text="Các danh sách của HĐND này.")

    class Meta:
        model = Council
        fields = [
            "id",
            "pk",
            "name",
            "short_name",
            "classification",
            "level",
            "level_label",
            "place_name",
            "parent_pk",
            "links",
        ]

    def get_classification(self, council: Council) -> str:
        return "legislature"

    @extend_schema_field({"type": "object", "additionalProperties": {"type": "string"}})
    def get_links(self, council: Council) -> dict[str, str]:
        request = self.context.get("request")
        return {
            path: reverse(
                f"opendata:{name}-list", kwargs={"council_pk": council.pk}, request=request
            )
            for name, path in COUNCIL_ENDPOINTS.items()
        } | {
            "petition-figures": reverse(
                "opendata:petition-figures", kwargs={"council_pk": council.pk}, request=request
            ),
            "bulk": reverse(
                "opendata:bulk-index", kwargs={"council_pk": council.pk}, request=request
            ),
        }


class TermSerializer(serializers.ModelSerializer):
    id = OcdIdField("term", "council_id")
    pk = serializers.IntegerField(read_only=True)
    name = serializers.SerializerMethodField(help_text="Ví dụ: «Khóa XVI (2021–2026)».")

    class Meta:
        model = Term
        fields = ["id", "pk", "name", "ordinal", "roman", "start_date", "end_date"]

    def get_name(self, term: Term) -> str:
        return str(term)


class CommitteeSerializer(serializers.ModelSerializer):
    id = OcdIdField("committee", "term.council_id")
    pk = serializers.IntegerField(read_only=True)
    classification = serializers.SerializerMethodField(help_text="Luôn là «committee».")
    term = serializers.IntegerField(source="term_id", read_only=True)

    class Meta:
        model = Committee
        fields = ["id", "pk", "name", "classification", "code", "term"]

    def get_classification(self, committee: Committee) -> str:
        return "committee"


class DelegateGroupSerializer(serializers.ModelSerializer):
    id = OcdIdField("delegate-group", "term.council_id")
    pk = serializers.IntegerField(read_only=True)
    classification = serializers.SerializerMethodField(help_text="Luôn là «delegate_group».")
    term = serializers.IntegerField(source="term_id", read_only=True)

    class Meta:
        model = DelegateGroup
        fields = ["id", "pk", "name", "classification", "area", "term"]

    def get_classification(self, group: DelegateGroup) -> str:
        return "delegate_group"


class MembershipSerializer(serializers.Serializer):
    """A Popolo membership: of the council for the term, of a Ban, of a Tổ, or a position."""

    organization_id = serializers.CharField()
    organization_name = serializers.CharField()
    role = serializers.CharField(help_text="member, hoặc mã chức danh (chair, committee_head…).")
    label = serializers.CharField()
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)


def delegate_memberships(delegate: Delegate) -> list[dict[str, Any]]:
    """The delegate's memberships from what is selected and prefetched with it (no query)."""
    term = delegate.term
    council_org = ocd_id("council", council_id=term.council_id, pk=term.council_id)
    rows = [
        {
            "organization_id": council_org,
            "organization_name": f"HĐND khóa {term.roman}",
            "role": "member",
            "label": f"Đại biểu HĐND khóa {term.roman}",
            "start_date": term.start_date,
            "end_date": term.end_date,
        }
    ]
    for body, record in (
        (delegate.committee, "committee"),
        (delegate.delegate_group, "delegate-group"),
    ):
        if body is not None:
            rows.append(
                {
                    "organization_id": ocd_id(record, council_id=term.council_id, pk=body.pk),
                    "organization_name": body.name,
                    "role": "member",
                    "label": f"Thành viên {body.name}",
                    "start_date": None,
                    "end_date": None,
                }
            )
    for position in delegate.positions.all():
        committee = position.committee
        rows.append(
            {
                "organization_id": (
                    ocd_id("committee", council_id=term.council_id, pk=committee.pk)
                    if committee
                    else council_org
                ),
                "organization_name": committee.name if committee else f"HĐND khóa {term.roman}",
                "role": position.role,
                "label": position.get_role_display(),
                "start_date": position.start_date,
                "end_date": position.end_date,
            }
        )
    return rows


class DelegateSerializer(serializers.ModelSerializer):
    """A Popolo person. One record a term: a delegate re-elected is a new record of the next
    term (matched by name, as the council's own records are)."""

    id = OcdIdField("delegate", "term.council_id")
    pk = serializers.IntegerField(read_only=True)
    name = serializers.CharField(source="full_name", read_only=True)
    gender_label = serializers.CharField(source="get_gender_display", read_only=True)
    term = serializers.IntegerField(source="term_id", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    committee = serializers.IntegerField(source="committee_id", read_only=True, allow_null=True)
    delegate_group = serializers.IntegerField(
        source="delegate_group_id", read_only=True, allow_null=True
    )
    memberships = serializers.SerializerMethodField()

    class Meta:
        model = Delegate
        fields = [
            "id",
            "pk",
            "name",
            "gender",
            "gender_label",
            "job_title",
            "electoral_unit",
            "is_full_time",
            "status",
            "status_label",
            "term",
            "committee",
            "delegate_group",
            "memberships",
        ]

    @extend_schema_field(MembershipSerializer(many=True))
    def get_memberships(self, delegate: Delegate) -> list[dict[str, Any]]:
        return MembershipSerializer(delegate_memberships(delegate), many=True).data


class SessionSerializer(serializers.ModelSerializer):
    """An OCD event of classification «session»."""

    id = OcdIdField("session", "term.council_id")
    pk = serializers.IntegerField(read_only=True)
    name = serializers.SerializerMethodField(help_text="Ví dụ: «Kỳ họp thứ 5 (chuyên đề)…».")
    classification = serializers.SerializerMethodField(help_text="Luôn là «session».")
    kind_label = serializers.CharField(read_only=True, help_text="thường lệ, chuyên đề, bất thường")
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    format_label = serializers.CharField(source="get_format_display", read_only=True)
    term = serializers.IntegerField(source="term_id", read_only=True)
    portal_url = PortalUrlField("session_detail", "term.council_id")

    class Meta:
        model = Session
        fields = [
            "id",
            "pk",
            "name",
            "classification",
            "number",
            "kind",
            "kind_label",
            "regular_slot",
            "status",
            "status_label",
            "start_date",
            "end_date",
            "venue",
            "format",
            "format_label",
            "term",
            "portal_url",
        ]

    def get_name(self, session: Session) -> str:
        return str(session)

    def get_classification(self, session: Session) -> str:
        return "session"


class AgendaItemSerializer(serializers.ModelSerializer):
    """One item of the session's programme (its attachment stays internal)."""

    pk = serializers.IntegerField(read_only=True)
    doc_type_label = serializers.CharField(source="get_doc_type_display", read_only=True)
    issuer = serializers.SerializerMethodField()
    reviewing_committee = serializers.IntegerField(
        source="reviewing_committee_id", read_only=True, allow_null=True
    )

    class Meta:
        model = AgendaItem
        fields = [
            "pk",
            "order",
            "doc_type",
            "doc_type_label",
            "number_symbol",
            "doc_date",
            "title",
            "issuer",
            "reviewing_committee",
        ]

    def get_issuer(self, item: AgendaItem) -> str | None:
        return str(item.issuer) if item.issuer_id else None


class PublicDocumentSerializer(serializers.ModelSerializer):
    """A session document marked public (its file is on the public portal)."""

    pk = serializers.IntegerField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    agenda_item = serializers.IntegerField(source="agenda_item_id", read_only=True)
    url = PortalUrlField(
        "document_download", "session.term.council_id", help_text="Tệp PDF trên cổng thông tin."
    )

    class Meta:
        model = SessionDocument
        fields = [
            "pk",
            "kind",
            "kind_label",
            "title",
            "agenda_item",
            "version",
            "published_at",
            "file_size",
            "url",
        ]


class SessionDetailSerializer(SessionSerializer):
    agenda = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()

    class Meta(SessionSerializer.Meta):
        fields = [*SessionSerializer.Meta.fields, "agenda", "documents"]

    @extend_schema_field(AgendaItemSerializer(many=True))
    def get_agenda(self, session: Session) -> Any:
        return AgendaItemSerializer(self.context["agenda"], many=True).data

    @extend_schema_field(PublicDocumentSerializer(many=True))
    def get_documents(self, session: Session) -> Any:
        return PublicDocumentSerializer(self.context["documents"], many=True).data


class ResolutionSerializer(serializers.ModelSerializer):
    """An OCD bill (adopted: a resolution exists once the council votes it)."""

    id = OcdIdField("resolution", "council_id")
    pk = serializers.IntegerField(read_only=True)
    identifier = serializers.CharField(source="symbol", read_only=True, help_text="Số, ký hiệu.")
    classification = serializers.SerializerMethodField(help_text="normative hoặc individual.")
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    field = serializers.SerializerMethodField(help_text="Lĩnh vực.")
    term = serializers.IntegerField(source="term_id", read_only=True)
    session = serializers.IntegerField(source="session_id", read_only=True, allow_null=True)
    vote_event_id = serializers.SerializerMethodField()
    portal_url = PortalUrlField("resolution_detail", "council_id")

    class Meta:
        model = Resolution
        fields = [
            "id",
            "pk",
            "identifier",
            "title",
            "classification",
            "is_normative",
            "number",
            "year",
            "adopted_date",
            "effective_date",
            "status",
            "status_label",
            "field",
            "signer",
            "term",
            "session",
            "vote_event_id",
            "portal_url",
        ]

    def get_classification(self, resolution: Resolution) -> str:
        return "normative" if resolution.is_normative else "individual"

    def get_field(self, resolution: Resolution) -> str | None:
        return resolution.field.name if resolution.field_id else None

    def get_vote_event_id(self, resolution: Resolution) -> str:
        return ocd_id("vote", council_id=resolution.council_id, pk=resolution.pk)


class ResolutionRefSerializer(serializers.Serializer):
    id = serializers.CharField()
    pk = serializers.IntegerField()
    identifier = serializers.CharField()
    title = serializers.CharField()


class RelationSerializer(serializers.Serializer):
    """How this resolution and another are linked: «outgoing» (this one amends, replaces or
    repeals the other) or «incoming» (the other does this to this one)."""

    direction = serializers.ChoiceField(choices=["outgoing", "incoming"])
    kind = serializers.CharField(help_text="amends, replaces hoặc repeals.")
    label = serializers.CharField()
    effective_date = serializers.DateField(allow_null=True)
    note = serializers.CharField()
    resolution = ResolutionRefSerializer()


def _ref(resolution: Resolution) -> dict[str, Any]:
    return {
        "id": ocd_id("resolution", council_id=resolution.council_id, pk=resolution.pk),
        "pk": resolution.pk,
        "identifier": resolution.symbol,
        "title": resolution.title,
    }


class ResolutionDetailSerializer(ResolutionSerializer):
    relations = serializers.SerializerMethodField()
    full_text_url = serializers.SerializerMethodField(
        help_text="Toàn văn (bản ký số, PDF) trên cổng thông tin; trống khi chưa có."
    )

    class Meta(ResolutionSerializer.Meta):
        fields = [*ResolutionSerializer.Meta.fields, "relations", "full_text_url"]

    @extend_schema_field(RelationSerializer(many=True))
    def get_relations(self, resolution: Resolution) -> Any:
        rows = []
        for relation in self.context["relations"]:
            outgoing = relation.source_id == resolution.pk
            other = relation.target if outgoing else relation.source
            rows.append(
                {
                    "direction": "outgoing" if outgoing else "incoming",
                    "kind": relation.kind,
                    "label": (relation.get_kind_display() if outgoing else relation.passive_label),
                    "effective_date": relation.effective_date,
                    "note": relation.note,
                    "resolution": _ref(other),
                }
            )
        return RelationSerializer(rows, many=True).data

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_full_text_url(self, resolution: Resolution) -> str | None:
        if self.context["full_text"] is None:
            return None
        return reverse(
            "portal:resolution_text",
            args=[resolution.council_id, resolution.pk],
            request=self.context.get("request"),
        )


class VoteCountSerializer(serializers.Serializer):
    option = serializers.ChoiceField(choices=["yes", "no", "abstain"])
    value = serializers.IntegerField(allow_null=True)


class PersonVoteSerializer(serializers.Serializer):
    option = serializers.ChoiceField(choices=["yes", "no", "abstain", "absent"])
    voter_id = serializers.CharField()
    voter_pk = serializers.IntegerField()
    voter_name = serializers.CharField()


# OCD's options for DelegateVote.Choice.
VOTE_OPTIONS = {
    DelegateVote.Choice.FOR: "yes",
    DelegateVote.Choice.AGAINST: "no",
    DelegateVote.Choice.ABSTAIN: "abstain",
    DelegateVote.Choice.ABSENT: "absent",
}


class VoteEventSerializer(serializers.ModelSerializer):
    """An OCD vote event: the council's vote that adopted a resolution, its counts and, when
    recorded, each delegate's vote (a public record of the session)."""

    id = OcdIdField("vote", "council_id")
    pk = serializers.IntegerField(read_only=True, help_text="Khóa của nghị quyết.")
    bill_id = OcdIdField("resolution", "council_id")
    identifier = serializers.CharField(source="symbol", read_only=True)
    motion_text = serializers.CharField(source="title", read_only=True)
    start_date = serializers.DateField(source="adopted_date", read_only=True)
    result = serializers.SerializerMethodField(help_text="Luôn là «pass»: nghị quyết đã thông qua.")
    session = serializers.IntegerField(source="session_id", read_only=True, allow_null=True)
    counts = serializers.SerializerMethodField()
    votes = serializers.SerializerMethodField()

    class Meta:
        model = Resolution
        fields = [
            "id",
            "pk",
            "bill_id",
            "identifier",
            "motion_text",
            "start_date",
            "result",
            "session",
            "delegates_present",
            "counts",
            "votes",
        ]

    def get_result(self, resolution: Resolution) -> str:
        return "pass"

    @extend_schema_field(VoteCountSerializer(many=True))
    def get_counts(self, resolution: Resolution) -> Any:
        return [
            {"option": "yes", "value": resolution.votes_for},
            {"option": "no", "value": resolution.votes_against},
            {"option": "abstain", "value": resolution.votes_abstain},
        ]

    @extend_schema_field(PersonVoteSerializer(many=True))
    def get_votes(self, resolution: Resolution) -> Any:
        return [
            {
                "option": VOTE_OPTIONS[vote.choice],
                "voter_id": ocd_id(
                    "delegate", council_id=resolution.council_id, pk=vote.delegate_id
                ),
                "voter_pk": vote.delegate_id,
                "voter_name": vote.delegate.full_name,
            }
            for vote in resolution.delegate_votes.all()
        ]


class PersonRefSerializer(serializers.Serializer):
    id = serializers.CharField()
    pk = serializers.IntegerField()
    name = serializers.CharField()


class RecommendationSerializer(serializers.Serializer):
    """What a conclusion recommends and to whom; its deadline and follow-up stay internal."""

    content = serializers.CharField(read_only=True, help_text="Nội dung kiến nghị.")
    addressee = serializers.CharField(
        source="addressee.name",
        read_only=True,
        allow_null=True,
        default=None,
        help_text="Cơ quan, tổ chức được kiến nghị.",
    )


class OversightActivitySerializer(serializers.ModelSerializer):
    """An OCD event of classification «oversight»: an activity the secretariat marked public
    and its conclusion; the recommendations' follow-up stays internal."""

    id = OcdIdField("oversight", "term.council_id")
    pk = serializers.IntegerField(read_only=True)
    classification = serializers.SerializerMethodField(help_text="Luôn là «oversight».")
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    actor_label = serializers.CharField(read_only=True)
    year = serializers.IntegerField(read_only=True, help_text="Năm tính hoạt động.")
    term = serializers.IntegerField(source="term_id", read_only=True)
    session = serializers.IntegerField(source="session_id", read_only=True, allow_null=True)
    committee = serializers.IntegerField(source="committee_id", read_only=True, allow_null=True)
    supervised_organizations = serializers.SerializerMethodField()
    members = serializers.SerializerMethodField(help_text="Thành viên đoàn (đại biểu).")
    recommendations = RecommendationSerializer(
        source="public_recommendations",
        many=True,
        read_only=True,
        help_text="Các kiến nghị trong kết luận giám sát.",
    )
    portal_url = PortalUrlField("oversight_detail", "term.council_id")

    class Meta:
        model = OversightActivity
        fields = [
            "id",
            "pk",
            "classification",
            "kind",
            "kind_label",
            "topic",
            "actor",
            "actor_label",
            "committee",
            "year",
            "start_date",
            "end_date",
            "term",
            "session",
            "establishing_number",
            "plan_number",
            "result_report_number",
            "result_report_date",
            "conclusion_number",
            "conclusion_date",
            "supervised_organizations",
            "members",
            "recommendations",
            "portal_url",
        ]

    def get_classification(self, activity: OversightActivity) -> str:
        return "oversight"

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_supervised_organizations(self, activity: OversightActivity) -> list[str]:
        return [org.name for org in activity.supervised_organizations.all()]

    @extend_schema_field(PersonRefSerializer(many=True))
    def get_members(self, activity: OversightActivity) -> list[dict[str, Any]]:
        council_id = activity.term.council_id
        return [
            {
                "id": ocd_id("delegate", council_id=council_id, pk=member.pk),
                "pk": member.pk,
                "name": member.full_name,
            }
            for member in activity.members.all()
        ]


class PetitionFiguresQuerySerializer(serializers.Serializer):
    """The petition figures' filters."""

    term = serializers.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1, help_text="Nhiệm kỳ (pk)."
    )
    year = serializers.IntegerField(
        required=False, min_value=1900, max_value=2999, help_text="Năm của kỳ họp."
    )


class PetitionFiguresSerializer(serializers.Serializer):
    """Voter petitions of one session, as figures only (never a petition or a voter)."""

    session = serializers.IntegerField(allow_null=True, help_text="Trống: ngoài kỳ họp.")
    label = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)
    petitions = serializers.IntegerField(help_text="Số kiến nghị (sau tổng hợp).")
    instances = serializers.IntegerField(help_text="Số lượt ý kiến, kiến nghị.")
    awaiting = serializers.IntegerField()
    forwarded = serializers.IntegerField()
    answered = serializers.IntegerField()
    resolved = serializers.IntegerField()
    answered_rate = serializers.CharField()
    resolved_rate = serializers.CharField()


class BulkFieldSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()


class BulkFileSerializer(serializers.Serializer):
    council = serializers.CharField()
    register = serializers.CharField()
    year = serializers.IntegerField()
    fields = BulkFieldSerializer(many=True)
    count = serializers.IntegerField()
    rows = serializers.ListField(child=serializers.DictField())


class BulkEntrySerializer(serializers.Serializer):
    year = serializers.IntegerField()
    csv = serializers.URLField()
    json = serializers.URLField()


class BulkIndexSerializer(serializers.Serializer):
    register = serializers.CharField()
    label = serializers.CharField()
    files = BulkEntrySerializer(many=True)
