"""Create the chain-of-command groups, their permissions, and the two-step approval workflow.

No users are created here: people are added by administrators (or by `seed_demo` for the demo).
"""

from django.db import migrations

from coordination.roles import (
    APPROVAL_WORKFLOW,
    DEPUTY_DIRECTOR,
    FINAL_APPROVAL_TASK,
    FIRST_APPROVAL_TASK,
    GROUP_DIRECTOR,
    OFFICERS,
    STAFF,
)

# What each role may do, as this migration grants it: frozen here, so that a later change of the
# grants is a new data migration (the names come from coordination.roles).
_REGISTRY_VIEW = {
    "coordination.agency": ["view"],
    "coordination.agencycategory": ["view"],
    "coordination.schoolnetwork": ["view"],
}

# app_label.model -> actions, per group. Nobody but the deputy director may publish or delete.
ROLE_PERMISSIONS: dict[str, dict[str, list[str]]] = {
    OFFICERS: {
        **_REGISTRY_VIEW,
        "coordination.agency": ["add", "change", "view", "lock"],
    },
    GROUP_DIRECTOR: {
        **_REGISTRY_VIEW,
        "coordination.agency": ["change", "view", "lock", "unlock"],
    },
    DEPUTY_DIRECTOR: {
        "coordination.agency": ["add", "change", "delete", "view", "publish", "lock", "unlock"],
        "coordination.agencycategory": ["add", "change", "delete", "view"],
        "coordination.schoolnetwork": ["add", "change", "delete", "view"],
    },
    STAFF: dict(_REGISTRY_VIEW),
}

ACTION_NAMES = {
    "add": "Can add",
    "change": "Can change",
    "delete": "Can delete",
    "view": "Can view",
    "publish": "Can publish",
    "lock": "Can lock",
    "unlock": "Can unlock",
}


def _content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def _permission(apps, app_label, model, action):
    Permission = apps.get_model("auth", "Permission")
    content_type = _content_type(apps, app_label, model)
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"{ACTION_NAMES[action]} {model}"},
    )[0]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    groups = {}
    for group_name, grants in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.add(access_admin)
        for model_label, actions in grants.items():
            app_label, model = model_label.split(".")
            for action in actions:
                group.permissions.add(_permission(apps, app_label, model, action))
        groups[group_name] = group

    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type = _content_type(apps, "wagtailcore", "groupapprovaltask")

    workflow, _created = Workflow.objects.get_or_create(name=APPROVAL_WORKFLOW)
    for order, (task_name, group_name) in enumerate(
        [(FIRST_APPROVAL_TASK, GROUP_DIRECTOR), (FINAL_APPROVAL_TASK, DEPUTY_DIRECTOR)]
    ):
        task = GroupApprovalTask.objects.filter(name=task_name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(
                name=task_name, content_type=task_type, active=True
            )
        task.groups.set([groups[group_name]])
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task_id=task.pk, defaults={"sort_order": order}
        )
    WorkflowContentType.objects.update_or_create(
        content_type=_content_type(apps, "coordination", "agency"),
        defaults={"workflow": workflow},
    )
    # Staff read the registry; nothing else to add for them here.
    assert STAFF in groups


def remove_roles(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Group = apps.get_model("auth", "Group")
    Workflow.objects.filter(name=APPROVAL_WORKFLOW).delete()
    Task.objects.filter(name__in=[FIRST_APPROVAL_TASK, FINAL_APPROVAL_TASK]).delete()
    Group.objects.filter(name__in=list(ROLE_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    run_before = []

    operations = [migrations.RunPython(create_roles, remove_roles)]
