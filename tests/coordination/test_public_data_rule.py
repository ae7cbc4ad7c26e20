"""The public data rule, end to end: plant a distinct marker in everything the public may not see,
crawl every public URL of the demo site as an anonymous visitor, and find none of them, while the
public values are there.

Markers sit in every internal-only field of every live public agency (a contact's personal
mobile, LINE id and home address, office phone and e-mail marked internal, an agency phone marked
internal), in contacts the public may not see (a private person without consent, a former holder),
in an internal-only agency, in a never-published and an unpublished agency, and in a draft change
of a live agency (saved as a revision, never published). The hidden agencies are also embedded in
pages, featured, related to news and linked as parent, child and successor of public agencies.
"""

import io
import re
from datetime import date
from html import unescape
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from openpyxl import load_workbook

from coordination.cards import agency_is_public, public_agencies
from coordination.models import Agency, AgencyPhone, Contact
from coordination.phones import phone_tel_uri
from tests.coordination.directory_support import (
    card_block,
    contact_table_block,
    directory_block,
    stream,
)
from tests.coordination.test_registry_pdf import pdf_text
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

PHONE_MARKERS = {
    "contact personal mobile": "089-777-1357",
    "contact office phone marked internal": "056-777-2468",
    "agency phone marked internal": "056-888-1122",
    "internal agency phone": "056-888-3344",
    "draft change phone": "056-777-9999",
}
TEXT_MARKERS = {
    "contact LINE id": "mk-line-2468",
    "contact home address": "MARK-HOME-ADDRESS",
    "contact e-mail marked internal": "mark-hidden-mail@example.go.th",
    "private person without consent": "MARK-PRIVATE-PERSON",
    "former contact": "MARK-FORMER-CONTACT",
    "internal agency": "MARK-INTERNAL-AGENCY",
    "internal agency e-mail": "mark-internal-agency@example.go.th",
    "never published agency": "MARK-NEVER-PUBLISHED",
    "unpublished agency": "MARK-UNPUBLISHED-AGENCY",
    "draft change name": "MARK-DRAFT-NAME",
    "draft change e-mail": "mark-draft@example.go.th",
    "draft contact": "MARK-DRAFT-CONTACT",
}
SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/django-admin/")
MAX_URLS = 600


def marker_forms() -> dict[str, str]:
    """Each marker in every form a page could show it: as typed, and phone digits as in tel: URIs
    and schema.org data ("+6689..." and "089..." both contain the digits after the leading 0)."""
    forms = {name: value.lower() for name, value in TEXT_MARKERS.items()}
    for name, number in PHONE_MARKERS.items():
        forms[name] = number
        forms[f"{name} (digits)"] = re.sub(r"\D", "", number)[1:]
    return forms


def readable(content: bytes) -> str:
    """Text as a person or a crawler reads it: entities, percent-encoding and vCard folds undone,
    an XLSX's cells and a PDF's text read out."""
    if content.startswith(b"PK"):
        sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
        content = "\n".join(
            str(value) for row in sheet.iter_rows(values_only=True) for value in row if value
        ).encode()
    elif content.startswith(b"%PDF"):
        content = pdf_text(content).encode()
    text = content.decode("utf-8", errors="replace").replace("\r\n ", "")
    return unquote(unescape(text)).lower()


def public_links(path: str, content: bytes) -> set[str]:
    text = content.decode("utf-8", errors="replace")
    found = re.findall(r'(?:href|src|action)="([^"]+)"', text)
    found += re.findall(r"<loc>([^<]+)</loc>", text) + re.findall(r"<link>([^<]+)</link>", text)
    links = set()
    for raw in found:
        url = urljoin(f"http://testserver{path}", unescape(raw))
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.hostname not in (
            "testserver",
            "localhost",
        ):
            continue
        if parts.path.startswith(SKIPPED_PREFIXES):
            continue
        links.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return links


