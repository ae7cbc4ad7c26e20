"""Keep the cached site frame (home/chrome.py) in step with the pages its menus link to."""

from django.db.models import Q
from wagtail.signals import page_published, page_unpublished

from coordination.cache import page_cache_purge_all


def _on_page_changed(sender, instance, **kwargs):
    from home.models import FooterMenuLink, HeaderMenuLink, OfficeSettings

    linked = Q(link_page_id=instance.pk)
    if (
        HeaderMenuLink.objects.filter(linked).exists()
        or FooterMenuLink.objects.filter(linked).exists()
        or OfficeSettings.objects.filter(complaint_page_id=instance.pk).exists()
    ):
        page_cache_purge_all()


def connect_signals() -> None:
    page_published.connect(_on_page_changed, dispatch_uid="home_chrome_page_published")
    page_unpublished.connect(_on_page_changed, dispatch_uid="home_chrome_page_unpublished")
