"""The frame every page shares (office details, header and footer menus), read once per change.

Built from the database once per site and kept in the cache under the site-wide generation of
`coordination.cache`, which is bumped when a setting is saved, a page in the menus is published,
unpublished or moved, or a page a menu links to changes (home/signals.py). A warm page then spends
no query on its frame.
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from wagtail.models import Site

from coordination.cache import site_generation
from home.models import NavigationSettings, OfficeSettings

TIMEOUT = 24 * 3600


@dataclass(frozen=True)
class OfficeDetails:
    office_name: str = ""
    short_name: str = ""
    address: str = ""
    phone: str = ""
    phone_uri: str = ""
    fax: str = ""
    email: str = ""
    email_saraban: str = ""
    office_hours: str = ""
    map_url: str = ""
    facebook_url: str = ""
    line_oa_url: str = ""
    complaint_link: str = ""


@dataclass(frozen=True)
class SiteChrome:
    office: OfficeDetails
    header_links: list[tuple[str, str]] = field(default_factory=list)
    footer_links: list[tuple[str, str]] = field(default_factory=list)


def _links(links, request) -> list[tuple[str, str]]:
    result = []
    for link in links:
        if link.link_page_id:
            if not link.link_page.live:
                continue
            url = link.link_page.get_url(request)
            text = link.link_text or link.link_page.title
        else:
            url, text = link.link_url, link.link_text
        if url:
            result.append((text, url))
    return result


def _build(site: Site, request) -> SiteChrome:
    settings = OfficeSettings.for_site(site)
    office = OfficeDetails(
        office_name=settings.office_name,
        short_name=settings.short_name,
        address=settings.address,
        phone=settings.phone,
        phone_uri=settings.phone_uri,
        fax=settings.fax,
        email=settings.email,
        email_saraban=settings.email_saraban,
        office_hours=settings.office_hours,
        map_url=settings.map_url,
        facebook_url=settings.facebook_url,
        line_oa_url=settings.line_oa_url,
        complaint_link=settings.complaint_link,
    )
    navigation = NavigationSettings.for_site(site)
    header = _links(navigation.header_links.select_related("link_page"), request)
    if not header:
        pages = site.root_page.get_children().live().in_menu().public()
        header = [(page.title, page.get_url(request)) for page in pages]
    # The footer's channels list already links the complaint channel (an ITA item): once is enough.
    footer = [
        (text, url)
        for text, url in _links(navigation.footer_links.select_related("link_page"), request)
        if not office.complaint_link or url != office.complaint_link
    ]
    return SiteChrome(office=office, header_links=header, footer_links=footer)


def site_chrome(request) -> SiteChrome:
    """The frame of the site answering `request` (an empty frame outside any site)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return SiteChrome(office=OfficeDetails())
    key = f"home:chrome:{site.pk}:{site_generation()}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = _build(site, request)
        cache.set(key, chrome, TIMEOUT)
    return chrome
