"""Only the deputy director (and superusers) may publish pages: no default group bypasses approval."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from coordination import roles

pytestmark = pytest.mark.django_db


def test_only_the_deputy_director_group_may_publish_pages():
    publishers = set(
        GroupPagePermission.objects.filter(permission__codename="publish_page").values_list(
            "group__name", flat=True
        )
    )
    assert publishers == {roles.DEPUTY_DIRECTOR}


def test_wagtail_default_groups_are_retired():
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    for group in Group.objects.filter(name__startswith="(เลิกใช้)"):
        assert not group.permissions.exists()
        assert not GroupPagePermission.objects.filter(group=group).exists()
