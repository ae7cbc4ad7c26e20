"""Row-level audit trail of the registry's live data (django-simple-history, adapted).

Three problems with stock simple-history on Wagtail models, solved here rather than silenced:

* simple-history writes a row on every ``save()``, and Wagtail saves the live row for bookkeeping
  (lock, unlock, each new revision's pointer). ``LiveDataHistory`` writes a row only when a tracked
  field differs from the last recorded state.
* it records drafts as if they were live. Wagtail saves a never-published (or unpublished) agency
  on every draft save, and Wagtail 8's autosave creates the agency and its contacts while the
  officer is still typing. Those are drafts, kept by Wagtail's revisions: a row is written only
  for data that is live (or that stops being live), so the first row of an agency is the state it
  was first published in, and a change of live data is always a change from published values.
* the historical copy of a ``ParentalKey`` is itself a ``ParentalKey`` with ``related_name='+'``,
  which modelcluster rejects (check E002). The copy here is a plain ``ForeignKey``: a history row
  belongs to no cluster.

Each row keeps the uuid Wagtail gives the audit-log entries of the same admin request
(``history_log_uuid``), so the timeline shows a publication as one event with the data it made
live, not as an action plus a separate "change".
"""

from collections.abc import Callable

from django.conf import settings
from django.db import models
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record
from wagtail.log_actions import get_active_log_context

# Fields Wagtail updates for its own bookkeeping; never part of the audit trail.
WAGTAIL_BOOKKEEPING_FIELDS = [
    "latest_revision",
    "live_revision",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "locked",
    "locked_at",
    "locked_by",
]


class LiveDataHistoryModel(models.Model):
    """Base of every historical model written by ``LiveDataHistory``."""

    history_log_uuid = models.UUIDField(
        _("รหัสการดำเนินการในระบบจัดการ"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True


@receiver(pre_create_historical_record)
def _link_row_to_admin_action(sender, history_instance, **kwargs):
    if isinstance(history_instance, LiveDataHistoryModel):
        history_instance.history_log_uuid = get_active_log_context().uuid


def _is_live(instance) -> bool:
    return getattr(instance, "live", True)


class LiveDataHistory(HistoricalRecords):
    """HistoricalRecords that records changes of live data, once each, and never drafts."""

    def __init__(self, *args, is_live: Callable[[models.Model], bool] = _is_live, **kwargs):
        self.is_live = is_live
        kwargs.setdefault("bases", (LiveDataHistoryModel,))
        super().__init__(*args, **kwargs)

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for name, field in list(fields.items()):
            if isinstance(field, ParentalKey):
                field.swappable = False
                _name, _path, args, field_kwargs = field.deconstruct()
                plain = models.ForeignKey(*args, **field_kwargs)
                plain.name = field.name
                fields[name] = plain
        return fields

    def tracked_values(self, instance) -> dict:
        return {
            field.attname: getattr(instance, field.attname)
            for field in self.fields_included(instance)
        }

    def last_row(self, instance, using=None):
        manager = getattr(instance, self.manager_name)
        return manager.using(using).order_by("-history_date", "-pk").first()

    def post_save(self, instance, created, using=None, **kwargs):
        if kwargs.get("raw") or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
            return
        if not created and hasattr(instance, "skip_history_when_saving"):
            return
        update_fields = kwargs.get("update_fields")
        tracked_names = {field.name for field in self.fields_included(instance)} | {
            field.attname for field in self.fields_included(instance)
        }
        if update_fields is not None and not set(update_fields) & tracked_names:
            return
        live = self.is_live(instance)
        last = None if created else self.last_row(instance, using)
        if last is None or last.history_type == "-":
            # Nothing of this record has been live yet: a draft stays in Wagtail's revisions.
            if live:
                self.create_historical_record(instance, "+", using=using)
            return
        # Rows of inline records (contacts, phones) carry no `live`: they were written while live.
        was_live = self.is_live(last) if hasattr(last, "live") else True
        if not live and not (was_live and hasattr(last, "live")):
            return
        current = self.tracked_values(instance)
        if all(getattr(last, attname) == value for attname, value in current.items()):
            return
        self.create_historical_record(instance, "~", using=using)

    def post_delete(self, instance, using=None, **kwargs):
        # Deleting what was never live (a draft agency, a contact added and removed while typing)
        # is no change of live data.
        last = self.last_row(instance, using)
        if last is None or last.history_type == "-":
            return
        super().post_delete(instance, using=using, **kwargs)


def contact_is_live(contact) -> bool:
    """A contact's data is live when its agency is."""
    agency = getattr(contact, "agency", None)
    return bool(agency is not None and getattr(agency, "live", True))
