"""Invisible characters: read through for checking, quoted as written, reported as a copy error."""

from __future__ import annotations

import pytest

from zhiku.claims import check_text

HIDDEN = "2019年出口额1000亿美元，2020年出口额9\u200b31亿美元，同比下降10%。"


def test_a_zero_width_space_does_not_hide_a_wrong_number() -> None:
    findings = check_text(HIDDEN, "z.txt")
    growth = [f for f in findings if f.relation == "yoy_growth"]
    assert [f.verdict for f in growth] == ["inconsistent"]
    assert "931/1000" in growth[0].evidence and growth[0].computed == "-6.90%"


def test_spans_are_cut_from_the_source_as_written() -> None:
    for f in check_text(HIDDEN, "z.txt"):
        assert f.text == HIDDEN
        for span, (a, b) in zip(f.spans, f.span_offsets, strict=True):
            assert HIDDEN[a:b] == span
    growth = next(f for f in check_text(HIDDEN, "z.txt") if f.relation == "yoy_growth")
    assert "9\u200b31亿美元" in growth.spans


@pytest.mark.parametrize(
    "char", ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad"]
)
def test_every_invisible_character_is_a_copy_finding(char: str) -> None:
    text = f"2019年开行82{char}25列，2018年开行6300列。"
    copy = [f for f in check_text(text, "z.txt") if f.relation == "copy_invisible"]
    assert len(copy) == 1 and copy[0].verdict == "copy"  # gated as copy (--fail-on copy)
    assert char in copy[0].spans[0] and "remove" in copy[0].evidence


def test_clean_text_has_no_copy_finding() -> None:
    assert not [f for f in check_text("2019年开行8225列。", "z.txt") if f.relation == "copy_invisible"]
