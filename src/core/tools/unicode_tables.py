#!/usr/bin/env python3
"""Writes src/core/unicode_tables.cpp from the Unicode Character Database.

The core's bidi algorithm and Arabic shaping need a few Unicode properties; they are generated
here rather than typed, from the UCD files of Debian's unicode-data package (/usr/share/unicode,
UCD 15.0.0 in Debian 12):

  extracted/DerivedBidiClass.txt   Bidi_Class of every code point (unassigned ones by @missing)
  BidiMirroring.txt                Bidi_Mirroring_Glyph (rule L4)
  BidiBrackets.txt                 Bidi_Paired_Bracket and its type (rule N0)
  ArabicShaping.txt                Joining_Type (Mn, Me and Cf not listed there are T)
  UnicodeData.txt                  general categories, and the <isolated>/<final>/<initial>/
                                   <medial> decompositions of Arabic Presentation Forms-B

Usage: unicode_tables.py [UCD_DIR] [OUTPUT]   (run from the repository root; defaults as above)
"""
import re
import sys
from pathlib import Path

UCD = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode")
OUTPUT = Path(sys.argv[2] if len(sys.argv) > 2 else "src/core/unicode_tables.cpp")
MAX_CODE_POINT = 0x10FFFF

BIDI_CLASS_NAMES = {
    "Left_To_Right": "L", "Right_To_Left": "R", "Arabic_Letter": "AL", "European_Number": "EN",
    "European_Separator": "ES", "European_Terminator": "ET", "Arabic_Number": "AN",
    "Common_Separator": "CS", "Nonspacing_Mark": "NSM", "Boundary_Neutral": "BN",
    "Paragraph_Separator": "B", "Segment_Separator": "S", "White_Space": "WS",
    "Other_Neutral": "ON",
}
JOINING_TYPES = {"U": "U", "R": "R", "L": "L", "D": "D", "C": "C", "T": "T"}
PRESENTATION_FORMS_B = range(0xFE70, 0xFF00)
LAM = 0x0644
VERSIONS = set()  # of the UCD files read: all must be the same


def data_lines(name):
    """(fields, comment) of each data line of a UCD file, after checking its version."""
    path = UCD / name
    text = path.read_text(encoding="utf-8")
    if name != "UnicodeData.txt":
        version = re.match(r"# \S+-(\d+\.\d+\.\d+)\.txt", text)
        if not version:
            sys.exit(f"{path}: no version line")
        VERSIONS.add(version.group(1))
    for line in text.splitlines():
        data, _, comment = line.partition("#")
        if data.strip():
            yield [f.strip() for f in data.split(";")], comment


def code_points(field):
    first, _, last = field.partition("..")
    return range(int(first, 16), int(last or first, 16) + 1)


def missing_defaults(name):
    """The @missing lines of a derived file: (range, value), in file order."""
    for line in (UCD / name).read_text(encoding="utf-8").splitlines():
        m = re.match(r"# @missing: (\S+); (\S+)", line)
        if m:
            yield code_points(m.group(1)), m.group(2)


def ranges(values):
    """Run-length rows (first code point, value) of a complete per-code-point list."""
    rows = []
    for cp, value in enumerate(values):
        if not rows or rows[-1][1] != value:
            rows.append((cp, value))
    return rows


def bidi_classes():
    values = ["L"] * (MAX_CODE_POINT + 1)
    for cps, name in missing_defaults("extracted/DerivedBidiClass.txt"):
        for cp in cps:
            values[cp] = BIDI_CLASS_NAMES[name]
    for fields, _ in data_lines("extracted/DerivedBidiClass.txt"):
        for cp in code_points(fields[0]):
            values[cp] = fields[1]
    return values


def general_categories():
    categories = {}
    pending_first = None
    for fields, _ in data_lines("UnicodeData.txt"):
        cp, name, category = int(fields[0], 16), fields[1], fields[2]
        if name.endswith(", First>"):
            pending_first = cp
            continue
        for c in range(pending_first if name.endswith(", Last>") else cp, cp + 1):
            categories[c] = category
        pending_first = None
    return categories


def joining_types(categories):
    values = ["U"] * (MAX_CODE_POINT + 1)
    for cp, category in categories.items():
        if category in ("Mn", "Me", "Cf"):
            values[cp] = "T"
    for fields, _ in data_lines("ArabicShaping.txt"):
        for cp in code_points(fields[0]):
            values[cp] = JOINING_TYPES[fields[2]]
    return values


def mirror_pairs():
    pairs = [(int(f[0], 16), int(f[1], 16)) for f, _ in data_lines("BidiMirroring.txt")]
    assert all(a <= 0xFFFF and b <= 0xFFFF for a, b in pairs), "mirroring beyond the BMP"
    return sorted(pairs)


