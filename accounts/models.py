from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from council.models import Committee, Council, Delegate


class UserProfile(models.Model):
    """Links a login to its council, to a Ban (for the committee-member role) and optionally
    to a delegate."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    council = models.ForeignKey(
        Council,
        verbose_name=_("HĐND"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="user_profiles",
        help_text=_(
            "HĐND mà tài khoản làm việc cho. Bỏ trống: HĐND cấp tỉnh của hệ thống. Tài khoản của "
            "HĐND tỉnh xem được cả các HĐND xã thuộc tỉnh."
        ),
    )
    committee = models.ForeignKey(
        Committee,
        verbose_name=_("Ban"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user_profiles",
    )
    delegate = models.ForeignKey(
        Delegate,
        verbose_name=_("Đại biểu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        db_table = "council_userprofile"  # its table from before it moved out of council
        verbose_name = _("Hồ sơ người dùng")
        verbose_name_plural = _("Hồ sơ người dùng")

    def __str__(self) -> str:
        return str(self.user)


class OneTimeSecret(models.Model):
    """What a one-time secret handed to one user keeps: whose it is, who issued it, when it
    expires and when it was used. The secret itself is never stored, only its hash (in the
    subclass's own column)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người dùng"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người cấp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Cấp lúc"), auto_now_add=True)
    expires_at = models.DateTimeField(_("Hết hạn lúc"))
    used_at = models.DateTimeField(_("Đã dùng lúc"), null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%d/%m/%Y %H:%M}"


class OTPEnrolmentCode(OneTimeSecret):
    """A one-time code that lets its user register an authenticator app. Someone who has only
    the password cannot enrol: the code comes from `manage.py create_role_user` or from another
    administrator (accounts.services.otp_enrolment_code_issue)."""

    code_hash = models.CharField(_("Mã băm"), max_length=64, unique=True)

    class Meta:
        db_table = "council_otpenrolmentcode"  # its table from before it moved out of council
        verbose_name = _("Mã đăng ký xác thực hai bước")
        verbose_name_plural = _("Mã đăng ký xác thực hai bước")


class AuthenticatorDevice(TOTPDevice):
    """A user's authenticator app (django-otp's TOTPDevice, the same rows) as the admin lists it:
    the library names its model in English only ("TOTP devices"). Deleting one is how a lost
    phone is replaced (README, Security model)."""

    class Meta:
        proxy = True
        verbose_name = _("Thiết bị xác thực hai bước")
        verbose_name_plural = _("Thiết bị xác thực hai bước")


class SecurityEvent(models.Model):
    """The security log: who did what, when, from where. Never a password."""

    class Kind(models.TextChoices):
        LOGIN = "login", _("Đăng nhập")
        LOGIN_FAILED = "login_failed", _("Đăng nhập thất bại")
        LOCKOUT = "lockout", _("Khoá tài khoản tạm thời")
        LOGOUT = "logout", _("Đăng xuất")
        FORBIDDEN = "forbidden", _("Truy cập bị từ chối (403)")
        OTP_VERIFIED = "otp_verified", _("Xác thực hai bước")
        OTP_FAILED = "otp_failed", _("Mã xác thực hai bước sai")
        SESSION_EXPIRED = "session_expired", _("Phiên làm việc hết hạn")
        REPORT_DOWNLOAD = "report_download", _("Tải báo cáo")
        PERSONAL_DATA_VIEW = "personal_data_view", _("Xem thông tin cá nhân công dân")
        EXPORT = "export", _("Xuất dữ liệu")
        OTP_ENROLMENT_ISSUED = "otp_enrolment_issued", _("Cấp mã đăng ký xác thực hai bước")

    at = models.DateTimeField(_("Thời điểm"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("Sự kiện"), max_length=30, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người dùng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("Tên đăng nhập"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("Địa chỉ IP"), null=True, blank=True)
    path = models.CharField(_("Đường dẫn"), max_length=500, blank=True)
    detail = models.CharField(_("Chi tiết"), max_length=500, blank=True)
    # Events of the same kind by the same person beyond the log's rate are counted here, on the
    # latest row, instead of each making a row (accounts.security.security_event_record).
    repeats = models.PositiveIntegerField(_("Lặp lại thêm"), default=0)

    class Meta:
        db_table = "council_securityevent"  # its table from before it moved out of council
        verbose_name = _("Nhật ký an ninh")
        verbose_name_plural = _("Nhật ký an ninh")
        ordering = ["-at"]
        indexes = [
            # The rate check: this person's latest events of one kind.
            models.Index(fields=["user", "kind", "at"], name="council_secevent_user_kind_at"),
            models.Index(fields=["username", "kind", "at"], name="council_secevent_name_kind_at"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_kind_display()} {self.username}"


class AccountLink(OneTimeSecret):
    """A one-time link that lets a delegate set their own password (issue 20: accounts for a
    whole term are made in one step, and no password is ever sent around). The link is shown
    once, to the staff who issued it."""

    token_hash = models.CharField(_("Mã băm"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("Đường dẫn kích hoạt tài khoản")
        verbose_name_plural = _("Đường dẫn kích hoạt tài khoản")
