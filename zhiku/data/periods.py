"""Periods of observations: ``2020`` (annual), ``2021-Q3`` (quarterly), ``2021-10`` (monthly).

Periods are stored as these strings so they sort correctly as text within one frequency.
"""

from __future__ import annotations

import re

_ANNUAL = re.compile(r"^(\d{4})(?:年)?$")
_MONTHLY = re.compile(r"^(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})(?:月)?$")
_QUARTERLY = re.compile(r"^(\d{4})\s*-?\s*[Qq]([1-4])$")

FREQUENCY_ZH = {"annual": "年度", "quarterly": "季度", "monthly": "月度"}


def parse_period(text: str | int) -> tuple[str, str] | None:
    """Return ``(period, frequency)`` in canonical form, or None if ``text`` is not a period.

    Accepts what spreadsheets produce besides the canonical form: ``2021/10``, ``2021.10``,
    ``2021年10月``, ``2021-1`` (→ ``2021-01``), ``2021Q3``.
    """
    s = str(text).strip()
    if m := _ANNUAL.match(s):
        return m.group(1), "annual"
    if m := _MONTHLY.match(s):
        month = int(m.group(2))
        if 1 <= month <= 12:
            return f"{m.group(1)}-{month:02d}", "monthly"
        return None
    if m := _QUARTERLY.match(s):
        return f"{m.group(1)}-Q{m.group(2)}", "quarterly"
    return None


def period_in_range(period: str, start: str | None, end: str | None) -> bool:
    """Whether ``period`` lies within ``start``..``end`` (inclusive; either may be None).

    Bounds may be coarser than the period: ``start="2021"`` includes ``2021-01`` and
    ``end="2021"`` includes ``2021-12``, so they compare on the bound's own length.
    """
    if start is not None and period[: len(start)] < start:
        return False
    return not (end is not None and period[: len(end)] > end)
