"""The series store: sourced data for figures and claims (see docs/architecture.md, "data")."""

from zhiku.data.bls import ANNUAL_INDEX, ANNUAL_INFLATION, MONTHLY_YOY
from zhiku.data.csv_source import read_series_csv
from zhiku.data.model import BuildReport, Observation, SeriesData, SeriesInfo
from zhiku.data.periods import parse_period
from zhiku.data.store import (
    Store,
    UnknownSeriesError,
    bundled_store,
    open_store,
    store_path,
)

FX_USD_CNY_ANNUAL = "fx.usd_cny.annual"

__all__ = [
    "ANNUAL_INDEX",
    "ANNUAL_INFLATION",
    "FX_USD_CNY_ANNUAL",
    "MONTHLY_YOY",
    "BuildReport",
    "Observation",
    "SeriesData",
    "SeriesInfo",
    "Store",
    "UnknownSeriesError",
    "bundled_store",
    "open_store",
    "parse_period",
    "read_series_csv",
    "store_path",
]
