"""The seed issue, checked: every claim the issue names, and nothing else flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhiku.claims import Finding, check_paths

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "runwaysys"
SEED = ROOT.parent / "shared" / "seed" / "000_d1431f2bc3438f4f.txt"


@pytest.fixture(scope="module")
def example() -> list[Finding]:
    return check_paths([EXAMPLE])


@pytest.fixture(scope="module")
def seed() -> list[Finding]:
    if not SEED.is_file():
        pytest.skip(f"the seed is not beside the clone: {SEED}")
    return check_paths([SEED])


def one(findings: list[Finding], relation: str, span: str) -> Finding:
    """The one finding of ``relation`` with a span ending in ``span`` (a claim's span is its phrase)."""
    hits = [f for f in findings if f.relation == relation and any(s.endswith(span) for s in f.spans)]
    assert len(hits) == 1, [(f.relation, f.spans) for f in findings]
    return hits[0]


@pytest.mark.parametrize("which", ["example", "seed"])
def test_must_show(which: str, request: pytest.FixtureRequest) -> None:
    fs: list[Finding] = request.getfixturevalue(which)
    cagr = one(fs, "compound_growth", "13.7%")
    assert cagr.verdict == "consistent"
    assert cagr.evidence.startswith("(1548.9/715.7)^(1/6) − 1 = 13.73%")

    trains = one(fs, "yoy_growth", "29%")
    assert trains.verdict == "inconsistent"
    assert trains.computed == "30.56%"
    assert "8225/(3610+2690)" in trains.evidence and "6300" in trains.evidence

    assert one(fs, "yoy_growth", "50%").verdict == "consistent"
    teu = one(fs, "yoy_growth", "56%")
    assert teu.verdict == "consistent" and "113.5/72.5" in teu.evidence

    conv = one(fs, "conversion", "1.76万亿元")
    assert conv.verdict == "consistent" and "6.8976" in conv.evidence

    eve = one(fs, "lunar_date", "春节除夕")
    assert eve.verdict == "consistent" and "2021" in eve.evidence

    meeting = one(fs, "clock_duration", "近 3 个半小时")
    assert meeting.verdict == "consistent"
    assert "3小时45分" in meeting.evidence


def test_seed_masthead_weekday(seed: list[Finding], example: list[Finding]) -> None:
    f = one(seed, "weekday", "星期一")
    assert f.verdict == "consistent" and f.line == 11 and "2021-11-22" in f.evidence
    g = one(example, "weekday", "星期一")
    assert g.verdict == "consistent" and g.file.name == "issue.yml"


def test_seed_cpi_claim_against_bls(seed: list[Finding], example: list[Finding]) -> None:
    for fs in (seed, example):
        f = one(fs, "series", "突破 6%")
        assert (f.verdict, f.computed) == ("consistent", "6.2%")


@pytest.mark.parametrize("which", ["example", "seed"])
def test_only_the_trains_are_inconsistent(which: str, request: pytest.FixtureRequest) -> None:
    fs: list[Finding] = request.getfixturevalue(which)
    bad = [(f.relation, f.stated) for f in fs if f.verdict == "inconsistent"]
    assert bad == [("yoy_growth", "同比增长29%")]


def test_spans_are_exact_substrings(example: list[Finding], seed: list[Finding]) -> None:
    for f in example + seed:
        assert f.spans and len(f.spans) == len(f.span_offsets)
        for span, (a, b) in zip(f.spans, f.span_offsets, strict=True):
            assert f.text[a:b] == span


def test_lines_point_at_the_paragraph(example: list[Finding]) -> None:
    trains = one(example, "yoy_growth", "29%")
    lines = (
        trains.file.read_text(encoding="utf-8").splitlines()
        if trains.file.is_absolute()
        else ((ROOT / trains.file).read_text(encoding="utf-8").splitlines())
    )
    assert "8225列" in lines[trains.line - 1]
