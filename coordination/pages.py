"""The public directory page: the registry's front door on any Wagtail site (manual step 5.5).

A page type is a model and a view at once: it holds StreamFields of the app's blocks and routes
requests to the app's views, so it sits in the top layer with them, not in `coordination.models`
(the app config imports it with the models; docs/architecture.md).
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from coordination.blocks import directory_stream_blocks
from coordination.models.text import TextCleaningMixin
from coordination.selectors.directory import DirectoryFilters
from coordination.widgets import buddhist_era_settings_panels

# Agency slugs may be Thai (allow_unicode), so routes match \w rather than Django's <slug>.
AGENCY_SLUG = r"(?P<slug>[-\w]+)"


def _intro_blocks():
    return [
        (
            "paragraph",
            blocks.RichTextBlock(
                label=_("ย่อหน้า"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
            ),
        ),
        *directory_stream_blocks(),
    ]


class DirectoryPage(TextCleaningMixin, RoutablePageMixin, Page):
    """สมุดรายชื่อหน่วยงาน: the public directory of agencies and each agency's own page.

    Routes: ``/`` the filtered listing, ``<slug>/`` an agency, ``<slug>/report/`` its
    "แจ้งแก้ไขข้อมูล" form; ``<slug>/vcard.vcf`` (its vCard)
    is routed by ``coordination.urls`` because Wagtail's page URLs cannot hold a dot.
    Staff add ``?view=staff`` for the internal view (permission-checked, never cached).
    """

    intro = RichTextField(_("คำอธิบาย"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(
        _intro_blocks(),
        blank=True,
        verbose_name=_("เนื้อหาเพิ่มเติม"),
        help_text=_("แสดงเหนือรายชื่อ เช่น บัตรหน่วยงานที่ติดต่อบ่อย หรือตารางผู้ประสานงาน"),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    settings_panels = buddhist_era_settings_panels(Page.settings_panels)
    subpage_types: list[str] = []
    template = "coordination/directory_page.html"
    # What the listing reads (its filters and page number); any other parameter bypasses the
    # page cache (coordination.cache). ``view=staff`` is left out: never cached.
    page_cache_query_parameters = (*DirectoryFilters.parameter_names(), "page")

    class Meta:
        verbose_name = _("หน้าสมุดรายชื่อหน่วยงาน")
        verbose_name_plural = _("หน้าสมุดรายชื่อหน่วยงาน")

    def agency_url_base(self, request=None) -> str:
        """The URL prefix of this directory's agency pages."""
        return self.get_url(request) or ""

    # Page routing: the views find their page through this model (views.agency_vcard_route),
    # so the routes import them on first use, the documented cycle Wagtail's routing makes.
    @path("", name="listing")
    def listing(self, request):
        from coordination.views import directory_listing_view

        return directory_listing_view(request, page=self)

    @re_path(rf"^{AGENCY_SLUG}/$", name="agency")
    def agency(self, request, slug):
        from coordination.views import agency_view

        return agency_view(request, page=self, slug=slug)

    @re_path(rf"^{AGENCY_SLUG}/report/$", name="agency_report")
    def agency_report(self, request, slug):
        from coordination.self_service_views import agency_report_view

        return agency_report_view(request, page=self, slug=slug)


DIRECTORY_SLUG = "directory"


def directory_page_ensure(parent: Page, *, title: str = "", user=None) -> DirectoryPage:
    """Return the published directory page under `parent` (slug "directory"), creating it once.

    Idempotent, for seed commands: an existing page with that slug is returned as it is.
    """
    existing = parent.get_children().filter(slug=DIRECTORY_SLUG).first()
    if existing is not None:
        return existing.specific
    page = DirectoryPage(
        title=title or gettext("สมุดรายชื่อหน่วยงาน"),
        slug=DIRECTORY_SLUG,
        intro=gettext(
            "<p>ข้อมูลพื้นฐานของหน่วยงานภายในและภายนอกเขตพื้นที่การศึกษาที่สำนักงานประสานงานเป็นประจำ "
            "ค้นหาตามชื่อ ประเภท หรืออำเภอ</p>"
        ),
        show_in_menus=True,
    )
    parent.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page
