"""An ordered, named list of relation rules (after markdown-it-py's ``Ruler``).

A rule is a plain function over the article's fact table. Its registered name is the
``relation`` of the findings it makes; ``zhiku check --only NAME`` and the tests take the list
from here instead of repeating imports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zhiku.claims.facts import FactTable

RuleFn = Callable[["FactTable"], None]


@dataclass
class _Entry:
    name: str
    fn: RuleFn
    enabled: bool = True


class Ruler:
    def __init__(self) -> None:
        self._rules: list[_Entry] = []

    def push(self, name: str, fn: RuleFn) -> None:
        if any(r.name == name for r in self._rules):
            raise ValueError(f"rule {name!r} is already registered")
        self._rules.append(_Entry(name, fn))

    def before(self, before: str, name: str, fn: RuleFn) -> None:
        self._rules.insert(self._index(before), _Entry(name, fn))

    def after(self, after: str, name: str, fn: RuleFn) -> None:
        self._rules.insert(self._index(after) + 1, _Entry(name, fn))

    def _index(self, name: str) -> int:
        for i, r in enumerate(self._rules):
            if r.name == name:
                return i
        raise KeyError(f"no rule named {name!r}")

    def enable_only(self, names: Iterable[str]) -> None:
        wanted = set(names)
        unknown = wanted - set(self.names())
        if unknown:
            raise KeyError(f"no rule named {', '.join(sorted(unknown))}")
        for r in self._rules:
            r.enabled = r.name in wanted

    def enable_all(self) -> None:
        for r in self._rules:
            r.enabled = True

    def names(self) -> list[str]:
        return [r.name for r in self._rules]

    def active(self, only: Iterable[str] | None = None) -> list[tuple[str, RuleFn]]:
        wanted = None if only is None else set(only)
        return [(r.name, r.fn) for r in self._rules if r.enabled and (wanted is None or r.name in wanted)]
