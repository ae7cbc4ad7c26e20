"""Shared set-up of the directory tests: the site's directory page and page bodies with blocks."""

import uuid

from wagtail.models import Site

from coordination.pages import directory_page_ensure


def site_root():
    return Site.objects.get(is_default_site=True).root_page.specific


def directory_page(*, body=None):
    """The published directory page at /directory/, with `body` blocks when given."""
    page = directory_page_ensure(site_root())
    if body is not None:
        page.body = body
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def stream(*blocks):
    """Raw StreamField data from (type, value) pairs, with block ids."""
    return [{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks]


def card_block(agency, **options):
    return (
        "agency_card",
        {"agency": agency.pk, "show_contacts": True, "show_mission": False, **options},
    )


def directory_block(**options):
    value = {
        "heading": "",
        "scope": "",
        "category": "",
        "district": "",
        "network": "",
        "tag": "",
        "layout": "table",
        "limit": 20,
    }
    value.update(options)
    return ("directory", value)


def contact_table_block(*agencies, role=""):
    return (
        "contact_table",
        {
            "heading": "",
            "agencies": [
                {"type": "item", "value": agency.pk, "id": str(uuid.uuid4())} for agency in agencies
            ],
            "role": role,
        },
    )
