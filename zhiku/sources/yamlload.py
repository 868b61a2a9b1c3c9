"""The one YAML loader: ``zhiku.yml``, ``issue.yml``, article front matter and ```figure blocks.

Every YAML zhiku reads goes through :func:`load_document` (or :func:`load_mapping`), so every
YAML file gets the same limits and checks, and every error names the file and line to fix:

- **Size and shape.** A document longer than ``MAX_CHARS``, nested deeper than ``MAX_DEPTH``,
  or holding more than ``MAX_NODES`` values once its aliases (``&a`` … ``*a``) are expanded is
  refused before anything is built from it: a few hundred bytes of nested aliases (a "billion
  laughs") would otherwise expand to gigabytes. A recursive alias is refused too.
- **Data only.** PyYAML's safe loader (no Python objects). Dates and times are kept as the
  text written (``2021-11-22``) and checked only where a date is expected
  (:meth:`YamlDocument.date`), so an impossible one (``2021-02-30``, ``0000-01-01``, hour 25)
  is an error naming its line, never a traceback, and a title that looks like a date stays text.
- **Text.** Control characters (C0 but tab and newline, DEL, C1), lone surrogates and the
  non-characters U+FFFE/U+FFFF are refused wherever they are written (a double-quoted
  ``"\\x1b"`` included): they break terminals, XML and HTML.
- **Typed accessors.** :class:`YamlDocument` reads a key as text, a list of texts, a date, an
  integer in a range, an http(s) URL or an e-mail address, with the key's line in every error.

The readers (``publication``, ``markdown``) use it; so should any new YAML a publication holds.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from zhiku.errors import ZhikuError

MAX_CHARS = 256_000  # a zhiku.yml with a long disclaimer is a few KB
MAX_DEPTH = 16  # zhiku's own YAML nests two levels (a key holding a list)
MAX_NODES = 20_000  # values after alias expansion

# Characters no YAML value of a publication may hold (see the module's docstring).
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class _Loader(yaml.SafeLoader):
    """SafeLoader that counts nesting while composing and keeps timestamps as text."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    return str(loader.construct_scalar(node))  # type: ignore[arg-type]


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


class _TooDeep(Exception):
    def __init__(self, mark: yaml.Mark | None) -> None:
        self.mark = mark


