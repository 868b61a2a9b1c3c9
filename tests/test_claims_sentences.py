"""Sentences in the seed's style with known verdicts: correct claims, broken ones, traps."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from zhiku.claims import check_text
from zhiku.data import bundled_store

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "claims_cases" / "sentences.yml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def store() -> Any:
    return bundled_store()


def test_enough_cases() -> None:
    kinds = Counter(c["kind"] for c in CASES)
    assert len(CASES) >= 40
    assert kinds["correct"] >= 10 and kinds["broken"] >= 10 and kinds["trap"] >= 10


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{i}" for i, c in enumerate(CASES)])
def test_sentence(case: dict[str, Any], store: Any) -> None:
    findings = check_text(case["text"], "case.txt", store=store)
    got = sorted(f"{f.relation} {f.verdict}" for f in findings)
    assert got == sorted(case["expect"]), [(f.relation, f.verdict, f.evidence) for f in findings]
    for f in findings:
        assert f.evidence and all(
            case["text"][a:b] == s for s, (a, b) in zip(f.spans, f.span_offsets, strict=True)
        )
