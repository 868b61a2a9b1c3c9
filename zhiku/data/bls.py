"""US CPI-U from the BLS database that the PyPI package ``cpi`` ships inside itself.

We read the package's bundled ``cpi.db`` (SQLite) directly, read-only, instead of importing
``cpi``: importing it runs a staleness check that warns, and downloads the database from the
network when the file is missing. zhiku must never touch the network for data, and never
calls ``cpi.update()``. The series read is BLS ``CUUR0000SA0`` (All items, U.S. city average,
all urban consumers, not seasonally adjusted).
"""

from __future__ import annotations

import contextlib
import importlib.util
import sqlite3
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from zhiku.data.model import Observation, SeriesData, SeriesInfo
from zhiku.distversion import installed_version
from zhiku.errors import ZhikuError

BLS_SERIES_ID = "CUUR0000SA0"
SOURCE_ZH = "美国劳工统计局（BLS）"
SOURCE_URL = "https://data.bls.gov/timeseries/CUUR0000SA0"
ANNUAL_INDEX = "us.cpi_u.index.annual"
ANNUAL_INFLATION = "us.cpi_u.inflation.annual"
MONTHLY_YOY = "us.cpi_u.inflation.monthly_yoy"
# Bump when the derivation below changes, so stores built by an older zhiku re-read BLS.
DERIVATION_VERSION = 2


def cpi_db_path() -> Path:
    """Where the ``cpi`` package keeps its database, found without importing the package."""
    spec = importlib.util.find_spec("cpi")
    if spec is None or spec.origin is None:
        raise ZhikuError(
            "没有安装 cpi 包，无法读取美国 CPI 数据（pip install cpi）",
            "the cpi package is not installed, so US CPI data is unavailable (pip install cpi)",
        )
    path = Path(spec.origin).parent / "cpi.db"
    if not path.is_file():
        raise ZhikuError(
            "cpi 包里没有 cpi.db 数据文件，请重新安装 cpi 包",
            "the cpi package has no cpi.db data file; reinstall the cpi package",
            path,
        )
    return path


def cpi_fingerprint() -> str:
    """Changes whenever the bundled database does (a new cpi release), without hashing 60 MB."""
    path = cpi_db_path()
    st = path.stat()
    return f"derivation {DERIVATION_VERSION}; cpi {_cpi_version()} {st.st_size} {st.st_mtime_ns}"


def _cpi_version() -> str:
    """The installed ``cpi`` package's version, which dates the database it ships; "?" if unknown."""
    return installed_version("cpi", "cpi") or "?"


def yoy_percent(current: float, previous: float) -> float:
    """Percent change rounded to one decimal, half away from zero, as BLS publishes it."""
    change = Decimal(repr(current)) / Decimal(repr(previous)) * 100 - 100
    return float(change.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _fmt_index(value: float) -> str:
    return f"{value:g}"


def read_bls_cpi() -> list[SeriesData]:
    """Derive the three CPI-U series from the bundled database."""
    path = cpi_db_path()
    try:
        with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            rows = conn.execute(
                "SELECT year, period, value FROM indexes WHERE series = ? ORDER BY year, period",
                (BLS_SERIES_ID,),
            ).fetchall()
    except sqlite3.Error as e:
        raise ZhikuError(
            f"无法读取 cpi 包的数据库：{e}", f"cannot read the cpi package's database: {e}", path
        ) from e
    annual: dict[int, float] = {}
    monthly: dict[tuple[int, int], float] = {}
    for year, period, value in rows:
        if period == "M13":
            annual[int(year)] = float(value)
        elif period.startswith("M"):
            monthly[(int(year), int(period[1:]))] = float(value)
    if not annual or not monthly:
        raise ZhikuError(
            f"cpi 包的数据库里没有 {BLS_SERIES_ID} 序列",
            f"the cpi package's database has no {BLS_SERIES_ID} series",
            path,
        )

    version = _cpi_version()
    latest = max(monthly)
    # When BLS was queried is not recorded in the package; what it ships is a release of the
    # database whose latest month dates it. (The file's mtime is only when it was installed.)
    retrieved = f"PyPI cpi {version}，数据截至 {latest[0]}-{latest[1]:02d}"
    common = (
        f"BLS 序列 {BLS_SERIES_ID}（CPI-U，全部项目，美国城市平均，未季调）；数据随 PyPI 包 cpi {version}"
        f" 提供，截至 {latest[0]}-{latest[1]:02d}"
    )

    def info(sid: str, zh: str, en: str, unit: str, freq: str, note: str) -> SeriesInfo:
        return SeriesInfo(
            id=sid,
            name_zh=zh,
            name_en=en,
            unit=unit,
            frequency=freq,
            source=SOURCE_ZH,
            source_url=SOURCE_URL,
            retrieved=retrieved,
            notes=f"{common}。{note}",
            file=f"cpi {version}: {path.name}",
        )

    index_obs = tuple(Observation(str(y), v) for y, v in sorted(annual.items()))
    inflation_obs = tuple(
        Observation(
            str(y),
            yoy_percent(v, annual[y - 1]),
            f"{_fmt_index(annual[y - 1])} → {_fmt_index(v)}",
        )
        for y, v in sorted(annual.items())
        if y - 1 in annual
    )
    monthly_obs = tuple(
        Observation(
            f"{y}-{m:02d}",
            yoy_percent(v, monthly[(y - 1, m)]),
            f"{_fmt_index(monthly[(y - 1, m)])} → {_fmt_index(v)}",
        )
        for (y, m), v in sorted(monthly.items())
        if (y - 1, m) in monthly
    )
    return [
        SeriesData(
            info(
                ANNUAL_INDEX,
                "美国CPI-U年均指数",
                "US CPI-U, annual average",
                "1982—1984=100",
                "annual",
                "年均值为 BLS 公布的年度平均指数（M13）",
            ),
            index_obs,
        ),
        SeriesData(
            info(
                ANNUAL_INFLATION,
                "美国通货膨胀率（CPI-U年均值同比）",
                "US inflation, CPI-U annual average, year over year",
                "%",
                "annual",
                "通胀率 = 当年年均指数 ÷ 上年年均指数 − 1，按 BLS 口径保留一位小数",
            ),
            inflation_obs,
        ),
        SeriesData(
            info(
                MONTHLY_YOY,
                "美国CPI-U月度同比涨幅",
                "US CPI-U, 12-month percent change",
                "%",
                "monthly",
                "同比 = 当月指数 ÷ 上年同月指数 − 1，按 BLS 口径保留一位小数",
            ),
            monthly_obs,
        ),
    ]