def plant_markers() -> dict:
    """Put every marker in place on the demo site; return what the checks need."""
    live = list(public_agencies().order_by("name_th"))
    assert len(live) >= 20
    phones, contacts = [], []
    for agency in live:
        phones.append(
            AgencyPhone(
                agency=agency,
                kind="office",
                number=PHONE_MARKERS["agency phone marked internal"],
                is_public=False,
                sort_order=90,
            )
        )
        contacts += [
            Contact(
                agency=agency,
                name="นายตัวอย่าง สาธารณะ",
                position="ผู้ประสานงานทดสอบ",
                phone=PHONE_MARKERS["contact office phone marked internal"],
                phone_public=False,
                email=TEXT_MARKERS["contact e-mail marked internal"],
                email_public=False,
                mobile=PHONE_MARKERS["contact personal mobile"],
                line_id=TEXT_MARKERS["contact LINE id"],
                home_address=TEXT_MARKERS["contact home address"],
                sort_order=90,
            ),
            Contact(
                agency=agency,
                name=f"นาง{TEXT_MARKERS['private person without consent']}",
                phone="056-511-999",
                is_private_person=True,
                sort_order=91,
            ),
            Contact(
                agency=agency,
                name=f"นาย{TEXT_MARKERS['former contact']}",
                phone="056-511-998",
                period_from=date(2020, 1, 1),
                period_until=date(2021, 12, 31),
                sort_order=92,
            ),
        ]
    AgencyPhone.objects.bulk_create(phones)
    Contact.objects.bulk_create(contacts)

    showcase = next(
        agency
        for agency in live
        if agency.phones.filter(is_public=True).exists() and agency.contacts.exists()
    )
    parent_of_hidden = next(agency for agency in live if agency.pk != showcase.pk)
    internal = AgencyFactory(
        name_th=f"หน่วยงานลับ {TEXT_MARKERS['internal agency']}",
        visibility="internal",
        email=TEXT_MARKERS["internal agency e-mail"],
        parent=parent_of_hidden,
    )
    AgencyPhone.objects.create(agency=internal, number=PHONE_MARKERS["internal agency phone"])
    never = AgencyFactory(name_th=f"ร่าง {TEXT_MARKERS['never published agency']}", publish=False)
    unpublished = AgencyFactory(name_th=f"เลิก {TEXT_MARKERS['unpublished agency']}")
    unpublished.unpublish()
    hidden = [internal, never, unpublished]

    # A public agency whose parent and successor are hidden.
    showcase.parent = internal
    showcase.successor = never
    showcase.save_revision().publish()
    showcase.refresh_from_db()

    # An officer's change to the showcase agency, saved and never approved.
    draft = showcase.latest_revision.as_object()
    draft.name_th = f"{showcase.name_th} {TEXT_MARKERS['draft change name']}"
    draft.email = TEXT_MARKERS["draft change e-mail"]
    draft.phones = [
        *draft.phones.all(),
        AgencyPhone(kind="hotline", number=PHONE_MARKERS["draft change phone"]),
    ]
    draft.contacts = [
        *draft.contacts.all(),
        Contact(name=TEXT_MARKERS["draft contact"], phone="056-511-997"),
    ]
    draft.save_revision()

    _embed_everywhere(showcase, hidden)
    return {"showcase": Agency.objects.get(pk=showcase.pk), "hidden": hidden}


def _embed_everywhere(showcase, hidden) -> None:
    """Hidden agencies chosen in every kind of page that can show an agency."""
    blocks = [
        card_block(showcase),
        *(card_block(agency) for agency in hidden),
        contact_table_block(showcase, *hidden),
        directory_block(limit=100),
    ]
    standard_page = apps.get_model("home", "StandardPage")
    directory_page = apps.get_model("coordination", "DirectoryPage")
    for model in (standard_page, directory_page):
        for page in model.objects.live():
            page.body = [*page.body.raw_data, *stream(*blocks)]
            page.save_revision().publish()

    home_page = apps.get_model("home", "HomePage").objects.get()
    featured = apps.get_model("home", "HomePageFeaturedAgency")
    home_page.featured_agencies = [
        featured(agency=agency, sort_order=n) for n, agency in enumerate([showcase, *hidden])
    ]
    home_page.save_revision().publish()

    related = apps.get_model("home", "NewsPageRelatedAgency")
    for news in apps.get_model("home", "NewsPage").objects.live():
        news.related_agencies = [
            related(agency=agency, sort_order=n) for n, agency in enumerate([showcase, *hidden])
        ]
        news.save_revision().publish()


