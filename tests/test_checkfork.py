"""The forked number check sends its findings back as JSON: every field must survive."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from zhiku.claims.model import Finding, Fix, Input
from zhiku.site.checkfork import finding_from, finding_record


def test_a_finding_with_every_field_set_comes_back_equal() -> None:
    f = Finding(
        file=Path("issues/2021-11-22/中欧班列.md"),
        line=12,
        relation="yoy_growth",
        verdict="inconsistent",
        text="2019年开行8225列，同比增长29%。",
        spans=("8225列", "29%"),
        stated="29%",
        computed="30.6%",
        evidence="8225 ÷ (3610 + 2690) − 1 = 30.6%",
        span_offsets=((6, 11), (17, 20)),
        article="zhongou",
        sentence="2019年开行8225列，同比增长29%。",
        inputs=(Input("8225列", 8225.0, 12, "本期"), Input("3610", 3610.0, 30, "部分", (2, 3))),
        missing="基期数值",
        fix=Fix(3, 5, "，", ",", False),
    )
    # Every field differs from its default, so a field the record forgot would show.
    for field in dataclasses.fields(Finding):
        if field.default is not dataclasses.MISSING:
            assert getattr(f, field.name) != field.default, field.name
    back = finding_from(finding_record(f))
    assert back == f
    assert isinstance(back.inputs[1].cell, tuple) and isinstance(back.span_offsets[0], tuple)
