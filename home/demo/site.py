"""Build the demo website (`seed_demo`): home page content, news, publicity and privacy pages,
site settings and menus. Idempotent: what exists is kept, what is missing is created, and every
page is published through a revision like an editor's work.

Agencies come from the registry's own demo data, loaded before this runs.
"""

import io
from datetime import timedelta

from django.apps import apps
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from coordination.cards import public_agencies
from home.demo import content
from home.models import (
    FooterMenuLink,
    HeaderMenuLink,
    HomePage,
    HomePageExecutive,
    HomePageFeaturedAgency,
    NavigationSettings,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    NewsPageRelatedAgency,
    OfficeSettings,
    StandardPage,
)

NEWS_IMAGE_COLOURS = {
    "news": (11, 83, 148),
    "announcement": (122, 31, 31),
    "activity": (27, 94, 32),
    "procurement": (74, 74, 74),
}


def build_demo_site(*, log=print) -> HomePage:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = _home_page(site)
    _home_content(home)
    news_index = _news_index(home)
    categories = _news_categories()
    created = sum(_news_post(news_index, categories, post) for post in content.NEWS_POSTS)
    publicity = _publicity_page(home)
    complaint = _standard_page(
        home, "complaints", content.COMPLAINT_TITLE, "", [("paragraph", content.COMPLAINT_TEXT)]
    )
    privacy = _standard_page(
        home,
        "privacy",
        content.PRIVACY_TITLE,
        content.PRIVACY_INTRO,
        [
            block
            for heading, html in content.PRIVACY_SECTIONS
            for block in (("heading", heading), ("paragraph", html))
        ],
    )
    directory = _directory_page(home)
    _office_settings(site, complaint)
    _menus(site, home, news_index, publicity, directory, privacy)
    log(
        f"website: home page, {NewsPage.objects.live().count()} news posts "
        f"({created} new), publicity, privacy and complaint pages, settings and menus"
    )
    return home


def _publish(page: Page) -> None:
    page.save_revision(log_action=True).publish()


def _home_page(site: Site | None) -> HomePage:
    root_page = site.root_page.specific if site else None
    if isinstance(root_page, HomePage):
        return root_page
    return HomePage.objects.first()


def _home_content(home: HomePage) -> None:
    if home.duties and home.executives.exists() and home.live:
        return
    home.intro = home.intro or content.HOME_INTRO
    home.vision = home.vision or content.VISION
    home.mission = home.mission or content.MISSION
    home.duties = home.duties or content.DUTIES
    home.structure = home.structure or content.STRUCTURE
    home.search_description = home.search_description or content.PUBLICITY_INTRO
    if not home.executives.exists():
        home.executives = [
            HomePageExecutive(name=name, position=position, phone=phone, sort_order=order)
            for order, (name, position, phone) in enumerate(content.EXECUTIVES)
        ]
    if not home.featured_agencies.exists():
        featured = (
            public_agencies().filter(category__slug="office-group").order_by("name_sort", "pk")[:4]
        )
        home.featured_agencies = [
            HomePageFeaturedAgency(agency=agency, sort_order=order)
            for order, agency in enumerate(featured)
        ]
    _publish(home)


def _child(parent: Page, model, slug: str):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _news_index(home: HomePage) -> NewsIndexPage:
    index = _child(home, NewsIndexPage, "news")
    if index is None:
        index = NewsIndexPage(
            title="ข่าวประชาสัมพันธ์",
            slug="news",
            intro="ข่าวสาร ประกาศ และกิจกรรมของ สพป.อุทัยธานี เขต 1",
            show_in_menus=True,
            live=False,
        )
        home.add_child(instance=index)
        _publish(index)
    return index


def _news_categories() -> dict[str, NewsCategory]:
    categories = {}
    for name, slug, order in content.NEWS_CATEGORIES:
        categories[slug], _created = NewsCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )
    return categories


