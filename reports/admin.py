from django.contrib import admin

from reports.models import AnnualReport, InvitationRequest, ReportRequest


@admin.register(AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "council", "kind", "number", "report_date", "signer_name"]
    list_filter = ["council", "kind"]


@admin.register(ReportRequest)
class ReportRequestAdmin(admin.ModelAdmin):
    list_display = [
        "annual_report",
        "requested_by",
        "requested_at",
        "status",
        "attempts",
        "duration",
    ]
    list_filter = ["status"]
    readonly_fields = ["figures"]


@admin.register(InvitationRequest)
class InvitationRequestAdmin(admin.ModelAdmin):
    list_display = ["invitation", "requested_by", "requested_at", "status", "attempts", "duration"]
    list_filter = ["status"]
