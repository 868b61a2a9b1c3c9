"""The claim rules, one relation type a module, each a plain function
``check(sentence, facts) -> list[Finding]``. Order here is the order findings are made."""

from __future__ import annotations

from collections.abc import Callable

from zhiku.claims.facts import Facts, Sentence
from zhiku.claims.model import Finding
from zhiku.claims.rules import (
    clock_duration,
    compound_growth,
    conversion,
    difference,
    enumeration,
    lunar_date,
    multiple,
    pp_change,
    series,
    share,
    sums,
    weekday,
    yoy_growth,
)

Rule = Callable[[Sentence, Facts], list[Finding]]

RULES: tuple[Rule, ...] = (
    compound_growth.check,
    yoy_growth.check,
    conversion.check,
    weekday.check,
    lunar_date.check,
    clock_duration.check,
    sums.check,
    share.check,
    pp_change.check,
    difference.check,
    multiple.check,
    enumeration.check,
    series.check,
)
