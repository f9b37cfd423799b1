#!/usr/bin/env python3
"""Assembles the static site the browser loads (see docs/app.md):

  web/**                      copied as is (index.html gets its Content-Security-Policy)
  app.js, app.wasm            the program; app.js also carries web/*.js, in index.html's
                              order (one request)
  sealer.js, sealer.wasm      the cryptography, fetched when the app asks (web/sealing.js)
  locales/<code>.json         locales/<code>/*.json merged: {"<file name>": {...}, ...}, for
                              the locales web/config.json offers and their fallbacks; the
                              result and help texts apart in locales/<code>.result.json
  locales/index.json          {"<code>": <locale.json>, ...}: the names the start screen lists
  fonts/<code>-<tier>-<face>.ttf  per locale: Noto fonts cut down to what that locale shows
                              before and after its first question, and types (site_fonts.py)
  index.html                  plus <meta name="signaal-build">: each locale's font files and
                              which locales need no fallback to start (read by boot.js)
  *.br, *.gz                  compressed twins of every text, font and wasm file but config.json

Fails with a message naming the file when a locale file is not valid JSON, so a broken
translation never reaches a phone.
"""
import argparse
import gzip
import json
import re
import shutil
import subprocess
import sys
from html import escape as html_escape
from pathlib import Path
from urllib.parse import urlparse

import site_fonts  # beside this file


def fail(message):
    sys.exit(f"build_site: {message}")


def read_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        fail(f"{path}: {e}")


# The files of a locale the result screens need and the questions do not: a phone fetches them
# once the first question is on screen (web/boot.js). Every other file is in the start part.
RESULT_PART = ("results.json", "help.json")


def merge_locales(locales_dir, out_dir, offered):
    """The offered locales and every locale their fallback chains name; other folders in
    locales/ (translations in progress) stay out of the site. Each is written in two parts,
    locales/<code>.json and locales/<code>.result.json, each {"<file name>": {...}, ...}.
    Returns {code: {"script", "name", "parts": {"start": text, "result": text} (for the
    fonts), "keys" (file/key pairs), "fallback"}}."""
    index, found = {}, {}
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
        parts = {"start": {n: c for n, c in files.items() if n not in RESULT_PART},
                 "result": {n: c for n, c in files.items() if n in RESULT_PART}}
        for part, name in (("start", f"{code}.json"), ("result", f"{code}.result.json")):
            text = json.dumps(parts[part], ensure_ascii=False, separators=(",", ":"))
            (out_dir / "locales" / name).write_text(text, encoding="utf-8")
        messages = {name: content for name, content in files.items() if name != "locale.json" and isinstance(content, dict)}
        found[code] = {
            "script": meta.get("script", "Latn"), "name": meta.get("name", code),
            "fallback": meta.get("fallback", []),
            "parts": {part: "".join(str(v) for name, content in messages.items() if name in parts[part]
                                    for v in content.values()) for part in parts},
            "keys": {(name, key) for name, content in messages.items() for key in content},
        }
    (out_dir / "locales" / "index.json").write_text(
        json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return found


def self_sufficient(locales):
    """The locales that have every text of their fallbacks: boot.js need not fetch the
    fallbacks before the first screen (only when the locale itself fails)."""
    return sorted(code for code, loc in locales.items()
                  if all(f in locales and locales[f]["keys"] <= loc["keys"] for f in loc["fallback"]))


def write_manifest(index_html, manifest):
    """What boot.js needs to know about this build before it fetches anything, in the page
    itself (no extra request): the font files of each locale, and which locales need no
    fallback to start."""
    html = index_html.read_text(encoding="utf-8")
    if "</head>" not in html:
        fail(f"{index_html}: no </head>")
    content = html_escape(json.dumps(manifest, ensure_ascii=False, separators=(",", ":")), quote=True)
    meta = f'<meta name="signaal-build" content="{content}">\n'
    index_html.write_text(html.replace("</head>", meta + "</head>", 1), encoding="utf-8")


SCRIPT_TAG = re.compile(r'<script src="([^"/]+\.js)" defer></script>\n')


def bundle_scripts(out_dir, index_html):
    """The page's scripts as one file (app.js), in their order: on a slow phone every request
    is a round trip, and HTTP/1.1 opens six at a time. Emscripten's glue stays at top level
    (it defines createSignaal); each of web/'s scripts runs in a function of its own, so its
    'use strict' stays a directive and its names stay its own."""
    html = index_html.read_text(encoding="utf-8")
    names = SCRIPT_TAG.findall(html)
    if not names or names[0] != "app.js":
        fail(f"{index_html}: expected <script src=\"app.js\" defer> first, then web/'s scripts")
    parts = [(out_dir / "app.js").read_text(encoding="utf-8")]
    for name in names[1:]:
        parts.append(f"// {name}\n(function () {{\n{(out_dir / name).read_text(encoding='utf-8')}\n}})();")
        (out_dir / name).unlink()
    (out_dir / "app.js").write_text("\n".join(parts) + "\n", encoding="utf-8")
    first = SCRIPT_TAG.search(html)
    html = html[:first.start()] + first.group(0) + SCRIPT_TAG.sub("", html[first.end():])
    index_html.write_text(html, encoding="utf-8")


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
    for name in ("app.js", "app.wasm", "sealer.js", "sealer.wasm"):
        shutil.copy2(args.app / name, out / name)
    config_file = args.config or args.web / "config.json"
    config = read_json(config_file)
    if args.config:
        shutil.copy2(args.config, out / "config.json")
    offered = config.get("locales", [])
    locales = merge_locales(args.locales, out, offered)
    try:
        fonts = site_fonts.make(args.fonts, out, locales, offered)
    except FileNotFoundError as e:
        fail(str(e))

    index = out / "index.html"
    html = index.read_text(encoding="utf-8")
    if "@CONNECT_SRC@" not in html:
        fail(f"{args.web / 'index.html'}: no @CONNECT_SRC@ in its Content-Security-Policy")
    index.write_text(html.replace("@CONNECT_SRC@", connect_sources(config)), encoding="utf-8")
    write_manifest(index, {"fonts": fonts, "self_sufficient": self_sufficient(locales)})
    bundle_scripts(out, index)
    precompress(out)


if __name__ == "__main__":
    main()
