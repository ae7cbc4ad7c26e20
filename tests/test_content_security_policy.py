"""Content-Security-Policy: every page sends it, public pages under the strict policy with nothing
inline for it to block, the admin under its own, and frames allowed only where X-Frame-Options
allows them (the editor's preview). The browser tests (tests/e2e) fail on any violation."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.coordination.admin_forms import editor_form_data
from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory
from tests.test_frame_options import framed_preview
from tests.test_settings import run_in

pytestmark = pytest.mark.django_db

AGENCIES = "wagtailsnippets_coordination_agency"
# Script types a browser runs; JSON-LD and JSON data blocks are not run, so CSP lets them be.
EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.wsgi_request.path}"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_strict(directives: dict[str, list[str]]) -> None:
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert not any("nonce-" in s for sources in directives.values() for s in sources)


def inline_code(html: str) -> list[str]:
    """What the strict policy would block in a page: inline scripts, event handler attributes,
    style elements and attributes, javascript: URLs."""
    soup = BeautifulSoup(html, "html.parser")
    found = [
        f"<script>{tag.string[:60]!r}"
        for tag in soup.find_all("script")
        if not tag.get("src") and tag.get("type", "").lower() in EXECUTABLE_SCRIPT_TYPES
    ]
    found += [f"<style>{tag.string[:60]!r}" for tag in soup.find_all("style")]
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if (
                name.startswith("on")
                or name == "style"
                or (
                    name in ("href", "src", "action")
                    and str(value).lower().startswith("javascript:")
                )
            ):
                found.append(f"<{tag.name} {name}={value!r}>")
    return found


@pytest.fixture
def public_paths():
    agency = AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    directory_page()
    return ["/", "/directory/", f"/directory/{agency.slug}/", "/search/?q=หนองฉาง"]


def test_public_pages_send_the_strict_policy_and_hold_nothing_inline(client, public_paths):
    for path in public_paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_strict(policy(response))
        assert inline_code(response.content.decode()) == [], path


def test_the_agency_pages_json_ld_is_data_not_script(client, public_paths):
    page = BeautifulSoup(client.get(public_paths[2]).content, "html.parser")
    assert page.find("script", type="application/ld+json")


def test_a_page_served_from_the_cache_keeps_the_policy(client, public_paths):
    first = client.get("/directory/")
    second = client.get("/directory/")
    assert second.get("X-Page-Cache") == "hit"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_the_api_docs_send_the_strict_policy_and_hold_nothing_inline(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert_strict(policy(response))
    assert inline_code(response.content.decode()) == []


def assert_admin(directives: dict[str, list[str]]) -> None:
    """The admin's policy: loosened for Wagtail's inline scripts and styles, nothing else."""
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_the_admin_and_its_login_page_send_the_admins_policy(client, superuser):
    assert_admin(policy(client.get("/admin/login/")))
    client.force_login(superuser)
    assert_admin(policy(client.get("/admin/")))
    assert_admin(policy(client.get("/admin/snippets/coordination/agency/")))


def test_the_editors_preview_may_be_framed_by_the_admin_only(client, superuser):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    client.force_login(superuser)
    edit_url = reverse(f"{AGENCIES}:edit", args=[agency.pk])
    preview = framed_preview(
        client,
        reverse(f"{AGENCIES}:preview_on_edit", args=[agency.pk]),
        editor_form_data(client, edit_url),
    )
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(preview)["frame-ancestors"] == ["'self'"]
    assert policy(client.get(edit_url))["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize("settings_module", ["cms.settings.dev", "cms.settings.production"])
def test_dev_and_production_send_the_policy(settings_module):
    from tests.test_settings import DOCUMENTED_ENVIRONMENT

    script = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz', secure=True, headers={'host': 'www.example.go.th'}); "
        "print(r['Content-Security-Policy'])"
    )
    result = run_in(settings_module, ["-c", script], **DOCUMENTED_ENVIRONMENT)
    assert result.returncode == 0, result.stderr
    directives = dict(part.strip().split(" ", 1) for part in result.stdout.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"


def test_an_embedded_video_holds_no_inline_style_and_its_origin_may_be_framed(client):
    from django.template.loader import render_to_string
    from wagtail.embeds.models import Embed

    video = Embed(
        url="https://www.youtube.com/watch?v=abc",
        html='<iframe src="https://www.youtube.com/embed/abc" title="วิดีโอ"></iframe>',
        width=640,
        height=360,
    )
    html = render_to_string("wagtailembeds/embed_frontend.html", {"embed": video})
    assert "youtube.com/embed/abc" in html
    # Wagtail adds style="padding-bottom: ..." only with WAGTAILEMBEDS_RESPONSIVE_HTML, which the
    # policy would block: leave it off, or give the frame a class instead.
    assert inline_code(html) == []
    assert "https://www.youtube.com" in policy(client.get("/"))["frame-src"]


def test_the_print_views_own_style_is_allowed_by_its_hash_and_nothing_else(client, public_paths):
    import base64
    import hashlib

    response = client.get("/directory/registry.html")
    assert response.status_code == 200
    html = response.content.decode()
    style = BeautifulSoup(html, "html.parser").style.string
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert policy(response)["style-src"] == ["'self'", f"'sha256-{digest}'"]
    assert [code for code in inline_code(html) if not code.startswith("<style>")] == []
    # The rest of the site stays without hashes.
    assert policy(client.get("/directory/"))["style-src"] == ["'self'"]
