from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import tables
from core.tables import SUMMARY_ATTRS
from documents.models import DocumentSeries, OutgoingDocument


class OutgoingDocumentTable(tables.Table):
    reference = tables.Column(
        verbose_name=_("Số, ký hiệu"),
        linkify=True,
        order_by=("year", "series__code", "number"),
        attrs={"td": {"class": "text-nowrap"}},
    )
    series = tables.Column(verbose_name=_("Loại"), order_by=("series__order", "series__code"))
    subject = tables.Column(attrs=SUMMARY_ATTRS)
    signer_name = tables.Column()
    status = tables.Column()

    class Meta:
        model = OutgoingDocument
        fields = ["reference", "date", "series", "subject", "signer_name", "status"]
        empty_text = _("Sổ văn bản đi chưa có văn bản nào.")

    def render_series(self, value, record: OutgoingDocument) -> str:
        return record.kind_label or record.series.name

    def render_subject(self, value: str, record: OutgoingDocument) -> str:
        return value if len(value) <= 160 else value[:157] + "…"

    def render_status(self, value: str, record: OutgoingDocument) -> str:
        css = "text-bg-secondary" if record.is_cancelled else "text-bg-success"
        return format_html('<span class="badge {}">{}</span>', css, value)


class DocumentSeriesTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = DocumentSeries
        fields = ["code", "name", "symbol", "yearly_reset", "is_active", "order"]
        empty_text = _("HĐND chưa có sổ văn bản nào.")
