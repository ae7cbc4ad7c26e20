"""Thai word segmentation for the search index and for queries: the one segmenter.

Wagtail's database backends (SQLite FTS5, PostgreSQL full text) split words on spaces and
punctuation, so a Thai run such as "โรงเรียนบ้านหนองฉาง" is one token and "หนองฉาง" never matches
it. Every text that goes into the index and every query goes through `segment()` here: PyThaiNLP's
newmm with a dictionary of its own word list, the geothai place names, the registry's agency names
and the abbreviations people type (รร., อบต., สพป. ...). Indexed text is segmented more than once
(with our dictionary, with the plain one, and into the dictionary words inside long compounds) so
that a query matches whichever way a person splits a name; a query is segmented with our
dictionary and with the plain one, and matched as "every word" of either (queries.py).

PyThaiNLP ships newmm and its word list inside the wheel; nothing is downloaded at run time.
``PYTHAINLP_READ_ONLY`` stops it from creating ``~/pythainlp-data`` on import.
"""

import os
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

import geothai
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_dict_trie, word_tokenize
from pythainlp.tokenize.tcc_p import tcc_pos
from pythainlp.util import (
    Trie,
    thai_digit_to_arabic_digit,
)
from pythainlp.util import normalize as thai_normalize
from pythainlp.util.normalize import remove_dangling

from coordination.phones import phone_digits

# Abbreviation (without its dot) -> what it stands for. Queries use the expansion; indexed text
# carries both, so "รร.บ้านหนองฉาง" and "โรงเรียนบ้านหนองฉาง" meet on the same words.
ABBREVIATIONS = {
    "รร": "โรงเรียน",
    "อบต": "องค์การบริหารส่วนตำบล",
    "อบจ": "องค์การบริหารส่วนจังหวัด",
    "สพป": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา",
    "สพม": "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา",
    "สพฐ": "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
    "ศธจ": "สำนักงานศึกษาธิการจังหวัด",
    "สสจ": "สำนักงานสาธารณสุขจังหวัด",
    "สสอ": "สำนักงานสาธารณสุขอำเภอ",
    "กศน": "สำนักงานส่งเสริมการเรียนรู้",  # renamed สกร. in 2566; people still type กศน.
    "สกร": "สำนักงานส่งเสริมการเรียนรู้",
    "สนง": "สำนักงาน",
    "รพสต": "โรงพยาบาลส่งเสริมสุขภาพตำบล",
    "กฟภ": "การไฟฟ้าส่วนภูมิภาค",
    "กปภ": "การประปาส่วนภูมิภาค",
    "ทต": "เทศบาลตำบล",
    "ทม": "เทศบาลเมือง",
    "ทน": "เทศบาลนคร",
    "รพ": "โรงพยาบาล",
    "สภ": "สถานีตำรวจภูธร",
    "ศธ": "กระทรวงศึกษาธิการ",
    "ผอ": "ผู้อำนวยการ",
    "อท": "อุทัยธานี",
    "นว": "นครสวรรค์",
    "ชน": "ชัยนาท",
    "กทม": "กรุงเทพมหานคร",
    "อ": "อำเภอ",
    "ต": "ตำบล",
    "จ": "จังหวัด",
}
# Abbreviations of a kind of agency: typed alone ("รร.", "อบต."), they mean the agencies whose
# name starts with the full form or whose own short name starts with the abbreviation, not every
# text that mentions the word (a police station's duties mention schools).
AGENCY_KIND_ABBREVIATIONS = frozenset(
    {
        "รร",
        "อบต",
        "อบจ",
        "สพป",
        "สพม",
        "ศธจ",
        "สสจ",
        "สสอ",
        "กศน",
        "สกร",
        "สนง",
        "รพสต",
        "ทต",
        "ทม",
        "ทน",
        "รพ",
        "สภ",
        "กฟภ",
        "กปภ",
    }
)
# These begin ordinary Thai words too (ทม → ทมิฬ, สภ → สภา), so they count only with their dot.
_DOT_REQUIRED = {"ทต", "ทม", "ทน", "รพ", "สภ", "ศธ", "ผอ", "อท", "นว", "ชน", "อ", "ต", "จ"}

