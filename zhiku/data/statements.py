"""The archive's memory: every value the publication's issues have stated, with its place.

``<publication>/.zhiku/statements.sqlite`` holds one row per statement — an indicator (the words
naming what is measured), its period, the value as written and the interval it stands for,
its unit, and where it stands (issue, file relative to the publication, line), plus whether
the text marks it as revised. The claims stage fills it (``zhiku.claims.memory``) after each
``zhiku build`` and each ``zhiku check`` of a whole publication, and compares new articles with
it; ``zhiku facts`` lists it.

Unlike ``data.sqlite`` it is not rebuilt from sources on every run: an issue's rows are replaced
in one transaction when that issue is recorded again (keyed by a fingerprint of its files, so an
unchanged issue is not re-read). The file sits in the publication folder, which is untrusted
input: it is opened only if it is a regular file inside ``.zhiku/`` (not a link out of it),
holds exactly our tables (no views or triggers) at our schema version, and is read with
parameterised SQL only; anything else is set aside and the memory rebuilt — it is a cache of
what the issues say, never the only copy of anything.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from zhiku.errors import ZhikuError

SCHEMA_VERSION = "1"
STATEMENTS_NAME = "statements.sqlite"
_TABLES = {"meta", "issues", "statements"}
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS issues (issue TEXT PRIMARY KEY, fingerprint TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS statements (
    indicator TEXT NOT NULL, period TEXT NOT NULL, value REAL NOT NULL, low REAL NOT NULL,
    high REAL NOT NULL, unit TEXT NOT NULL, written TEXT NOT NULL, issue TEXT NOT NULL,
    file TEXT NOT NULL, line INTEGER NOT NULL, revised INTEGER NOT NULL, sentence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS statements_by_period ON statements (period, unit);
"""
_COLUMNS = "indicator, period, value, low, high, unit, written, issue, file, line, revised, sentence"


@dataclass(frozen=True)
class Statement:
    """One value an article states: what, when, how much (and the interval it stands for), where."""

    indicator: str
    period: str  # 2019, 2019-01..2019-10, 2019-12-end …
    value: float
    low: float
    high: float
    unit: str
    written: str  # the number as written: 8225列, 1.24万列
    issue: str  # the issue's date (its folder name)
    file: str  # relative to the publication, with /
    line: int
    revised: bool = False  # the text marks the value as revised (修订, 调整后 …)
    sentence: str = ""

    def place(self) -> str:
        return f"{self.issue}期 {self.file}:{self.line}"


def statements_path(publication_root: Path) -> Path:
    return publication_root / ".zhiku" / STATEMENTS_NAME


