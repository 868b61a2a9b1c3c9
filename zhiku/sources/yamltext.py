"""YAML parsing with errors that point at the file and line a user must fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from zhiku.errors import ZhikuError


def load_mapping(text: str, file: Path, first_line: int = 1) -> tuple[dict[str, Any], dict[str, int]]:
    """Parse ``text`` (which starts at line ``first_line`` of ``file``) as a YAML mapping.

    Returns the mapping and, for each key, the 1-based line of ``file`` where it is written,
    so later checks (unknown key, wrong type) can name that line; the items of a list value
    get lines too, under ``"key[0]"``, ``"key[1]"`` ….
    """
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            raise ZhikuError(
                "应为“键: 值”形式的 YAML 映射",
                "expected a YAML mapping of 'key: value' lines",
                file,
                first_line + node.start_mark.line,
            )
        try:
            data = loader.construct_document(node)
        except (ValueError, OverflowError) as err:
            # A value YAML reads as a date or number but cannot make one (2026-11-31): name it.
            bad = _unconstructible(node) or node
            raise ZhikuError(
                f"“{getattr(bad, 'value', '')}”不是有效的值（{err}）：日期写成 2021-11-22 这样确实存在的日子",
                f"'{getattr(bad, 'value', '')}' is not a valid value ({err}): write a date that exists, "
                "like 2021-11-22",
                file,
                first_line + bad.start_mark.line,
            ) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        unclosed = (err.context or "").startswith(("while parsing a flow", "while scanning a quoted"))
        at_end = mark is None or mark.line >= text.count("\n")
        if err.context_mark is not None and (unclosed or at_end):
            # An unclosed bracket or quote is noticed only lines later: the line where the
            # unclosed thing started is the one to fix.
            mark = err.context_mark
        line = first_line + mark.line if mark is not None else first_line
        problem = err.problem or err.context or "syntax error"
        raise ZhikuError(
            f"YAML 格式错误：{problem}（检查冒号、缩进和引号）",
            f"malformed YAML: {problem} (check colons, indentation and quotes)",
            file,
            line,
        ) from err
    except yaml.YAMLError as err:
        raise ZhikuError("YAML 格式错误", f"malformed YAML: {err}", file, first_line) from err
    finally:
        loader.dispose()
    if not isinstance(data, dict):  # pragma: no cover - a MappingNode always constructs a dict
        raise ZhikuError("应为 YAML 映射", "expected a YAML mapping", file, first_line)
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        lines[key] = first_line + key_node.start_mark.line
        if isinstance(value_node, yaml.SequenceNode):
            for n, item in enumerate(value_node.value):
                lines[f"{key}[{n}]"] = first_line + item.start_mark.line
    return {str(k): v for k, v in data.items()}, lines


def _unconstructible(node: yaml.Node) -> yaml.ScalarNode | None:
    """The first scalar under ``node`` that PyYAML's own constructor cannot turn into a value."""
    if isinstance(node, yaml.ScalarNode):
        try:
            yaml.SafeLoader("").construct_object(node, deep=True)
        except (ValueError, OverflowError):
            return node
        return None
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            children += [key, value]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    for child in children:
        found = _unconstructible(child)
        if found is not None:
            return found
    return None


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
        return (str(value),)
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return tuple(str(v) for v in value)
    raise ZhikuError(
        f"“{key}”应为文字或文字列表", f"'{key}' must be a string or a list of strings", file, line
    )
