#!/usr/bin/env python3
"""Assembles the static site the browser loads (see docs/app.md):

  web/**                      copied as is (index.html gets its Content-Security-Policy)
  app.js, app.wasm            the program
  locales/<code>.json         locales/<code>/*.json merged: {"<file name>": {...}, ...}, for
                              the locales web/config.json offers and their fallbacks
  locales/index.json          {"<code>": <locale.json>, ...}: the names the start screen lists
  fonts/NotoSans-*.ttf        Noto Sans cut down to the characters the Latin locales use
  *.br, *.gz                  compressed twins of every text, font and wasm file but config.json

Fails with a message naming the file when a locale file is not valid JSON, so a broken
translation never reaches a phone.
"""
import argparse
import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

FACES = ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf"]
# Always in the font: ASCII, Latin-1, Latin Extended-A, quotes, dashes, bullet, ellipsis,
# euro, arrows: what phone numbers, addresses and names typed by people need.
BASE_RANGES = "U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-203A,U+20AC,U+2190-2193"


def fail(message):
    sys.exit(f"build_site: {message}")


def read_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        fail(f"{path}: {e}")


def merge_locales(locales_dir, out_dir, offered):
    """The offered locales and every locale their fallback chains name; other folders in
    locales/ (translations in progress) stay out of the site."""
    index, characters = {}, set()
    (out_dir / "locales").mkdir(parents=True, exist_ok=True)
    queue = list(offered)
    while queue:
        code = queue.pop(0)
        if code in index:
            continue
        locale_dir = locales_dir / code
        files = {p.name: read_json(p) for p in sorted(locale_dir.glob("*.json"))}
        if "locale.json" not in files:
            fail(f"{locale_dir}/locale.json is missing (web/config.json offers \"{code}\")")
        meta = files["locale.json"]
        index[code] = meta
        queue.extend(meta.get("fallback", []))
        text = json.dumps(files, ensure_ascii=False, separators=(",", ":"))
        (out_dir / "locales" / f"{code}.json").write_text(text, encoding="utf-8")
        if meta.get("script") == "Latn":
            for content in files.values():
                if isinstance(content, dict):
                    characters.update("".join(str(v) for v in content.values()))
    (out_dir / "locales" / "index.json").write_text(
        json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return characters


def subset_fonts(fonts_dir, out_dir, characters):
    from fontTools import subset  # Debian python3-fonttools
    (out_dir / "fonts").mkdir(parents=True, exist_ok=True)
    extra = ",".join(f"U+{ord(c):04X}" for c in sorted(characters) if ord(c) > 0x7E)
    unicodes = BASE_RANGES + ("," + extra if extra else "")
    for face in FACES:
        source = fonts_dir / face
        if not source.exists():
            fail(f"{source} is missing: install Debian's fonts-noto-core (scripts/setup)")
        subset.main([str(source), f"--unicodes={unicodes}", "--no-hinting", "--desubroutinize",
                     "--layout-features=kern", f"--output-file={out_dir / 'fonts' / face}"])


# Served compressed: the intake sends a .br or .gz twin when the browser accepts it.
# config.json is left out: the deployment (and scripts/dev-keys) edits it after the build,
# and a stale twin would serve the old keys.
COMPRESSIBLE = {".wasm", ".js", ".json", ".css", ".html", ".svg", ".ttf"}
UNCOMPRESSED = {"config.json"}


def precompress(out_dir):
    if shutil.which("brotli") is None:
        fail("brotli is missing: install Debian's brotli (scripts/setup)")
    for path in sorted(out_dir.rglob("*")):
        if path.suffix not in COMPRESSIBLE or path.name in UNCOMPRESSED or not path.is_file():
            continue
        data = path.read_bytes()
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        subprocess.run(["brotli", "-q", "11", "-f", "-o", str(path) + ".br", str(path)], check=True)


def connect_sources(config):
    """'self' covers the site's own files and a same-origin intake; an intake (envelopes or
    replies) elsewhere is added by origin and nothing more."""
    sources = ["'self'"]
    for key in ("intake_url", "replies_url"):
        url = urlparse(config.get(key, ""))
        origin = f"{url.scheme}://{url.netloc}"
        if url.scheme in ("http", "https") and url.netloc and origin not in sources:
            sources.append(origin)
    return " ".join(sources)


def main():
    ap = argparse.ArgumentParser()
    for name in ("web", "locales", "app", "fonts", "out"):
        ap.add_argument(f"--{name}", type=Path, required=True)
    # Another deployment config instead of web/config.json (scripts/bench offers every locale).
    ap.add_argument("--config", type=Path)
    args = ap.parse_args()

    out = args.out
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(args.web, out)
    for name in ("app.js", "app.wasm"):
        shutil.copy2(args.app / name, out / name)
    config = read_json(args.config or args.web / "config.json")
    if args.config:
        shutil.copy2(args.config, out / "config.json")
    characters = merge_locales(args.locales, out, config.get("locales", []))
    subset_fonts(args.fonts, out, characters)

    index = out / "index.html"
    html = index.read_text(encoding="utf-8")
    if "@CONNECT_SRC@" not in html:
        fail(f"{args.web / 'index.html'}: no @CONNECT_SRC@ in its Content-Security-Policy")
    index.write_text(html.replace("@CONNECT_SRC@", connect_sources(config)), encoding="utf-8")
    precompress(out)


if __name__ == "__main__":
    main()
