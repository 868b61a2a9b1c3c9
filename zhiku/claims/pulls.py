"""Pulls on growth: 拉动经济增长0.4个百分点 — how many points of a total's growth one part accounts
for. The parts' pulls add up to the growth (rules/sums.py), and a part's 贡献率 is its pull over the
growth (rules/share.py)."""

from __future__ import annotations

import re

from zhiku.claims.facts import SPAN, Fact, FactTable
from zhiku.claims.search import name_likeness

PULL = re.compile(r"(?<!平均)拉动(?P<what>[^，,。；;\ue000]{0,8}?)增长\s*$")


def pull_of(f: Fact) -> str | None:
    """拉动经济增长0.4个百分点: what the pull is of (经济), or None when ``f`` is no pull."""
    if not f.q.is_points:
        return None
    m = PULL.search(f.text[max(0, f.q.start - 16) : f.q.start])
    return m.group("what") if m else None


def puller(table: FactTable, pull: Fact) -> str:
    """第一产业增加值为11332亿元，同比增长8.1%，拉动经济增长0.4个百分点: the part that pulls is what the
    clauses before the pull are about (its own words say only 拉动经济)."""
    for g in reversed(table.in_sentence(pull.place.sentence)):
        if g.q.end <= pull.q.start and g.role == "level" and g.own:
            return g.label()
    return pull.label()


def pulled_growth(table: FactTable, pull: Fact) -> Fact | None:
    """The growth a pull is a part of: 拉动经济增长 / 拉动GDP增长 is the economy's (GDP, 生产总值);
    otherwise the growth named like what is pulled; the nearest before the pull, a few paragraphs up."""
    what = pull_of(pull) or ""
    economy = what in ("", "经济", "GDP", "国民经济", "经济总量") or "生产总值" in what
    for g in reversed(table.facts[max(0, pull.id - 4 * SPAN) : pull.id]):
        if (
            g.place.passage is not None
            and pull.place.passage is not None
            and g.place.passage < pull.place.passage - 4
        ):
            break
        if g.role != "growth" or not g.q.is_rate or g.verb.startswith("年均") or not g.against_last_year:
            continue
        if "两年平均" in g.text[max(0, g.q.start - 8) : g.q.start]:
            continue
        label = g.label()
        if economy and ("GDP" in label or "生产总值" in label or label.endswith("经济")):
            return g
        if not economy and what and name_likeness(what, g) >= 0.6:
            return g
    return None
