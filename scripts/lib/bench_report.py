#!/usr/bin/env python3
"""Turns the benchmark's raw figures into a table, checks the budgets of issue 7 and writes
one JSON file. Usage: bench_report.py APP.json INTAKE.txt OUT.json

A missed budget is printed as MISSED and listed at the end; the exit code stays 0 (the
benchmark reports, the test suite judges)."""
import json
import re
import sys

app = json.load(open(sys.argv[1]))
intake_text = open(sys.argv[2]).read()
KB, MB = 1000, 1024 * 1024
DEFAULT = "nl"

rows, missed = [], []


def row(what, value, budget=None, ok=None):
    rows.append((what, value, budget or "", "" if ok is None else ("ok" if ok else "MISSED")))
    if ok is False:
        missed.append(f"{what}: {value} (budget {budget})")


def spread(s, unit="ms"):
    return f"{s['median']:.0f} {unit} ({s['min']:.0f}-{s['max']:.0f})" if s["n"] > 1 else f"{s['median']:.0f} {unit}"


t = app.get("timing")
if t:
    offered = ", ".join(t["offered"])
    row(f"site as deployed (offers {offered}), {t['locale']}, median (min-max) of {t['signaal_ready_ms']['n']} fresh runs:", "")
    b = t["bytes_to_first_question"]
    row(f"  bytes to first question [{t['locale']}]", f"{b['median'] / KB:.1f} KB", "<= 200 KB", b["median"] <= 200 * KB)
    row(f"  signaal-ready [{t['locale']}]", spread(t["signaal_ready_ms"]))
    row(f"  first question, taps as fast as the harness goes [{t['locale']}]", spread(t["first_question_ms"]))
    row(f"  first question, less the harness's {t['harness_wait_ms']['median']:.0f} ms between screen and tap",
        spread(t["first_question_app_ms"]), "<= 1500 ms", t["first_question_app_ms"]["median"] <= 1500)

locales = app.get("locales", {})
if locales:
    n = next(iter(locales.values()))["runs"]
    row(f"every locale in locales/ offered (bench-only config), phone set to that language, {n} run(s) each:", "")
for code, m in locales.items():
    b = m["bytes_to_first_question"]
    limit = 200 * KB if code == DEFAULT else 300 * KB
    parts = " ".join(f"{k} {v / KB:.1f}" for k, v in m["breakdown"].items() if v)
    shown = "" if m.get("shown", code) == code else f", shown in {m['shown']}!"
    row(f"  bytes to first question [{code}] ({parts}{shown})", f"{b / KB:.1f} KB", f"<= {limit // KB} KB", b <= limit)
for code, m in locales.items():
    row(f"  signaal-ready / first question less harness wait [{code}]",
        f"{m['signaal_ready_ms']['median']:.0f} / {m['first_question_app_ms']['median']:.0f} ms",
        "<= 1500 ms", m["first_question_app_ms"]["median"] <= 1500)
for code, m in locales.items():
    wasm = m["wasm_memory_bytes"]
    total = wasm + m["js_heap_bytes"]
    limit = 24 * MB if code == DEFAULT else 48 * MB
    row(f"  peak wasm memory + JS heap at first question [{code}]",
        f"{wasm / MB:.1f} + {m['js_heap_bytes'] / MB:.1f} = {total / MB:.1f} MB", f"<= {limit // MB} MB", total <= limit)

f = app.get("idle_and_frames")
if f:
    row(f"idle CPU on a question screen over {f['idle_seconds']} s ({f['idle_frames']} frames drawn)",
        f"{100 * f['idle_cpu_share']:.2f} %", "<= 0.25 %", f["idle_cpu_share"] <= 0.0025)
    row(f"frame work during a tap-through, p50 / p95 of {f['frame_ms']['n']} frames",
        f"{f['frame_ms']['p50']:.2f} / {f['frame_ms']['p95']:.2f} ms")

s = app.get("seal")
if s:
    row(f"report through the real screens, network {s['network']}, {s['seal_ms']['n']} runs:", "")
    row("  pad + seal one report in the browser", spread(s["seal_ms"]), "<= 50 ms", s["seal_ms"]["median"] <= 50)
    row("  proof of work (in slices, one per frame)", spread(s["pow_ms"]))

m = re.search(r"(\d+) accepted envelopes/s, p50 (\S+), p99 (\S+)", intake_text)
intake = {"accepted_per_second": int(m.group(1)), "p50": m.group(2), "p99": m.group(3)} if m else None
if intake_text:
    row("intake: accepted envelopes/s, p50 / p99 (durability on)",
        f"{intake['accepted_per_second']} /s, {intake['p50']} / {intake['p99']}" if intake else "failed")

width = max(len(r[0]) for r in rows)
vwidth = max(len(r[1]) for r in rows)
for what, value, budget, verdict in rows:
    print(f"{what:<{width}}  {value:>{vwidth}}  {budget:<12} {verdict}".rstrip())
print(f"budgets missed: {len(missed)}" + "".join(f"\n  MISSED {x}" for x in missed))
json.dump({"app": app, "intake": intake, "missed": missed}, open(sys.argv[3], "w"), indent=2)
