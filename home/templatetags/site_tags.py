"""Template tags of the website's frame: menus, the link-sharing (Open Graph) tags, the admin's name."""

from django import template
from django.conf import settings
from django.templatetags.static import static

from home import selectors

register = template.Library()

OG_IMAGE_SPEC = "fill-1200x630"
DEFAULT_OG_IMAGE = "img/og-default.png"


@register.inclusion_tag("components/nav.html", takes_context=True)
def header_menu(context):
    request = context.get("request")
    return {"items": selectors.header_menu(request=request) if request else []}


@register.inclusion_tag("components/footer_links.html", takes_context=True)
def footer_menu(context):
    request = context.get("request")
    return {"items": selectors.footer_menu(request=request) if request else []}


def _page_sharing(page, request) -> dict:
    sharing = {"title": page.seo_title or page.title, "description": page.search_description}
    if hasattr(page, "get_og_description"):
        sharing["description"] = page.get_og_description()
        image = page.get_og_image()
        if image is not None:
            sharing["image_url"] = request.build_absolute_uri(
                image.get_rendition(OG_IMAGE_SPEC).url
            )
            sharing["image_alt"] = image.default_alt_text or image.title
    if page.specific_class is not None and page.specific_class.__name__ == "NewsPage":
        sharing["og_type"] = "article"
    return sharing


@register.simple_tag
def admin_site_name() -> str:
    """The office's name where Wagtail's admin would say "Wagtail" (templates/wagtailadmin/)."""
    return settings.WAGTAIL_SITE_NAME


@register.inclusion_tag("components/og_tags.html", takes_context=True)
def og_tags(context):
    """Title, description, image and URL of what is shown, for Facebook, LINE and X previews.

    Views that are not plain pages (directory routes) may set `og_title`, `og_description` and
    `og_image_url` in their context.
    """
    request = context["request"]
    office = context["office"]
    site_name = office.short_name or office.office_name
    sharing = {
        "title": site_name,
        "description": office.office_name,
        "url": request.build_absolute_uri(request.path),
        "image_url": request.build_absolute_uri(static(DEFAULT_OG_IMAGE)),
        "image_alt": office.office_name,
        "og_type": "website",
    }
    page = context.get("page")
    if page is not None and getattr(page, "pk", None):
        sharing.update({k: v for k, v in _page_sharing(page, request).items() if v})
    for key in ("title", "description", "image_url"):
        if context.get(f"og_{key}"):
            sharing[key] = context[f"og_{key}"]
    return {**sharing, "site_name": site_name}
