"""The Finding record: what a claim rule returns, and what `zhiku check --json` prints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Verdict = Literal["consistent", "inconsistent", "unverifiable", "copy"]
# "copy": a copy-editing finding (zhiku.claims.copy), gated apart from the numbers' verdicts.


@dataclass(frozen=True)
class Fix:
    """A suggested change to the source file: ``[start, end)`` (code points into the file's
    decoded text) becomes ``new``; ``safe`` changes are the ones ``--fix-copy`` applies."""

    start: int
    end: int
    old: str
    new: str
    safe: bool = True

    def to_json(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "old": self.old, "new": self.new, "safe": self.safe}


@dataclass(frozen=True)
class Input:
    """One number a finding used, and where it came from (a line, or a table cell)."""

    text: str  # as written
    value: float | None
    line: int
    role: str = ""  # what it is in the relation: 本期, 上年, 部分, 整体, 合计 …
    cell: tuple[int, int] | None = None  # (row, column) in its table, 1-based, for a table cell

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "text": self.text,
            "value": self.value,
            "line": self.line,
            "role": self.role,
        }
        if self.cell is not None:
            out["cell"] = list(self.cell)
        return out

    def where(self) -> str:
        if self.cell is not None:
            return f"第{self.line}行表格第{self.cell[0]}行第{self.cell[1]}列"
        return f"第{self.line}行"


@dataclass(frozen=True)
class Finding:
    """One checked relation between quantities in a text.

    ``spans`` are exact substrings of ``text`` (the paragraph, or a table row as written);
    ``span_offsets`` are their code-point offsets in it, so renderers can mark them. ``inputs``
    are every number the relation used, with the line (or table cell) each came from, also
    those outside ``text``. ``evidence`` is the arithmetic, written for an editor
    (715.7 × (1+13.7%)^6 = 1547.7 ≈ 1548.9).
    """

    file: Path
    line: int
    relation: str  # a name registered in zhiku.claims.rules.RULER
    verdict: Verdict
    text: str  # the paragraph (or table row) that holds the claim
    spans: tuple[str, ...]
    stated: str
    computed: str
    evidence: str
    span_offsets: tuple[tuple[int, int], ...] = ()
    article: str | None = None  # article slug, when the finding comes from an issue
    sentence: str = ""  # the sentence within ``text`` that holds the claim, for short reports
    inputs: tuple[Input, ...] = ()
    missing: str = ""  # for an unverifiable finding: what is missing (基期数值, 分母, 年份, 汇率 …)
    fix: Fix | None = None  # a copy finding's suggested change (zhiku.claims.copy)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "file": str(self.file),
            "line": self.line,
            "relation": self.relation,
            "verdict": self.verdict,
            "text": self.text,
            "spans": list(self.spans),
            "stated": self.stated,
            "computed": self.computed,
            "evidence": self.evidence,
            "inputs": [i.to_json() for i in self.inputs],
        }
        if self.missing:
            out["missing"] = self.missing
        if self.fix is not None:
            out["fix"] = self.fix.to_json()
        return out
