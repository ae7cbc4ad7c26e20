"""Build the Thai print fonts of the PDF registry from the site's self-hosted Sarabun.

HarfBuzz shapes SARA AM (ำ) as NIKHAHIT + SARA AA, so the glyph of า also stands for ำ, and a PDF
maps each glyph to one text: WeasyPrint keeps the text of the glyph's first cluster, so after
"สำนักงาน" every า copies out as ำ ("สำนักงำน"), and after "น้ำ" as "้ำ". The print fonts give
the SARA AA of each SARA AM cluster a glyph of its own (one per tone mark that can stand
between), chosen by a contextual substitution after Sarabun's own, so that copied text and
`pdftotext` read what was written. The outlines do not change.

Run after replacing the woff2 files: `.venv/bin/python scripts/build_print_fonts.py`.
"""

from pathlib import Path

from fontTools.otlLib.builder import buildCoverage, buildLookup, buildSingleSubstSubtable
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import otTables as ot
from fontTools.ttLib.tables._g_l_y_f import USE_MY_METRICS, Glyph, GlyphComponent

FONTS = (
    Path(__file__).resolve().parent.parent / "coordination" / "static" / "coordination" / "fonts"
)
WEIGHTS = (400, 700)
SARA_AA = "uni0E32"
# The glyph before SARA AA in a SARA AM cluster (bare NIKHAHIT or Sarabun's NIKHAHIT + tone
# ligature, with their narrow forms) and the suffix of the SARA AA copy that follows it.
BEFORE_SARA_AA = {
    "am": ("uni0E4D", "uni0E4D.narrow"),
    "am48": ("uni0E4D0E48", "uni0E4D0E48.narrow"),
    "am49": ("uni0E4D0E49", "uni0E4D0E49.narrow"),
    "am4A": ("uni0E4D0E4A", "uni0E4D0E4A.narrow"),
    "am4B": ("uni0E4D0E4B", "uni0E4D0E4B.narrow"),
}


def _copy_glyph(font: TTFont, source: str, name: str) -> None:
    # A composite glyph that draws the source: same outline, same advance.
    part = GlyphComponent()
    part.glyphName = source
    part.x, part.y, part.flags = 0, 0, USE_MY_METRICS
    copy = Glyph()
    copy.numberOfContours = -1
    copy.components = [part]
    font["glyf"].glyphs[name] = copy
    font["hmtx"].metrics[name] = font["hmtx"].metrics[source]
    gdef = font["GDEF"].table
    if gdef.GlyphClassDef and source in gdef.GlyphClassDef.classDefs:
        gdef.GlyphClassDef.classDefs[name] = gdef.GlyphClassDef.classDefs[source]


def _chain_rule(glyph_map, backtrack, lookup_index: int) -> ot.ChainContextSubst:
    rule = ot.ChainContextSubst()
    rule.Format = 3
    rule.BacktrackGlyphCount = 1
    rule.BacktrackCoverage = [buildCoverage(backtrack, glyph_map)]
    rule.InputGlyphCount = 1
    rule.InputCoverage = [buildCoverage([SARA_AA], glyph_map)]
    rule.LookAheadGlyphCount = 0
    rule.LookAheadCoverage = []
    record = ot.SubstLookupRecord()
    record.SequenceIndex = 0
    record.LookupListIndex = lookup_index
    rule.SubstLookupRecord = [record]
    rule.SubstCount = 1
    return rule


def build(source: Path, target: Path) -> None:
    font = TTFont(source)
    font.flavor = None
    order = list(font.getGlyphOrder())
    gsub = font["GSUB"].table
    lookups = gsub.LookupList.Lookup
    pending = []
    for suffix, backtrack in BEFORE_SARA_AA.items():
        name = f"{SARA_AA}.{suffix}"
        order.append(name)
        _copy_glyph(font, SARA_AA, name)
        lookups.append(buildLookup([buildSingleSubstSubtable({SARA_AA: name})]))
        present = [glyph for glyph in backtrack if glyph in font["glyf"].glyphs]
        pending.append((present, len(lookups) - 1))
    font.setGlyphOrder(order)
    glyph_map = font.getReverseGlyphMap(rebuild=True)
    lookups.append(buildLookup([_chain_rule(glyph_map, *rule) for rule in pending]))
    gsub.LookupList.LookupCount = len(lookups)
    font["maxp"].numGlyphs = len(order)
    for record in gsub.FeatureList.FeatureRecord:
        if record.FeatureTag == "ccmp":
            record.Feature.LookupListIndex.append(len(lookups) - 1)
            record.Feature.LookupCount = len(record.Feature.LookupListIndex)
    font.save(target)


def main() -> None:
    for weight in WEIGHTS:
        source = FONTS / f"sarabun-thai-{weight}-normal.woff2"
        target = FONTS / f"sarabun-thai-{weight}-print.ttf"
        build(source, target)
        print(f"{source.name} -> {target.name}")


if __name__ == "__main__":
    main()
