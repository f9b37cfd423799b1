#!/usr/bin/env python3
"""Checks Signaal's Arabic shaping and bidi (src/core/arabic_shaping.h, bidi.h) against
independent implementations, on every line of the Arabic locale's texts and on hard_cases.txt.

  reference_test.py fribidi  TOOL LOCALE_DIR HARD_CASES
  reference_test.py harfbuzz TOOL LOCALE_DIR HARD_CASES
  reference_test.py drawn    LINES.json

LINES.json ([{"text", "drawn", "rtl"}]) holds lines as the app drew them in the browser
(tests/e2e/rtl.mjs); each is compared with fribidi's display of its text like the lines above.

TOOL is signaal-test-display-line (tests/text/display_line.cpp). Any difference fails, printed
as code points or glyph names.

fribidi: our DisplayLine(line) against the visual line of GNU FriBidi's command-line tool
(libfribidi-bin, 1.0.8), `fribidi --nopad --nobreak --rtl|--ltr`: no padding to a screen width,
no line breaking, the base direction forced like the app's. Leading and trailing spaces pass
through both unchanged, so they are compared too. Two adjustments make it the same question:
  - the fribidi tool applies rule L3 (each mark after its base in a right-to-left run) with or
    without --reordernsm, and we leave it out on purpose (bidi.h). L3 is undone
    in fribidi's output using its own visual-to-logical map and levels (--vtol --levels): in a
    right-to-left run only L3 puts logically consecutive characters left to right.
  - we leave out what ImGui cannot draw: characters of the classes BN and LRE..PDI, and LRM, RLM
    and ALM; they are removed from fribidi's output as well (its --clean does the same, but
    keeps ALM).

harfbuzz: our shaping against hb-shape (libharfbuzz-bin) with Noto Sans Arabic, the app's Arabic
font, one Arabic word at a time. Ours: ShapeArabic(line), cut into the same words, each code
point that DisplayLine keeps through the font's cmap, in visual (reversed) order. HarfBuzz: the
logical word, shaped right to left, default ignorables removed, with only the required Arabic
shaping: isol, fina, medi, init and rlig. Turned off, because the core does not do them and
ImGui could not use them: ccmp and locl (mark compositions, language forms), liga, clig, calt,
rclt, mset, dlig (optional ligatures and contextual alternates), and all positioning (kern,
mark, mkmk, curs, dist, abvm, blwm; moot with --no-positions). Three differences are not shaping and are allowed:
  - Noto's rlig also ligates LAM + ALEF MAKSURA (U+FC43, U+FC86 of Presentation Forms-A), a
    ligature the Unicode Standard does not require (FriBidi does not form it either, nor do we:
    ImGui then draws the two letters joined). Such a ligature glyph is compared as the contextual
    forms of the letters it stands for;
  - a glyph with another name that draws the same (same outline and advance): Noto's isolated
    forms, e.g. uniFEE1 MEEM ISOLATED FORM, are copies of the nominal glyph (uni0645), which is
    what HarfBuzz keeps where a letter stays isolated;
  - the order of marks on one letter: HarfBuzz puts them in canonical order (shadda first,
    UTR #53) before shaping, we keep the text's order, and ImGui draws them on the same spot.
"""
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont

FONT = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"
HB_FEATURES = ",".join("-" + f for f in (
    "ccmp", "locl", "liga", "clig", "calt", "rclt", "mset", "dlig",
    "kern", "mark", "mkmk", "curs", "dist", "abvm", "blwm"))
INVISIBLE_CLASSES = {"BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
DIRECTIONAL_MARKS = {"\u200e", "\u200f", "\u061c"}
# An Arabic word: letters, marks, digits and punctuation of the Arabic blocks (our shaped text
# has presentation forms there), with the joiners that may sit inside it.
ARABIC_WORD = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff\u200c\u200d]+")


def is_invisible(c):
    """What DisplayLine leaves out, as ImGui cannot draw it."""
    return unicodedata.bidirectional(c) in INVISIBLE_CLASSES or c in DIRECTIONAL_MARKS