@dataclass(frozen=True)
class YamlDocument:
    """A YAML mapping as read: its values, the line of each key (list items under ``key[n]``),
    and the file, for typed reads whose errors name that line."""

    data: dict[str, Any]
    lines: dict[str, int]
    file: Path
    first_line: int = 1

    def line(self, key: str) -> int:
        return self.lines.get(key, self.first_line)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def __contains__(self, key: str) -> bool:
        return key in self.data

    def error(self, key: str, zh: str, en: str) -> ZhikuError:
        return ZhikuError(zh, en, self.file, self.line(key))

    def check_keys(self, allowed: Iterable[str], what_zh: str, what_en: str) -> None:
        """An unknown top-level key is an error naming its line and the keys that are allowed."""
        allowed = tuple(allowed)
        for key in self.data:
            if key not in allowed:
                raise ZhikuError(
                    f"{what_zh}中有未知的键“{key}”（可用：{'、'.join(allowed)}）",
                    f"unknown key '{key}' in {what_en} (allowed: {', '.join(allowed)})",
                    self.file,
                    self.line(key),
                )

    def text(self, key: str, *, max_length: int = 10_000) -> str | None:
        """A scalar as the text an editor wrote, stripped; None when absent or empty (``~``)."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, dict | list):
            raise self.error(key, f"“{key}”应为一段文字", f"'{key}' must be text")
        text = as_text(value).strip()
        if len(text) > max_length:
            raise self.error(
                key,
                f"“{key}”太长（超过 {max_length} 个字符）",
                f"'{key}' is too long (over {max_length} characters)",
            )
        return text

    def text_list(self, key: str) -> tuple[str, ...]:
        """One text or a list of texts, as a tuple."""
        return as_str_list(self.data.get(key), key, self.file, self.line(key))

    def date(self, key: str) -> dt.date | None:
        """A calendar date (``2021-11-22``; a time after it must be a real time of day)."""
        value = self.data.get(key)
        return None if value is None else parse_date(value, self.file, self.line(key))

    def integer(self, key: str, low: int, high: int) -> int | None:
        """A whole number within ``low``…``high``."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, f"“{key}”应为整数", f"'{key}' must be a whole number")
        if not low <= value <= high:
            raise self.error(
                key, f"“{key}”应在 {low} 到 {high} 之间", f"'{key}' must be between {low} and {high}"
            )
        return value

    def url(self, key: str, schemes: tuple[str, ...] = ("http", "https")) -> str | None:
        """An absolute URL whose scheme is one of ``schemes`` (never ``javascript:`` and the like)."""
        value = self.text(key, max_length=2_000)
        return None if not value else check_url(value, self.file, self.line(key), key, schemes)

    def email(self, key: str) -> str | None:
        value = self.text(key, max_length=320)
        return None if not value else check_email(value, self.file, self.line(key), key)


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def load_document(text: str, file: Path, first_line: int = 1) -> YamlDocument:
    """Parse ``text`` (which starts at line ``first_line`` of ``file``) as a YAML mapping, within
    the limits of the module's docstring. An empty document is an empty mapping."""
    data, node = _construct(text, file, first_line, mapping_only=True)
    if node is None:
        return YamlDocument({}, {}, file, first_line)
    assert isinstance(node, yaml.MappingNode) and isinstance(data, dict)
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        lines[key] = first_line + key_node.start_mark.line
        if isinstance(value_node, yaml.SequenceNode):
            for n, item in enumerate(value_node.value):
                lines[f"{key}[{n}]"] = first_line + item.start_mark.line
        elif isinstance(value_node, yaml.MappingNode):  # smtp: {host: …}: "smtp.host"
            for sub_key, _ in value_node.value:
                lines[f"{key}.{sub_key.value}"] = first_line + sub_key.start_mark.line
    return YamlDocument({str(k): v for k, v in data.items()}, lines, file, first_line)


def load_any(text: str, file: Path, first_line: int = 1) -> Any:
    """Any YAML document (a list of entries, a mapping…) as data, within the same limits and
    checks as :func:`load_document`: for files whose top level is not a mapping (a CSL-YAML
    bibliography is a list of entries). An empty document is None."""
    return _construct(text, file, first_line, mapping_only=False)[0]


def _construct(text: str, file: Path, first_line: int, mapping_only: bool) -> tuple[Any, yaml.Node | None]:
    """The document's data and its root node, every limit and check applied on the way."""
    if len(text) > MAX_CHARS:
        raise ZhikuError(
            f"YAML 内容太长（超过 {MAX_CHARS // 1000} KB）",
            f"the YAML is too long (over {MAX_CHARS // 1000} KB)",
            file,
            first_line,
        )
    # Zero-width and soft-hyphen characters pasted from web pages and Word are invisible: a key
    # 'date' with one is not 'date' to YAML, and the error would name a key that looks right.
    # They mean nothing in metadata, so they go before parsing (line numbers are kept).
    text = text.translate(_INVISIBLE)
    loader: _Loader | None = None
    try:
        loader = _Loader(text)  # the reader checks every character here already
        node = loader.get_single_node()
        if node is None:
            return None, None
        if mapping_only and not isinstance(node, yaml.MappingNode):
            raise ZhikuError(
                "应为“键: 值”形式的 YAML 映射",
                "expected a YAML mapping of 'key: value' lines",
                file,
                first_line + node.start_mark.line,
            )
        _check_nodes(node, file, first_line)
        try:
            data = loader.construct_document(node)
        except (ValueError, OverflowError) as err:  # a value PyYAML reads but cannot make
            raise ZhikuError(
                f"YAML 中有无法读取的值（{err}）",
                f"the YAML holds a value that cannot be read ({err})",
                file,
                first_line + node.start_mark.line,
            ) from None
    except _TooDeep as err:
        line = first_line + (err.mark.line if err.mark is not None else 0)
        raise ZhikuError(
            f"YAML 嵌套太深（超过 {MAX_DEPTH} 层）",
            f"the YAML is nested too deeply (over {MAX_DEPTH} levels)",
            file,
            line,
        ) from None
    except yaml.MarkedYAMLError as err:
        raise _syntax_error(err, text, file, first_line) from None
    except yaml.YAMLError as err:  # a reader error: a character YAML does not allow
        mark = getattr(err, "position", None)
        line = first_line + (text.count("\n", 0, mark) if isinstance(mark, int) else 0)
        char = getattr(err, "character", None)
        code = f"U+{ord(char):04X}" if isinstance(char, str) and len(char) == 1 else (
            f"U+{char:04X}" if isinstance(char, int) else "?"
        )
        raise ZhikuError(
            f"YAML 中有不允许的字符 {code}（如控制字符），请删除",
            f"the YAML holds a character it does not allow, {code} (a control character?); remove it",
            file,
            line,
        ) from None
    finally:
        if loader is not None:
            loader.dispose()
    return data, node