def _demo_image(title: str, colour: tuple[int, int, int]):
    """A plain banner picture, so that news lists and link previews have an image."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is not None:
        return image
    picture = PILImage.new("RGB", (1200, 675), colour)
    draw = ImageDraw.Draw(picture)
    for step in range(6):
        inset = 60 + step * 45
        draw.ellipse(
            (inset + 420, inset - 120, 1320 - inset, 780 - inset), outline=(255, 255, 255), width=3
        )
    draw.rectangle((60, 520, 560, 560), fill=(255, 255, 255))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return Image.objects.create(
        title=title,
        description=title,
        file=ImageFile(buffer, name=f"demo-{colour[0]}-{colour[1]}-{colour[2]}.png"),
    )


def _agencies_for(category_slugs: list[str], limit: int = 3):
    if not category_slugs:
        return []
    return list(
        public_agencies()
        .filter(category__slug__in=category_slugs)
        .order_by("name_sort", "pk")[:limit]
    )


def _news_post(index: NewsIndexPage, categories: dict, post: content.NewsPost) -> bool:
    slug, title, category_slug, days_ago, intro, paragraphs, agency_categories, tags = post
    if _child(index, NewsPage, slug) is not None:
        return False
    category = categories[category_slug]
    news = NewsPage(
        title=title,
        slug=slug,
        date=timezone.localdate() - timedelta(days=days_ago),
        category=category,
        intro=intro,
        image=_demo_image(
            f"ภาพประกอบ{category.name} (ภาพตัวอย่าง)", NEWS_IMAGE_COLOURS[category_slug]
        ),
        body=_stream(
            [
                *[("paragraph", f"<p>{text}</p>") for text in paragraphs],
                ("paragraph", f"<p><em>{content.SAMPLE_NOTE}สำหรับระบบสาธิต</em></p>"),
            ]
        ),
        live=False,
    )
    news.tags.add(*tags)
    news.related_agencies = [
        NewsPageRelatedAgency(agency=agency, sort_order=order)
        for order, agency in enumerate(_agencies_for(agency_categories))
    ]
    index.add_child(instance=news)
    _publish(news)
    return True


def _stream(blocks) -> list[dict]:
    """Stream data in Wagtail's JSON form: ("heading", text), ("paragraph", html) or a raw block."""
    stream = []
    for block_type, value in blocks:
        if block_type == "heading":
            stream.append({"type": "heading", "value": {"text": value, "level": "h2"}})
        else:
            stream.append({"type": block_type, "value": value})
    return stream


def _standard_page(parent: Page, slug: str, title: str, intro: str, blocks) -> StandardPage:
    page = _child(parent, StandardPage, slug)
    if page is None:
        page = StandardPage(title=title, slug=slug, intro=intro, body=_stream(blocks), live=False)
        parent.add_child(instance=page)
        _publish(page)
    return page


def _directory_blocks() -> list:
    """Live directory blocks: the office's own groups as a table, a contact table of the groups,
    and the schools as cards. They render the registry's current public data on every request."""
    groups = list(
        public_agencies()
        .filter(category__slug="office-group")
        .order_by("name_sort", "pk")
        .values_list("pk", flat=True)[:4]
    )
    blocks = [
        (
            "directory",
            {
                "heading": "หน่วยงานภายในสำนักงาน",
                "scope": "internal",
                "category": "office-group",
                "layout": "table",
                "limit": 20,
            },
        ),
        (
            "directory",
            {"heading": "โรงเรียนในสังกัด", "category": "school", "layout": "cards", "limit": 12},
        ),
    ]
    if groups:
        blocks.append(
            ("contact_table", {"heading": "ผู้ประสานงานของกลุ่มงาน", "agencies": groups, "role": ""})
        )
    return blocks


def _publicity_page(home: HomePage) -> StandardPage:
    return _standard_page(
        home,
        "basic-data",
        content.PUBLICITY_TITLE,
        content.PUBLICITY_INTRO,
        [("paragraph", content.PUBLICITY_TEXT), *_directory_blocks()],
    )


def _directory_page(home: HomePage):
    """The registry's directory page at /directory/, when the registry app provides one."""
    try:
        DirectoryPage = apps.get_model("coordination", "DirectoryPage")
    except LookupError:
        return None
    page = DirectoryPage.objects.first()
    if page is None:
        page = DirectoryPage(title="ทำเนียบหน่วยงาน", slug="directory", live=False)
        home.add_child(instance=page)
        _publish(page)
    return page


def _office_settings(site: Site, complaint: StandardPage) -> None:
    office = OfficeSettings.for_site(site)
    changed = False
    for field, value in content.OFFICE.items():
        if not getattr(office, field) or field in ("office_name", "short_name"):
            changed |= getattr(office, field) != value
            setattr(office, field, value)
    if office.complaint_page_id is None and not office.complaint_url:
        office.complaint_page = complaint
        changed = True
    if changed:
        office.save()


def _menus(site, home, news_index, publicity, directory, privacy) -> None:
    navigation = NavigationSettings.for_site(site)
    if navigation.header_links.exists() or navigation.footer_links.exists():
        return
    header = [
        HeaderMenuLink(link_page=home, link_text="หน้าแรก"),
        HeaderMenuLink(link_page=directory, link_text="ทำเนียบหน่วยงาน")
        if directory is not None
        else HeaderMenuLink(link_url="/directory/", link_text="ทำเนียบหน่วยงาน"),
        HeaderMenuLink(link_page=news_index),
        HeaderMenuLink(link_page=publicity, link_text="ประชาสัมพันธ์ข้อมูลพื้นฐาน"),
        HeaderMenuLink(link_url="/#contact", link_text="ติดต่อสำนักงาน"),
    ]
    footer = [
        FooterMenuLink(link_page=privacy, link_text="ประกาศความเป็นส่วนตัว"),
        FooterMenuLink(link_url="/sitemap.xml", link_text="แผนผังเว็บไซต์ (XML)"),
    ]
    for order, link in enumerate(header):
        link.sort_order = order
    for order, link in enumerate(footer):
        link.sort_order = order
    navigation.header_links = header
    navigation.footer_links = footer
    navigation.save()