class StatementStore:
    """Read and replace the statements of a publication's issues."""

    def __init__(self, publication_root: Path | str) -> None:
        root = Path(publication_root)
        if not root.is_dir():
            raise ZhikuError("出版物文件夹不存在", "the publication folder does not exist", root)
        self.path = statements_path(root)
        folder = self.path.parent
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise ZhikuError(
                ".zhiku 应为出版物内的文件夹，不能是链接",
                ".zhiku must be a folder inside the publication, not a link",
                folder,
            )
        folder.mkdir(exist_ok=True)
        if not self._usable():
            self._set_aside()
        # Builds and checks of one publication may run at once: wait for another writer's
        # transaction instead of failing.
        self._conn = sqlite3.connect(self.path, timeout=30)
        self._conn.execute("PRAGMA trusted_schema = OFF")
        self._conn.executescript(_SCHEMA)
        self._conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
        self._conn.commit()

    def _usable(self) -> bool:
        if not self.path.exists():
            return True
        if self.path.is_symlink() or not self.path.is_file():
            return False
        try:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=30)) as conn:
                conn.execute("PRAGMA trusted_schema = OFF")
                kinds = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
                tables = {name for kind, name in kinds if kind == "table"}
                if any(kind in ("view", "trigger") for kind, _ in kinds) or tables != _TABLES:
                    return False
                row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
                return row is not None and row[0] == SCHEMA_VERSION
        except sqlite3.OperationalError as err:
            # Busy or locked: another zhiku is writing it — a sound file, not one to set aside.
            return "locked" in str(err) or "busy" in str(err)
        except sqlite3.Error:
            return False

    def _set_aside(self) -> None:
        """A damaged, foreign or linked file is renamed away (not deleted) and a new one made."""
        n = 0
        while True:
            aside = self.path.with_name(f"{self.path.name}.unusable{'' if n == 0 else f'.{n}'}")
            if not aside.exists() and not aside.is_symlink():
                break
            n += 1
        self.path.rename(aside)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> StatementStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fingerprint(self, issue: str) -> str | None:
        row = self._conn.execute("SELECT fingerprint FROM issues WHERE issue = ?", (issue,)).fetchone()
        return None if row is None else str(row[0])

    def replace_issue(self, issue: str, fingerprint: str, statements: Iterable[Statement]) -> None:
        """The issue's rows become ``statements``, in one transaction."""
        with self._conn:
            self._conn.execute("DELETE FROM statements WHERE issue = ?", (issue,))
            self._conn.executemany(
                f"INSERT INTO statements ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        s.indicator, s.period, s.value, s.low, s.high, s.unit, s.written, s.issue,
                        s.file, s.line, int(s.revised), s.sentence,
                    )
                    for s in statements
                ],
            )  # fmt: skip
            self._conn.execute(
                "INSERT OR REPLACE INTO issues (issue, fingerprint) VALUES (?, ?)", (issue, fingerprint)
            )

    def forget_other_issues(self, keep: Iterable[str]) -> None:
        """Drop the rows of issues no longer in the publication."""
        kept = set(keep)
        with self._conn:
            for (issue,) in self._conn.execute("SELECT issue FROM issues").fetchall():
                if issue not in kept:
                    self._conn.execute("DELETE FROM statements WHERE issue = ?", (issue,))
                    self._conn.execute("DELETE FROM issues WHERE issue = ?", (issue,))

    def all(self) -> Iterator[Statement]:
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM statements ORDER BY issue, file, line")
        for r in rows:
            yield _row(r)

    def in_period(self, period: str, unit: str) -> list[Statement]:
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM statements WHERE period = ? AND unit = ? ORDER BY issue, file, line",
            (period, unit),
        ).fetchall()
        return [_row(r) for r in rows]


def _row(r: tuple[object, ...]) -> Statement:
    """A row as a Statement, each column checked for its type (the file is untrusted)."""
    ind, period, value, low, high, unit, written, issue, file, line, revised, sentence = r
    return Statement(
        str(ind), str(period), _num(value), _num(low), _num(high), str(unit), str(written),
        str(issue), str(file), int(line) if isinstance(line, int) else 0, bool(revised), str(sentence),
    )  # fmt: skip


def _num(x: object) -> float:
    return float(x) if isinstance(x, int | float) else float("nan")


def issue_files(root: Path) -> dict[str, list[Path]]:
    """Each issue folder's files that decide what it states (issue.yml and its articles)."""
    out: dict[str, list[Path]] = {}
    folder = root / "issues"
    if folder.is_dir():
        for issue in sorted(p for p in folder.iterdir() if p.is_dir() and not p.is_symlink()):
            out[issue.name] = sorted(
                p for p in issue.iterdir() if p.suffix in (".md", ".yml") and p.is_file()
            )
    return out


def fingerprint(files: Iterable[Path]) -> str:
    """Of an issue's files: their bytes (so an edit keeping size and time is still seen)."""
    h = hashlib.sha256()
    for p in sorted(files):
        h.update(p.name.encode())
        h.update(hashlib.sha256(p.read_bytes()).digest() if p.is_file() else b"-")
    return h.hexdigest()


def pending_issues(root: Path) -> tuple[dict[str, list[Path]], list[str]]:
    """Forget the issues no longer in the publication; return every issue's files and the
    issues whose files changed since their statements were recorded. Apart from the claims
    stage so that a build with nothing to record never loads the claim engine."""
    files = issue_files(root)
    with StatementStore(root) as store:
        changed = [i for i, fs in files.items() if store.fingerprint(i) != fingerprint(fs)]
        store.forget_other_issues(files)
    return files, changed
