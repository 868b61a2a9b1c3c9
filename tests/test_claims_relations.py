"""Relations across a short document (tests/claims_cases/relations.yml): each kind of relation
issue 18 lists, correct and with a slip, plus traps — through the public check."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from zhiku.claims import Finding, check_text
from zhiku.data import bundled_store

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "claims_cases" / "relations.yml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def store() -> Any:
    return bundled_store()


def _words(f: Finding) -> list[str]:
    return [f.stated, *f.spans]


def test_enough_cases() -> None:
    kinds = Counter(c["kind"] for c in CASES)
    assert len(CASES) >= 60
    assert kinds["correct"] >= 25 and kinds["broken"] >= 25 and kinds["trap"] >= 8


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{c['id']}" for c in CASES])
def test_relation(case: dict[str, Any], store: Any) -> None:
    findings = check_text(case["text"], "case.md", store=store)
    shown = [(f.relation, f.verdict, f.stated, f.evidence) for f in findings]
    matched: set[int] = set()
    for relation, verdict, words in case["expect"]:
        hits = [
            i
            for i, f in enumerate(findings)
            if f.relation == relation and f.verdict == verdict and any(words in w for w in _words(f))
        ]
        assert hits, (relation, verdict, words, shown)
        matched.update(hits)
    stray = [shown[i] for i, f in enumerate(findings) if f.verdict == "inconsistent" and i not in matched]
    assert not stray, stray
