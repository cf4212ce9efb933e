from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from opendata.models import ApiToken
from opendata.services import api_token_create, api_token_revoke


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are made here or with `manage.py api_token create`; the key is shown once, in
    the message after saving. A token is revoked, never edited or deleted (its row says who
    had access, and when)."""

    list_display = ("name", "council", "key_prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = ("council",)
    search_fields = ("name", "key_prefix")
    fields = ("council", "name", "key_prefix", "created_by", "created_at", "last_used_at")
    readonly_fields = ("key_prefix", "created_by", "created_at", "last_used_at")
    actions = ["revoke"]

    def get_readonly_fields(self, request: HttpRequest, obj: ApiToken | None = None):
        if obj is not None:
            return (*self.readonly_fields, "council", "name")
        return self.readonly_fields

    def save_model(self, request: HttpRequest, obj: ApiToken, form, change: bool) -> None:
        if change:
            return
        token, key = api_token_create(council=obj.council, name=obj.name, created_by=request.user)
        obj.pk = token.pk
        self.message_user(
            request,
            _("Khóa truy cập (chỉ hiện một lần, hãy lưu lại): %(key)s") % {"key": key},
            messages.WARNING,
        )

    def has_delete_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return False

    @admin.action(description=_("Thu hồi các khóa đã chọn"))
    def revoke(self, request: HttpRequest, queryset) -> None:
        for token in queryset:
            api_token_revoke(token=token)
        self.message_user(request, _("Đã thu hồi %(n)d khóa.") % {"n": queryset.count()})
