"""The demo site's Thai text, read from `data/`. Names of people and contact details are samples
(ข้อมูลตัวอย่าง).

The office's authority (อำนาจหน้าที่, `duties.html`) follows the Ministry of Education's rule on
the internal division of educational service area offices; `structure.html` lists the usual
groups of a สพป.
"""

import json
from importlib import resources
from typing import NamedTuple

_DATA = resources.files("home.demo").joinpath("data")


class NewsPost(NamedTuple):
    slug: str
    title: str
    category: str  # NewsCategory slug
    days_ago: int  # dated this many days before the demo is loaded
    intro: str
    paragraphs: list[str]
    agency_categories: list[str]  # AgencyCategory slugs of the related agencies
    tags: list[str]


def _html(name: str) -> str:
    return _DATA.joinpath(name).read_text(encoding="utf-8").removesuffix("\n")


_SITE = json.loads(_DATA.joinpath("site.json").read_text(encoding="utf-8"))

SAMPLE_NOTE = _SITE["sample_note"]

HOME_INTRO = _html("home_intro.html")
VISION = _SITE["vision"]
MISSION = _html("mission.html")
DUTIES = _html("duties.html")
STRUCTURE = _html("structure.html")
# (name, position, phone)
EXECUTIVES = [(e["name"], e["position"], e["phone"]) for e in _SITE["executives"]]
# OfficeSettings field -> value
OFFICE = _SITE["office"]
# (name, slug, sort order)
NEWS_CATEGORIES = [(c["name"], c["slug"], c["sort_order"]) for c in _SITE["news_categories"]]
NEWS_POSTS = [
    NewsPost(**post) for post in json.loads(_DATA.joinpath("news.json").read_text(encoding="utf-8"))
]

PUBLICITY_TITLE = _SITE["publicity"]["title"]
PUBLICITY_INTRO = _SITE["publicity"]["intro"]
PUBLICITY_TEXT = _html("publicity.html")

COMPLAINT_TITLE = _SITE["complaint"]["title"]
COMPLAINT_TEXT = _html("complaint.html")

PRIVACY_TITLE = _SITE["privacy"]["title"]
PRIVACY_INTRO = _SITE["privacy"]["intro"]
# (heading, rich text)
PRIVACY_SECTIONS = [(s["heading"], s["html"]) for s in _SITE["privacy"]["sections"]]
