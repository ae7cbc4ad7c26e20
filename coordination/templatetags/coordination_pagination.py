from django import template
from django.core.paginator import Page

register = template.Library()

# Page links around the current page and at each end; the rest is an ellipsis, so a page's size
# does not grow with the number of pages (2,213 links at 50,000 agencies before).
ON_EACH_SIDE = 2
ON_ENDS = 1


@register.simple_tag
def page_window(page_obj: Page) -> list[int | str]:
    """The page numbers to link, with the paginator's ellipsis (…) where pages are left out:
    1 … 6 7 [8] 9 10 … 2213."""
    paginator = page_obj.paginator
    return list(
        paginator.get_elided_page_range(page_obj.number, on_each_side=ON_EACH_SIDE, on_ends=ON_ENDS)
    )