def code_points(text):
    return " ".join(f"{ord(c):04X}" for c in text) or "(empty)"


def locale_lines(locale_dir):
    lines = []

    def walk(value):
        if isinstance(value, str):
            lines.extend(value.split("\n"))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for path in sorted(Path(locale_dir).glob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return list(dict.fromkeys(lines))


def fixture_cases(path):
    """[(section, line)] of hard_cases.txt."""
    cases, section = [], None
    for raw in Path(path).read_text(encoding="utf-8").split("\n"):
        if not raw or raw.startswith("#"):
            continue
        if raw.startswith("[") and raw.endswith("]"):
            section = raw[1:-1]
            continue
        line = re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)), raw).replace("\\t", "\t")
        cases.append((section, line))
    return cases


def run(command, lines):
    result = subprocess.run(command, input="".join(line + "\n" for line in lines), capture_output=True,
                            encoding="utf-8", check=True)
    return result.stdout.split("\n")[:-1]


def fribidi_visual(lines, rtl):
    out = run(["fribidi", "--nopad", "--nobreak", "--rtl" if rtl else "--ltr", "--vtol", "--levels"], lines)
    assert len(out) == 3 * len(lines), "fribidi printed an unexpected number of lines"
    visuals = []
    for k in range(len(lines)):
        visual = list(out[3 * k])
        vtol = [int(x) for x in out[3 * k + 1].split()]
        levels = [int(x) for x in out[3 * k + 2].split()]
        assert len(vtol) == len(visual) == len(levels), f"fribidi output for line {k} does not add up"
        i = 0
        while i < len(visual):  # undo L3
            j = i
            while (j + 1 < len(visual) and vtol[j + 1] == vtol[j] + 1 and levels[vtol[i]] % 2 == 1
                   and levels[vtol[j + 1]] == levels[vtol[i]]):
                j += 1
            visual[i:j + 1] = reversed(visual[i:j + 1])
            i = j + 1
        visuals.append("".join(c for c in visual if not is_invisible(c)))
    return visuals


def check_fribidi(tool, cases):
    failures = 0
    for direction in ("rtl", "ltr"):
        lines = [line for section, line in cases if section == direction]
        ours = run([tool, direction], lines)
        theirs = fribidi_visual(lines, direction == "rtl")
        for line, a, b in zip(lines, ours, theirs):
            if a != b:
                failures += 1
                print(f"DIFFERENT ({direction}):\n  line:    {code_points(line)}\n  ours:    {code_points(a)}\n"
                      f"  fribidi: {code_points(b)}\n")
    return failures, sum(1 for section, _ in cases if section in ("rtl", "ltr"))


FORMS_OF_LIGATURE_LETTERS = {  # the forms of a two-letter ligature's letters, by its own form
    "isolated": ("initial", "final"), "final": ("medial", "final"),
    "initial": ("initial", "medial"), "medial": ("medial", "medial")}
PRESENTATION_FORMS = {tuple(unicodedata.decomposition(chr(c)).split()): chr(c) for c in range(0xFE70, 0xFF00)}


def ligature_letters(glyph):
    """The presentation forms a two-letter ligature glyph (uniXXXX) stands for, in visual
    order, or None for any other glyph and for LAM-ALEF, which we form too."""
    m = re.fullmatch(r"uni([0-9A-F]{4})", glyph)
    decomposition = unicodedata.decomposition(chr(int(m.group(1), 16))).split() if m else []
    if len(decomposition) != 3 or m.group(1) in [f"{c:04X}" for c in range(0xFEF5, 0xFEFD)]:
        return None
    form, first, second = decomposition[0].strip("<>"), decomposition[1], decomposition[2]
    if form not in FORMS_OF_LIGATURE_LETTERS:
        return None
    first_form, second_form = FORMS_OF_LIGATURE_LETTERS[form]
    return [PRESENTATION_FORMS[(f"<{second_form}>", second)], PRESENTATION_FORMS[(f"<{first_form}>", first)]]


