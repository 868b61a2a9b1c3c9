"""Adapter from zhiku's calendar reader to the Recognizers-Text Chinese DateTime spec result shapes.

The specs (../shared/conformance/recognizers-text-zh/, MIT, Microsoft) describe what the
Recognizers-Text models return; this module turns what ``zhiku.quantities.calendar.read_calendar``
reads into that shape so each DateTime extractor/parser case can be compared: same texts
(full-width normalised, as the specs write them), offsets and resolved values. The Number and
NumberWithUnit specs are not adapted: they run through the public API with the suite's own scorer
(tests/test_quantities_conformance.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from zhiku.quantities.calendar import read_calendar
from zhiku.quantities.numerals import normalise

Case = dict[str, Any]
Row = tuple[Any, ...]


def _cmp(text: str) -> str:
    # The specs write texts half-width and lower-case, full-width commas included.
    return normalise(text).replace("，", ",").lower()


DATETIME_TYPES = {
    "DateExtractor": "date",
    "DateParser": "date",
    "DatePeriodExtractor": "daterange",
    "DatePeriodParser": "daterange",
    "DurationExtractor": "duration",
    "DurationParser": "duration",
}


def _reference(case: Case) -> dt.date:
    ref = (case.get("Context") or {}).get("ReferenceDateTime")
    # Extractor specs carry no reference date; extraction does not depend on it.
    return dt.date.fromisoformat(ref[:10]) if ref else dt.date(2017, 3, 22)


def run_datetime_case(stem: str, case: Case) -> bool:
    kind = DATETIME_TYPES[stem]
    found = [m for m in read_calendar(case["Input"], _reference(case)) if m.type == kind]
    parser = stem.endswith("Parser")
    got: list[Row] = []
    for m in found:
        row: tuple[Any, ...] = (m.type, m.start, _cmp(m.text))
        if parser:
            row += (m.timex, m.future, m.past)
        got.append(row)
    want: list[Row] = []
    for r in case["Results"]:
        row = (r["Type"], r["Start"], _cmp(r["Text"]))
        if parser:
            v = r["Value"]
            row += (v.get("Timex"), v.get("FutureResolution") or {}, v.get("PastResolution") or {})
        want.append(row)
    return got == want
