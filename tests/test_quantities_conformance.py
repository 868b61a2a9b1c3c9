"""Recognizers-Text Chinese specs through zhiku's public API, held to a ratchet of known failures.

The Number and NumberWithUnit models run through what the product calls — ``parse_numbers`` for
NumberModel, ``parse_quantities`` filtered to one kind for each other model — with the suite's own
scorer (``../shared/conformance/recognizers-text-zh/score_public_api.py``: its selections and its
matching rules). Every case that fails is listed, with the reason, in
``tests/conformance/rt_public_api_failures.json``: a case that starts failing fails this test, and so
does a listed case that passes (take it off the list). No spec sentence is special-cased in the reader.

The DateTime extractor/parser files run through ``calendar.read_calendar`` (dates resolved against the
case's reference date) and keep their floors in ``tests/conformance/floors.json``.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conformance.adapter import run_datetime_case

SPECS = Path(__file__).resolve().parents[1].parent / "shared" / "conformance" / "recognizers-text-zh"
SCORER = SPECS / "score_public_api.py"
FAILURES = Path(__file__).resolve().parent / "conformance" / "rt_public_api_failures.json"
FLOORS = Path(__file__).resolve().parent / "conformance" / "floors.json"
DATETIME_FILES = [
    "DateTime/Chinese/DateExtractor.json",
    "DateTime/Chinese/DateParser.json",
    "DateTime/Chinese/DatePeriodExtractor.json",
    "DateTime/Chinese/DatePeriodParser.json",
    "DateTime/Chinese/DurationExtractor.json",
    "DateTime/Chinese/DurationParser.json",
]


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_public_api", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cases(rel: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((SPECS / rel).read_text(encoding="utf-8-sig"))
    return cases


def public_api_results() -> dict[str, tuple[int, list[str]]]:
    """Per model file: (cases, inputs of the failing cases). A reader that raises fails the case."""
    scorer = _scorer()
    results: dict[str, tuple[int, list[str]]] = {}
    select: dict[str, Callable[[str], object]] = scorer.SELECT
    for rel, chooser in select.items():
        cases = _cases(rel)
        failing = [c["Input"] for c in cases if not scorer.passes(chooser, c)]
        results[rel] = (len(cases), failing)
    return results


@pytest.fixture(scope="module")
def results() -> dict[str, tuple[int, list[str]]]:
    if not SCORER.exists():
        pytest.skip(f"Recognizers-Text specs not found at {SPECS} (CI puts shared/ beside the clone)")
    return public_api_results()


def test_public_api_failures_are_exactly_the_listed_ones(results: dict[str, tuple[int, list[str]]]) -> None:
    listed: dict[str, list[dict[str, str]]] = json.loads(FAILURES.read_text(encoding="utf-8"))["failures"]
    total = passed = 0
    new: list[str] = []
    fixed: list[str] = []
    below: list[str] = []
    for rel, (count, failing) in results.items():
        known = {f["input"] for f in listed.get(rel, [])}
        total += count
        passed += count - len(failing)
        if count - len(failing) < 0.98 * count:
            below.append(f"{rel}: {count - len(failing)}/{count}")
        print(f"{Path(rel).stem}: {count - len(failing)}/{count} = {(count - len(failing)) / count:.1%}")
        new += [f"{rel}: {x}" for x in failing if x not in known]
        fixed += [f"{rel}: {x}" for x in known if x not in failing]
    print(f"Number + NumberWithUnit through the public API: {passed}/{total} = {passed / total:.1%}")
    assert not new, f"cases that now fail (a regression): {new}"
    assert not fixed, f"listed cases that pass now: take them off {FAILURES.name}: {fixed}"
    for rel, entries in listed.items():
        for entry in entries:
            assert entry.get("why"), f"{rel}: {entry['input']} is listed without a reason"
    assert not below, f"models under 98% of their cases (issue 19): {below}"
    assert passed / total >= 0.98


def test_datetime_floors() -> None:
    if not SPECS.exists():
        pytest.skip(f"Recognizers-Text specs not found at {SPECS} (CI puts shared/ beside the clone)")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert set(floors) == set(DATETIME_FILES)
    passed_all = total_all = 0
    below = []
    for rel in DATETIME_FILES:
        cases = _cases(rel)
        passed = sum(1 for case in cases if run_datetime_case(Path(rel).stem, case))
        passed_all += passed
        total_all += len(cases)
        print(f"{rel}: {passed}/{len(cases)} = {passed / len(cases):.1%} (floor {floors[rel]:.1%})")
        if passed / len(cases) + 1e-9 < floors[rel]:
            below.append(rel)
    assert not below, f"below the floor: {below}"
    assert passed_all / total_all >= 0.95
