"""The one rule for invisible characters pasted into text: which ones are dropped on input.

Text pasted from word processors, PDFs and chat apps can carry control characters (vertical tab,
form feed, NUL, C1 controls) and Unicode non-characters. Nobody means to type them; they break
XML (RSS, sitemaps, XLSX), vCards and search. Every text field strips them silently on input
(coordination.models.text.TextCleaningMixin), and the feeds strip them again on output.
"""

import re

# C0 controls except tab, line feed and carriage return; DEL and the C1 controls; lone surrogates;
# U+FFFE and U+FFFF. XML 1.0 forbids all but DEL and C1, which no person types on purpose either.
_NEVER_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Line breaks and tabs: legitimate in multi-line text, a pasting accident in a single line.
_LINE_BREAKS_AND_TABS = re.compile("[\t\n\r]+")


def text_without_controls(text: str, *, multiline: bool = False) -> str:
    """Return `text` without control characters.

    Multi-line text keeps its tabs and line breaks; in single-line text each run of them becomes
    one space, so that two pasted lines don't run into one word, and a line has no blank at
    either end (as a form's single-line field would leave it).
    """
    if not text:
        return text
    text = _NEVER_TEXT.sub("", text)
    if not multiline:
        text = _LINE_BREAKS_AND_TABS.sub(" ", text).strip()
    return text


_TAG = re.compile(r"<[^>]*>")
_CONTENT_TAG = re.compile(r"<(img|embed|iframe|video|audio)\b", re.IGNORECASE)


def rich_text_is_blank(html: str | None) -> bool:
    """True for rich text that shows nothing: "" or an empty paragraph an editor writes back
    (``<p data-block-key="x"></p>``), with no text, image or embed in it."""
    html = html or ""
    if _CONTENT_TAG.search(html):
        return False
    return not _TAG.sub("", html).replace("&nbsp;", "").strip()