# Words that carry no meaning for finding an agency; dropped from both the index and queries.
STOP_WORDS = frozenset(
    {
        "อำเภอ",
        "ตำบล",
        "จังหวัด",
        "แขวง",
        "หมู่",
        "หมู่ที่",
        "เลขที่",
        "ที่",
        "และ",
        "ของ",
        "ใน",
        "กับ",
        "ต่อ",
        # What people put before a number or an address, not part of any name.
        "โทร",
        "โทรศัพท์",
        "เบอร์",
        "เบอร์โทร",
        "เบอร์โทรศัพท์",
        "อีเมล",
        "อีเมล์",
        "tel",
        "email",
        "ๆ",
        "ฯ",
        "the",
        "of",
        "and",
    }
)

# What an agency name starts with before its proper name ("โรงเรียน" + "บ้าน" + "หนองฉาง").
NAME_PREFIXES = (
    "องค์การบริหารส่วนตำบล",
    "องค์การบริหารส่วนจังหวัด",
    "โรงพยาบาลส่งเสริมสุขภาพตำบล",
    "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา",
    "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา",
    "สำนักงานศึกษาธิการจังหวัด",
    "สำนักงานสาธารณสุขจังหวัด",
    "สำนักงานสาธารณสุขอำเภอ",
    "ที่ว่าการอำเภอ",
    "สถานีตำรวจภูธร",
    "เทศบาลตำบล",
    "เทศบาลเมือง",
    "เทศบาลนคร",
    "ศาลากลางจังหวัด",
    "โรงพยาบาล",
    "โรงเรียน",
    "สำนักงาน",
    "เครือข่ายสถานศึกษา",
    "เครือข่าย",
    "กลุ่มโรงเรียน",
    "กลุ่ม",
    "ศูนย์",
    "มูลนิธิ",
    "สมาคม",
    "บริษัท",
    "ห้างหุ้นส่วนจำกัด",
    "วิทยาลัย",
    "มหาวิทยาลัย",
)
PLACE_PREFIXES = ("บ้าน", "วัด", "อนุบาล", "ชุมชน", "เมือง")

_THAI = "\u0e00-\u0e7f"
_THAI_CHAR = re.compile(f"[{_THAI}]")
_THAI_ONLY = re.compile(f"^[{_THAI}]+$")
_abbrev_optional = sorted(
    (a for a in ABBREVIATIONS if a not in _DOT_REQUIRED), key=len, reverse=True
)
_abbrev_dotted = sorted(_DOT_REQUIRED, key=len, reverse=True)
_ABBREVIATION = re.compile(
    rf"(?<![{_THAI}])(?:(?P<opt>{'|'.join(_abbrev_optional)})\.?|(?P<dot>{'|'.join(_abbrev_dotted)})\.)"
)
_RPS = re.compile(rf"(?<![{_THAI}])รพ\.?\s?สต\.?")  # รพ.สต. / รพสต
_DOTTED_LETTERS = re.compile(rf"(?<![{_THAI}])((?:[ก-ฮ]\.){{2,}})")  # ร.ร. / อ.บ.ต. -> รร. / อบต.
_EMAIL = re.compile(r"[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)+")
_HOST = re.compile(
    r"(?<![\w@.])(?:https?://)?(?:www\.)?([a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,})(?![\w.])(?:/\S*)?"
)
_PHONE = re.compile(r"(?<!\d)(?:\+?66[\s\-.]?|0)\d(?:[\s\-.]?\d){7,8}(?!\d)")
_DASHED_DIGITS = re.compile(r"(?<!\d)\d+(?:[\-\s]\d+)+(?!\d)")
_PAREN_DIGITS = re.compile(r"\((\d+)\)")
_THAI_SPACE = re.compile(rf"(?<=[{_THAI}])\s+(?=[{_THAI}])")
_PUNCT_EDGES = re.compile(rf"^[^\w{_THAI}@]+|[^\w{_THAI}@]+$")
_DROP_CHARS = re.compile(r"[\"'“”‘’`*^~|<>{}\[\]\\]")

