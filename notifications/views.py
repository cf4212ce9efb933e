"""The notification centre: the user's own lines (another user's are not found), mark as read,
the choices per rule and channel. Every login has one, delegates' included."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from notifications import selectors, services
from notifications.models import Notification

PAGE_SIZE = 25
STATES = (selectors.UNREAD, selectors.READ)


def notification_list(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("trang_thai", "")
    if state not in STATES:
        state = ""
    qs = selectors.notification_list(user=request.user, state=state)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/notification_list.html",
        {
            "section_title": _("Thông báo"),
            "page_obj": page,
            "state": state,
            "states": [
                ("", _("Tất cả")),
                (selectors.UNREAD, _("Chưa đọc")),
                (selectors.READ, _("Đã đọc")),
            ],
            "unread_total": selectors.unread_count(user=request.user),
        },
    )


def _own_line(request: HttpRequest) -> Notification | None:
    """The user's line named by the POST's `id` (None without a valid id; another user's line
    is not found). The id travels in the form, not the URL, so each URL is the same for every
    user."""
    try:
        pk = int(request.POST.get("id", ""))
    except ValueError:
        return None
    return get_object_or_404(Notification, pk=pk, user=request.user)


def notification_bell(request: HttpRequest) -> HttpResponse:
    """The bell with the unread count, fetched by the page once loaded (one COUNT query)."""
    return render(request, "notifications/_bell_count.html")


@require_POST
def notification_open(request: HttpRequest) -> HttpResponse:
    """Mark the line read and go to its item."""
    notification = _own_line(request)
    if notification is None:
        return redirect("notifications:list")
    services.notification_mark_read(user=request.user, notification_id=notification.pk)
    return redirect(notification.url or "notifications:list")


@require_POST
def notification_read(request: HttpRequest) -> HttpResponse:
    notification = _own_line(request)
    if notification is not None:
        services.notification_mark_read(user=request.user, notification_id=notification.pk)
    return _back(request)


@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = services.notifications_mark_all_read(user=request.user)
    messages.success(request, _("Đã đánh dấu %(n)s thông báo là đã đọc.") % {"n": count})
    return _back(request)


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("notifications:list")


def notification_preferences(request: HttpRequest) -> HttpResponse:
    rows = selectors.preference_rows(user=request.user)
    if request.method == "POST":
        choices = {
            (row["rule"].pk, channel["code"]): channel["name"] in request.POST
            for row in rows
            for channel in row["channels"]
        }
        services.preferences_save(user=request.user, choices=choices)
        messages.success(request, _("Đã lưu lựa chọn nhận thông báo."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {
            "section_title": _("Lựa chọn nhận thông báo"),
            "list_url": None,
            "rows": rows,
            "has_email": bool(request.user.email),
        },
    )
