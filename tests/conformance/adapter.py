"""Adapter from zhiku ``Quantity`` lists to the Recognizers-Text Chinese spec result shapes.

The specs (../shared/conformance/recognizers-text-zh/, MIT, Microsoft) describe what the
Recognizers-Text models return; this module turns what zhiku reads into that shape so each
case can be compared. A case passes when the same number of results comes out, with the same
texts (full-width normalised, as the specs write them), offsets and resolved values.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

from zhiku.quantities import Quantity, parse_numbers
from zhiku.quantities.calendar import read_calendar
from zhiku.quantities.numbers import read_percentages, read_ranges
from zhiku.quantities.numerals import normalise
from zhiku.quantities.scanner import PREFIX_QUALIFIERS, scan

Case = dict[str, Any]
Row = tuple[Any, ...]

CURRENCY_NAMES = {
    "CNY": "Chinese yuan",
    "USD": "United States dollar",
    "EUR": "Euro",
    "JPY": "Japanese yen",
    "GBP": "British pound",
    "HKD": "Hong Kong dollar",
    "TWD": "New Taiwan dollar",
    "CHF": "Swiss franc",
    "NGN": "Nigerian naira",
    "BTC": "Bitcoin",
    "KRW": "South Korean won",
    "RUB": "Russian ruble",
}
DIMENSION_NAMES = {
    "mu": "Mu",
    "kg": "Kilogram",
    "g": "Gram",
    "mg": "Milligram",
    "µg": "Microgram",
    "t": "Ton",
    "cm": "Centimeter",
    "m": "Meter",
    "km": "Kilometer",
    "mm": "Millimeter",
    "jin": "Jin",
    "liang": "Liang",
    "bit": "Bit",
    "kbit": "Kilobit",
    "KB": "Kilobyte",
    "MB": "Megabyte",
    "Hz": "Hertz",
    "MHz": "Megahertz",
    "kW": "Kilowatt",
    "kcal": "Kilocalorie",
}


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        fa, fb = float(str(a).rstrip("%")), float(str(b).rstrip("%"))
    except ValueError:
        return str(a) == str(b)
    return math.isclose(fa, fb, rel_tol=1e-9, abs_tol=1e-12)


def _interval(q: Quantity) -> str:
    def fmt(v: float | None) -> str:
        if v is None:
            return ""
        return str(int(v)) if float(v).is_integer() else repr(v)

    if q.qualifier == "range":
        return f"[{fmt(q.low)},{fmt(q.high)})"
    if q.qualifier == "over":
        return f"({fmt(q.value)},)"
    if q.qualifier == "under":
        return f"(,{fmt(q.value)})"
    return f"[{fmt(q.value)},{fmt(q.value)}]"


def loose(text: str) -> list[Quantity]:
    """Quantities with numerals in words read even without a unit (答案不是四而是五)."""
    return scan(text, prose=False)


def number_rows(text: str) -> list[Row]:
    rows: list[Row] = []
    for q in parse_numbers(text):
        if q.value is not None:
            rows.append(("number", q.start, q.text, q.value))
    return rows


def percent_rows(text: str) -> list[Row]:
    return [("percentage", q.start, q.text, q.value) for q in read_percentages(text)]


def ordinal_rows(text: str) -> list[Row]:
    rows: list[Row] = []
    for q in loose(text):
        if q.kind == "ordinal":
            # zhiku's span keeps the measure word (第一名); the spec's ends at the numeral (第一).
            cut = len(q.measure) if q.measure else 0
            rows.append(("ordinal", q.start, q.text[: len(q.text) - cut].rstrip(), q.value))
    return rows


def _fmt(v: float | None) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else repr(v)


def range_rows(text: str, experimental: bool = False) -> list[Row]:
    rows: list[Row] = []
    for r in read_ranges(text):
        # The spec's NumberRangeModel leaves the top of a span open ([20,100)); ExperimentalMode closes it.
        high_closed = r.high_closed if r.form == "comparison" or experimental else False
        interval = (
            ("[" if r.low_closed else "(") + f"{_fmt(r.low)},{_fmt(r.high)}" + ("]" if high_closed else ")")
        )
        rows.append(("numberrange", r.start, r.text, interval))
    return rows


def _unqualified(q: Quantity) -> tuple[int, str]:
    """The spec's span starts at the number: drop zhiku's qualifier word (近一吨 → 一吨, 超过250m → 250m)."""
    for word, _ in PREFIX_QUALIFIERS:
        if normalise(q.text).startswith(word) and q.qualifier != "exact":
            cut = len(word)
            while cut < len(q.text) and q.text[cut] == " ":
                cut += 1
            return q.start + cut, q.text[cut:]
    return q.start, q.text


def currency_rows(text: str) -> list[Row]:
    rows: list[Row] = []
    for q in loose(text):
        if q.kind == "money":
            start, span = _unqualified(q)
            unit = {"BTC": "Bitcoin"}.get(q.unit or "", q.unit)
            if span.startswith("$"):
                unit = "Dollar"  # the spec gives no ISO code for a bare $
            head = re.search(r"人民币[ \t]*$", text[:start])
            if head is not None and q.unit == "CNY":
                # The spec's span takes in a currency name written before the number (人民币 50元).
                span = text[head.start() : start] + span
                start = head.start()
            rows.append(("currency", start, span, q.value, unit))
    return rows


def dimension_rows(text: str) -> list[Row]:
    rows: list[Row] = []
    for q in loose(text):
        if q.kind == "dimension" and q.unit not in ("°C", "°F", "degree"):
            start, span = _unqualified(q)
            rows.append(("dimension", start, span, q.value, DIMENSION_NAMES.get(q.unit or "", q.unit)))
    return rows


AGE_UNITS = {"year": "Year", "month": "Month", "week": "Week", "day": "Day"}


def age_rows(text: str) -> list[Row]:
    rows: list[Row] = []
    for q in loose(text):
        start, span = _unqualified(q)
        if q.kind == "count" and q.unit == "岁":
            rows.append(("age", start, span, q.value, "Year"))
        elif q.kind == "duration" and q.unit in AGE_UNITS and text[q.end : q.end + 1] == "大":
            # 十个月大, 三周大: a duration followed by 大 is an age.
            rows.append(("age", start, span + "大", q.value, AGE_UNITS[q.unit or ""]))
    return rows


def temperature_rows(text: str) -> list[Row]:
    names = {"°C": "C", "°F": "F", "degree": "Degree"}
    return [
        ("temperature", *_unqualified(q), q.value, names[q.unit or ""])
        for q in loose(text)
        if q.kind == "dimension" and q.unit in names
    ]


def expected_model_rows(stem: str, case: Case) -> list[Row]:
    rows: list[Row] = []
    for r in case["Results"]:
        res = r.get("Resolution") or {}
        value = res.get("value")
        if stem in ("NumberModel", "PercentModel", "OrdinalModel") or stem.startswith("NumberRange"):
            rows.append((r["TypeName"], r["Start"], r["Text"], value))
        elif stem == "CurrencyModel":
            rows.append(
                (r["TypeName"], r["Start"], r["Text"], value, res.get("isoCurrency") or res.get("unit"))
            )
        else:
            rows.append((r["TypeName"], r["Start"], r["Text"], value, res.get("unit")))
    return rows


MODEL_READERS: dict[str, Callable[[str], list[Row]]] = {
    "NumberModel": number_rows,
    "PercentModel": percent_rows,
    "OrdinalModel": ordinal_rows,
    "NumberRangeModel": range_rows,
    "NumberRangeModelExperimentalMode": lambda text: range_rows(text, experimental=True),
    "CurrencyModel": currency_rows,
    "DimensionModel": dimension_rows,
    "AgeModel": age_rows,
    "TemperatureModel": temperature_rows,
}


def _cmp(text: str) -> str:
    # The specs write texts half-width and lower-case, full-width commas included.
    return normalise(text).replace("，", ",").lower()


def rows_match(got: list[Row], want: list[Row]) -> bool:
    if len(got) != len(want):
        return False
    for g, w in zip(got, want, strict=True):
        if g[0] != w[0] or g[1] != w[1] or _cmp(g[2]) != _cmp(w[2]):
            return False
        for a, b in zip(g[3:], w[3:], strict=True):
            if isinstance(b, str) and b.startswith(("(", "[")):
                if not _same_interval(a, b):
                    return False
            elif not _same_value(a, b):
                return False
    return True


def _same_value(a: Any, b: Any) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        if a is None or b is None:
            return a is None and b is None
        try:
            return _same_number(a, b)
        except ValueError:
            return str(a) == str(b)
    return _same_number(a, b)


def _same_interval(a: Any, b: str) -> bool:
    if not isinstance(a, str):
        return False
    if a[0] != b[0] or a[-1] != b[-1]:
        return False
    pa, pb = a[1:-1].split(","), b[1:-1].split(",")
    return all((x == y) or (x and y and _same_number(x, y)) for x, y in zip(pa, pb, strict=True))


def run_model_case(stem: str, case: Case) -> bool:
    got = MODEL_READERS[stem](case["Input"])
    want = expected_model_rows(stem, case)
    if case.get("IgnoreResolution"):
        got = [g[:3] for g in got]
        want = [w[:3] for w in want]
    return rows_match(got, want)


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