def bracket_pairs():
    brackets = []
    for fields, _ in data_lines("BidiBrackets.txt"):
        cp, pair, kind = int(fields[0], 16), int(fields[1], 16), fields[2]
        assert cp <= 0xFFFF and pair <= 0xFFFF and kind in ("o", "c")
        brackets.append((cp, pair, kind == "o"))
    return sorted(brackets)


def presentation_forms():
    """{letter: {form: code point}} and {alef: {form: ligature}} from Presentation Forms-B."""
    letters, lam_alef = {}, {}
    for fields, _ in data_lines("UnicodeData.txt"):
        cp = int(fields[0], 16)
        if cp not in PRESENTATION_FORMS_B or not fields[5].startswith("<"):
            continue
        tag, *parts = fields[5].split()
        form = tag.strip("<>")
        parts = [int(p, 16) for p in parts]
        if len(parts) == 1:
            letters.setdefault(parts[0], {})[form] = cp
        elif parts[0] == LAM:
            lam_alef.setdefault(parts[1], {})[form] = cp
        else:  # harakat on a space or tatweel (U+FE70..U+FE7F): marks stay as they are
            assert parts[0] in (0x0020, 0x0640), hex(cp)
    return letters, lam_alef


def hex4(cp):
    return f"0x{cp:04X}"


def rows_text(rows, per_line, fmt):
    cells = [fmt(row) for row in rows]
    return "\n".join("    " + " ".join(cells[i:i + per_line]) for i in range(0, len(cells), per_line))


def main():
    categories = general_categories()
    bidi = ranges(bidi_classes())
    joining = ranges(joining_types(categories))
    mirrors = mirror_pairs()
    brackets = bracket_pairs()
    letters, lam_alef = presentation_forms()
    if len(VERSIONS) != 1:
        sys.exit(f"mixed UCD versions: {sorted(VERSIONS)}")
    version = VERSIONS.pop()

    def form(forms, name):
        return hex4(forms.get(name, 0))

    out = f"""// Generated by src/core/tools/unicode_tables.py from the Unicode Character Database
// {version} (DerivedBidiClass.txt, BidiMirroring.txt, BidiBrackets.txt, ArabicShaping.txt,
// UnicodeData.txt). Do not edit: run the script again for a new Unicode version.
#include "unicode_tables.h"

namespace signaal::unicode_tables {{
namespace {{

constexpr BidiClassRow bidi_class_rows[] = {{
{rows_text(bidi, 4, lambda r: f"{{0x{r[0]:05X}, BidiClass::{r[1]}}},")}
}};

constexpr JoiningTypeRow joining_type_rows[] = {{
{rows_text(joining, 4, lambda r: f"{{0x{r[0]:05X}, JoiningType::{r[1]}}},")}
}};

constexpr MirrorPair mirror_pairs[] = {{
{rows_text(mirrors, 6, lambda r: f"{{{hex4(r[0])}, {hex4(r[1])}}},")}
}};

constexpr BracketPair bracket_pairs[] = {{
{rows_text(brackets, 4, lambda r: f"{{{hex4(r[0])}, {hex4(r[1])}, {'true' if r[2] else 'false'}}},")}
}};

// Letters with contextual forms in Arabic Presentation Forms-B: isolated, final, initial,
// medial (0: no such form).
constexpr ArabicForms arabic_forms[] = {{
{rows_text(sorted(letters.items()), 2, lambda r: "{" + ", ".join([hex4(r[0])] + [form(r[1], f) for f in ("isolated", "final", "initial", "medial")]) + "},")}
}};

// LAM + this ALEF: the isolated and final ligature.
constexpr LamAlef lam_alef_ligatures[] = {{
{rows_text(sorted(lam_alef.items()), 2, lambda r: "{" + ", ".join([hex4(r[0]), form(r[1], "isolated"), form(r[1], "final")]) + "},")}
}};

}}  // namespace

const std::span<const BidiClassRow> kBidiClassRows{{bidi_class_rows}};
const std::span<const JoiningTypeRow> kJoiningTypeRows{{joining_type_rows}};
const std::span<const MirrorPair> kMirrorPairs{{mirror_pairs}};
const std::span<const BracketPair> kBracketPairs{{bracket_pairs}};
const std::span<const ArabicForms> kArabicForms{{arabic_forms}};
const std::span<const LamAlef> kLamAlefLigatures{{lam_alef_ligatures}};

}}  // namespace signaal::unicode_tables
"""
    OUTPUT.write_text(out, encoding="utf-8")
    print(f"{OUTPUT}: UCD {version}, {len(bidi)} bidi class rows, {len(joining)} joining type rows, "
          f"{len(mirrors)} mirror pairs, {len(brackets)} brackets, {len(letters)} letters, "
          f"{len(lam_alef)} lam-alef ligatures")


if __name__ == "__main__":
    main()
