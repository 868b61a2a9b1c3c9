"""Reading series from CSV files: the publication's ``data/*.csv`` and the bundled ones.

The format (documented in docs/format.md, "数据文件 / Data files"): one observation a row,
header row first. Required columns ``indicator, period, value, unit, source``; optional
``name, name_en, source_url, retrieved, note``. Chinese headers (指标, 时期, 数值, 单位, 来源,
名称, 英文名称, 来源链接, 获取日期, 备注) are accepted too, because analysts make these files
in WPS or Excel. Series-level fields (name, unit, source…) may be written on the first row of
an indicator only; a later row that states a different value is an error.

The stdlib ``csv`` module does the parsing; what is ours is validation with file, line and
column in every message — the same checks the YAML loader makes (``zhiku.sources.yamlload``):
a size limit (``MAX_CHARS``; a cell at most ``MAX_CELL`` characters), no control characters in
any cell, ``source_url`` an http(s) address, ``retrieved`` a real date (``2021-11-20``), values
finite numbers.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from zhiku.data.model import Observation, SeriesData, SeriesInfo
from zhiku.data.periods import FREQUENCY_ZH, parse_period
from zhiku.errors import ZhikuError
from zhiku.sources.yamlload import check_url, parse_date

MAX_CHARS = 50_000_000  # a CSV of series: a century of daily values is a few MB
MAX_CELL = 10_000
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

# Bump when reading rules change, so stores built by an older zhiku re-read every CSV.
READER_VERSION = 1
REQUIRED = ("indicator", "period", "value", "unit", "source")
OPTIONAL = ("name", "name_en", "source_url", "retrieved", "note")
SERIES_FIELDS = ("name", "name_en", "unit", "source", "source_url", "retrieved")

ALIASES = {
    "指标": "indicator",
    "时期": "period",
    "期间": "period",
    "数值": "value",
    "单位": "unit",
    "来源": "source",
    "资料来源": "source",
    "名称": "name",
    "英文名称": "name_en",
    "来源链接": "source_url",
    "获取日期": "retrieved",
    "备注": "note",
}

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_number(text: str) -> float | None:
    """A number as written in a spreadsheet cell: ``1548.9``, ``-0.4``, ``12,400``, ``12 400``.

    Thousands separators are dropped; anything else (``约8000``, ``N/A``, ``12.4万``) is not a
    number here, because a CSV cell must hold the value itself, not prose.
    """
    s = text.strip().replace("\u2212", "-").replace(",", "").replace("，", "").replace(" ", "")
    if not _NUMBER.match(s):
        return None
    value = float(s)
    return value if math.isfinite(value) else None


@dataclass
class _Pending:
    """A series being collected while the rows are read."""

    indicator: str
    line: int
    frequency: str
    fields: dict[str, tuple[str, int]] = field(default_factory=dict)  # field -> (value, line)
    observations: dict[str, Observation] = field(default_factory=dict)


def read_series_csv(text: str, file: Path, *, display: str | None = None) -> list[SeriesData]:
    """Parse the CSV ``text`` read from ``file`` into series, validating every row.

    ``display`` is how the file is named in the store's provenance (a relative path); errors
    always name ``file`` itself so the user can open it.
    """
    def err(zh: str, en: str, line: int) -> ZhikuError:
        return ZhikuError(zh, en, file, line)

    if len(text) > MAX_CHARS:
        raise err(
            f"CSV 文件太大（超过 {MAX_CHARS // 1_000_000} MB）",
            f"the CSV file is too large (over {MAX_CHARS // 1_000_000} MB)",
            1,
        )
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        raise err(
            f"CSV 中有控制字符或非法字符 U+{ord(bad.group()):04X}，请删除",
            f"the CSV holds a control or invalid character U+{ord(bad.group()):04X}; remove it",
            text.count("\n", 0, bad.start()) + 1,
        )
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header_row = next(reader)
    except StopIteration:
        raise err(
            "CSV 文件是空的，第一行应是表头", "the CSV file is empty; the first row must be the header", 1
        ) from None
    except csv.Error as e:
        raise err(f"CSV 格式错误：{e}", f"malformed CSV: {e}", 1) from e
    columns: list[str] = []
    for i, raw in enumerate(header_row, start=1):
        name = raw.strip().lstrip("\ufeff")
        key = ALIASES.get(name, name.lower())
        if key not in REQUIRED and key not in OPTIONAL:
            raise err(
                f"第{i}列的列名“{name}”不认识；可用的列：{', '.join(REQUIRED + OPTIONAL)}",
                f"column {i} '{name}' is not a known column; known: {', '.join(REQUIRED + OPTIONAL)}",
                1,
            )
        if key in columns:
            raise err(f"第{i}列“{name}”与前面的列重复", f"column {i} '{name}' repeats an earlier column", 1)
        columns.append(key)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise err(
            f"表头缺少必需的列：{', '.join(missing)}",
            f"the header lacks required column(s): {', '.join(missing)}",
            1,
        )
    index = {c: i for i, c in enumerate(columns)}

    pending: dict[str, _Pending] = {}
    line = 1
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue  # blank lines are harmless
            if len(row) != len(columns):
                raise err(
                    f"这一行有{len(row)}个字段，表头有{len(columns)}列（值里有逗号时请加引号）",
                    f"this row has {len(row)} fields but the header has {len(columns)} columns"
                    " (quote values that contain commas)",
                    line,
                )
            cell = {c: row[index[c]].strip() for c in columns}
            long = next((c for c in columns if len(cell[c]) > MAX_CELL), None)
            if long is not None:
                raise err(
                    f"第{index[long] + 1}列（{long}）太长（超过 {MAX_CELL} 个字符）",
                    f"column {index[long] + 1} ({long}) is too long (over {MAX_CELL} characters)",
                    line,
                )

            def col(name: str) -> str:
                return f"第{index[name] + 1}列（{name}）"

            def col_en(name: str) -> str:
                return f"column {index[name] + 1} ({name})"

            if cell.get("source_url"):
                check_url(cell["source_url"], file, line, col_en("source_url"))
            if cell.get("retrieved"):
                parse_date(cell["retrieved"], file, line)

            indicator = cell["indicator"]
            if not _ID.match(indicator):
                raise err(
                    f"{col('indicator')}“{indicator}”不是合法的指标代码（字母、数字、点、下划线、连字符）",
                    f"{col_en('indicator')} '{indicator}' is not a valid indicator id"
                    " (letters, digits, '.', '_', '-')",
                    line,
                )
            parsed = parse_period(cell["period"])
            if parsed is None:
                raise err(
                    f"{col('period')}“{cell['period']}”不是时期；应写作 2020、2021-10 或 2021-Q3",
                    f"{col_en('period')} '{cell['period']}' is not a period; write 2020, 2021-10 or 2021-Q3",
                    line,
                )
            period, frequency = parsed
            value = parse_number(cell["value"])
            if value is None:
                raise err(
                    f"{col('value')}“{cell['value']}”不是数字",
                    f"{col_en('value')} '{cell['value']}' is not a number",
                    line,
                )
            series = pending.get(indicator)
            if series is None:
                series = pending[indicator] = _Pending(indicator, line, frequency)
            elif series.frequency != frequency:
                raise err(
                    f"{col('period')}“{period}”是{FREQUENCY_ZH[frequency]}数据，"
                    f"而第{series.line}行起该指标是{FREQUENCY_ZH[series.frequency]}数据",
                    f"{col_en('period')} '{period}' is {frequency} but this indicator is"
                    f" {series.frequency} (from line {series.line})",
                    line,
                )
            for name in SERIES_FIELDS:
                if name not in index or not cell[name]:
                    continue
                known = series.fields.get(name)
                if known is None:
                    series.fields[name] = (cell[name], line)
                elif known[0] != cell[name]:
                    raise err(
                        f"{col(name)}“{cell[name]}”与第{known[1]}行的“{known[0]}”不一致（同一指标只能有一个）",
                        f"{col_en(name)} '{cell[name]}' differs from '{known[0]}' on line {known[1]}"
                        " (one per indicator)",
                        line,
                    )
            first = series.observations.get(period)
            if first is not None:
                raise err(
                    f"{col('period')}：指标 {indicator} 的时期 {period} 重复（第{first.line}行已有）",
                    f"{col_en('period')}: indicator {indicator} has period {period} twice"
                    f" (already on line {first.line})",
                    line,
                )
            series.observations[period] = Observation(period, value, cell.get("note", ""), line)
    except csv.Error as e:
        raise err(f"CSV 格式错误：{e}", f"malformed CSV: {e}", reader.line_num or line) from e

    result: list[SeriesData] = []
    for series in pending.values():
        for name in ("unit", "source"):
            if name not in series.fields:
                raise err(
                    f"指标 {series.indicator} 没有填写 {name}（至少在它的第一行填写）",
                    f"indicator {series.indicator} has no {name} (fill it in on its first row at least)",
                    series.line,
                )
        f = {k: v for k, (v, _) in series.fields.items()}
        notes = "；".join(dict.fromkeys(o.note for o in series.observations.values() if o.note))
        info = SeriesInfo(
            id=series.indicator,
            name_zh=f.get("name", series.indicator),
            name_en=f.get("name_en", ""),
            unit=f["unit"],
            frequency=series.frequency,
            source=f["source"],
            source_url=f.get("source_url", ""),
            retrieved=f.get("retrieved", ""),
            notes=notes,
            file=display or str(file),
            line=series.line,
        )
        observations = tuple(sorted(series.observations.values(), key=lambda o: o.period))
        result.append(SeriesData(info, observations))
    return result
