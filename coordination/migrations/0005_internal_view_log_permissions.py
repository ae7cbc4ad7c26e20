"""Let the supervisors in the chain of command read the log of views of internal contact data.

Nobody gets add, change or delete: the admin shows the log read-only (coordination.viewsets).
"""

from django.db import migrations

from coordination.roles import DEPUTY_DIRECTOR, GROUP_DIRECTOR

READERS = [GROUP_DIRECTOR, DEPUTY_DIRECTOR]


def _view_permission(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="coordination", model="internalviewlog"
    )
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_internalviewlog",
        defaults={"name": "Can view internal view log"},
    )[0]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = _view_permission(apps)
    for group in Group.objects.filter(name__in=READERS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = _view_permission(apps)
    for group in Group.objects.filter(name__in=READERS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0004_directorypage"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
