"""New documents and images from officers and the group director wait, login-only, for the
deputy director to publish them (home/uploads.py).

Creates the collection PENDING_UPLOADS under the root collection with a login view restriction,
and moves those two roles' "add" permission for images and documents from the root collection
(where migration 0004 gave it) to the new one; they keep "choose" on the root collection.
"""

from django.db import migrations

from coordination.roles import GROUP_DIRECTOR, OFFICERS
from home.uploads import PENDING_UPLOADS

UPLOADERS = [OFFICERS, GROUP_DIRECTOR]
ADD = [("wagtailimages", "image"), ("wagtaildocs", "document")]
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's MP_Node path alphabet, 4 per level


def _path_step(number: int) -> str:
    digits = ""
    while number:
        number, digit = divmod(number, len(ALPHABET))
        digits = ALPHABET[digit] + digits
    return digits.rjust(4, "0")


def _add_permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    permissions = []
    for app_label, model in ADD:
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permissions.append(
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"add_{model}",
                defaults={"name": f"Can add {model}"},
            )[0]
        )
    return permissions


def create_pending_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Group = apps.get_model("auth", "Group")

    root = Collection.objects.get(depth=1)
    pending = Collection.objects.filter(depth=2, name=PENDING_UPLOADS).first()
    if pending is None:
        last = Collection.objects.filter(depth=2).order_by("-path").first()
        step = int(last.path[-4:], len(ALPHABET)) + 1 if last else 1
        pending = Collection.objects.create(
            name=PENDING_UPLOADS, path=root.path + _path_step(step), depth=2, numchild=0
        )
        root.numchild = Collection.objects.filter(depth=2).count()
        root.save(update_fields=["numchild"])
    CollectionViewRestriction.objects.get_or_create(
        collection=pending, restriction_type="login", defaults={"password": ""}
    )

    permissions = _add_permissions(apps)
    for group in Group.objects.filter(name__in=UPLOADERS):
        GroupCollectionPermission.objects.filter(
            group=group, collection=root, permission__in=permissions
        ).delete()
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=pending, permission=permission
            )


def restore_root_uploads(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Group = apps.get_model("auth", "Group")

    root = Collection.objects.get(depth=1)
    permissions = _add_permissions(apps)
    for group in Group.objects.filter(name__in=UPLOADERS):
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )
    # The collection and its restriction stay: documents may already be in it.
    GroupCollectionPermission.objects.filter(
        group__name__in=UPLOADERS, collection__name=PENDING_UPLOADS, permission__in=permissions
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_retire_default_moderator_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_pending_collection, restore_root_uploads)]