def load_mapping(text: str, file: Path, first_line: int = 1) -> tuple[dict[str, Any], dict[str, int]]:
    """:func:`load_document` as (mapping, line of each key): the form the readers began with."""
    doc = load_document(text, file, first_line)
    # (the lines of keys and list items only, as the readers that use this form expect)
    return doc.data, {k: v for k, v in doc.lines.items() if k in doc.data or "[" in k}


def _syntax_error(err: yaml.MarkedYAMLError, text: str, file: Path, first_line: int) -> ZhikuError:
    mark = err.problem_mark or err.context_mark
    unclosed = (err.context or "").startswith(("while parsing a flow", "while scanning a quoted"))
    at_end = mark is None or mark.line >= text.count("\n")
    if err.context_mark is not None and (unclosed or at_end):
        # An unclosed bracket or quote is noticed only lines later: the line where the
        # unclosed thing started is the one to fix.
        mark = err.context_mark
    line = first_line + mark.line if mark is not None else first_line
    problem = err.problem or err.context or "syntax error"
    return ZhikuError(
        f"YAML 格式错误：{problem}（检查冒号、缩进和引号）",
        f"malformed YAML: {problem} (check colons, indentation and quotes)",
        file,
        line,
    )


def _check_nodes(root: yaml.Node, file: Path, first_line: int) -> None:
    """Refuse a document whose aliases expand past ``MAX_NODES`` values or ``MAX_DEPTH`` levels,
    that refers to itself, or whose text holds a forbidden character — all on the node graph,
    without expanding it (each node is visited once)."""
    done: dict[int, tuple[int, int]] = {}  # id(node) -> (expanded size, expanded depth)
    active: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]

    def fail(node: yaml.Node, zh: str, en: str) -> ZhikuError:
        return ZhikuError(zh, en, file, first_line + node.start_mark.line)

    while stack:
        node, expanded = stack.pop()
        key = id(node)
        if expanded:
            size, depth = 1, 1
            for child in _children(node):
                c_size, c_depth = done[id(child)]
                size += c_size
                depth = max(depth, c_depth + 1)
            active.discard(key)
            if size > MAX_NODES:
                raise fail(
                    node,
                    f"YAML 展开后过大（别名 & / * 展开后超过 {MAX_NODES} 个值）",
                    f"the YAML expands too far (over {MAX_NODES} values once its & / * aliases are expanded)",
                )
            if depth > MAX_DEPTH:
                raise fail(
                    node,
                    f"YAML 嵌套太深（别名展开后超过 {MAX_DEPTH} 层）",
                    f"the YAML is nested too deeply (over {MAX_DEPTH} levels once aliases are expanded)",
                )
            done[key] = (size, depth)
            continue
        if key in done:
            continue
        if key in active:
            raise fail(node, "YAML 别名引用了自身", "a YAML alias refers to itself")
        if isinstance(node, yaml.ScalarNode):
            bad = _FORBIDDEN.search(str(node.value))
            if bad is not None:
                code = f"U+{ord(bad.group()):04X}"
                raise fail(
                    node,
                    f"文字中有控制字符或非法字符 {code}，请删除",
                    f"the text holds a control or invalid character {code}; remove it",
                )
            done[key] = (1, 1)
            continue
        active.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) in active:
                raise fail(child, "YAML 别名引用了自身", "a YAML alias refers to itself")
            if id(child) not in done:
                stack.append((child, False))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