# Parts of a compound shorter than this are left out of the index: they would only add noise.
_MIN_SUBWORD = 3


class _Dictionary:
    """The custom newmm dictionary, built lazily once per process and rebuilt on `refresh()`."""

    def __init__(self):
        self._lock = threading.Lock()
        self._trie: Trie | None = None

    @property
    def trie(self) -> Trie:
        if self._trie is None:
            with self._lock:
                if self._trie is None:
                    self._trie = Trie(dictionary_words())
        return self._trie

    def refresh(self) -> None:
        with self._lock:
            self._trie = None
            _clear_caches()

    def add(self, words) -> None:
        trie = self.trie
        new = [word for word in words if word not in trie]
        for word in new:
            trie.add(word)
        if new:
            _clear_caches()


_dictionary = _Dictionary()


def place_words() -> set[str]:
    """Province, district and subdistrict names from geothai, without their administrative prefix."""
    words: set[str] = set()
    for province in geothai.provinces():
        words.add(province.name_th)
        for district in geothai.districts(province.code):
            name = district.name_th
            for prefix in ("เมือง", "เขต", "กิ่งอำเภอ"):
                if name.startswith(prefix) and len(name) > len(prefix) + 1:
                    name = name[len(prefix) :]
                    break
            words.add(name)
            words.update(s.name_th for s in geothai.subdistricts(district.code))
    return {w for w in words if _THAI_ONLY.match(w)}


def name_stems(name: str, *, normalized: bool = False) -> set[str]:
    """The proper-name part of an agency name: "โรงเรียนบ้านหนองฉาง" -> {"หนองฉาง"}."""
    stems = set()
    name = re.sub(r"[()]", " ", name if normalized else thai_normalize(name or ""))
    for part in name.split():
        for prefix in NAME_PREFIXES:
            if part.startswith(prefix):
                part = part[len(prefix) :]
                break
        for prefix in PLACE_PREFIXES:
            if part.startswith(prefix) and len(part) > len(prefix) + 2:
                part = part[len(prefix) :]
                break
        if 3 <= len(part) <= 30 and _THAI_ONLY.match(part):
            stems.add(part)
    return stems


# Where the names of the registry come from: set by the search layer when the app is ready
# (`segmenter_use_names`), so that this module stays below the models it segments.
_name_source: Callable[[], Iterable[str]] | None = None


def segmenter_use_names(source: Callable[[], Iterable[str]] | None) -> None:
    """Read the registry's names (agencies, school networks) from `source` when the dictionary
    is built; their stems become words ("โรงเรียนบ้านหนองฉาง" teaches "หนองฉาง")."""
    global _name_source
    _name_source = source
    _dictionary.refresh()


def registry_words() -> set[str]:
    """Name stems of the registry's names; empty without a source."""
    words: set[str] = set()
    for name in _normalize_lines(_name_source() if _name_source else ()):
        words |= name_stems(name, normalized=True)
    return words


def _normalize_lines(names: Iterable[str]) -> list[str]:
    """PyThaiNLP's normalize of each name, run over all of them at once: its rules are some thirty
    regular expressions, each pass over one text of 50,000 lines instead of 50,000 short ones
    (half the time). Only "a dangling mark at the start of the text" is a rule of the whole text:
    it is applied to each line."""
    joined = "\n".join(name.replace("\n", " ") for name in names if name)
    return [remove_dangling(line) for line in thai_normalize(joined).split("\n")]


