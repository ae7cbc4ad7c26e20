"""Writing many agency drafts at once, as Wagtail writes one (the import's bulk writes).

Each function does for a list of agencies, in a fixed number of queries, what Wagtail's own call
does for one agency with a query or more per row:

* `agencies_insert()` — `agency.save()` of new, never-published agencies with their phones,
  contacts and tags (no history rows: a draft is kept by its revisions);
* `revisions_save()` — `agency.save_revision(user=...)`: a revision of each agency as it is in
  memory, and the agency's pointer to it, with `has_unpublished_changes`;
* `log_entries_add()` — `wagtail.log_actions.log()`;
* `workflows_start()` — `workflow.start(agency, user)` for a workflow whose first task is a
  group approval: the workflow state, the task state on the new revision, the unlocking the task
  does, and the "workflow started" log entry. It sends no notification: the caller tells the
  approvers once (`approvers_notify()`), not once per agency;
* `references_index()` — the reference index Wagtail updates after each save.
"""

import datetime
import functools

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.db.models import CharField, Field, OuterRef, Subquery, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.encoding import is_protected_type
from django.utils.translation import gettext as _
from modelcluster.models import (
    ClusterableModel,
    get_all_child_m2m_relations,
    get_all_child_relations,
    get_field_value,
)
from taggit.models import Tag
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier
from wagtail.log_actions import get_active_log_context
from wagtail.models import (
    GroupApprovalTask,
    ModelLogEntry,
    ReferenceIndex,
    Revision,
    RevisionMixin,
    Task,
    TaskState,
    WorkflowState,
)

from coordination.mail import notification_send
from coordination.models import Agency, AgencyCategory, AgencyPhone, Contact
from coordination.models.agency import AgencyTag
from coordination.workflow_messages import person_name

# Names listed in the approvers' summary e-mail; the rest are counted.
NOTIFY_NAMES = 20


def bulk_insert(model, objects: list, *, text_field: str) -> None:
    """`bulk_create()` of new rows, without signals, setting each object's primary key.

    On PostgreSQL the rows go in by COPY (`_copy_insert()`), with their primary keys taken from
    the table's sequence beforehand: no INSERT statement of tens of thousands of placeholders
    for Django to compile and psycopg to split. Elsewhere (SQLite) through INSERT ... VALUES:
    one expression among the values (the first row's `text_field` as a Value) keeps Django from
    writing UNNEST on PostgreSQL; the attribute is given back after.
    """
    if not objects:
        return
    connection = connections[router.db_for_write(model)]
    if connection.vendor == "postgresql":
        _copy_insert(model, objects, connection)
        return
    first = objects[0]
    text = getattr(first, text_field)
    setattr(first, text_field, Value(text))
    try:
        model.objects.bulk_create(objects)
    finally:
        setattr(first, text_field, text)


def _copy_insert(model, objects: list, connection) -> None:
    """What `bulk_create(objects)` does, through COPY: each field's value as the INSERT would
    send it (`pre_save(add=True)`, then `get_db_prep_save()`), primary keys from the sequence
    in the objects' order. Passes through the connection's execute wrappers, so that query
    counters see it."""
    opts = model._meta
    fields = [f for f in opts.concrete_fields if not f.generated]
    quote = connection.ops.quote_name
    for obj in objects:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
    with connection.cursor() as cursor:
        missing = [obj for obj in objects if not obj._is_pk_set()]
        if missing:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [opts.db_table, opts.pk.column, len(missing)],
            )
            for obj, (pk,) in zip(missing, sorted(cursor.fetchall()), strict=True):
                obj.pk = pk
        rows = []
        for obj in objects:
            row = []
            for field in fields:
                value = field.pre_save(obj, add=True)
                if hasattr(value, "resolve_expression"):
                    raise ValueError(f"{model.__name__}.{field.name}: no expressions in COPY")
                row.append(field.get_db_prep_save(value, connection))
            rows.append(row)
        columns = ", ".join(quote(field.column) for field in fields)
        sql = f"COPY {quote(opts.db_table)} ({columns}) FROM STDIN"

        def copy(sql, params, many, context):
            with context["cursor"].cursor.copy(sql) as stream:
                for row in rows:
                    stream.write_row(row)

        execute = copy
        for wrapper in reversed(connection.execute_wrappers):
            execute = functools.partial(wrapper, execute)
        execute(sql, None, False, {"connection": connection, "cursor": cursor})
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias


