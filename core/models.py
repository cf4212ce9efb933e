from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ChangeOnlyHistoricalRecords(HistoricalRecords):
    """Record a change only when a tracked value changed: a save that changes nothing (a form
    saved as is, demo data loaded again) leaves no empty entry in the audit trail."""

    IGNORED = frozenset({"updated_at"})

    def fields_included(self, model):
        """Without the model's HISTORY_EXCLUDED_FIELDS: a secret (a denunciator's identity, Luật
        Tố cáo 2018 Điều 47) must not be copied into an audit trail read by more people than
        may read the secret. Declared on the model because the history is inherited."""
        secret = frozenset(getattr(model, "HISTORY_EXCLUDED_FIELDS", ()))
        return [field for field in super().fields_included(model) if field.name not in secret]

    def post_save(self, instance, created, using=None, **kwargs):
        if not created and not kwargs.get("raw", False) and self._unchanged(instance, using):
            return
        super().post_save(instance, created, using=using, **kwargs)

    def _unchanged(self, instance, using) -> bool:
        last = (
            getattr(instance, self.manager_name)
            .using(using)
            .order_by("-history_date", "-history_id")
            .first()
        )
        if last is None:
            return False
        return all(
            getattr(last, f.attname) == getattr(instance, f.attname)
            for f in self.fields_included(instance)
            if f.name not in self.IGNORED
        )


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người tạo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # The audit trail: every domain model inherits it, so every create, change and deletion is
    # recorded with who, when and the previous values (django-simple-history).
    history = ChangeOnlyHistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class FormSubmission(models.Model):
    """A create form's one-time token, claimed in the transaction that saves the record
    (core.idempotency): the unique token makes a second submission of the same page (a
    double click, a resubmitted POST) fail instead of saving a second record."""

    token = models.CharField(_("Mã biểu mẫu"), max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người gửi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Gửi lúc"), auto_now_add=True, db_index=True)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", null=True, blank=True, on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        db_table = "council_formsubmission"  # its table from before it moved out of council
        verbose_name = _("Biểu mẫu đã gửi")
        verbose_name_plural = _("Biểu mẫu đã gửi")

    def __str__(self) -> str:
        return self.token
