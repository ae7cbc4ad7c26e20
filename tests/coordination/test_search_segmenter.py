"""The one Thai segmenter: index text and queries split the same way, offline."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coordination.search.queries import parse_query
from coordination.search.segmenter import index_text, name_stems, segment

# The dictionary reads the registry's names once per process.
pytestmark = pytest.mark.django_db


def words(text):
    return list(segment(text).words)


def test_place_names_from_geothai_are_words():
    assert words("โรงเรียนบ้านหนองฉาง") == ["โรงเรียน", "บ้าน", "หนองฉาง"]
    assert words("ที่ว่าการอำเภอลานสัก") == ["ที่ว่าการอำเภอ", "ลานสัก"]
    assert "อุทัยธานี" in words("องค์การบริหารส่วนจังหวัดอุทัยธานี")


def test_abbreviations_are_written_out():
    assert words("รร.บ้านหนองฉาง") == words("โรงเรียนบ้านหนองฉาง")
    assert words("อบต.หนองฉาง") == ["องค์การบริหารส่วนตำบล", "หนองฉาง"]
    assert words("อบจ.อุทัยธานี") == ["องค์การบริหารส่วนจังหวัด", "อุทัยธานี"]
    assert words("ทต.หนองฉาง") == ["เทศบาลตำบล", "หนองฉาง"]
    assert words("สพป.อุทัยธานี เขต 1") == [
        "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา",
        "อุทัยธานี",
        "เขต",
        "1",
    ]
    assert words("สพป.อท.1") == ["สำนักงานเขตพื้นที่การศึกษาประถมศึกษา", "อุทัยธานี", "1"]
    assert words("รพ.สต.บ้านหนองฉาง")[0] == "โรงพยาบาลส่งเสริมสุขภาพตำบล"


def test_short_abbreviations_need_their_dot():
    # "ทม" without a dot is the start of an ordinary word, not เทศบาลเมือง.
    assert "เทศบาลเมือง" not in words("ทมิฬ")
    assert words("ทม.อุทัยธานี") == words("เทศบาลเมืองอุทัยธานี")


def test_spaces_in_odd_places_do_not_matter_in_a_query():
    assert words("รร บ้าน หนอง ฉาง") == words("โรงเรียนบ้านหนองฉาง")
    assert words("โรงเรียน Ban Nong Chang") == ["โรงเรียน", "ban", "nong", "chang"]


def test_administrative_words_are_dropped():
    assert words("อำเภอหนองฉาง จังหวัดอุทัยธานี") == ["หนองฉาง", "อุทัยธานี"]


@pytest.mark.parametrize(
    "typed",
    ["056-511-061", "0 5651 1061", "056511061", "+66 56 511 061", "(056) 511-061", "๐๕๖-๕๑๑-๐๖๑"],
)
def test_phone_numbers_in_any_format_are_their_digits(typed):
    assert words(typed) == ["056511061"]


def test_codes_emails_and_hosts_stay_whole():
    assert words("1061010001") == ["1061010001"]
    assert words("0-6105-00000-00-1") == ["0610500000001"]
    # Without punctuation, so that SQLite and PostgreSQL read them alike.
    assert words("Saraban@Uthai1.go.th") == ["saraban" + "uthai1goth", "uthai1goth"]
    assert words("head@uthai-pao.example.go.th")[1] == words("uthai-pao.example.go.th")[0]
    assert words("https://www.uthai1.go.th/about") == ["uthai1goth"]


def test_index_text_also_holds_abbreviations_plain_words_and_compound_parts():
    indexed = index_text("เทศบาลตำบลหนองฉาง (ทต.หนองฉาง)").split()
    for word in ("เทศบาลตำบล", "เทศบาล", "หนองฉาง", "หนอง", "ฉาง", "ทต"):
        assert word in indexed


def test_index_and_query_meet_on_the_same_words():
    indexed = set(index_text("โรงเรียนบ้านหนองฉาง อำเภอหนองฉาง จังหวัดอุทัยธานี").split())
    for query in ("หนองฉาง", "รร.บ้านหนองฉาง", "บ้าน หนองฉาง", "อุทัยธานี", "หนอง ฉาง"):
        assert set(parse_query(query).words) <= indexed, query


def test_name_stems_are_the_proper_names():
    assert name_stems("โรงเรียนบ้านเขาขี้ฝอย") == {"เขาขี้ฝอย"}
    assert name_stems("องค์การบริหารส่วนตำบลทุ่งพง") == {"ทุ่งพง"}


def test_pythainlp_newmm_and_its_dictionary_ship_in_the_wheel():
    import pythainlp

    corpus = Path(pythainlp.__file__).parent / "corpus"
    assert (corpus / "words_th.txt").stat().st_size > 100_000
    assert (Path(pythainlp.__file__).parent / "tokenize" / "newmm.py").exists()


def test_segmenter_works_offline_and_writes_nothing(tmp_path):
    # A proxy that refuses every connection: a download at run time would fail loudly.
    code = (
        "from coordination.search.segmenter import segment, place_words, _dictionary\n"
        "from pythainlp.util import Trie\n"
        "from pythainlp.corpus import thai_words\n"
        "_dictionary._trie = Trie(set(thai_words()) | place_words())\n"
        "print(' '.join(segment('โรงเรียนบ้านหนองฉาง').words))\n"
    )
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "http_proxy": "http://127.0.0.1:9",
        "https_proxy": "http://127.0.0.1:9",
        "HTTP_PROXY": "http://127.0.0.1:9",
        "HTTPS_PROXY": "http://127.0.0.1:9",
    }
    env.pop("PYTHAINLP_READ_ONLY", None)
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
        check=True,
    )
    assert result.stdout.strip() == "โรงเรียน บ้าน หนองฉาง"
    assert list(tmp_path.iterdir()) == []  # no ~/pythainlp-data


def test_the_registry_words_are_the_stems_of_each_name_normalized_on_its_own():
    """The dictionary normalizes all the registry's names in one pass: the stems must be those of
    each name normalized alone (a doubled vowel, a mark left dangling at a name's start)."""
    from coordination.search import segmenter

    names = [
        "โรงเรียนบ้านเขาขี้ฝอย",
        "\u0e48โรงเรียนบ้านหนองฉาง",  # a tone mark dangling before the name
        "องค์การบริหารส่วนตำบลทุ่งพงง\u0e35\u0e35",  # a doubled vowel
        "",
        "เทศบาลตำบล\nหนองขาหย่าง",
    ]
    expected = set().union(*(name_stems(name) for name in names))
    segmenter.segmenter_use_names(lambda: iter(names))
    try:
        assert segmenter.registry_words() == expected
        assert {"เขาขี้ฝอย", "หนองฉาง", "หนองขาหย่าง"} <= expected
    finally:
        from coordination.search.indexing import registry_names

        segmenter.segmenter_use_names(registry_names)
