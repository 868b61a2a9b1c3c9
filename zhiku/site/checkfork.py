"""The number check of ``zhiku build`` in a forked child process, beside the rendering.

In a first build of one issue the check and the claim engine's imports are a fifth of the
command's time, all of it Python holding the GIL, so a thread cannot overlap it with the pages.
A child made with ``fork`` starts with the publication already read and the modules already
imported (a spawned worker would import everything again: 0.2 s), checks the issue on the
other core, records what the issue states in the archive's memory (``claims.memory``: the
parent then never loads the claim engine) and sends the findings back through a pipe, as JSON
(zhiku unpickles nothing, anywhere: ``tests/test_hostile_cache.py``).

Forking is safe only in a process with one thread: a lock held by another thread at the fork
stays locked in the child for ever. So the check forks only on Linux and only while this is the
sole thread (a ``zhiku build`` command before its PDF, search and progress threads start), never
in ``zhiku serve`` (HTTP and file-watching threads), and otherwise runs in the caller, as it
always did. The child opens its own connection to the data store (an SQLite connection must not
cross a fork), writes nothing but the memory's file, prints nothing (its warnings come back
with the findings) and leaves with ``os._exit``, so the parent's buffers and exit handlers are
never run twice. If the child dies without an answer, the parent checks the issue itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhiku import data
from zhiku.errors import Parts, ZhikuError, replay, to_parts, warning_parts
from zhiku.model import Issue

if TYPE_CHECKING:
    from zhiku.claims.model import Finding


@dataclass(frozen=True)
class Answer:
    """What the child sends back."""

    findings: list[Finding] | None  # None: the check raised ``error``
    error: Parts | None
    warnings: list[Parts | str]
    recorded: bool  # the issue's statements are in the memory


def finding_record(f: Finding) -> dict[str, Any]:
    """Every field of ``f`` as JSON values (``Finding.to_json`` is the report's, and leaves the
    offsets, the article and the sentence out)."""
    return {
        "file": str(f.file), "line": f.line, "relation": f.relation, "verdict": f.verdict, "text": f.text,
        "spans": list(f.spans), "stated": f.stated, "computed": f.computed, "evidence": f.evidence,
        "span_offsets": [list(o) for o in f.span_offsets], "article": f.article, "sentence": f.sentence,
        "inputs": [[i.text, i.value, i.line, i.role, list(i.cell) if i.cell else None] for i in f.inputs],
        "missing": f.missing,
        "fix": None if f.fix is None else [f.fix.start, f.fix.end, f.fix.old, f.fix.new, f.fix.safe],
    }  # fmt: skip


def finding_from(r: dict[str, Any]) -> Finding:
    from zhiku.claims.model import Finding, Fix, Input

    def one_input(i: list[Any]) -> Input:
        return Input(i[0], i[1], i[2], i[3], (i[4][0], i[4][1]) if i[4] else None)

    return Finding(
        file=Path(r["file"]), line=r["line"], relation=r["relation"], verdict=r["verdict"], text=r["text"],
        spans=tuple(r["spans"]), stated=r["stated"], computed=r["computed"], evidence=r["evidence"],
        span_offsets=tuple((a, b) for a, b in r["span_offsets"]), article=r["article"],
        sentence=r["sentence"], inputs=tuple(one_input(i) for i in r["inputs"]), missing=r["missing"],
        fix=None if r["fix"] is None else Fix(*r["fix"]),
    )  # fmt: skip


def _encode(a: Answer) -> bytes:
    found = None if a.findings is None else [finding_record(f) for f in a.findings]
    record = {"findings": found, "error": a.error, "warnings": a.warnings, "recorded": a.recorded}
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def _decode(payload: bytes) -> Answer:
    r = json.loads(payload.decode("utf-8"))
    found = None if r["findings"] is None else [finding_from(f) for f in r["findings"]]
    error = tuple(r["error"]) if r["error"] is not None else None
    sent: list[Parts | str] = [w if isinstance(w, str) else (w[0], w[1], w[2], w[3]) for w in r["warnings"]]
    return Answer(found, error, sent, bool(r["recorded"]))


def can_fork() -> bool:
    return sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1


def _check(issue: Issue, root: Path) -> Answer:
    """The child's work. Imported here: the parent never loads the claim engine."""
    from zhiku.claims import check_issue
    from zhiku.claims.facts import FactTable
    from zhiku.claims.memory import record_issue

    recorded = False
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            tables: list[FactTable] = []
            found: list[Finding] | None = check_issue(issue, data.open_store(root), keep=tables)
            error = None
            # Not recorded (the memory's file unusable): the parent's record_publication tries
            # again and warns.
            with contextlib.suppress(ZhikuError, OSError, sqlite3.Error):
                record_issue(root, issue.source.file.parent.name, tables)
                recorded = True
        except ZhikuError as err:
            found, error = None, to_parts(err)
    return Answer(found, error, warning_parts(caught), recorded)


def start(issue: Issue, root: Path) -> Callable[[], Answer | None] | None:
    """Fork a child that checks ``issue``; return the wait for its answer (None if the child
    gave none), or None when this process must not fork."""
    if not can_fork():
        return None
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        status = 1
        try:
            os.close(read_end)
            payload = _encode(_check(issue, root))
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)

    got: list[Answer | None] = []

    def wait() -> Answer | None:
        """The answer (read once; later calls return it again), the child reaped."""
        if not got:
            with os.fdopen(read_end, "rb") as pipe:
                payload = pipe.read()
            os.waitpid(pid, 0)
            try:
                got.append(_decode(payload) if payload else None)
            except (ValueError, KeyError, TypeError, IndexError):
                got.append(None)
        return got[0]

    return wait


def findings_of(answer: Answer) -> list[Finding]:
    """The child's findings, its warnings warned and its error raised here, as if the check
    had run here."""
    replay(answer.warnings, answer.error)
    return answer.findings or []