def segmenter_warm() -> None:
    """Build this process's dictionaries now (ours: many seconds at national scale; PyThaiNLP's
    plain one: seconds), so that the first search a worker serves does not wait for them."""
    _dictionary.trie  # noqa: B018 (the property builds it)
    word_dict_trie()


def dictionary_words() -> set[str]:
    """PyThaiNLP's default word list + place names + abbreviations + the registry's names."""
    words = set(thai_words())
    words |= place_words()
    words |= set(ABBREVIATIONS) | set(ABBREVIATIONS.values())
    words |= registry_words()
    return words


def segmenter_add_names(*names: str) -> None:
    """Teach this process's dictionary the stems of new or renamed agencies, without a rebuild."""
    words = set()
    for name in names:
        words |= name_stems(name)
    if words:
        _dictionary.add(words)


@lru_cache(maxsize=100_000)
def normalize(text: str) -> str:
    """NFC, PyThaiNLP's fixes for common Thai typing slips, lower case, one space."""
    text = text or ""
    if text.isascii():
        # Codes, phone numbers, e-mails, English names: NFC and PyThaiNLP's fixes change only
        # their spaces, which the last step settles anyway.
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFC", text)
    text = thai_digit_to_arabic_digit(thai_normalize(text))
    return " ".join(text.lower().split())


def _address_word(text: str) -> str:
    # One plain word for an address: the backends would each split "head@uthai-pao.go.th"
    # their own way (PostgreSQL's parser and its query splitting on "-" disagree).
    return re.sub(r"[^a-z0-9]", "", text)


def _take_specials(text: str) -> tuple[str, list[str]]:
    """Pull e-mails, web hosts, phone numbers and dashed codes out as whole words.

    An e-mail gives two words (the address, and its domain so that the domain alone finds it),
    a web host one; each without its punctuation.
    """
    specials: list[str] = []

    def keep(*words):
        def replace(match):
            specials.extend(word(match) for word in words)
            return " "

        return replace

    text = _EMAIL.sub(
        keep(
            lambda m: _address_word(m.group(0)), lambda m: _address_word(m.group(0).split("@")[1])
        ),
        text,
    )
    text = _PAREN_DIGITS.sub(r"\1", text)
    text = _PHONE.sub(keep(lambda m: phone_digits(m.group(0))), text)
    text = _HOST.sub(keep(lambda m: _address_word(m.group(1))), text)

    def dashed(match):
        digits = re.sub(r"\D", "", match.group(0))
        if len(digits) >= 6:
            specials.append(digits)
            return " "
        return match.group(0)

    text = _DASHED_DIGITS.sub(dashed, text)
    return text, specials


def _expand_abbreviations(text: str, found: list[str]) -> str:
    def expand_rps(match):
        found.append("รพสต")
        return f" {ABBREVIATIONS['รพสต']} "

    def expand(match):
        abbreviation = match.group("opt") or match.group("dot")
        found.append(abbreviation)
        return f" {ABBREVIATIONS[abbreviation]} "

    text = _DOTTED_LETTERS.sub(lambda m: m.group(1).replace(".", "") + ".", text)
    return _ABBREVIATION.sub(expand, _RPS.sub(expand_rps, text))


def _clean(token: str) -> str:
    token = _PUNCT_EDGES.sub("", _DROP_CHARS.sub("", token.strip()))
    return "" if token in STOP_WORDS else token


def _newmm(chunk: str, trie: Trie) -> list[str]:
    tokens = []
    for raw in word_tokenize(chunk, engine="newmm", custom_dict=trie, keep_whitespace=False):
        token = _clean(raw)
        if token:
            tokens.append(token)
    return tokens


# Names, positions and place names repeat across thousands of agencies: segment each chunk once.
@lru_cache(maxsize=100_000)
def _words_custom(chunk: str) -> tuple[str, ...]:
    return tuple(_newmm(chunk, _dictionary.trie))


@lru_cache(maxsize=100_000)
def _words_plain(chunk: str) -> tuple[str, ...]:
    return tuple(_newmm(chunk, word_dict_trie()))


