"""The fonts of the site: per locale and face, small files in the order a phone needs them
(used by build_site.py).

  start   what the screens up to and through the questions show: the locale's start part
          (locale.json, ui.json, questionnaire.json), English's (the last resort), printable
          ASCII, and the names of every offered language, each in its own script
  result  what the result part adds (results.json, help.json), fetched once the first
          question is on screen
  typing  what a phone keyboard in that language may type beyond that (the regular face
          only: typed text is drawn in it), fetched when a text field first shows

A phone downloads only its locale's files. Each character comes from the first of Noto Sans,
Noto Sans Arabic, Noto Sans Ethiopic and Noto Sans CJK SC (Debian's fonts-noto-core and
fonts-noto-cjk) that has it. The TrueType cuts of one tier and face are merged into one file
(fontTools.merge); Noto Sans CJK's outlines are CFF, which does not merge into TrueType, so its
cut is a second file. Hinting and the OpenType layout tables go: ImGui draws neither.

The result is a plan that boot.js reads: {code: {tier: [[file, face], ...]}}, face 0 the
regular and 1 the bold; the first file of a face makes the face, the others are merged into it
(src/app/fonts.h), and glyphs are looked up in that order.
"""
import hashlib
import unicodedata
from pathlib import Path

FACES = ("regular", "bold")
TIERS = ("start", "result", "typing")

# Debian's fonts-noto-core and fonts-noto-cjk, relative to /usr/share/fonts: (file, number in
# a collection), per face, in the order characters are looked up. No bold for Ethiopic and
# Chinese: their bold cuts would cost 47 and 117 KB more (brotli), so the regular serves both
# faces (headings stay larger, not heavier).
SOURCES = (
    {"regular": ("truetype/noto/NotoSans-Regular.ttf", 0), "bold": ("truetype/noto/NotoSans-Bold.ttf", 0)},
    {"regular": ("truetype/noto/NotoSansArabic-Regular.ttf", 0), "bold": ("truetype/noto/NotoSansArabic-Bold.ttf", 0)},
    {"regular": ("truetype/noto/NotoSansEthiopic-Regular.ttf", 0), "bold": None},
    {"regular": ("opentype/noto/NotoSansCJK-Regular.ttc", 2), "bold": None},  # 2: Noto Sans CJK SC
)
PACKAGE = {"truetype": "fonts-noto-core", "opentype": "fonts-noto-cjk"}

ASCII = "".join(chr(c) for c in range(0x20, 0x7F))

# What a phone keyboard types: Latin-1, Latin Extended-A, quotes, dashes, bullet, ellipsis,
# and euro for everyone (names, addresses, phone numbers), and per script or language
# what its keyboard adds.
TYPED_BY_EVERYONE = "U+00A0-017F,U+2010-2027,U+2030-203A,U+20AC"
TYPED_BY_SCRIPT = {
    "Cyrl": "U+0400-045F,U+0490-0491",
    "Arab": "U+060C,U+061B,U+061F,U+0621-0652,U+0660-066C,U+0670-0671,U+067E,U+0686,U+0698,U+06A4,U+06A9,U+06AF,"
            "U+06CC,U+FE70-FEFC",  # letters, marks, digits, common Persian/Urdu letters, presentation forms
    "Ethi": "U+1200-137F",  # the whole Ethiopic syllabary: Tigrinya keyboards type any of it
    "Hans": "U+3000-303F,U+FF01-FF5E",  # CJK punctuation, full-width forms; the hanzi: gb2312_level1()
}
TYPED_BY_LOCALE = {
    "ro": "U+0218-021B",  # ș ț with comma below
    "vi": "U+0300-0303,U+0309,U+0323,U+01A0-01A1,U+01AF-01B0,U+1EA0-1EF9",
}


def characters(ranges):
    """"U+0400-045F,U+0490" -> the set of those characters."""
    out = set()
    for part in filter(None, ranges.split(",")):
        first, _, last = part.removeprefix("U+").partition("-U+" if "-U+" in part else "-")
        out.update(chr(c) for c in range(int(first, 16), int(last or first, 16) + 1))
    return out


