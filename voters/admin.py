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


# Letters and reception visits are not in the admin: their senders' and citizens' identities
# would show to every administrator, and a denunciator's to those who are not its keeper
# (voters.casework.identity). Their pages in the app apply the rule. The log of who read a
# denunciator's identity names the letter or visit only, never the identity.
@admin.register(m.IdentityAccess)
class IdentityAccessAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "action", "letter", "visit"]
    list_filter = ["action"]
    readonly_fields = ["at", "user", "action", "letter", "visit"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
