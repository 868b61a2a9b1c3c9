"""Recognizers-Text Chinese specs through the adapter: pass rate per file, held to a ratchet floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conformance.adapter import run_datetime_case, run_model_case

SPECS = Path(__file__).resolve().parents[1].parent / "shared" / "conformance" / "recognizers-text-zh"
FLOORS = Path(__file__).resolve().parent / "conformance" / "floors.json"
FILES = [
    "Number/Chinese/NumberModel.json",
    "Number/Chinese/PercentModel.json",
    "Number/Chinese/OrdinalModel.json",
    "Number/Chinese/NumberRangeModel.json",
    "Number/Chinese/NumberRangeModelExperimentalMode.json",
    "NumberWithUnit/Chinese/CurrencyModel.json",
    "NumberWithUnit/Chinese/DimensionModel.json",
    "NumberWithUnit/Chinese/AgeModel.json",
    "NumberWithUnit/Chinese/TemperatureModel.json",
    "DateTime/Chinese/DateExtractor.json",
    "DateTime/Chinese/DateParser.json",
    "DateTime/Chinese/DatePeriodExtractor.json",
    "DateTime/Chinese/DatePeriodParser.json",
    "DateTime/Chinese/DurationExtractor.json",
    "DateTime/Chinese/DurationParser.json",
]


def pass_rates() -> dict[str, tuple[int, int]]:
    rates: dict[str, tuple[int, int]] = {}
    for rel in FILES:
        cases = json.loads((SPECS / rel).read_text(encoding="utf-8-sig"))
        stem = Path(rel).stem
        run = run_datetime_case if rel.startswith("DateTime/") else run_model_case
        passed = sum(1 for case in cases if run(stem, case))
        rates[rel] = (passed, len(cases))
    return rates


def test_conformance_floors() -> None:
    if not SPECS.exists():
        pytest.skip(f"Recognizers-Text specs not found at {SPECS} (CI puts shared/ beside the clone)")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    rates = pass_rates()
    below = []
    for rel, (passed, total) in rates.items():
        print(f"{rel}: {passed}/{total} = {passed / total:.1%} (floor {floors.get(rel, 0):.1%})")
        if passed / total + 1e-9 < floors.get(rel, 0):
            below.append(rel)
    assert set(floors) <= set(rates), "a floor names a file the test does not run"
    # The goals, over all cases of each group (flagged ones included, nothing skipped).
    for group, goal in (("Number", 0.98), ("DateTime/", 0.95)):
        passed = sum(p for rel, (p, _) in rates.items() if rel.startswith(group))
        total = sum(t for rel, (_, t) in rates.items() if rel.startswith(group))
        print(f"{group.rstrip('/')}: {passed}/{total} = {passed / total:.1%} (goal {goal:.0%})")
        assert passed / total >= goal
    assert not below, f"below the floor: {below}"
