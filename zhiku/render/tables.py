"""Numbers in a table column share one number of decimals.

A column of 1.5, 2 and 13.25 reads as 1.50, 2.00, 13.25 in every output (web, PDF, WeChat,
e-mail), as statistical tables print them: a reader compares digits by position. Only a column
whose every cell is a plain number (a sign, digits with or without thousands separators,
decimals, % or ‰; a dash or blank for no value) is changed; a cell with anything else — a
qualifier such as 约 or 近, a unit, a note mark, emphasis — means the source says otherwise,
and the column stays as written. Nothing is rounded: zeros are only added.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_NUMBER = re.compile(r"^(?P<num>[−\-+]?(?:\d{1,3}(?:,\d{3})+|\d+))(?:\.(?P<frac>\d+))?(?P<unit>%|‰)?$")
_NO_VALUE = frozenset(("", "-", "—", "－", "–", "…", "/", "／"))


def uniform_decimals(rows: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], ...]:
    """``rows`` (a table's body, cells as written) with each all-number column's cells given
    the column's largest number of decimals."""
    out = [list(r) for r in rows]
    width = max((len(r) for r in rows), default=0)
    for c in range(width):
        cells = [r[c].strip() if c < len(r) else "" for r in rows]
        matches = [_NUMBER.match(x) for x in cells]
        valued = [(i, m) for i, (x, m) in enumerate(zip(cells, matches, strict=True)) if x not in _NO_VALUE]
        if not valued or any(m is None for _, m in valued):
            continue
        places = [len(m["frac"] or "") for _, m in valued if m is not None]
        most = max(places)
        if most == 0 or min(places) == most:
            continue
        for i, m in valued:
            assert m is not None
            frac = (m["frac"] or "").ljust(most, "0")
            out[i][c] = f"{m['num']}.{frac}{m['unit'] or ''}"
    return tuple(tuple(r) for r in out)
