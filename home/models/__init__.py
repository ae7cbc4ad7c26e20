from home.models.news import (
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    NewsPageRelatedAgency,
    NewsPageTag,
)
from home.models.pages import HomePage, HomePageExecutive, HomePageFeaturedAgency, StandardPage
from home.models.site_settings import (
    FooterMenuLink,
    HeaderMenuLink,
    NavigationSettings,
    OfficeSettings,
)

__all__ = [
    "FooterMenuLink",
    "HeaderMenuLink",
    "HomePage",
    "HomePageExecutive",
    "HomePageFeaturedAgency",
    "NavigationSettings",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageRelatedAgency",
    "NewsPageTag",
    "OfficeSettings",
    "StandardPage",
]
