#!/usr/bin/env python3
"""Adds up JUnit XML results (ctest, Catch2, node's test runner) into one closing line.

Usage: summarise.py RESULT.xml... ; prints each failed test, then `N passed, N failed`.
A missing or unreadable result file counts as one failure: a suite that did not report
must never look like a suite that passed.
"""
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        print(f"FAILED {path}: no results ({error})")
        failed += 1
        continue
    for case in root.iter("testcase"):
        name = f"{case.get('classname', '')} {case.get('name', '')}".strip()
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
            print(f"FAILED {path}: {name}")
        elif case.find("skipped") is not None or case.get("status") in ("notrun", "disabled"):
            skipped += 1
        else:
            passed += 1

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed else 0)
