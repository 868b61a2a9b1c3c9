"""Numbers as an editor reads them in the evidence line."""

from __future__ import annotations

from zhiku.quantities.model import Quantity

UNIT_ZH = {"USD": "美元", "CNY": "元", "TEU": "标箱", "hour": "小时", "minute": "分钟", "pp": "个百分点"}


def num(x: float, decimals: int = 4) -> str:
    """A plain number without trailing zeros: 1548.9, 6300, 0.1372."""
    if x != x:  # NaN
        return "?"
    s = f"{x:.{decimals}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def pct(x: float, decimals: int = 2) -> str:
    """A percentage given as a percent number (30.555 → 30.56%)."""
    return f"{x:.{decimals}f}%"


def amount(x: float, unit: str | None = None) -> str:
    """A large value with its Chinese magnitude: 1.7626万亿元, 12400列."""
    u = UNIT_ZH.get(unit or "", unit or "")
    a = abs(x)
    if a >= 1e12:
        return f"{num(x / 1e12)}万亿{u}"
    if a >= 1e8:
        return f"{num(x / 1e8)}亿{u}"
    if a >= 1e5:
        return f"{num(x / 1e4)}万{u}"
    return f"{num(x)}{u}"


def _shared_magnitude(qs: list[Quantity] | tuple[Quantity, ...]) -> float | None:
    """The one magnitude all of ``qs`` are written in with Arabic digits (10⁸ for 715.7亿 and
    1548.9亿); None when they differ or one is written in Chinese numerals."""
    from zhiku.claims.tolerance import magnitude, written_literal

    mags = {magnitude(q) for q in qs}
    if all(written_literal(q) is not None for q in qs) and len(mags) == 1:
        return mags.pop()
    return None


def _common_magnitude(qs: list[Quantity] | tuple[Quantity, ...]) -> float | None:
    """万 and 亿 mixed (2.79亿, 766万): the largest of their magnitudes, so that every number reads in
    one unit (0.0766 beside 2.79); None when any is not written in Arabic digits with 万/亿."""
    from zhiku.claims.tolerance import magnitude, written_literal

    if not qs or any(written_literal(q) is None for q in qs):
        return None
    mags = {magnitude(q) for q in qs}
    if not all(m in (1e4, 1e8, 1e12) for m in mags):
        return None
    return max(mags)


def like_shown(x: float, qs: list[Quantity] | tuple[Quantity, ...]) -> str:
    """``x`` in the same units as :func:`shown` prints ``qs`` (3.258e10 → 325.8 beside 979.8亿)."""
    mag = _shared_magnitude(qs)
    if mag is not None:
        return num(x / mag)
    common = _common_magnitude(qs)
    return num(x) if common is None else num(x / common, 8)


def shown(qs: list[Quantity] | tuple[Quantity, ...]) -> list[str]:
    """The numbers of ``qs`` as written, when they share one magnitude (715.7, 1548.9); in the
    largest of their magnitudes when they mix 万 and 亿 (2.79, 0.0766); otherwise their full values
    (12400, 8225), so the arithmetic stays checkable by hand."""
    from zhiku.claims.tolerance import written_literal

    if _shared_magnitude(qs) is None:
        common = _common_magnitude(qs)
        if common is not None:
            return [num((q.value or 0.0) / common, 8) for q in qs]
        return [num(q.value or 0.0) for q in qs]
    # (Q4单季亏损-4.63亿元: the numeral's sign, which the literal leaves out, in brackets in the arithmetic)
    return [
        f"(−{lit.lstrip('-−')})" if (q.value or 0.0) < 0 else lit
        for q in qs
        if (lit := written_literal(q)) is not None
    ]
