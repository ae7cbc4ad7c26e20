"""Every role against every URL the project and Wagtail register, with the answer each must get.

The table is tests/permission_matrix.py. One test per role requests every row as that role, on
one set of objects (tests/permission_world.py), and fails once listing every (role, method, url,
expected, got) that differs, so that a Wagtail upgrade changing a default, or a new view without
its permission check, shows up whole. Another test walks the URL resolver and fails, naming them,
when a registered pattern is neither requested by a row nor excluded with a reason.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLResolver, get_resolver, path, resolve
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, TaskState, Workflow

from cms import urls as cms_urls
from coordination.models import Agency
from tests.permission_matrix import EXCLUDED, MATRIX
from tests.permission_matrix_rows import DASHBOARD, LOGIN, SKIP, redirect
from tests.permission_world import ROLES, role_users, world_build


def outcome(response) -> object:
    """The response as the matrix writes it: a status, LOGIN, DASHBOARD or redirect(location)."""
    if response.status_code in (301, 302):
        location = response["Location"]
        if location.startswith("/admin/login/"):
            return LOGIN
        if location == "/admin/":
            return DASHBOARD
        return redirect(location)
    return response.status_code


def world_snapshot(world: dict) -> dict:
    """What the refused POSTs of the matrix must leave as it was."""
    agency = Agency.objects.filter(pk=world["agency"]).first()
    page = Page.objects.get(pk=world["page"])
    return {
        "agency": agency
        and (agency.live, agency.live_revision_id, agency.latest_revision_id, agency.locked),
        "page": (page.live, page.live_revision_id, page.latest_revision_id, page.locked),
        "page parent": page.get_parent().pk,
        "task states": sorted(TaskState.objects.values_list("pk", "status")),
        "revisions": Revision.objects.count(),
        "workflows active": sorted(Workflow.objects.values_list("pk", "active")),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "users": sorted(get_user_model().objects.values_list("pk", flat=True)),
    }


def _signed_in(client: Client, user) -> None:
    # Wagtail's logout view deletes the session cookie even when it refuses a GET with 405.
    cookie = client.cookies.get("sessionid")
    if user is not None and not (cookie and cookie.value):
        client.force_login(user)


def matrix_mismatches(role: str, users: dict, world: dict) -> list[str]:
    client = Client(raise_request_exception=False)
    mismatches = []
    for row in MATRIX:
        expected = row.expected[role]
        if expected is SKIP:
            continue
        if isinstance(expected, str):
            expected = expected.format(**world)
        _signed_in(client, users[role])
        url = row.url.format(**world)
        got = outcome(getattr(client, row.method.lower())(url))
        if got != expected:
            mismatches.append(f"{role:<10} {row.method:<4} {url}  expected {expected}, got {got}")
    return mismatches


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_endpoint_answers_each_role_as_the_matrix_says(role, settings, tmp_path):
    # Documents are served from a file on disk (the test settings keep files in memory, where
    # Wagtail's document view finds no file and answers 404 to everyone).
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    users = role_users()
    world = world_build(users)
    before = world_snapshot(world)

    mismatches = matrix_mismatches(role, users, world)

    assert not mismatches, f"{len(mismatches)} answer(s) differ from the matrix:\n" + "\n".join(
        mismatches
    )
    assert world_snapshot(world) == before, "a refused request changed the data"


def registered_routes(urlconf=None) -> dict[str, str]:
    """Every URL pattern of the site, Wagtail's included: {route: its name(s)}."""
    routes: dict[str, set] = {}

    def walk(resolver, prefix, namespaces):
        for pattern in resolver.url_patterns:
            route = URLResolver._join_route(prefix, str(pattern.pattern))
            if isinstance(pattern, URLResolver):
                namespace = (pattern.namespace,) if pattern.namespace else ()
                walk(pattern, route, namespaces + namespace)
            else:
                name = ":".join((*namespaces, pattern.name)) if pattern.name else "(unnamed)"
                routes.setdefault(route, set()).add(name)

    walk(get_resolver(urlconf), "", ())
    return {route: ", ".join(sorted(names)) for route, names in routes.items()}


_ANY_PLACEHOLDER = re.compile(r"\{\w+\}")


def matrix_routes(urlconf=None) -> set[str]:
    """The routes the matrix's rows request (each row's URL resolved with its objects' ids)."""
    routes = set()
    for row in MATRIX:
        url = _ANY_PLACEHOLDER.sub("1", row.url).split("?")[0]
        routes.add(resolve(url, urlconf=urlconf).route)
    return routes


def unmatrixed_routes(urlconf=None) -> list[str]:
    registered = registered_routes(urlconf)
    covered = matrix_routes(urlconf) | set(EXCLUDED)
    return sorted(
        f"{names}  {route}" for route, names in registered.items() if route not in covered
    )


def test_every_registered_url_pattern_is_in_the_matrix():
    missing = unmatrixed_routes()
    assert not missing, (
        "URL patterns in neither tests/permission_matrix.py's MATRIX nor its EXCLUDED:\n"
        + "\n".join(missing)
    )


def test_every_exclusion_names_a_registered_pattern():
    stale = set(EXCLUDED) - set(registered_routes())
    assert not stale, f"EXCLUDED names patterns that no longer exist: {sorted(stale)}"


def _new_view(request):  # pragma: no cover - never requested
    raise AssertionError


class UrlsWithANewView:
    """The site's URLs plus one a developer has just added."""

    urlpatterns = [path("reports/new-view/", _new_view, name="new_view"), *cms_urls.urlpatterns]


def test_a_new_url_pattern_outside_the_matrix_is_named():
    assert unmatrixed_routes(UrlsWithANewView) == ["new_view  reports/new-view/"]
