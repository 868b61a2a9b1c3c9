"""Writing one benchmark's section of docs/benchmarks.md: each ``bench/*.py`` owns the text
under its own ``## `` heading, up to the next one."""

from __future__ import annotations

from pathlib import Path

from zhiku.fsutil import atomic_write_text

DOC = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"


def write_section(heading: str, body: str) -> None:
    """Put ``body`` under ``heading`` in place of what was there; a section not there yet is
    added at the end."""
    text = DOC.read_text(encoding="utf-8")
    if heading not in text:
        text = text.rstrip("\n") + "\n\n" + heading + "\n"
    start = text.index(heading) + len(heading)
    nxt = text.find("\n## ", start)
    rest = "" if nxt < 0 else "\n" + text[nxt + 1 :]
    atomic_write_text(DOC, text[:start] + "\n\n" + body.strip() + "\n" + rest)