def _content_type() -> ContentType:
    return ContentType.objects.get_for_model(Agency)


def tags_by_name(names) -> dict[str, Tag]:
    """The tags named `names`, made when missing (as `agency.tags.set(names)` would)."""
    names = set(names)
    tags = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    for name in sorted(names - set(tags)):
        tags[name] = Tag.objects.create(name=name)
    return tags


def agencies_insert(agencies: list[Agency], *, officer=None) -> None:
    """Insert new agencies with the phones, contacts and tagged items they hold in memory.

    `officer` (the importing user) becomes responsible for the ones that name nobody."""
    intervals = dict(AgencyCategory.objects.values_list("pk", "review_interval_days"))
    for agency in agencies:
        agency.thai_sort_keys_fill()  # save() would
        if officer is not None and agency.responsible_officer_id is None:
            agency.responsible_officer = officer
        agency.review_due_fill(intervals)  # save() would
    bulk_insert(Agency, agencies, text_field="name_th")
    phones, contacts, tagged = [], [], []
    for agency in agencies:
        for phone in agency.phones.all():
            phone.agency_id = agency.pk
            phones.append(phone)
        for contact in agency.contacts.all():
            contact.agency_id = agency.pk
            contacts.append(contact)
        for item in agency.tagged_items.all():
            item.content_object_id = agency.pk
            tagged.append(item)
    bulk_insert(AgencyPhone, phones, text_field="number")
    bulk_insert(Contact, contacts, text_field="name")
    AgencyTag.objects.bulk_create(tagged)


def _field_kinds(model) -> list[tuple[str, str, object, str]]:
    """(key, attname, field, kind) of what modelcluster serialises of `model`'s own row: the pk,
    then each serialisable field. kind "attribute": a foreign key, its id as it is; "plain": a
    field whose `pre_save()` and `value_to_string()` are Django's own (the attribute, as text
    unless a protected type); "field": anything else, through modelcluster's `get_field_value()`."""
    kinds = _FIELD_KINDS.get(model)
    if kinds is None:
        pk_field = model._meta.pk
        while pk_field.remote_field and pk_field.remote_field.parent_link:
            pk_field = pk_field.remote_field.model._meta.pk
        kinds = []
        for key, field in [("pk", pk_field), *((f.name, f) for f in model._meta.fields)]:
            if key != "pk" and not field.serialize:
                continue
            if field.remote_field is not None:
                kind = "attribute"
            elif (
                type(field).pre_save is Field.pre_save
                and type(field).value_to_string is Field.value_to_string
            ):
                kind = "plain"
            else:
                kind = "field"
            kinds.append((key, field.attname, field, kind))
        _FIELD_KINDS[model] = kinds
    return kinds


_FIELD_KINDS: dict = {}


def _fields_data(obj) -> dict:
    """modelcluster's `get_serializable_data_for_fields(obj)`, with the per-field dispatch
    worked out once per model (`_field_kinds()`)."""
    data = {}
    for key, attname, field, kind in _field_kinds(type(obj)):
        if kind == "field":
            data[key] = get_field_value(field, obj)
            continue
        value = getattr(obj, attname)
        if kind == "attribute" or value is None or type(value) is str:
            data[key] = value  # str(value) of a str is the value
        elif isinstance(value, datetime.datetime):
            data[key] = get_field_value(field, obj)  # made aware, in UTC
        elif is_protected_type(value):
            data[key] = value
        else:
            data[key] = str(value)
    return data


