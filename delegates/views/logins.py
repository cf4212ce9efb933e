"""The secretariat makes delegates' logins, a whole term in one step, each with a one-time link
the delegate opens to set their own password (no password is sent around); and the page the
link opens."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.models import UserProfile
from accounts.services import (
    DelegateAccount,
    account_link_redeem,
    account_link_user,
    delegate_account_create,
    delegate_accounts_create,
)
from core.scoping import council_object_or_404, of_council, request_council
from council.models import Delegate, Term
from council.selectors import term_for_date
from delegates.access import query_id, require_secretariat


def _term(request: HttpRequest) -> Term | None:
    council = request_council(request)
    if council is None:
        return None
    if request.GET.get("term"):
        return council_object_or_404(request, Term, pk=query_id(request.GET["term"]))
    return term_for_date(council=council, day=timezone.localdate()) or (
        of_council(Term.objects.all(), council).order_by("-start_date").first()
    )


def accounts(request: HttpRequest) -> HttpResponse:
    """The term's delegates with their logins: who has one, who has set a password, when they
    last came."""
    require_secretariat(request)
    term = _term(request)
    council = request_council(request)
    terms = of_council(Term.objects.all(), council).order_by("-start_date") if council else []
    rows = []
    if term is not None:
        profiles = {
            p.delegate_id: p.user
            for p in UserProfile.objects.filter(delegate__term=term).select_related("user")
        }
        for delegate in Delegate.objects.filter(term=term).order_by("full_name", "pk"):
            rows.append((delegate, profiles.get(delegate.pk)))
    return render(
        request,
        "delegates/accounts.html",
        {
            "term": term,
            "terms": terms,
            "rows": rows,
            "missing": sum(1 for d, u in rows if u is None and d.status == Delegate.Status.ACTIVE),
            "section_title": _("Tài khoản đại biểu"),
        },
    )


def _issued(request: HttpRequest, issued: list[DelegateAccount], term: Term) -> HttpResponse:
    """The links, shown this once: only their hashes are kept."""
    return render(
        request,
        "delegates/accounts_issued.html",
        {
            "issued": [
                (a, request.build_absolute_uri(reverse("delegates:activate", args=[a.token])))
                for a in issued
            ],
            "term": term,
            "days": settings.ACCOUNT_LINK_DAYS,
            "section_title": _("Tài khoản đại biểu"),
        },
    )


def accounts_create(request: HttpRequest, term_pk: int) -> HttpResponse:
    require_secretariat(request)  # before the method: a refused login learns nothing more
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    term = council_object_or_404(request, Term, pk=term_pk)
    issued = delegate_accounts_create(term=term, issued_by=request.user)
    if not issued:
        messages.info(request, _("Mọi đại biểu đang hoạt động của nhiệm kỳ đã có tài khoản."))
        return redirect(f"{reverse('delegates:accounts')}?term={term.pk}")
    return _issued(request, issued, term)


def account_link(request: HttpRequest, delegate_pk: int) -> HttpResponse:
    """A new link for one delegate (a lost or expired one): the earlier link stops working."""
    require_secretariat(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    delegate = council_object_or_404(
        request, Delegate.objects.select_related("term"), pk=delegate_pk
    )
    account = delegate_account_create(delegate=delegate, issued_by=request.user)
    return _issued(request, [account], delegate.term)


@login_not_required
@never_cache
def activate(request: HttpRequest, token: str) -> HttpResponse:
    """The one-time link: the delegate chooses a password and is logged in."""
    user = account_link_user(token=token)
    if user is None:
        return render(request, "delegates/activate_invalid.html", status=404)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        redeemed = account_link_redeem(token=token, password=form.cleaned_data["new_password1"])
        if redeemed is None:
            raise Http404
        login(request, redeemed, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Đã đặt mật khẩu. Từ nay đăng nhập bằng tên %(username)s và mật khẩu vừa đặt.")
            % {"username": redeemed.get_username()},
        )
        return redirect("delegates:home")
    return render(request, "delegates/activate.html", {"form": form, "account": user})
