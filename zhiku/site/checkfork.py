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

``zhiku build`` forks its checker sooner, at the command's start (``prestart``): the child then
loads the claim engine while the parent loads the site stage, and checks each issue the build
hands it by its folder.
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

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


@dataclass
class _Warm:
    """The checker forked at the command's start (``prestart``), waiting for issues to check."""

    pid: int
    root: Path
    requests: int  # the pipe's write end: one JSON line per issue folder
    answers: BinaryIO  # length-prefixed JSON answers, in the order asked
    asked: int = 0
    got: list[Answer | None] = field(default_factory=list)


_warm: _Warm | None = None


def prestart(root: Path) -> None:
    """Fork the checker now, at the start of ``zhiku build``, before the renderers load.

    The child imports the claim engine (0.1 s) while this process imports Jinja2, Typst and the
    page writers, and then waits: ``start`` hands it each issue to check by its folder, which
    the child reads itself (an issue cannot cross the pipe: zhiku unpickles nothing). A build
    that renders nothing leaves it idle; ``finish`` ends it."""
    global _warm
    if _warm is not None or not can_fork():
        return
    req_read, req_write = os.pipe()
    ans_read, ans_write = os.pipe()
    pid = _fork(lambda: _serve(root, req_read, ans_write), close=(req_write, ans_read))
    os.close(req_read)
    os.close(ans_write)
    _warm = _Warm(pid, root, req_write, os.fdopen(ans_read, "rb"))


def _fork(child: Callable[[], None], close: tuple[int, ...]) -> int:
    """Fork; the child closes the parent's ends ``close``, runs ``child`` and leaves with
    ``os._exit`` (0 when it returned), never returning into the caller's code."""
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            for fd in close:
                os.close(fd)
            child()
            status = 0
        finally:
            os._exit(status)
    return pid


def _decoded(payload: bytes) -> Answer | None:
    """The child's answer, or None for none or one that does not decode."""
    try:
        return _decode(payload) if payload else None
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def _serve(root: Path, requests: int, answers: int) -> None:
    """The warm child: import the engine, then check each issue asked for until the pipe closes."""
    from zhiku import sources

    # Loaded now, while nothing is asked yet (check_issue loads the rest of the engine lazily).
    from zhiku.claims import check_issue, facts, memory, rules  # noqa: F401

    with os.fdopen(requests, "rb") as asked, os.fdopen(answers, "wb") as out:
        for line in asked:
            folder = Path(json.loads(line)["folder"])
            payload = b""
            try:
                # Read as the build read it; its warnings were the build's, not the check's.
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    issue = sources.read_issue(folder)
            except ZhikuError:
                pass  # no answer: the parent checks the issue it read itself
            else:
                payload = _encode(_check(issue, root))
            out.write(len(payload).to_bytes(8, "big") + payload)
            out.flush()


def _ask(warm: _Warm, issue: Issue) -> Callable[[], Answer | None]:
    index = warm.asked
    line = json.dumps({"folder": str(issue.source.file.parent)}, ensure_ascii=False) + "\n"
    try:
        os.write(warm.requests, line.encode("utf-8"))
        warm.asked += 1
    except OSError:  # the child is gone: this issue is checked here
        return lambda: None

    def wait() -> Answer | None:
        while len(warm.got) <= index:
            head = warm.answers.read(8)
            payload = warm.answers.read(int.from_bytes(head, "big")) if len(head) == 8 else b""
            if len(head) < 8:  # the child died: every answer still owed is none
                warm.got.extend([None] * (index + 1 - len(warm.got)))
                break
            warm.got.append(_decoded(payload))
        return warm.got[index]

    return wait


def finish() -> None:
    """End the warm checker (it leaves when its pipe closes) and reap it."""
    global _warm
    warm, _warm = _warm, None
    if warm is None:
        return
    with contextlib.suppress(OSError):
        os.close(warm.requests)
    warm.answers.close()
    with contextlib.suppress(ChildProcessError):
        os.waitpid(warm.pid, 0)


def start(issue: Issue, root: Path) -> Callable[[], Answer | None] | None:
    """Have a child check ``issue`` — the warm checker if the command started one for this
    publication, else a child forked now; return the wait for its answer (None if the child
    gave none), or None when this process must not fork."""
    if _warm is not None and _warm.root == root:
        return _ask(_warm, issue)
    if not can_fork():
        return None
    read_end, write_end = os.pipe()

    def child() -> None:
        payload = _encode(_check(issue, root))
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)

    pid = _fork(child, close=(read_end,))
    os.close(write_end)

    got: list[Answer | None] = []

    def wait() -> Answer | None:
        """The answer (read once; later calls return it again), the child reaped."""
        if not got:
            with os.fdopen(read_end, "rb") as pipe:
                payload = pipe.read()
            os.waitpid(pid, 0)
            got.append(_decoded(payload))
        return got[0]

    return wait


def findings_of(answer: Answer) -> list[Finding]:
    """The child's findings, its warnings warned and its error raised here, as if the check
    had run here."""
    replay(answer.warnings, answer.error)
    return answer.findings or []
