"""RSS of the office's news at /news/feed/ (Thai; pubDate stays RFC 822, the description
carries the Buddhist Era date readers expect).

Text fields strip control characters on input (coordination.text); the feed strips them again,
so that a row saved before that rule, or written around it, cannot make the XML invalid."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from coordination.text import text_without_controls
from coordination.thai_dates import thai_date
from home.models import NewsIndexPage, NewsPage, OfficeSettings

FEED_ITEMS = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "th"
    description = _("ข่าวสาร ประกาศ และกิจกรรมของสำนักงานเขตพื้นที่การศึกษา")

    # One instance serves every request: per-request data travels in `site`, never on `self`.
    # Links are site-relative; the syndication framework makes them absolute for the request.

    def get_object(self, request, *args, **kwargs):
        return Site.find_for_request(request) or Site.objects.get(is_default_site=True)

    def title(self, site):
        office = OfficeSettings.for_site(site)
        office_name = office.short_name or office.office_name
        return _("ข่าวประชาสัมพันธ์ %(office)s") % {"office": text_without_controls(office_name)}

    def link(self, site):
        index = NewsIndexPage.objects.live().public().descendant_of(site.root_page).first()
        return index.relative_url(site) if index else "/"

    def items(self, site):
        return (
            NewsPage.objects.live()
            .public()
            .descendant_of(site.root_page)
            .defer_streamfields()
            .select_related("category")
            .order_by("-date", "-first_published_at")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return text_without_controls(item.title)

    def item_description(self, item):
        return f"{thai_date(item.date)} — {text_without_controls(item.intro, multiline=True)}"

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(8, 30)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [text_without_controls(item.category.name)] if item.category_id else []