def _cluster_data(obj) -> dict:
    """`ClusterableModel.serializable_data()`: the row's fields, each child relation's objects
    and each child many-to-many relation's pks."""
    data = _fields_data(obj)
    model = type(obj)
    for rel in get_all_child_relations(model):
        children = getattr(obj, rel.get_accessor_name()).all()
        if hasattr(rel.related_model, "serializable_data"):
            data[rel.get_accessor_name()] = [revision_content(child) for child in children]
        else:
            data[rel.get_accessor_name()] = [_fields_data(child) for child in children]
    for field in get_all_child_m2m_relations(model):
        if field.serialize:
            data[field.name] = [child.pk for child in getattr(obj, field.name).all()]
    return data


def revision_content(obj) -> dict:
    """What `obj.serializable_data()` returns (the content `save_revision()` stores), built
    faster for the models whose serialisation is Wagtail's and modelcluster's own; anything
    else is asked itself. tests/coordination/test_import_speed.py compares the two."""
    defining = [c for c in type(obj).__mro__ if "serializable_data" in vars(c)]
    if defining[:2] in ([RevisionMixin, ClusterableModel], [ClusterableModel]):
        return _cluster_data(obj)
    return obj.serializable_data()


def revisions_save(agencies: list[Agency], *, user, now) -> list[Revision]:
    """A new revision of each agency, made its latest, with unpublished changes."""
    content_type = _content_type()
    revisions = [
        Revision(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(agency.pk),
            user=user,
            content=revision_content(agency),
            object_str=str(agency),
            created_at=now,
        )
        for agency in agencies
    ]
    bulk_insert(Revision, revisions, text_field="object_str")
    # One UPDATE for all: each agency points at its newest revision, the one just made.
    newest = Revision.objects.filter(
        base_content_type=content_type, object_id=Cast(OuterRef("pk"), CharField())
    ).order_by("-pk")
    Agency.objects.filter(pk__in=[agency.pk for agency in agencies]).update(
        latest_revision_id=Subquery(newest.values("pk")[:1]), has_unpublished_changes=True
    )
    for agency, revision in zip(agencies, revisions, strict=True):
        agency.latest_revision = revision
        agency.has_unpublished_changes = True
    return revisions


def log_entries_add(
    agencies, revisions, *, action: str, user, now, data, content_changed: bool = False
) -> None:
    """One audit-log entry per agency; `data(agency)` is the entry's data."""
    content_type = _content_type()
    uuid = get_active_log_context().uuid
    entries = [
        ModelLogEntry(
            content_type=content_type,
            object_id=str(agency.pk),
            label=ModelLogEntry.objects.get_instance_title(agency),
            action=action,
            timestamp=now,
            data=data(agency),
            user=user,
            uuid=uuid,
            revision=revision,
            content_changed=content_changed,
        )
        for agency, revision in zip(agencies, revisions, strict=True)
    ]
    bulk_insert(ModelLogEntry, entries, text_field="label")


def workflow_first_task(workflow) -> Task | None:
    """The task `workflow.start()` would begin with, if `workflows_start()` can start it as
    Wagtail would (a group approval task of Wagtail's own); None otherwise."""
    if workflow is None:
        return None
    task = (
        Task.objects.filter(workflow_tasks__workflow=workflow, active=True)
        .order_by("workflow_tasks__sort_order")
        .first()
    )
    if task is None or not isinstance(task.specific, GroupApprovalTask):
        return None
    return task.specific


def workflows_start(agencies, revisions, *, workflow, task, user, now) -> list[TaskState]:
    """Start `workflow` on each agency's new revision, at `task` (`workflow_first_task()`)."""
    content_type = _content_type()
    states = [
        WorkflowState(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(agency.pk),
            workflow=workflow,
            status=WorkflowState.STATUS_IN_PROGRESS,
            requested_by=user,
        )
        for agency in agencies
    ]
    bulk_insert(WorkflowState, states, text_field="object_id")
    task_states = [
        TaskState(
            workflow_state=state,
            revision=revision,
            task=task,
            status=TaskState.STATUS_IN_PROGRESS,
        )
        for state, revision in zip(states, revisions, strict=True)
    ]
    bulk_insert(TaskState, task_states, text_field="comment")
    WorkflowState.objects.filter(pk__in=[state.pk for state in states]).update(
        current_task_state_id=Subquery(
            TaskState.objects.filter(workflow_state_id=OuterRef("pk")).values("pk")[:1]
        )
    )
    for state, task_state in zip(states, task_states, strict=True):
        state.current_task_state = task_state
    _unlock_for_reviewers(agencies, task)
    log_entries_add(
        agencies,
        revisions,
        action="wagtail.workflow.start",
        user=user,
        now=now,
        data=_start_data(workflow, task, {s.object_id: s for s in states}),
    )
    return task_states