_DATE = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:(?:[Tt]|[ \t]+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"(?:[ \t]*(?:Z|[+-]\d{1,2}(?::?\d{2})?))?)?$"
)
# An issue of a periodical: anything outside this is a typo (0000-01-01, 20211-11-22).
MIN_YEAR = 1900
MAX_YEAR = 2200


def parse_date(value: Any, file: Path, line: int) -> dt.date:
    """A calendar date written ``2021-11-22`` (a time of day after it is allowed, and checked).

    Every way it can be wrong is an error naming ``file`` and ``line`` and saying what is wrong:
    not a date, a month or day that does not exist (2021-02-30), a year out of range
    (0000-01-01), an hour or minute that does not exist (25:00).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""
    m = _DATE.match(text)
    if m is None:
        shown = text or as_text(value)
        raise ZhikuError(
            f"日期“{shown}”应写成 2021-11-22 的形式",
            f"date '{shown}' must be written as 2021-11-22",
            file,
            line,
        )
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ZhikuError(
            f"日期“{text}”的年份不合理（应在 {MIN_YEAR}—{MAX_YEAR} 年之间）",
            f"date '{text}': the year must be between {MIN_YEAR} and {MAX_YEAR}",
            file,
            line,
        )
    if not 1 <= month <= 12:
        raise ZhikuError(
            f"日期“{text}”中没有第 {month} 月", f"date '{text}': there is no month {month}", file, line
        )
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise ZhikuError(
            f"日期“{text}”不存在：{year}年{month}月只有 {days} 天",
            f"date '{text}' does not exist: {calendar.month_name[month]} {year} has {days} days",
            file,
            line,
        )
    if m["H"] is not None:
        hour, minute, second = int(m["H"]), int(m["M"]), int(m["S"] or 0)
        if hour > 23 or minute > 59 or second > 59:
            raise ZhikuError(
                f"“{text}”中的时刻不存在（时 0—23，分、秒 0—59）",
                f"'{text}': no such time of day (hours 0-23, minutes and seconds 0-59)",
                file,
                line,
            )
    return dt.date(year, month, day)


def check_url(
    value: str, file: Path, line: int, key: str, schemes: tuple[str, ...] = ("http", "https")
) -> str:
    """``value`` if it is an absolute URL with one of ``schemes`` (and a host, for http/https)."""
    shown = "、".join(f"{s}:" for s in schemes)
    shown_en = ", ".join(f"{s}:" for s in schemes)
    parts = urlsplit(value) if not re.search(r"[\s<>\"'`\\]", value) else None
    scheme = parts.scheme.lower() if parts is not None else ""
    ok = parts is not None and scheme in schemes and (
        bool(parts.netloc) if scheme in ("http", "https") else "@" in parts.path
    )
    if not ok:
        raise ZhikuError(
            f"“{key}”应是以 {shown} 开头的完整网址（如 https://www.example.org）：{value}",
            f"'{key}' must be a full address starting with {shown_en} (like https://www.example.org): "
            f"{value}",
            file,
            line,
        )
    return value


_EMAIL = re.compile(r"^[^@\s<>\"'`\\()\[\],;:]+@[^@\s<>\"'`\\()\[\],;:]+\.[^@\s<>\"'`\\()\[\],;:]+$")


def check_email(value: str, file: Path, line: int, key: str) -> str:
    if not _EMAIL.match(value):
        raise ZhikuError(
            f"“{key}”不是电子邮件地址（如 editor@example.org）：{value}",
            f"'{key}' is not an e-mail address (like editor@example.org): {value}",
            file,
            line,
        )
    return value


def as_text(value: Any) -> str:
    """A scalar YAML value as the string an editor wrote (1960 → "1960", true → "true")."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ", ".join(as_text(v) for v in value)
    return str(value)


def as_str_list(value: Any, key: str, file: Path, line: int) -> tuple[str, ...]:
    """A YAML value that may be one string or a list of strings, as a tuple."""
    if value is None:
        return ()
    if isinstance(value, str | int | float):
        return (as_text(value),)
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return tuple(as_text(v) for v in value)
    raise ZhikuError(
        f"“{key}”应为文字或文字列表", f"'{key}' must be a string or a list of strings", file, line
    )
