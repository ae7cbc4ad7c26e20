"""`coordination` works in a Wagtail site that does not have our `home` app."""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse

from coordination.models import Agency
from tests.coordination.admin_forms import agency_form_data

pytestmark = pytest.mark.django_db


def test_home_is_not_installed():
    assert "home" not in settings.INSTALLED_APPS
    assert not apps.is_installed("home")


def test_coordination_never_imports_home():
    root = Path(apps.get_app_config("coordination").path)
    offenders = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path}: {n}" for n in names if n == "home" or n.startswith("home.")]
    assert offenders == []


def test_create_approve_and_publish_without_home(client, officer, director, deputy):
    client.force_login(officer)
    response = client.post(
        reverse("wagtailsnippets_coordination_agency:add"),
        {**agency_form_data(), "action-submit": "submit"},
    )
    assert response.status_code == 302
    agency = Agency.objects.get(slug="ban-thung-pho")
    for approver in (director, deputy):
        client.force_login(approver)
        state = agency.current_workflow_task_state
        url = reverse(
            "wagtailsnippets_coordination_agency:workflow_action",
            args=[agency.pk, "approve", state.pk],
        )
        assert client.post(url, {"comment": ""}).status_code == 302
        agency.refresh_from_db()
    assert agency.live
    assert [r.history_type for r in Agency.history.filter(id=agency.pk)] == ["+"]
    assert client.get("/admin/").status_code == 200