def _clear_caches() -> None:
    _words_custom.cache_clear()
    _words_plain.cache_clear()
    _decompose.cache_clear()


@lru_cache(maxsize=100_000)
def _decompose(token: str) -> tuple[str, ...]:
    """Split a dictionary compound into the fewest shorter words ("เทศบาลตำบล" -> เทศบาล, ตำบล)."""
    if len(token) < 2 * _MIN_SUBWORD or not _THAI_CHAR.search(token):
        return ()
    trie = _dictionary.trie
    bounds = tcc_pos(token)
    best: list[str] = []
    for head in trie.prefixes(token):
        if head == token or len(head) not in bounds:
            continue
        rest = word_tokenize(token[len(head) :], engine="newmm", custom_dict=trie)
        if rest and (not best or len(rest) + 1 < len(best)):
            best = [head, *rest]
    return tuple(w for w in (_clean(word) for word in best) if len(w) >= _MIN_SUBWORD)


@dataclass(frozen=True)
class Segmented:
    """A text split into words: `words` as a reader splits them, `extra` only for the index."""

    words: tuple[str, ...]
    extra: tuple[str, ...] = ()


def segment(text: str, *, for_index: bool = False, plain: bool = False) -> Segmented:
    """Split Thai (and mixed Thai/English) text into search words.

    The same steps run for a query and for indexed text: normalisation, phone numbers to digits,
    e-mails and web hosts kept whole, abbreviations expanded, stop words dropped, newmm with the
    custom dictionary. For a query, spaces between Thai letters are ignored ("หนอง ฉาง" is
    "หนองฉาง"). For the index, `extra` adds the abbreviations themselves, the plain-dictionary
    segmentation and the words inside long compounds. `plain=True` segments a query with
    PyThaiNLP's own dictionary only.
    """
    text = normalize(text)
    if not text:
        return Segmented(())
    text, specials = _take_specials(text)
    abbreviations: list[str] = []
    text = _expand_abbreviations(text, abbreviations)
    if not for_index:
        text = _THAI_SPACE.sub("", text)
    thai_words_of = _words_plain if plain else _words_custom
    words: list[str] = []
    for chunk in text.split():
        words.extend(thai_words_of(chunk) if _THAI_CHAR.search(chunk) else [_clean(chunk)])
    words = [w for w in words if w] + specials
    if not for_index:
        return Segmented(tuple(words))
    seen = set(words)
    extra: list[str] = []

    def add(word):
        if word and word not in seen:
            seen.add(word)
            extra.append(word)

    for abbreviation in abbreviations:
        add(abbreviation)
    for chunk in text.split():
        if _THAI_CHAR.search(chunk):
            for word in _words_plain(chunk):
                add(word)
    pending = list(seen)
    while pending:
        for part in _decompose(pending.pop()):
            if part not in seen:
                add(part)
                pending.append(part)
    return Segmented(tuple(words), tuple(extra))


def index_text(*texts: str) -> str:
    """Space-joined words of `texts` for a search field of the index."""
    out: list[str] = []
    for text in texts:
        if text:
            segmented = segment(text, for_index=True)
            out.extend(segmented.words)
            out.extend(segmented.extra)
    return " ".join(out)


def expand_abbreviations(text: str) -> str:
    """`text` with the abbreviations people type written out ("รร.บ้าน..." -> "โรงเรียน บ้าน...")."""
    return _expand_abbreviations(text, [])


def abbreviation_alone(text: str) -> str:
    """The abbreviation (without its dot) when `text` is one abbreviation and nothing else
    ("รร.", "ร.ร.", "อบต"), else "". Read by the same rules as `expand_abbreviations()`."""
    found: list[str] = []
    expanded = _expand_abbreviations(normalize(text), found).strip()
    if len(found) == 1 and expanded == ABBREVIATIONS[found[0]]:
        return found[0]
    return ""
