from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import models as m
from accounts.services import otp_enrolment_code_issue

# The Django admin keeps the logins and their security: users, two-factor devices and codes,
# the security log. The council's records are written in the app's own pages, through its
# services, version checks and history (council/urls.py), not here as well.
admin.site.site_header = _("Quản trị hệ thống Văn phòng HĐND")
admin.site.site_title = _("Quản trị Văn phòng HĐND")
admin.site.index_title = _("Quản trị hệ thống")

admin.site.register(m.UserProfile)


@admin.register(m.SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin):
    """The security log, read-only: nobody, administrators included, adds, edits or deletes an
    entry here."""

    list_display = ["at", "kind", "username", "ip_address", "path", "repeats", "detail"]
    list_filter = ["kind", "at"]
    date_hierarchy = "at"
    search_fields = ["username", "ip_address", "path"]
    # The log grows by the year: no COUNT(*) of the whole table under a filtered list.
    show_full_result_count = False
    list_per_page = 100

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(m.OTPEnrolmentCode)
class OTPEnrolmentCodeAdmin(admin.ModelAdmin):
    """Issued enrolment codes (hashes only): who, by whom, until when, used or not. Deleting an
    unused one revokes it; codes are issued from the users' list."""

    list_display = ["user", "issued_by", "created_at", "expires_at", "used_at"]
    list_select_related = ["user", "issued_by"]
    exclude = ["code_hash"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AuthenticatorDeviceForm(forms.ModelForm):
    class Meta:
        model = m.AuthenticatorDevice
        fields = ["name", "confirmed"]
        labels = {"name": _("Tên thiết bị"), "confirmed": _("Đã xác nhận")}
        help_texts = {
            "name": _("Tên giúp người dùng nhận ra thiết bị của mình."),
            "confirmed": _("Chỉ thiết bị đã xác nhận mới dùng được để đăng nhập."),
        }


# django-otp's own admin names everything in English and shows the secret as a QR code.
admin.site.unregister(TOTPDevice)


@admin.register(m.AuthenticatorDevice)
class AuthenticatorDeviceAdmin(admin.ModelAdmin):
    """Users' authenticator apps. One is registered from the setup page with an enrolment code,
    never here (adding one here would bypass the code); a lost phone's is deleted here. The
    secret is never shown."""

    form = AuthenticatorDeviceForm
    list_display = ["owner", "device_name", "created", "last_used", "is_confirmed"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "name"]
    search_help_text = _("Tìm theo tên đăng nhập, họ tên người dùng hoặc tên thiết bị.")
    fields = ["owner", "name", "confirmed"]
    readonly_fields = ["owner"]

    @admin.display(description=_("Người dùng"), ordering="user__username")
    def owner(self, device: m.AuthenticatorDevice) -> str:
        return str(device.user)

    @admin.display(description=_("Tên thiết bị"), ordering="name")
    def device_name(self, device: m.AuthenticatorDevice) -> str:
        return device.name

    @admin.display(description=_("Đăng ký lúc"), ordering="created_at")
    def created(self, device: m.AuthenticatorDevice) -> Any:
        return device.created_at

    @admin.display(description=_("Dùng lần cuối"), ordering="last_used_at")
    def last_used(self, device: m.AuthenticatorDevice) -> Any:
        return device.last_used_at

    @admin.display(description=_("Đã xác nhận"), boolean=True, ordering="confirmed")
    def is_confirmed(self, device: m.AuthenticatorDevice) -> bool:
        return device.confirmed

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class CouncilUserAdmin(UserAdmin):
    actions = ["issue_otp_enrolment_codes"]

    @admin.action(description=_("Cấp mã đăng ký xác thực hai bước"), permissions=["change"])
    def issue_otp_enrolment_codes(self, request: HttpRequest, queryset: QuerySet) -> Any:
        """Show each selected user a new one-time code, on this page only (never stored in
        clear, never in a flash message that would sit in a cookie)."""
        codes = [
            (user, otp_enrolment_code_issue(user=user, issued_by=request.user, request=request))
            for user in queryset.order_by("username")
        ]
        response = TemplateResponse(
            request,
            "registration/otp_enrolment_codes_issued.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Mã đăng ký xác thực hai bước"),
                "codes": codes,
                "hours": settings.OTP_ENROLMENT_CODE_HOURS,
                "opts": self.model._meta,
            },
        )
        add_never_cache_headers(response)
        return response
