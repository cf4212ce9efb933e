from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import tables
from core.tables import SUMMARY_ATTRS
from resolutions.models import Resolution, ResolutionField


class ResolutionTable(tables.Table):
    symbol = tables.Column(
        verbose_name=_("Số, ký hiệu"), linkify=True, order_by=("year", "series", "number")
    )
    title = tables.Column(attrs=SUMMARY_ATTRS)
    is_normative = tables.Column(verbose_name=_("Loại"))
    session = tables.Column(verbose_name=_("Kỳ họp"), order_by=("session__start_date",))
    field = tables.Column(order_by=("field__order", "field__name"))
    status = tables.Column()

    class Meta:
        model = Resolution
        fields = ["symbol", "adopted_date", "title", "is_normative", "session", "field", "status"]
        empty_text = _("Chưa có nghị quyết nào.")

    def render_title(self, value: str, record: Resolution) -> str:
        return value if len(value) <= 160 else value[:157] + "…"

    def render_is_normative(self, value: bool, record: Resolution) -> str:
        return str(_("QPPL")) if value else str(_("Cá biệt"))

    def render_session(self, value, record: Resolution) -> str:
        s = record.session
        return format_html(
            '<a href="{}">{} {} ({})</a>',
            s.get_absolute_url(),
            _("Kỳ họp thứ"),
            s.number,
            s.kind_label,
        )


class ResolutionFieldTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = ResolutionField
        fields = ["name", "order"]
        empty_text = _("Chưa có lĩnh vực nào.")


class ReviewTable(tables.Table):
    """The communes' normative resolutions, each linked to its review page."""

    symbol = tables.Column(verbose_name=_("Số, ký hiệu"), order_by=("year", "series", "number"))
    council = tables.Column(verbose_name=_("HĐND cấp xã"), order_by=("council__name",))
    title = tables.Column(attrs=SUMMARY_ATTRS)
    review = tables.Column(verbose_name=_("Rà soát"), accessor="pk", orderable=False)

    class Meta:
        model = Resolution
        fields = ["symbol", "council", "adopted_date", "title", "review"]
        empty_text = _("Chưa có nghị quyết quy phạm nào của HĐND cấp xã.")

    def render_symbol(self, value: str, record: Resolution) -> str:
        url = reverse("resolutions:review", args=[record.pk])
        return format_html('<a href="{}">{}</a>', url, value)

    def render_council(self, value, record: Resolution) -> str:
        return record.council.short_name or record.council.name

    def render_title(self, value: str, record: Resolution) -> str:
        return value if len(value) <= 160 else value[:157] + "…"

    def render_review(self, value, record: Resolution) -> str:
        return review_text(record)


def review_text(record: Resolution) -> str:
    """A resolution's review as a list cell says it (an empty cell says "Chưa tiếp nhận")."""
    review = getattr(record, "review", None)
    if review is None:
        return str(_("Chưa tiếp nhận"))
    if not review.is_concluded:
        return str(
            _("Đang xem xét (nhận %(day)s)") % {"day": review.received_date.strftime("%d/%m/%Y")}
        )
    return f"{review.get_conclusion_display()} ({review.reviewed_date.strftime('%d/%m/%Y')})"
