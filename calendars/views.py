"""The calendar feeds and «Lịch của tôi». The feeds are fetched by calendar apps, which never
log in: the public feed is open (its items are public by rule), the internal and the
delegate's feeds open with the private key in their URL. An unknown or revoked key, or an owner
who may no longer have the feed, is a feed that does not exist (404)."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from accounts.councils import user_council
from calendars import access, selectors, services
from calendars.ical import feed_ical
from calendars.models import CalendarToken
from core import roles
from council.models import Council

# How long the time a feed's body was first served is kept: past it, Last-Modified moves to the
# next fetch (a full answer instead of a 304 once a month).
FIRST_SERVED_SECONDS = 30 * 24 * 3600

KIND_NAMES = {
    selectors.SESSIONS: gettext_lazy("Kỳ họp"),
    selectors.VOTER_MEETINGS: gettext_lazy("Tiếp xúc cử tri"),
    selectors.RECEPTION: gettext_lazy("Tiếp công dân"),
}


@login_not_required
@require_safe
def public_feed(request: HttpRequest, council_id: int) -> HttpResponse:
    council = get_object_or_404(Council, pk=council_id)
    kinds = _kinds(request)
    since = selectors.feed_since()
    events = selectors.public_feed_events(
        council=council, kinds=kinds, since=since, session_url=_session_url(request)
    )
    name = _("Lịch công khai %(council)s") % {"council": _council_name(council)}
    if len(kinds) == 1:
        name = f"{KIND_NAMES[kinds[0]]} · {_council_name(council)}"
    body = feed_ical(
        name=name,
        uid=f"public-{council.pk}-{'-'.join(kinds)}@hdnd",
        description=_window(since),
        events=events,
    )
    return _serve(request, body=body, filename=f"hdnd-{council.pk}-cong-khai.ics", public=True)


@login_not_required
@require_safe
def internal_feed(request: HttpRequest, token: str) -> HttpResponse:
    owner = _token_owner(token, CalendarToken.Kind.INTERNAL)
    if not access.may_have_internal_feed(owner.user):
        raise Http404
    council = user_council(owner.user)
    if council is None:
        raise Http404
    since = selectors.feed_since()
    events = selectors.internal_feed_events(
        council=council, since=since, session_url=_session_url(request)
    )
    body = feed_ical(
        name=_("Lịch nội bộ %(council)s") % {"council": _council_name(council)},
        uid=f"internal-{council.pk}@hdnd",
        description=_window(since),
        events=events,
    )
    services.calendar_token_used(token=owner)
    return _serve(request, body=body, filename="hdnd-noi-bo.ics", public=False)


@login_not_required
@require_safe
def delegate_feed(request: HttpRequest, token: str) -> HttpResponse:
    owner = _token_owner(token, CalendarToken.Kind.DELEGATE)
    if not access.may_have_delegate_feed(owner.user):
        raise Http404
    delegate = roles.user_delegate(owner.user)
    since = selectors.feed_since()
    events = selectors.delegate_feed_events(
        delegate=delegate, since=since, session_url=_session_url(request)
    )
    body = feed_ical(
        name=_("Lịch của đại biểu %(name)s") % {"name": delegate.full_name},
        uid=f"delegate-{delegate.pk}@hdnd",
        description=_window(since),
        events=events,
    )
    services.calendar_token_used(token=owner)
    return _serve(request, body=body, filename="lich-dai-bieu.ics", public=False)


def my_calendars(request: HttpRequest) -> HttpResponse:
    """The user's feed URLs to copy into a calendar app, and a new key for a private one."""
    user = request.user
    allowed = {
        CalendarToken.Kind.INTERNAL: access.may_have_internal_feed(user),
        CalendarToken.Kind.DELEGATE: access.may_have_delegate_feed(user),
    }
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        if kind not in allowed:
            messages.error(request, _("Không rõ lịch cần cấp đường dẫn."))
            return redirect("calendars:mine")
        if not allowed[kind]:
            raise PermissionDenied
        if request.POST.get("action") == "revoke":
            services.calendar_token_revoke(user=user, kind=kind)
            messages.success(request, _("Đã thu hồi đường dẫn riêng: lịch không còn mở được."))
        else:
            services.calendar_token_issue(user=user, kind=kind)
            messages.success(
                request,
                _("Đã cấp đường dẫn mới. Đường dẫn cũ (nếu có) không còn dùng được."),
            )
        return redirect("calendars:mine")
    council = user_council(user)
    tokens = selectors.tokens_active(user=user)
    private = []
    for kind, title, url_name, about in (
        (
            CalendarToken.Kind.INTERNAL,
            _("Lịch nội bộ"),
            "calendars:internal",
            _(
                "Kỳ họp, phiên họp Thường trực, tiếp xúc cử tri, lịch tiếp công dân (cả lịch "
                "chưa công bố), hoạt động giám sát, hạn thực hiện kiến nghị sau giám sát và hạn "
                "đăng ký chất vấn. Không có thông tin cá nhân của công dân."
            ),
        ),
        (
            CalendarToken.Kind.DELEGATE,
            _("Lịch của đại biểu"),
            "calendars:delegate",
            _(
                "Kỳ họp của nhiệm kỳ, hạn đăng ký chất vấn, các cuộc tiếp xúc cử tri của đại "
                "biểu hoặc Tổ đại biểu, lịch tiếp công dân đại biểu chủ trì, phiên họp Thường "
                "trực và đoàn giám sát đại biểu tham gia."
            ),
        ),
    ):
        if not allowed[kind]:
            continue
        token = tokens.get(kind)
        url = (
            request.build_absolute_uri(reverse(url_name, kwargs={"token": token.key}))
            if token
            else ""
        )
        private.append(
            {
                "kind": kind,
                "title": title,
                "about": about,
                "token": token,
                "field_id": f"url-{kind}",
                **_links(url),
            }
        )
    public = []
    if council is not None:
        for kinds, title in [((), _("Tất cả"))] + [((k,), v) for k, v in KIND_NAMES.items()]:
            url = reverse("calendars:public", kwargs={"council_id": council.pk})
            if kinds:
                url += f"?loai={kinds[0]}"
            public.append(
                {
                    "title": title,
                    "field_id": f"public-{len(public)}",
                    **_links(request.build_absolute_uri(url)),
                }
            )
    return render(
        request,
        "calendars/my_calendars.html",
        {
            "section_title": _("Lịch của tôi"),
            "council": council,
            "public": public,
            "private": private,
            "past_days": settings.CALENDAR_FEED_PAST_DAYS,
        },
    )


