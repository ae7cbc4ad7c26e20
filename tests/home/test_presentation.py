"""Thai presentation and accessibility basics every public page shares."""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

from tests.home.conftest import make_news

FONT_FILES = [
    f"fonts/sarabun-{subset}-{weight}-normal.woff2"
    for subset in ("thai", "latin")
    for weight in (400, 600, 700)
]


def test_sarabun_is_self_hosted_with_its_licence(client, home_page):
    """One copy of Sarabun, the registry app's, which every public page links before its own
    stylesheet."""
    fonts_css = Path(finders.find("coordination/css/fonts.css")).read_text()
    for font in FONT_FILES:
        path = finders.find(f"coordination/{font}")
        assert path, font
        assert Path(path).read_bytes()[:4] == b"wOF2"
        assert f"../{font}" in fonts_css
    assert not finders.find("fonts/sarabun-thai-400-normal.woff2")  # no second copy
    licence = Path(finders.find("coordination/fonts/OFL.txt")).read_text()
    assert "SIL OPEN FONT LICENSE" in licence
    html = client.get("/").content.decode()
    assert html.index("coordination/css/fonts.css") < html.index("css/site.css")
    # No CDN and no remote import: every url() and @import stays on this site.
    for css in (fonts_css, Path(finders.find("css/site.css")).read_text()):
        assert not re.findall(r"(?:url\(|@import)\s*[\"']?(?:https?:)?//", css)


def test_stylesheet_has_a_print_and_a_narrow_screen_layout():
    css = Path(finders.find("css/site.css")).read_text()
    assert "@media print" in css
    assert "@media (max-width: 40rem)" in css
    assert ":focus-visible" in css


def test_pages_have_landmarks_skip_link_and_labelled_controls(client, news_index, office, menus):
    make_news(news_index, 2)
    for path in ["/", "/news/", "/news/news-1/", "/basic-data/"]:
        html = client.get(path).content.decode()
        assert '<html lang="th">' in html
        assert '<a class="skip-link" href="#main">ข้ามไปยังเนื้อหาหลัก</a>' in html
        assert 'role="banner"' in html and 'role="contentinfo"' in html
        assert '<main id="main"' in html
        assert html.count("<h1") == 1
        for control_id in re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', html):
            assert f'<label for="{control_id}"' in html, control_id
        for img in re.findall(r"<img [^>]*>", html):
            assert " alt=" in img, img
        # Nothing is fetched from another host when the page loads.
        for url in re.findall(r'<(?:link|script)[^>]+(?:href|src)="([^"]+)"', html):
            assert not url.startswith(("http://", "https://", "//")) or url.startswith(
                "http://testserver"
            ), url


def test_thai_is_the_site_language():
    assert settings.LANGUAGE_CODE == "th"
    assert settings.TIME_ZONE == "Asia/Bangkok"
