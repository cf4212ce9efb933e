from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from calendars.models import CalendarToken
from calendars.services import calendar_token_revoke


@admin.register(CalendarToken)
class CalendarTokenAdmin(admin.ModelAdmin):
    """Whose private calendar feeds are open, and since when; an administrator revokes a key
    (a phone lost, a login leaving), as its owner does on «Lịch của tôi». The key itself is not
    shown: it opens the feed. Keys are issued by their owners only, never edited or deleted
    (a row says who had a feed, and until when)."""

    list_display = ("user", "kind", "created_at", "last_used_at", "revoked_at")
    list_filter = ("kind", ("revoked_at", admin.EmptyFieldListFilter))
    search_fields = ("user__username", "user__first_name", "user__last_name")
    fields = ("user", "kind", "created_at", "last_used_at", "revoked_at")
    readonly_fields = fields
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: CalendarToken | None = None) -> bool:
        return False

    @admin.action(description=_("Thu hồi các mã đã chọn"))
    def revoke(self, request: HttpRequest, queryset) -> None:
        revoked = sum(
            calendar_token_revoke(user=token.user, kind=token.kind)
            for token in queryset.filter(revoked_at__isnull=True).select_related("user")
        )
        self.message_user(request, _("Đã thu hồi %(n)d mã lịch riêng.") % {"n": revoked})