# --- Helpers -------------------------------------------------------------------------------


def _kinds(request: HttpRequest) -> tuple[str, ...]:
    """?loai=ky-hop (repeated, or comma-separated): the kinds asked for, all when none; an
    unknown kind is a feed that does not exist."""
    asked = [k for value in request.GET.getlist("loai") for k in value.split(",") if k]
    if not asked:
        return selectors.PUBLIC_KINDS
    if any(k not in selectors.PUBLIC_KINDS for k in asked):
        raise Http404
    return tuple(k for k in selectors.PUBLIC_KINDS if k in asked)


def _token_owner(key: str, kind: str) -> CalendarToken:
    token = selectors.token_active(key=key, kind=kind)
    if token is None:
        raise Http404
    return token


def _council_name(council: Council) -> str:
    return council.short_name or council.name


def _window(since) -> str:
    return _("Các sự kiện từ ngày %(day)s (hai năm trước) và mọi sự kiện sắp tới.") % {
        "day": since.strftime("%d/%m/%Y")
    }


def _links(url: str) -> dict[str, str]:
    """The feed's https URL (to paste) and its webcal:// twin (a click subscribes in Apple
    Calendar, Outlook and Thunderbird)."""
    webcal = "webcal://" + url.split("://", 1)[1] if url else ""
    return {"url": url, "webcal": webcal}


def _session_url(request: HttpRequest) -> selectors.SessionUrl:
    """A session's page on the public portal, on the host the feed was asked from."""

    def url(council_id: int, pk: int) -> str:
        path = reverse("portal:session_detail", kwargs={"council_id": council_id, "pk": pk})
        return request.build_absolute_uri(path)

    return url


def _serve(request: HttpRequest, *, body: bytes, filename: str, public: bool) -> HttpResponse:
    """The feed, or 304 when the app's copy (If-None-Match / If-Modified-Since) is current.
    The ETag is the body's hash, so any change (an item added, changed, removed, or fallen out
    of the two years) is a new ETag. Last-Modified is when this server first served that body
    (kept in the cache under the ETag; the rows' updated_at cannot see a removed item); a lost
    cache entry only makes it later, never too early."""
    etag = f'"{hashlib.sha256(body).hexdigest()[:40]}"'
    key = f"calendars:first-served:{etag}"
    now = int(timezone.now().timestamp())
    # Not a speed cache (a feed is rendered at every fetch): the cache only remembers a date.
    cache.add(key, now, timeout=FIRST_SERVED_SECONDS)
    last_modified = cache.get(key) or now
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response.headers.setdefault("ETag", etag)
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(last_modified)
    if public:
        patch_cache_control(response, public=True, max_age=settings.CALENDAR_FEED_MAX_AGE)
    else:
        # The URL is the credential: no shared cache keeps a copy.
        patch_cache_control(response, private=True, no_store=True)
    return response
