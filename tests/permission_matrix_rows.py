"""The vocabulary of the permission matrix (tests/permission_matrix.py): rows and outcomes."""

from dataclasses import dataclass

from tests.permission_world import ROLES

# What a request may answer, as the matrix writes it.
LOGIN = "login"  # 302 to the admin's login page (/admin/login/?next=...)
# 302 to the dashboard (/admin/): how Wagtail refuses an admin page to a signed-in user without
# the permission (with an error message); also where the login page sends a signed-in user.
DASHBOARD = "dashboard"
SKIP = None  # not requested for this role: a POST that would change the data the other rows read


def redirect(location: str) -> str:
    """Any other redirect, to `location` (placeholders such as {agency} are filled in)."""
    return f"302 {location}"


@dataclass(frozen=True)
class Row:
    method: str
    url: str  # with {placeholders} naming the objects of tests.permission_world.world_build()
    expected: dict  # role -> outcome (an HTTP status, LOGIN, DASHBOARD, redirect(...) or SKIP)


def _row(method: str, url: str, outcomes: tuple) -> Row:
    assert len(outcomes) == len(ROLES), f"{method} {url}: one outcome per role {ROLES}"
    return Row(method, url, dict(zip(ROLES, outcomes, strict=True)))


# Named after the HTTP method, so that a row reads like the request it makes.
def GET(url: str, *outcomes) -> Row:
    return _row("GET", url, outcomes)


def POST(url: str, *outcomes) -> Row:
    return _row("POST", url, outcomes)


def PUT(url: str, *outcomes) -> Row:
    return _row("PUT", url, outcomes)
