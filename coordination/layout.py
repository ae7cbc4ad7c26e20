"""The host site's frame around the registry's public pages."""

from django.conf import settings

# The app's own minimal site frame, for hosts that don't name theirs.
DEFAULT_BASE_TEMPLATE = "coordination/site_base.html"


def base_template() -> str:
    """The template that `coordination/base.html` extends (setting COORDINATION_BASE_TEMPLATE).

    It must define the blocks the registry's pages fill: title, extra_head, body_class, content.
    """
    return getattr(settings, "COORDINATION_BASE_TEMPLATE", DEFAULT_BASE_TEMPLATE)
