from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from council import models as m


@admin.register(m.Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "place_name", "resolution_sequence", "rate_rounding"]


@admin.register(m.Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["roman", "council", "start_date", "end_date"]


@admin.register(m.Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "term"]
    list_filter = ["term"]


@admin.register(m.Delegate)
class DelegateAdmin(admin.ModelAdmin):
    list_display = [
        "full_name",
        "term",
        "delegate_group",
        "committee",
        "is_full_time",
        "status_today",
    ]
    list_select_related = ["term", "delegate_group", "committee"]
    list_filter = ["term", "status", "is_full_time"]
    search_fields = ["full_name"]

    @admin.display(description=_("Tình trạng"), ordering="status")
    def status_today(self, delegate: m.Delegate) -> str:
        return delegate.get_status_display()


@admin.register(m.Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "level", "is_active"]
    list_filter = ["kind", "level"]
    search_fields = ["name", "short_name"]


@admin.register(m.AdministrativeUnit)
class AdministrativeUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "unit_type", "level", "parent", "valid_from", "valid_to"]
    list_filter = ["level", "unit_type"]
    search_fields = ["name"]


admin.site.register(
    [
        m.DelegateGroup,
        m.Position,
        m.UnitSuccession,
        m.InterSessionMatter,
        m.AppraisalRequest,
    ]
)


admin.site.site_header = _("Quản trị hệ thống Văn phòng HĐND")
admin.site.site_title = _("Quản trị Văn phòng HĐND")
admin.site.index_title = _("Quản trị hệ thống")
