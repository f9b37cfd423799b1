#!/usr/bin/env python3
"""Turns the benchmark's raw figures into a table, checks the budgets of issue 7 and writes
one JSON file. Usage: bench_report.py APP.json INTAKE.txt OUT.json"""
import json
import re
import sys

app = json.load(open(sys.argv[1]))
intake_text = open(sys.argv[2]).read()
KB, MB = 1000, 1024 * 1024

rows, missed = [], []


def row(what, value, budget=None, ok=None):
    rows.append((what, value, budget or "", "" if ok is None else ("ok" if ok else "MISSED")))
    if ok is False:
        missed.append(f"{what}: {value} (budget {budget})")


for code, m in app["locales"].items():
    b = m["bytes_to_first_question"]
    limit = 200 * KB if code == "nl" else 300 * KB
    parts = ", ".join(f"{k} {v / KB:.1f}" for k, v in m["breakdown"].items() if v)
    row(f"bytes to first question [{code}] ({parts} KB)", f"{b / KB:.1f} KB", f"<= {limit // KB} KB", b <= limit)
for code, m in app["locales"].items():
    wasm = m["wasm_memory_bytes"]
    total = wasm + m["js_heap_bytes"]
    limit = 24 * MB if code == "nl" else 48 * MB
    row(f"wasm memory + JS heap [{code}]",
        f"{wasm / MB:.1f} + {m['js_heap_bytes'] / MB:.1f} = {total / MB:.1f} MB", f"<= {limit // MB} MB", total <= limit)

t = app["timing"]
for name, key in (("signaal-ready", "signaal_ready_ms"), ("first-question", "first_question_ms")):
    s = t[key]
    ok = s["median"] <= 1500 if name == "first-question" else None
    row(f"{name} [{t['locale']}] median (min-max) of {s['n']}",
        f"{s['median']:.0f} ms ({s['min']:.0f}-{s['max']:.0f})", "<= 1500 ms" if ok is not None else None, ok)

f = app["idle_and_frames"]
row(f"idle CPU on a question screen over {f['idle_seconds']} s ({f['idle_frames']} frames drawn)",
    f"{100 * f['idle_cpu_share']:.2f} %", "<= 0.25 %", f["idle_cpu_share"] <= 0.0025)
row(f"frame work during a tap-through, p50 / p95 of {f['frame_ms']['n']} frames",
    f"{f['frame_ms']['p50']:.2f} / {f['frame_ms']['p95']:.2f} ms")
row("pad + seal one report in the browser", "not measured: the app does not seal yet", "<= 50 ms", None)

m = re.search(r"(\d+) accepted envelopes/s, p50 (\S+), p99 (\S+)", intake_text)
intake = {"accepted_per_second": int(m.group(1)), "p50": m.group(2), "p99": m.group(3)} if m else None
row("intake: accepted envelopes/s, p50 / p99 (durability on)",
    f"{intake['accepted_per_second']} /s, {intake['p50']} / {intake['p99']}" if intake else "failed")

width = max(len(r[0]) for r in rows)
vwidth = max(len(r[1]) for r in rows)
for what, value, budget, verdict in rows:
    print(f"{what:<{width}}  {value:>{vwidth}}  {budget:<12} {verdict}")
print(f"budgets missed: {len(missed)}" + "".join(f"\n  MISSED {x}" for x in missed))
json.dump({"app": app, "intake": intake, "missed": missed}, open(sys.argv[3], "w"), indent=2)
