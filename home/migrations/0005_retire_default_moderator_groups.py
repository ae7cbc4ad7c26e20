"""Close the bypass around the chain of command.

Wagtail's first migrations create "Moderators" (may publish any page) and "Editors" groups with
permissions on the root page. In this office only the roles of coordination/roles.py exist, and only
the deputy director publishes; anyone put in those groups would skip the approval workflow. Their page,
image and document permissions are removed and the groups are renamed so nobody picks them by mistake.
"""

from django.db import migrations

DEFAULT_GROUPS = {"Moderators": "(เลิกใช้) Moderators", "Editors": "(เลิกใช้) Editors"}


def retire(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for name, retired_name in DEFAULT_GROUPS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        group.permissions.clear()
        group.name = retired_name
        group.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [("home", "0004_page_workflow_and_permissions")]

    operations = [migrations.RunPython(retire, migrations.RunPython.noop)]