def crawl(client, seeds: list[str]) -> dict[str, tuple[int, bytes]]:
    seen: dict[str, tuple[int, bytes]] = {}
    queue = list(seeds)
    while queue and len(seen) < MAX_URLS:
        path = queue.pop(0)
        if path in seen:
            continue
        response = client.get(path)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        seen[path] = (response.status_code, content)
        if response.status_code == 200:
            queue += sorted(public_links(path, content) - set(seen))
    return seen


@pytest.fixture
def demo_site(db):
    call_command("seed_demo", stdout=io.StringIO())
    return plant_markers()


def test_no_public_url_shows_anything_the_public_may_not_see(client, demo_site):
    showcase = demo_site["showcase"]
    hidden = demo_site["hidden"]
    seeds = [
        "/",
        "/directory/",
        "/directory/?q=หน่วยงานลับ",
        "/directory/?q=ร่าง",
        "/directory/?scope=internal",
        "/directory/?scope=external&group=category",
        "/directory/?category=office-group&group=district",
        "/directory/?district=6101&page=2",
        "/sitemap.xml",
        "/news/",
        "/news/feed/",
        "/search/?q=โรงเรียน",
        "/api/v1/agencies?size=100",
        f"/api/v1/agencies/{showcase.pk}",
        *(f"/api/v1/agencies/{agency.pk}" for agency in hidden),
        *(f"/directory/{agency.slug}/" for agency in hidden),
        *(f"/directory/{agency.slug}/vcard.vcf" for agency in hidden),
        *(f"/directory/{agency.slug}/?view=staff" for agency in hidden),
        # The exports and the printable registry (the PDF is read through pdftotext below).
        "/directory/export.csv",
        "/directory/export.csv?scope=internal&q=หน่วยงานลับ",
        "/directory/export.xlsx",
        "/directory/directory.vcf",
        "/directory/registry.html",
    ]
    seeds.append("/directory/registry.pdf")
    forms = marker_forms()
    for round_name in ("rendered", "cached"):
        pages = crawl(client, seeds)
        leaks = [
            (path, marker)
            for path, (_status, content) in pages.items()
            for marker, form in forms.items()
            if form in readable(content)
        ]
        assert leaks == [], f"{round_name}: {leaks[:20]}"

    ok = {path for path, (status, _content) in pages.items() if status == 200}
    agency_pages = {p for p in ok if re.fullmatch(r"/directory/[^/?]+/", p)}
    vcards = {p for p in ok if p.endswith("/vcard.vcf")}
    assert len(agency_pages) >= 20 and len(vcards) >= 20
    assert {"/", "/directory/", "/sitemap.xml", "/sitemap-agencies.xml", "/news/feed/"} <= ok
    for agency in hidden:
        assert pages[f"/directory/{agency.slug}/"][0] == 404
        assert pages[f"/directory/{agency.slug}/vcard.vcf"][0] == 404
        assert pages[f"/directory/{agency.slug}/?view=staff"][0] == 302

    # The public values are there: the showcase's approved name, phones and contacts.
    showcase_page = readable(pages[f"/directory/{showcase.slug}/"][1])
    assert showcase.name_th.lower() in showcase_page
    assert "application/ld+json" in showcase_page
    public_phone = showcase.phones.filter(is_public=True).first()
    public_contact = showcase.contacts.filter(is_private_person=False, period_until=None).first()
    assert public_phone.number in showcase_page
    assert public_contact.name.lower() in showcase_page
    vcard = readable(pages[f"/directory/{showcase.slug}/vcard.vcf"][1])
    assert phone_tel_uri(public_phone.number).split(",")[0] in vcard
    for export in ("/directory/export.csv", "/directory/export.xlsx", "/directory/registry.pdf"):
        assert pages[export][0] == 200, export
        assert showcase.name_th.lower() in " ".join(readable(pages[export][1]).split()), export
    home = readable(pages["/"][1])
    assert showcase.name_th.lower() in home
    assert showcase.slug.lower() in readable(pages["/sitemap-agencies.xml"][1])


def test_the_instance_rule_agrees_with_the_queryset_rule(demo_site):
    """`agency_is_public()` (blocks, parents, children) and `public_agencies()` (listings) are the
    same rule."""
    public_ids = set(public_agencies().values_list("pk", flat=True))
    for agency in Agency.objects.all():
        assert agency_is_public(agency) == (agency.pk in public_ids), agency.name_th