class Font:
    def __init__(self, path):
        self.font = TTFont(path)
        self.cmap = self.font.getBestCmap()
        self.glyphs = self.font.getGlyphSet()
        self.marks = {name for c, name in self.cmap.items() if unicodedata.category(chr(c)) == "Mn"}

    def drawing(self, name):
        pen = DecomposingRecordingPen(self.glyphs)
        self.glyphs[name].draw(pen)
        return self.font["hmtx"][name][0], tuple(pen.value)

    def glyph(self, c):
        return self.cmap.get(ord(c), ".notdef")


def marks_sorted(glyphs, marks):
    """The glyph names with each run of marks in one order."""
    out, pending = [], []
    for g in glyphs + [None]:
        if g in marks:
            pending.append(g)
            continue
        out += sorted(pending)
        pending = []
        if g is not None:
            out.append(g)
    return out


def hb_shape(words):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as f:
        f.write("".join(w + "\n" for w in words))
        f.flush()
        out = run(["hb-shape", "--no-positions", "--no-clusters", "--direction=rtl", "--script=Arab",
                   "--language=ar", "--remove-default-ignorables", f"--features={HB_FEATURES}",
                   f"--text-file={f.name}", FONT], [])
    assert len(out) == len(words), "hb-shape printed an unexpected number of lines"
    return [line.strip("[]").split("|") for line in out]


def check_harfbuzz(tool, cases):
    font = Font(FONT)
    lines = [line for _, line in cases]
    shaped = run([tool, "shape"], lines)
    logical_words, our_words = [], []
    for line, ours in zip(lines, shaped):
        logical, shaped_words = ARABIC_WORD.findall(line), ARABIC_WORD.findall(ours)
        assert len(logical) == len(shaped_words), f"words do not line up: {code_points(line)}"
        logical_words += logical
        our_words += shaped_words
    failures = same_drawing = 0
    for word, ours, theirs in zip(logical_words, our_words, hb_shape(logical_words)):
        glyphs = [font.glyph(c) for c in reversed(ours) if not is_invisible(c)]
        expanded = []
        for g in theirs:
            letters = ligature_letters(g)
            expanded += [font.glyph(c) for c in letters] if letters else [g]
        a, b = marks_sorted(glyphs, font.marks), marks_sorted(expanded, font.marks)
        same = len(a) == len(b) and all(x == y or font.drawing(x) == font.drawing(y) for x, y in zip(a, b))
        if not same:
            failures += 1
            print(f"DIFFERENT glyphs:\n  word:     {code_points(word)}\n  ours:     {'|'.join(glyphs)}\n"
                  f"  hb-shape: {'|'.join(theirs)}\n")
        elif a != b:
            same_drawing += 1
    print(f"{same_drawing} of {len(logical_words)} words have glyphs of another name that draw the same")
    return failures, len(logical_words)


def check_drawn(path):
    lines = json.loads(Path(path).read_text(encoding="utf-8"))
    failures = 0
    for rtl in (True, False):
        some = [line for line in lines if line["rtl"] == rtl]
        for line, theirs in zip(some, fribidi_visual([line["text"] for line in some], rtl)):
            if line["drawn"] != theirs:
                failures += 1
                print(f"DIFFERENT ({'rtl' if rtl else 'ltr'}):\n  line:    {code_points(line['text'])}\n"
                      f"  drawn:   {code_points(line['drawn'])}\n  fribidi: {code_points(theirs)}\n")
    print(f"drawn: {len(lines) - failures} of {len(lines)} lines agree with fribidi")
    sys.exit(1 if failures else 0)


def main():
    if sys.argv[1] == "drawn":
        check_drawn(sys.argv[2])
    reference, tool, locale_dir, hard_cases = sys.argv[1:5]
    cases = [("rtl", line) for line in locale_lines(locale_dir)] + fixture_cases(hard_cases)
    check = {"fribidi": check_fribidi, "harfbuzz": check_harfbuzz}[reference]
    failures, total = check(tool, cases)
    print(f"{reference}: {total - failures} of {total} {'lines' if reference == 'fribidi' else 'words'} agree")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
