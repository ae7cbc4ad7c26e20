"""What goes into the search index, and when it is updated.

The text of an agency in the index is its *public* card (`agency_public_view()`): contact
persons, phone numbers and e-mails that the public may not see are never indexed, so that a
public search cannot reveal whose mobile number it is. The admin searches the same index; it
also finds internal-only and draft-only agencies, because only the public queries filter on
`public_agencies()`.

Updates: Agency sets ``search_auto_update = False`` and is indexed here instead. One publish
saves the agency several times (its draft, its revision pointers, the published row) and then
its phones and contacts, each a signal; all of them only note the agency's id, and when the
transaction commits one django-tasks task, `agency_index_task`, indexes every agency noted in
it, from the committed rows. With the immediate backend (development, tests) the task runs at
commit in the same process; with the database backend (production) the commit queues it and
`manage.py db_worker` runs it, so the editor's request does no indexing. Saves that change only
Wagtail's bookkeeping (lock, unlock, a new draft revision) note nothing. Deletes remove the entry
at once (a cheap delete); the task removes it too if the agency is gone by the time it runs.
Imports index in bulk afterwards (`bulk_index.agency_index_many()`), not one task per agency.
"""

import functools

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from django.utils.html import strip_tags
from django_tasks import task
from wagtail.fields import StreamField
from wagtail.search import index

from coordination.cards import agency_public_view, with_card_relations
from coordination.history import WAGTAIL_BOOKKEEPING_FIELDS
from coordination.models import Agency, AgencyPhone, Contact, SchoolNetwork
from coordination.search.segmenter import index_text, segmenter_add_names, segmenter_use_names
from coordination.services.agency_import import SKIP_INDEXING

# Sent after agencies' index entries are written (`pks`): what is found for a query changed.
agencies_indexed = Signal()

_BOOKKEEPING = {
    *WAGTAIL_BOOKKEEPING_FIELDS,
    "latest_revision_id",
    "live_revision_id",
    "locked_by_id",
    "review_due_at",  # worked out again on every save (Agency.save), never indexed
}

# --- Text of an agency -----------------------------------------------------------------------


def _memo(build):
    """The index asks each field for its text several times per save; build it once."""

    @functools.wraps(build)
    def text(agency) -> str:
        memo = agency.__dict__.setdefault("_search_texts", {})
        if build.__name__ not in memo:
            memo[build.__name__] = build(agency)
        return memo[build.__name__]

    return text


def agency_indexed_objects(queryset):
    """What the index reads of each agency (its public card), in a fixed number of queries."""
    return with_card_relations(queryset, tags=False)  # the public card shows no tags


def _card(agency):
    cache = getattr(agency, "_search_card", None)
    if cache is None:
        cache = agency_public_view(agency)
        agency._search_card = cache
    return cache


@_memo
def agency_name_text(agency) -> str:
    """Thai and English names and the short name, segmented, with abbreviations expanded."""
    return index_text(agency.name_th, agency.short_name, agency.name_en)


@_memo
def agency_identifier_text(agency) -> str:
    """Codes, phone digits, e-mails and web hosts that the public card shows."""
    card = _card(agency)
    values = [agency.school_code, agency.smis_code, agency.obec_code, agency.tax_id]
    values += [phone.number for phone in card.phones]
    values += [card.email, card.email_saraban, card.website, card.line_oa]
    for contact in card.contacts:
        values += [contact.phone, contact.mobile, contact.email]
    return index_text(*(value for value in values if value))


@_memo
def agency_place_text(agency) -> str:
    """Address names: subdistrict, district, province, road, postcode."""
    return index_text(
        agency.road,
        agency.subdistrict_name,
        agency.district_name,
        agency.province_name,
        agency.postcode,
    )


@_memo
def agency_people_text(agency) -> str:
    """Names and positions of the contact persons on the public card."""
    card = _card(agency)
    return index_text(*(f"{c.name} {c.position}" for c in card.contacts))


@_memo
def agency_body_text(agency) -> str:
    """Mission and duties, category and school network."""
    card = _card(agency)
    network = next((f.value for f in card.school_facts if f.key == "school_network"), "")
    return index_text(strip_tags(agency.mission or ""), card.category, network)


# --- Pages ---------------------------------------------------------------------------------


def searchable_text(obj, field_name: str) -> str:
    """Plain text of a model field: StreamField blocks' searchable content, rich text without
    tags. StreamFields are not rendered, so an embedded directory is never queried to index."""
    value = getattr(obj, field_name, None)
    if value is None:
        return ""
    field = obj._meta.get_field(field_name)
    if isinstance(field, StreamField):
        return " ".join(
            strip_tags(str(text)) for text in field.stream_block.get_searchable_content(value)
        )
    return strip_tags(str(value))