def gb2312_level1():
    """The 3 755 most frequent hanzi (GB 2312 level 1, rows 16-55): what a Chinese keyboard
    types nearly always, taken from Python's own gb2312 codec."""
    out = set()
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                out.add(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # the unassigned end of row 55
    return out


def typed(code, script):
    chars = characters(TYPED_BY_EVERYONE) | characters(TYPED_BY_SCRIPT.get(script, "")) | \
        characters(TYPED_BY_LOCALE.get(code, ""))
    return chars | gb2312_level1() if script == "Hans" else chars


def with_drawn_forms(chars):
    """`chars` and the Presentation Forms-B the app draws its Arabic letters with
    (src/core/arabic_shaping.h): every contextual form of each letter, and the LAM-ALEF
    ligatures when LAM is there."""
    forms = set()
    for c in range(0xFE70, 0xFF00):
        parts = unicodedata.decomposition(chr(c)).split()
        if len(parts) >= 2 and parts[0] in ("<isolated>", "<final>", "<initial>", "<medial>") and \
                all(chr(int(p, 16)) in chars for p in parts[1:]):
            forms.add(chr(c))
    return chars | forms


class Source:
    """One Noto font file, with the characters it has."""

    def __init__(self, fonts_dir, spec):
        from fontTools.ttLib import TTFont  # Debian python3-fonttools
        path, self.number = spec
        self.path = Path(fonts_dir) / path
        if not self.path.exists():
            raise FileNotFoundError(f"{self.path} is missing: install Debian's {PACKAGE[path.split('/')[0]]} (scripts/setup)")
        font = TTFont(self.path, fontNumber=self.number, lazy=True)
        self.cmap = set(map(chr, font.getBestCmap()))

    def cut(self, chars, out_path):
        from fontTools import subset
        subset.main([str(self.path), f"--font-number={self.number}",
                     "--unicodes=" + ",".join(f"U+{ord(c):04X}" for c in sorted(chars)),
                     "--no-hinting", "--desubroutinize", "--layout-features=", "--drop-tables+=GDEF,GPOS,GSUB",
                     "--name-IDs=1,2", f"--output-file={out_path}"])


def faces_of(fonts_dir):
    """{face: [(Source, own), ...]} in lookup order; `own` is False for a script without a cut
    of every face, whose regular then serves both, and for CFF outlines (opentype/), which do
    not merge into TrueType."""
    loaded = {}

    def load(spec):
        if spec not in loaded:
            loaded[spec] = Source(fonts_dir, spec)
        return loaded[spec]
    return {face: [(load(s[face] or s["regular"]), all(s.values()) and s["regular"][0].startswith("truetype/"))
                   for s in SOURCES] for face in FACES}


class Writer:
    """Writes the files of one tier and face: the cuts of the sources with both faces merged
    into one TrueType file; a cut the faces share (a script without a bold, whose regular
    serves both) in a file of its own, named by its content and written once, so that the
    faces, and locales showing the same characters, fetch it once."""

    def __init__(self, fonts):
        self.fonts = fonts
        self.shared = {}  # (source, characters) -> file name

    def write(self, sources, chars, stem, face):
        from fontTools.merge import Merger
        left, merged, alone = set(chars), [], []
        for n, (source, own) in enumerate(sources):
            mine = frozenset(c for c in left if c in source.cmap)
            left -= mine
            if not mine:
                continue
            if own:
                merged.append(self.fonts / f"{stem}-{face}.part{n}.ttf")
                source.cut(mine, merged[-1])
            else:
                alone.append(self.cut_once(source, mine))
        if len(merged) > 1:
            Merger().merge([str(p) for p in merged]).save(self.fonts / f"{stem}-{face}.ttf")
            for p in merged:
                p.unlink()
        elif merged:
            merged[0].rename(self.fonts / f"{stem}-{face}.ttf")
        return [f"fonts/{name}" for name in ([f"{stem}-{face}.ttf"] if merged else []) + alone]

    def cut_once(self, source, chars):
        key = (source.path, source.number, chars)
        if key not in self.shared:
            digest = hashlib.sha256("".join(sorted(chars)).encode()).hexdigest()[:12]
            # CFF outlines too: the name keeps the site's one font type.
            self.shared[key] = f"{source.path.stem.lower()}-{digest}.ttf"
            source.cut(chars, self.fonts / self.shared[key])
        return self.shared[key]


def make(fonts_dir, out_dir, locales, offered):
    """locales: {code: {"script", "name", "parts": {"start": text, "result": text}}}; offered:
    the codes the start screen lists. Writes out_dir/fonts/*, returns the plan."""
    fonts = Path(out_dir) / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    faces = faces_of(fonts_dir)
    writer = Writer(fonts)
    english = locales.get("en", {}).get("parts", {})
    names = "".join(locales[code]["name"] for code in offered if code in locales)
    plan = {}
    for code, loc in locales.items():
        parts = loc["parts"]
        # Each tier holds what the ones before it lack, Arabic contextual forms included.
        wanted = set(ASCII + names + parts["start"] + english.get("start", ""))
        tiers = {"start": with_drawn_forms(wanted)}
        wanted |= set(parts["result"] + english.get("result", ""))
        tiers["result"] = with_drawn_forms(wanted) - tiers["start"]
        wanted |= typed(code, loc["script"])
        tiers["typing"] = with_drawn_forms(wanted) - tiers["start"] - tiers["result"]
        plan[code] = {}
        for tier in TIERS:
            chars = {c for c in tiers[tier] if unicodedata.category(c) != "Cc"}
            for face_number, face in enumerate(FACES):
                if tier == "typing" and face != "regular":
                    continue
                files = writer.write(faces[face], chars, f"{code}-{tier}", face)
                plan[code].setdefault(tier, []).extend([f, face_number] for f in files)
    return plan