def _start_data(workflow, task, states_by_object):
    def data(agency):
        state = states_by_object[str(agency.pk)]
        return {
            "workflow": {
                "id": workflow.pk,
                "title": workflow.name,
                "status": state.status,
                "next": {"id": task.pk, "title": task.name},
                "task_state_id": state.current_task_state.pk,
            }
        }

    return data


def _unlock_for_reviewers(agencies, task) -> None:
    """What a group approval task does on start: an agency locked by someone outside the
    task's groups is unlocked, so that the reviewers can work on it."""
    locked = [agency for agency in agencies if agency.locked_by_id]
    if not locked:
        return
    reviewers = set(
        get_user_model().objects.filter(groups__in=task.groups.all()).values_list("pk", flat=True)
    )
    unlock = [agency.pk for agency in locked if agency.locked_by_id not in reviewers]
    Agency.objects.filter(pk__in=unlock).update(locked=False, locked_by=None, locked_at=None)


def references_index(agencies) -> None:
    """The reference index rows of new agencies (Wagtail writes them after each save)."""
    content_type = _content_type()
    rows = []
    for agency in agencies:
        for to_type, to_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(agency)
        ):
            rows.append(
                ReferenceIndex(
                    content_type=content_type,
                    base_content_type=content_type,
                    object_id=agency.pk,
                    to_content_type_id=to_type,
                    to_object_id=to_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
            )
    ReferenceIndex.objects.bulk_create(rows, ignore_conflicts=True)


def approvers_notify(task_state: TaskState, *, user, file_name: str, reason: str, names) -> int:
    """Tell the reviewers of the first task, in one e-mail, that an import is waiting for them
    (Wagtail would send one per agency). The recipients are those Wagtail's notification of a
    submitted group approval task would write to. Returns how many were written to."""
    notifier = GroupApprovalTaskStateSubmissionEmailNotifier()
    if not notifier.can_handle(task_state):
        return 0
    recipients = sorted(notifier.get_valid_recipients(task_state, user=user), key=lambda u: u.pk)
    if not recipients:
        return 0
    names = list(names)
    words = {
        "count": f"{len(names):,}",
        "file": file_name,
        "submitter": person_name(user),
        "workflow": task_state.workflow_state.workflow.name,
        "task": task_state.task.name,
    }
    subject = _("หน่วยงาน %(count)s แห่งรอการอนุมัติ: นำเข้าจากไฟล์ “%(file)s”") % words
    lines = [
        _(
            "%(submitter)s นำเข้าข้อมูลหน่วยงาน %(count)s แห่งจากไฟล์ “%(file)s” "
            "และส่งเข้าขั้นตอน “%(workflow)s” แล้ว รอการพิจารณาในขั้น “%(task)s”"
        )
        % words
    ]
    if reason:
        lines.append(_("เหตุผล: %(reason)s") % {"reason": reason})
    listed = "\n".join(f"- {name}" for name in names[:NOTIFY_NAMES])
    if len(names) > NOTIFY_NAMES:
        listed += "\n" + _("และอีก %(more)s แห่ง") % {"more": f"{len(names) - NOTIFY_NAMES:,}"}
    lines.append(listed)
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home")
    lines.append(_("พิจารณาได้ที่หน้าแรกของระบบจัดการ: %(url)s") % {"url": url})
    notification_send(
        subject=subject,
        body="\n\n".join(lines),
        to=[recipient.email for recipient in recipients],
    )
    return len(recipients)
