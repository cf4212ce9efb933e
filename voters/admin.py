from django.contrib import admin

from voters import models as m


@admin.register(m.PetitionField)
class PetitionFieldAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order", "valid_from", "valid_to"]


@admin.register(m.VoterMeeting)
class VoterMeetingAdmin(admin.ModelAdmin):
    list_display = ["date", "timing", "location_unit", "voters_attended"]
    list_filter = ["timing", "term"]


@admin.register(m.ForwardingBatch)
class ForwardingBatchAdmin(admin.ModelAdmin):
    list_display = ["number", "date", "recipient"]


@admin.register(m.VoterPetition)
class VoterPetitionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "received_date", "instances", "status", "level"]
    list_filter = ["status", "level", "term"]
    readonly_fields = ["status", "consolidated_into", "batch"]


@admin.register(m.CitizenReception)
class CitizenReceptionAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "host", "persons", "cases"]
