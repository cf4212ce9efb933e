"""Two-factor login with an authenticator app (TOTP, django-otp): set up and verify.

Setting up needs more than the password: a one-time enrolment code from `manage.py
create_role_user` or another administrator (accounts.services.otp_enrolment_code_issue), asked
for before the secret is shown. Otherwise whoever has the password first (a new
administrator's, stolen) registers their own phone and owns the second factor too."""

from __future__ import annotations

from base64 import b32encode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.db.models import F
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.councils import user_council, visible_councils
from accounts.models import SecurityEvent
from accounts.security import OTP_DEVICE_KEY, security_event_record
from accounts.services import otp_device_start, otp_enrolment_code_redeem
from core.scoping import CHOSEN_COUNCIL_KEY, request_council

# The unconfirmed authenticator this session is registering: its secret is shown only to the
# session that gave an enrolment code (or had passed two-factor) for it.
ENROLMENT_DEVICE_KEY = "hdnd_otp_enrolment_device"


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Mã xác thực (6 chữ số)"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class EnrolmentCodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Mã đăng ký"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "autofocus": True}
        ),
    )


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return "/"
    return target


def _enrolment_device(request: HttpRequest) -> TOTPDevice | None:
    device_id = request.session.get(ENROLMENT_DEVICE_KEY)
    if device_id is None:
        return None
    return TOTPDevice.objects.filter(pk=device_id, user=request.user, confirmed=False).first()


def _enrolment_code_step(request: HttpRequest) -> HttpResponse:
    """Ask for the enrolment code; with a good one, start a device for this session."""
    form = EnrolmentCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if otp_enrolment_code_redeem(user=request.user, code=form.cleaned_data["code"]):
            request.session[ENROLMENT_DEVICE_KEY] = otp_device_start(user=request.user).pk
            # Redirect: the QR code comes with a GET, so reloading it re-posts nothing.
            query = urlencode({"next": _next_url(request)})
            return HttpResponseRedirect(f"{reverse('otp_setup')}?{query}")
        security_event_record(
            kind=SecurityEvent.Kind.OTP_FAILED, request=request, detail="enrolment code"
        )
        form.add_error("code", _("Mã đăng ký không đúng, đã được dùng hoặc đã hết hạn."))
    return render(
        request,
        "registration/otp_enrolment_code.html",
        {
            "form": form,
            "hours": settings.OTP_ENROLMENT_CODE_HOURS,
            "next": _next_url(request),
        },
    )


@never_cache
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Register an authenticator app: an enrolment code first, then the QR code, confirmed
    with a first code from the app."""
    user = request.user
    # Someone who has typed only the password must not register a new authenticator and so
    # walk past the one already set up: they verify with the existing device first.
    if not user.is_verified() and TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return HttpResponseRedirect(f"{reverse('otp_verify')}?next={request.get_full_path()}")
    device = _enrolment_device(request)
    if device is None and user.is_verified():
        # Already past two-factor (adding a second phone): an enrolment code would prove nothing.
        device = otp_device_start(user=user)
        request.session[ENROLMENT_DEVICE_KEY] = device.pk
    if device is None:
        return _enrolment_code_step(request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            request.session[OTP_DEVICE_KEY] = True
            request.session.pop(ENROLMENT_DEVICE_KEY, None)
            security_event_record(
                kind=SecurityEvent.Kind.OTP_VERIFIED, request=request, detail="setup"
            )
            messages.success(request, _("Đã bật xác thực hai bước."))
            return HttpResponseRedirect(_next_url(request))
        security_event_record(kind=SecurityEvent.Kind.OTP_FAILED, request=request, detail="setup")
        form.add_error("token", _("Mã không đúng. Hãy nhập mã đang hiển thị trên ứng dụng."))
    qr_svg = segno.make(device.config_url, micro=False).svg_inline(scale=4)
    return render(
        request,
        "registration/otp_setup.html",
        {
            "form": form,
            "qr_svg": qr_svg,
            "secret": b32encode(device.bin_key).decode(),
            "config_url": device.config_url,
            "next": _next_url(request),
        },
    )


@never_cache
def otp_verify(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                security_event_record(kind=SecurityEvent.Kind.OTP_VERIFIED, request=request)
                return HttpResponseRedirect(_next_url(request))
        security_event_record(kind=SecurityEvent.Kind.OTP_FAILED, request=request)
        form.add_error("token", _("Mã xác thực không đúng hoặc đã hết hạn."))
    return render(
        request, "registration/otp_verify.html", {"form": form, "next": _next_url(request)}
    )


def council_choose(request: HttpRequest) -> HttpResponse:
    """Which council's data the pages show, for a login that may look at several: the
    province's logins at its communes' councils, administrators at every council."""
    # The province first (on PostgreSQL a NULL sorts last unless told), then its communes.
    councils = list(
        visible_councils(request.user).order_by(F("parent_id").asc(nulls_first=True), "name")
    )
    if request.method == "POST":
        chosen = next((c for c in councils if str(c.pk) == request.POST.get("council")), None)
        if chosen is None:
            messages.error(request, _("Không có HĐND này trong danh sách được xem."))
        else:
            if chosen == user_council(request.user):
                request.session.pop(CHOSEN_COUNCIL_KEY, None)
            else:
                request.session[CHOSEN_COUNCIL_KEY] = chosen.pk
            messages.success(request, _("Đang xem dữ liệu của %(council)s.") % {"council": chosen})
            return HttpResponseRedirect(reverse("home"))
    return render(
        request,
        "registration/council_choose.html",
        {"councils": councils, "current": request_council(request)},
    )
