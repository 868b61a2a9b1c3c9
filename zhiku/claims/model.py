"""The Finding record: what a claim rule returns, and what `zhiku check --json` prints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Verdict = Literal["consistent", "inconsistent", "unverifiable"]


@dataclass(frozen=True)
class Finding:
    """One checked relation between quantities in a text.

    ``spans`` are exact substrings of the source text; ``span_offsets`` are their code-point
    offsets in the paragraph (``text``), so renderers can mark them. ``evidence`` is the
    arithmetic, written for an editor (715.7 × (1+13.7%)^6 = 1547.7 ≈ 1548.9).
    """

    file: Path
    line: int
    relation: str  # compound_growth, yoy_growth, sum, share, pp_change, difference, multiple, conversion,
    # weekday, lunar_date, clock_duration, enumeration, series
    verdict: Verdict
    text: str  # the sentence or paragraph checked
    spans: tuple[str, ...]
    stated: str
    computed: str
    evidence: str
    span_offsets: tuple[tuple[int, int], ...] = ()
    article: str | None = None  # article slug, when the finding comes from an issue
    sentence: str = ""  # the sentence within ``text`` that holds the claim, for short reports

    def to_json(self) -> dict[str, object]:
        return {
            "file": str(self.file),
            "line": self.line,
            "relation": self.relation,
            "verdict": self.verdict,
            "text": self.text,
            "spans": list(self.spans),
            "stated": self.stated,
            "computed": self.computed,
            "evidence": self.evidence,
        }
