"""Send every page through the chain-of-command approval (manual step 5.3) and give the roles
their page, image and document permissions.

The workflow "อนุมัติตามลำดับชั้น" is created by coordination migration 0002; here it replaces
Wagtail's default "Moderators approval" on the root page, so every page of every site uses it.
No users are created here.
"""

from django.db import migrations

from coordination.roles import (
    APPROVAL_WORKFLOW,
    DEPUTY_DIRECTOR,
    GROUP_DIRECTOR,
    OFFICERS,
    STAFF,
)

DEFAULT_WORKFLOW = "Moderators approval"

# Page permissions on the home page (and so on every page below it). Nobody but the deputy
# director publishes; the group director edits pages while reviewing them; staff only read.
PAGE_PERMISSIONS = {
    OFFICERS: ["add", "change", "lock"],
    GROUP_DIRECTOR: ["change", "lock"],
    DEPUTY_DIRECTOR: ["add", "change", "publish", "lock", "unlock"],
    STAFF: [],
}

# Permissions on the root collection, so editors can put pictures and documents in pages.
COLLECTION_PERMISSIONS = {
    OFFICERS: {"wagtailimages.image": ["add", "choose"], "wagtaildocs.document": ["add", "choose"]},
    GROUP_DIRECTOR: {
        "wagtailimages.image": ["add", "choose"],
        "wagtaildocs.document": ["add", "choose"],
    },
    DEPUTY_DIRECTOR: {
        "wagtailimages.image": ["add", "change", "choose", "delete"],
        "wagtaildocs.document": ["add", "change", "choose", "delete"],
    },
    STAFF: {},
}


def _permission(apps, app_label, model, action):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {model}"},
    )[0]


def assign_workflow_and_permissions(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Group = apps.get_model("auth", "Group")

    workflow = Workflow.objects.get(name=APPROVAL_WORKFLOW)
    root = Page.objects.get(depth=1)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    # The default workflow now guards no page; keep it, disabled, so its history stays readable.
    Workflow.objects.filter(name=DEFAULT_WORKFLOW, workflow_pages__isnull=True).update(active=False)

    home_pages = Page.objects.filter(
        content_type__app_label="home", content_type__model="homepage"
    )
    for group_name, actions in PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=group_name)
        for page in home_pages:
            for action in actions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=_permission(apps, "wagtailcore", "page", action)
                )

    root_collection = Collection.objects.get(depth=1)
    for group_name, grants in COLLECTION_PERMISSIONS.items():
        group = Group.objects.get(name=group_name)
        for model_label, actions in grants.items():
            app_label, model = model_label.split(".")
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, app_label, model, action),
                )


def restore_default_workflow(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root = Page.objects.get(depth=1)
    default = Workflow.objects.filter(name=DEFAULT_WORKFLOW).first()
    if default is not None:
        default.active = True
        default.save(update_fields=["active"])
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": default})
    else:
        WorkflowPage.objects.filter(page=root).delete()
    GroupPagePermission.objects.filter(group__name__in=list(PAGE_PERMISSIONS)).delete()
    GroupCollectionPermission.objects.filter(group__name__in=list(COLLECTION_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_site_pages"),
        ("coordination", "0002_roles_and_approval_workflow"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(assign_workflow_and_permissions, restore_default_workflow),
    ]
