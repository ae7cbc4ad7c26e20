"""RSS of the office's news at /news/feed/ (Thai; pubDate stays RFC 822, the description
carries the Buddhist Era date readers expect)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from coordination.thai_dates import thai_date
from home.models import NewsIndexPage, NewsPage, OfficeSettings

FEED_ITEMS = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "th"
    description = _("ข่าวสาร ประกาศ และกิจกรรมของสำนักงานเขตพื้นที่การศึกษา")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return Site.find_for_request(request)

    def title(self, site):
        office = OfficeSettings.for_request(self.request)
        return _("ข่าวประชาสัมพันธ์ %(office)s") % {"office": office.short_name or office.office_name}

    def link(self, site):
        index = NewsIndexPage.objects.live().public().first()
        return index.get_url(self.request) if index else "/"

    def items(self, site):
        queryset = NewsPage.objects.live().public().defer_streamfields().select_related("category")
        if site is not None:
            queryset = queryset.descendant_of(site.root_page, inclusive=True)
        return queryset.order_by("-date", "-first_published_at")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{thai_date(item.date)} — {item.intro}"

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(8, 30)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.category.name] if item.category_id else []
