"""The fonts of the site, one small set per locale (used by build_site.py).

A phone downloads only its locale's fonts: Noto Sans (Latin, Cyrillic, Vietnamese) cut down
to the characters of that locale's texts, English (the fallback and the error screen), what a
phone keyboard in that language types, and the names of the offered languages; plus, for a
script Noto Sans lacks (Arabic, Ethiopic, Chinese), that script's Noto font cut down the same
way. Names of languages in such scripts, shown on the start screen whatever the locale, come
in tiny extra files (fonts/names-<script>-<face>.ttf).

The result is a plan that boot.js reads: {code: {"regular": [files], "bold": [files]}}, the
first file of a face being the face, the others merged into it (src/app/fonts.h).
"""
from pathlib import Path

FACES = ("regular", "bold")

# Debian's fonts-noto-core and fonts-noto-cjk, relative to /usr/share/fonts; (file, number
# in a collection).
NOTO_SANS = {"regular": ("truetype/noto/NotoSans-Regular.ttf", 0), "bold": ("truetype/noto/NotoSans-Bold.ttf", 0)}
SCRIPT_FONTS = {
    "Arab": {"regular": ("truetype/noto/NotoSansArabic-Regular.ttf", 0),
             "bold": ("truetype/noto/NotoSansArabic-Bold.ttf", 0)},
    # No bold: its subset would cost 47 KB (Ethiopic) and 117 KB (Chinese) more, brotli, so
    # the regular file serves both faces (headings stay larger, not heavier).
    "Ethi": {"regular": ("truetype/noto/NotoSansEthiopic-Regular.ttf", 0), "bold": None},
    "Hans": {"regular": ("opentype/noto/NotoSansCJK-Regular.ttc", 2), "bold": None},  # 2: Noto Sans CJK SC
}
PACKAGE = {"truetype": "fonts-noto-core", "opentype": "fonts-noto-cjk"}

# Always in Noto Sans: ASCII, Latin-1, Latin Extended-A, quotes, dashes, bullet, ellipsis,
# euro, arrows: what phone numbers, addresses and names typed by people need.
BASE_RANGES = "U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-203A,U+20AC,U+2190-2193"
# What a phone keyboard in the locale's script (or language) types beyond its texts; typed
# text is drawn in the regular face, so the bold faces carry the texts only.
KEYBOARD = {
    "Cyrl": "U+0400-045F,U+0490-0491",
    "Arab": "U+060C,U+061B,U+061F,U+0621-0652,U+0660-066C,U+0670-0671,U+067E,U+0686,U+0698,U+06A4,U+06A9,U+06AF,"
            "U+06CC,U+FE70-FEFC",  # letters, marks, digits, common Persian/Urdu letters, presentation forms
    "Ethi": "U+1200-137F",  # the whole Ethiopic syllabary: Tigrinya keyboards type any of it
    "Hans": "U+3000-303F,U+FF01-FF5E",  # CJK punctuation, full-width forms (typed hanzi beyond the texts: not yet)
}
KEYBOARD_BY_LOCALE = {
    "ro": "U+0218-021B",  # ș ț with comma below
    "vi": "U+0300-0303,U+0309,U+0323,U+01A0-01A1,U+01AF-01B0,U+1EA0-1EF9",
}


def codepoints(text):
    return ",".join(f"U+{ord(c):04X}" for c in sorted(set(text)) if ord(c) > 0x7E)


def with_drawn_forms(text):
    """`text` and the Presentation Forms-B the app draws its Arabic letters with
    (src/core/arabic_shaping.h): every contextual form of each letter, and the LAM-ALEF
    ligatures when LAM is there."""
    import unicodedata
    letters = set(text)
    forms = []
    for c in range(0xFE70, 0xFF00):
        parts = unicodedata.decomposition(chr(c)).split()
        if len(parts) >= 2 and parts[0] in ("<isolated>", "<final>", "<initial>", "<medial>") and \
                all(chr(int(p, 16)) in letters for p in parts[1:]):
            forms.append(chr(c))
    return text + "".join(forms)


def source(fonts_dir, face_spec):
    path, number = face_spec
    full = Path(fonts_dir) / path
    if not full.exists():
        raise FileNotFoundError(f"{full} is missing: install Debian's {PACKAGE[path.split('/')[0]]} (scripts/setup)")
    return full, number


def cut(fonts_dir, face_spec, unicodes, out_path):
    from fontTools import subset  # Debian python3-fonttools
    full, number = source(fonts_dir, face_spec)
    subset.main([str(full), f"--font-number={number}", f"--unicodes={unicodes}", "--no-hinting",
                 "--desubroutinize", "--layout-features=kern", f"--output-file={out_path}"])


def make(fonts_dir, out_dir, locales, offered):
    """locales: {code: {"script": ..., "text": all its texts}}; offered: the codes the start
    screen lists (their names: locales[code]["name"]). Writes out_dir/fonts/*, returns the plan."""
    fonts = Path(out_dir) / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    english = locales.get("en", {}).get("text", "")
    names = {code: locales[code]["name"] for code in offered if code in locales}
    names_noto = "".join(n for c, n in names.items() if locales[c]["script"] not in SCRIPT_FONTS)
    plan = {}
    for code, loc in locales.items():
        script = loc["script"]
        own = loc["text"] + english + names_noto
        keyboard = ",".join(r for r in (KEYBOARD.get(script, ""), KEYBOARD_BY_LOCALE.get(code, "")) if r)
        plan[code] = {}
        for face in FACES:
            typed = keyboard if face == "regular" else ""
            latin = BASE_RANGES + "," + codepoints(own if script not in SCRIPT_FONTS else english + names_noto)
            if script not in SCRIPT_FONTS and typed:
                latin += "," + typed
            cut(fonts_dir, NOTO_SANS[face], latin.rstrip(","), fonts / f"{code}-{face}.ttf")
            files = [f"fonts/{code}-{face}.ttf"]
            if script in SCRIPT_FONTS:
                own_face = face if SCRIPT_FONTS[script][face] else "regular"
                if own_face == face:
                    unicodes = ",".join(r for r in (codepoints(with_drawn_forms(loc["text"] + loc["name"])), typed) if r)
                    cut(fonts_dir, SCRIPT_FONTS[script][face], unicodes, fonts / f"{code}-{script}-{face}.ttf")
                files.append(f"fonts/{code}-{script}-{own_face}.ttf")
            plan[code][face] = files
    # Names in other scripts Noto Sans lacks: one tiny file per script and face.
    for script in SCRIPT_FONTS:
        text = "".join(n for c, n in names.items() if locales[c]["script"] == script)
        if not text:
            continue
        for face in FACES:
            own_face = face if SCRIPT_FONTS[script][face] else "regular"
            if own_face == face:
                cut(fonts_dir, SCRIPT_FONTS[script][face], codepoints(with_drawn_forms(text)), fonts / f"names-{script}-{face}.ttf")
            for code, loc in locales.items():
                if loc["script"] != script:
                    plan[code][face].append(f"fonts/names-{script}-{own_face}.ttf")
    return plan
