"""An agency's URL name (slug) made from its Thai name, in the Royal Institute's romanisation.

"โรงเรียนบ้านหนองฉาง" becomes "rong-rian-ban-nong-chang": the name is split into syllables
(PyThaiNLP's dictionary syllable tokenizer) and each syllable is romanised with PyThaiNLP's Royal
Thai General System of Transcription (engine "royin"). Both ship inside the wheel; nothing is
downloaded at run time. Whether the slug is free is the models' business (`agency_free_slug()`).
"""

import os
import re
from functools import lru_cache

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

from django.utils.text import slugify
from pythainlp.tokenize import syllable_dict_trie, word_tokenize
from pythainlp.transliterate import romanize
from pythainlp.util import thai_digit_to_arabic_digit

# ห before a low sonorant (ห นำ: หนอง, ใหม่, หลวง) only changes the tone and is not written.
_HO_NAM = re.compile("ห(?=[งญนมยรลว])")


@lru_cache(maxsize=50_000)
def _syllable_romanised(syllable: str) -> str:
    # Names repeat their syllables (โรง, เรียน, บ้าน...): an import romanises thousands of names.
    syllable = _HO_NAM.sub("", syllable)
    if "ห" not in syllable:
        return romanize(syllable, engine="royin")
    # royin drops an initial ห that has a vowel after it ("หิน" -> "in", "ห้วย" -> "uai"):
    # romanise the syllable with ก in its place, which royin keeps, and write "h" for its "k".
    romanised = romanize(syllable.replace("ห", "ก", 1), engine="royin")
    return "h" + romanised[1:] if romanised.startswith("k") else romanised


@lru_cache(maxsize=50_000)
def _word_syllables(word: str) -> tuple[str, ...]:
    return tuple(word_tokenize(word, custom_dict=syllable_dict_trie()))


def name_syllables(text: str) -> list[str]:
    """`syllable_tokenize(text, engine="dict", keep_whitespace=False)`, with each word's
    syllables kept: PyThaiNLP splits the text into words (newmm), then each word into syllables
    with its syllable dictionary, and names repeat their words (โรงเรียน, บ้าน...)."""
    syllables = [s for word in word_tokenize(text) for s in _word_syllables(word)]
    return [s.strip(" ") for s in syllables if s.strip(" ")]


def romanised_slug(name: str, *, max_length: int) -> str:
    """`name` romanised (Royal Institute) as a lower-case ASCII slug of at most `max_length`
    characters, cut between syllables; empty when nothing in `name` can be romanised."""
    text = thai_digit_to_arabic_digit(name or "")
    syllables = name_syllables(text)
    slug = slugify(" ".join(_syllable_romanised(syllable) for syllable in syllables))
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    return cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
