"""Third-party apps under Vietnamese names: the admin would show the names they give
themselves ("Axes", "Otp_Totp"). Their models' names are translated in locale/vi where the
library marks them for translation (django-axes) and replaced by a proxy where it does not
(django-otp: accounts.models.AuthenticatorDevice)."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPAppConfig


class AxesConfig(AxesAppConfig):
    verbose_name = _("Nhật ký đăng nhập")


class TOTPConfig(TOTPAppConfig):
    verbose_name = _("Xác thực hai bước")
