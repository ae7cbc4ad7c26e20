"""Row-level audit trail of the registry's live data (django-simple-history, adapted).

Two problems with stock simple-history on Wagtail models, solved here rather than silenced:

* simple-history writes a row on every ``save()``, and Wagtail saves the live row for bookkeeping
  (lock, unlock, each new revision's pointer). ``LiveDataHistory`` writes a row only when a tracked
  field differs from the last recorded state, and only for live data: edits of a never-published
  draft are kept by Wagtail's revisions, not here.
* the historical copy of a ``ParentalKey`` is itself a ``ParentalKey`` with ``related_name='+'``,
  which modelcluster rejects (check E002). The copy here is a plain ``ForeignKey``: a history row
  belongs to no cluster.
"""

from collections.abc import Callable

from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from simple_history.models import HistoricalRecords

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


def _is_live(instance) -> bool:
    return getattr(instance, "live", True)


class LiveDataHistory(HistoricalRecords):
    """HistoricalRecords that records changes of live data, once each."""

    def __init__(self, *args, is_live: Callable[[models.Model], bool] = _is_live, **kwargs):
        self.is_live = is_live
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
        manager = getattr(instance, self.manager_name)
        last = None if created else manager.using(using).order_by("-history_date", "-pk").first()
        if last is None:
            if created or self.is_live(instance):
                self.create_historical_record(instance, "+", using=using)
            return
        was_live = self.is_live(last) if hasattr(last, "live") else self.is_live(instance)
        if not (self.is_live(instance) or was_live):
            return
        current = self.tracked_values(instance)
        if all(getattr(last, attname) == value for attname, value in current.items()):
            return
        self.create_historical_record(instance, "~", using=using)


def contact_is_live(contact) -> bool:
    """A contact's data is live when its agency is."""
    agency = getattr(contact, "agency", None)
    return bool(agency is not None and getattr(agency, "live", True))