class ThaiSearchablePage:
    """Mixin for page models: segmented copies of the title and of `thai_search_text_fields`.

    Use with ``search_fields = [*Page.search_fields, *thai_page_search_fields()]``.
    """

    thai_search_text_fields: tuple[str, ...] = ()
    # The page's own date field (a news item's date), shown and sorted by on the site search
    # instead of the time the page was first published; None for pages without one.
    search_date_field: str | None = None

    def search_title_th(self) -> str:
        return index_text(self.title, getattr(self, "search_description", ""))

    def search_body_th(self) -> str:
        return index_text(*(searchable_text(self, name) for name in self.thai_search_text_fields))


def thai_page_search_fields() -> list:
    return [
        index.SearchField("search_title_th", boost=3),
        index.AutocompleteField("search_title_th"),
        index.SearchField("search_body_th"),
    ]


# --- Updates -------------------------------------------------------------------------------


@task()
def agency_index_task(pks: list[int]) -> None:
    """Index these agencies as the database holds them now; drop the entries of those gone.

    Idempotent: running it twice, or late, leaves the index as running it once, now.
    """
    agencies = list(Agency.get_indexed_objects().filter(pk__in=pks))
    for agency in agencies:
        segmenter_add_names(agency.name_th, agency.short_name)
        index.insert_or_update_object(agency)
    for pk in set(pks) - {agency.pk for agency in agencies}:
        index.remove_object(Agency(pk=pk))
    agencies_indexed.send(sender=Agency, pks=list(pks))


class _IndexAtCommit:
    """The one after-commit callback of a transaction: enqueues one task for the agencies noted."""

    def __init__(self):
        self.pks: list[int] = []
        self.done = False

    def __call__(self):
        self.done = True
        agency_index_task.enqueue(self.pks)


def _in_transaction(connection) -> bool:
    """Whether a save on `connection` is not committed yet.

    A test case's own atomic blocks (pytest-django's ``django_db``) do not count, as Django's
    `atomic(durable=True)` does not count them: there a save outside the code's own transactions
    is as committed as it will ever be, as in autocommit.
    """
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def agency_index_schedule(pk) -> None:
    """Index agency `pk` after the current transaction commits, in its one index task."""
    if pk is None:
        return
    connection = connections[DEFAULT_DB_ALIAS]
    if not _in_transaction(connection):
        agency_index_task.enqueue([pk])
        return
    # This transaction's callback, if it has one still to run (Django drops it on rollback).
    for _sids, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _IndexAtCommit) and not callback.done:
            break
    else:
        callback = _IndexAtCommit()
        # Robust: the publish has committed; a queue that fails to take the task is logged (a
        # rebuild or the agency's next publish repairs its entry), not turned into an error page.
        transaction.on_commit(callback, robust=True)
    if pk not in callback.pks:
        callback.pks.append(pk)


def _agency_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    # Lock, unlock and new revisions save only bookkeeping: nothing searchable changed.
    if raw or (update_fields and set(update_fields) <= _BOOKKEEPING):
        return
    if getattr(instance, SKIP_INDEXING, False):
        return  # written in bulk (an import): indexed by bulk_index.agency_index_many() afterwards
    agency_index_schedule(instance.pk)


def _agency_deleted(sender, instance, **kwargs):
    index.remove_object(instance)


def _child_changed(sender, instance, raw=False, **kwargs):
    if not raw and not getattr(instance, SKIP_INDEXING, False):
        agency_index_schedule(instance.agency_id)


def registry_names():
    """Every name the segmenter's dictionary learns from the registry; none before migrations."""
    try:
        yield from Agency.objects.values_list("name_th", flat=True).iterator()
        yield from Agency.objects.exclude(short_name="").values_list("short_name", flat=True)
        yield from SchoolNetwork.objects.values_list("name_th", flat=True)
    except DatabaseError:
        return


def connect_signals() -> None:
    """Called from the app config's ready()."""
    segmenter_use_names(registry_names)
    post_save.connect(_agency_saved, sender=Agency, dispatch_uid="coordination_search_agency")
    post_delete.connect(_agency_deleted, sender=Agency, dispatch_uid="coordination_search_agency")
    for model in (AgencyPhone, Contact):
        uid = f"coordination_search_{model._meta.model_name}"
        post_save.connect(_child_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_child_changed, sender=model, dispatch_uid=uid)
