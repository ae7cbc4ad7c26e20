"""Thai dictionary order: the one key every ordered list of names sorts by.

Code points put every name that starts with a leading vowel (เ แ โ ใ ไ) after "อ": "โรงเรียน…"
after "องค์การ…". The Royal Institute dictionary files a word under its first consonant, reads
tone marks only to tell otherwise equal words apart, and ignores the gaps between words. The key
does the same with plain text, so that comparing two keys character by character (code point
order: SQLite's BINARY, PostgreSQL's "C" collation, Python's `sorted`) is dictionary order:

* each leading vowel moves after the consonant it is written before ("เทศบาล" → "ทเศบาล"),
  as in PyThaiNLP's `pythainlp.util.collate` and ICU's Thai rules;
* tone marks (and mai taikhu) leave the letters and follow them after a space, which sorts
  before any letter: "กา" < "ก่า" < "กาก";
* spaces between words, case and Thai digits don't count ("๑" is "1").

The database stores the key beside each name (`Agency.name_sort`, see
coordination.models.sorting) and orders by it with a plain index; small fixed lists built in
Python (provinces, districts) use it as `sorted(key=thai_sort_key)`.
"""

import re

from coordination.text import text_without_controls

_LEADING_VOWEL_CONSONANT = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")
_TONE_MARKS = re.compile("[\u0e47-\u0e4c]")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# Sara am typed as nikhahit + sara aa looks the same and sorts as sara am.
_SARA_AM_TYPED_IN_TWO = "\u0e4d\u0e32"


def thai_sort_key(text: str) -> str:
    """The key that sorts `text` in Thai dictionary order when keys are compared by code point."""
    text = text_without_controls(text or "").casefold().translate(_THAI_DIGITS)
    text = "".join(text.split()).replace(_SARA_AM_TYPED_IN_TWO, "\u0e33")
    letters = _LEADING_VOWEL_CONSONANT.sub(r"\2\1", _TONE_MARKS.sub("", text))
    tones = "".join(_TONE_MARKS.findall(text))
    return f"{letters} {tones}" if tones else letters
