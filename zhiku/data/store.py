"""The series store: one SQLite file rebuilt from its sources, never edited by hand.

A publication's store lives at ``<publication>/.zhiku/data.sqlite``. Its sources are the
publication's ``data/*.csv``, the CSVs bundled with zhiku (``zhiku/data/bundled/``) and the
BLS CPI-U database shipped inside the ``cpi`` package. Each source has a fingerprint (a hash
of a CSV's bytes; the cpi package's version, size and mtime); a rebuild re-reads only the
sources whose fingerprint changed and keeps the rows of the others. The new store is written
to a temporary file beside the old one and renamed into place, so a bad source leaves the
previous store whole.

The store travels with the publication's ``.zhiku/`` folder, so it is trusted only when its
bytes match the signed record beside it (``data.sqlite.mac``, ``zhiku.integrity``) that this
user's zhiku wrote when it built them; any other store (from a colleague's machine, edited, a
symbolic link) is rebuilt from the sources.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from zhiku.data.bls import cpi_fingerprint, read_bls_cpi
from zhiku.data.csv_source import READER_VERSION, read_series_csv
from zhiku.data.model import BuildReport, Observation, SeriesData, SeriesInfo
from zhiku.data.periods import parse_period, period_in_range
from zhiku.errors import ZhikuError
from zhiku.fsutil import own_folder, user_cache_dir
from zhiku.integrity import read_signed, write_signed
from zhiku.sources.paths import inside
from zhiku.sources.text import read_text

SCHEMA_VERSION = "1"
STORE_DIR = ".zhiku"
STORE_NAME = "data.sqlite"
BUNDLED_STORE_NAME = "bundled-data.sqlite"  # in the user's cache folder
BUNDLED_DIR = Path(__file__).parent / "bundled"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS series (
    id TEXT PRIMARY KEY, source_key TEXT NOT NULL,
    name_zh TEXT NOT NULL, name_en TEXT NOT NULL, unit TEXT NOT NULL, frequency TEXT NOT NULL,
    source TEXT NOT NULL, source_url TEXT NOT NULL, retrieved TEXT NOT NULL, notes TEXT NOT NULL,
    file TEXT NOT NULL, line INTEGER
);
CREATE TABLE IF NOT EXISTS observations (
    series_id TEXT NOT NULL, period TEXT NOT NULL, value REAL NOT NULL, note TEXT NOT NULL,
    line INTEGER, PRIMARY KEY (series_id, period)
) WITHOUT ROWID;
"""

_SERIES_COLUMNS = "id, name_zh, name_en, unit, frequency, source, source_url, retrieved, notes, file, line"


@dataclass(frozen=True)
class DataSource:
    """One source of series: a key naming it, its current fingerprint, and how to read it."""

    key: str
    fingerprint: str
    read: Callable[[], list[SeriesData]]
    path: Path | None = None  # the file to name in errors, when the source is one file


class UnknownSeriesError(ZhikuError):
    """A series id that is not in the store (a typo in a figure block or a claim)."""

    def __init__(self, series_id: str, known: list[str]) -> None:
        self.series_id = series_id
        close = difflib.get_close_matches(series_id, known, n=3)
        hint_zh = f"；是否想写 {'、'.join(close)}？" if close else "；用 zhiku data list 查看已有的序列"
        hint_en = f"; did you mean {', '.join(close)}?" if close else "; see zhiku data list"
        super().__init__(
            f"数据库里没有序列 {series_id}{hint_zh}", f"no series {series_id} in the store{hint_en}"
        )


def _csv_source(path: Path, key: str) -> DataSource:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()

    def read() -> list[SeriesData]:
        return read_series_csv(read_text(path), path, display=key)

    return DataSource(key, f"reader {READER_VERSION}; sha256:{digest}", read, path)


def bundled_sources() -> list[DataSource]:
    """The sources every store has: BLS CPI-U from the cpi package and zhiku's bundled CSVs."""
    sources = [DataSource("cpi:CUUR0000SA0", cpi_fingerprint(), read_bls_cpi)]
    for path in sorted(BUNDLED_DIR.glob("*.csv")):
        sources.append(_csv_source(path, f"zhiku:bundled/{path.name}"))
    return sources


def publication_sources(root: Path) -> list[DataSource]:
    """The bundled sources plus the publication's ``data/*.csv`` (in name order)."""
    sources = bundled_sources()
    data_dir = root / "data"
    if data_dir.is_dir():
        inside(data_dir, root)
        for path in sorted(data_dir.glob("*.csv")):
            if path.name.startswith("."):
                continue  # editor lock files and our own temporary files
            # A data file is a source: it must lie inside the publication, links resolved.
            sources.append(_csv_source(inside(path, root), f"data/{path.name}"))
    return sources


def _read_only_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


MAC_KIND = "data-store"


def _mac_path(db: Path) -> Path:
    return db.with_name(db.name + ".mac")


def _digest(db: Path) -> str | None:
    """The SHA-256 of the store's bytes, read without following a symbolic link."""
    try:
        fd = os.open(db, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        h = hashlib.sha256()
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _signed(db: Path) -> bool:
    """Whether ``db`` is the store this user's zhiku last wrote there, byte for byte."""
    record = read_signed(_mac_path(db), MAC_KIND, 1)
    return isinstance(record, dict) and record.get("sha256") is not None and record["sha256"] == _digest(db)


def _stored_fingerprints(db: Path) -> dict[str, str] | None:
    """The fingerprints recorded in an existing store, or None if it is missing, unusable or
    not one this user's zhiku wrote (see the module's docstring)."""
    if db.is_symlink() or not db.is_file() or not _signed(db):
        return None
    try:
        with contextlib.closing(sqlite3.connect(_read_only_uri(db), uri=True)) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None or row[0] != SCHEMA_VERSION:
                return None
            return dict(conn.execute("SELECT key, fingerprint FROM sources").fetchall())
    except sqlite3.Error:
        return None  # a damaged or foreign file: rebuild from scratch


def _insert(conn: sqlite3.Connection, source: DataSource, data: list[SeriesData]) -> None:
    for item in data:
        s = item.info
        owner = conn.execute("SELECT file, line FROM series WHERE id = ?", (s.id,)).fetchone()
        if owner is not None:
            where = f"{owner[0]}:{owner[1]}" if owner[1] else owner[0]
            raise ZhikuError(
                f"序列 {s.id} 已在 {where} 定义，不能在两个文件里重复定义",
                f"series {s.id} is already defined in {where}; define it in one file only",
                source.path or s.file,
                s.line,
            )
        conn.execute(
            f"INSERT INTO series (source_key, {_SERIES_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                source.key, s.id, s.name_zh, s.name_en, s.unit, s.frequency, s.source,
                s.source_url, s.retrieved, s.notes, s.file, s.line,
            ),
        )
        conn.executemany(
            "INSERT INTO observations (series_id, period, value, note, line) VALUES (?,?,?,?,?)",
            [(s.id, o.period, o.value, o.note, o.line) for o in item.observations],
        )
    conn.execute(
        "INSERT OR REPLACE INTO sources (key, fingerprint) VALUES (?, ?)", (source.key, source.fingerprint)
    )


def build_store(db: Path, sources: list[DataSource], seed: Path | None = None) -> BuildReport:
    """Bring the store at ``db`` up to date with ``sources``, re-reading only what changed.

    ``seed``: a signed store whose sources are some of ``sources`` (the bundled store in the
    user's cache, ``bundled_store``) to start from when ``db`` is missing or unusable, so that a
    publication's first build copies the bundled series instead of reading BLS's 60 MB again."""
    wanted = {s.key: s.fingerprint for s in sources}
    stored = _stored_fingerprints(db)
    if stored == wanted:
        return BuildReport(db, (), tuple(wanted), ())
    start_from = db
    if stored is None and seed is not None:
        seeded = _stored_fingerprints(seed)
        if seeded and all(wanted.get(k) == f for k, f in seeded.items()):
            stored, start_from = seeded, seed
    stored = stored or {}
    changed = [s for s in sources if stored.get(s.key) != s.fingerprint]
    removed = [k for k in stored if k not in wanted]
    db.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{db.name}.", suffix=".tmp", dir=db.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if stored:
            shutil.copyfile(start_from, tmp)  # keep the unchanged sources' rows
        with contextlib.closing(sqlite3.connect(tmp)) as conn:
            # No journal and no fsync: this is a private temporary file, renamed into place only
            # when complete, and a store torn by a crash fails its signature and is rebuilt.
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.executescript(_SCHEMA)
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
            for key in removed + [s.key for s in changed]:
                conn.execute(
                    "DELETE FROM observations"
                    " WHERE series_id IN (SELECT id FROM series WHERE source_key = ?)",
                    (key,),
                )
                conn.execute("DELETE FROM series WHERE source_key = ?", (key,))
                conn.execute("DELETE FROM sources WHERE key = ?", (key,))
            for source in changed:
                _insert(conn, source, source.read())
            conn.commit()
        digest = _digest(tmp)
        os.replace(tmp, db)
        write_signed(_mac_path(db), MAC_KIND, 1, {"sha256": digest})
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    read = tuple(s.key for s in changed)
    return BuildReport(db, read, tuple(k for k in wanted if k not in read), tuple(removed))


class Store:
    """Read access to a built store. Use :func:`open_store` or :func:`bundled_store`."""

    def __init__(self, path: Path, report: BuildReport) -> None:
        self.path = path
        self.report = report
        # Read-only: the store is rebuilt from its sources, never edited through this object.
        self._conn = sqlite3.connect(_read_only_uri(path), uri=True, check_same_thread=False)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @staticmethod
    def _info(row: tuple[object, ...]) -> SeriesInfo:
        return SeriesInfo(*row)  # type: ignore[arg-type]  # column order matches the dataclass

    def list_series(self) -> list[SeriesInfo]:
        """Every series, ordered by id."""
        rows = self._conn.execute(f"SELECT {_SERIES_COLUMNS} FROM series ORDER BY id").fetchall()
        return [self._info(r) for r in rows]

    def has_series(self, series_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM series WHERE id = ?", (series_id,)).fetchone() is not None

    def series(self, series_id: str) -> SeriesInfo:
        """The series' provenance; raises :class:`UnknownSeriesError` (a ZhikuError) if absent."""
        sql = f"SELECT {_SERIES_COLUMNS} FROM series WHERE id = ?"
        row = self._conn.execute(sql, (series_id,)).fetchone()
        if row is None:
            known = [r[0] for r in self._conn.execute("SELECT id FROM series")]
            raise UnknownSeriesError(series_id, known)
        return self._info(row)

    def observation_records(
        self, series_id: str, start: str | int | None = None, end: str | int | None = None
    ) -> list[Observation]:
        """Observations with their notes and CSV lines, in period order, ``start``..``end`` inclusive."""
        self.series(series_id)  # unknown ids are an error, not an empty list
        lo = _bound(start)
        hi = _bound(end)
        rows = self._conn.execute(
            "SELECT period, value, note, line FROM observations WHERE series_id = ? ORDER BY period",
            (series_id,),
        ).fetchall()
        return [Observation(p, v, n, ln) for p, v, n, ln in rows if period_in_range(p, lo, hi)]

    def observations(
        self, series_id: str, start: str | int | None = None, end: str | int | None = None
    ) -> list[tuple[str, float]]:
        """``(period, value)`` pairs in period order, ``start``..``end`` inclusive (either may be None)."""
        return [(o.period, o.value) for o in self.observation_records(series_id, start, end)]

    def value(self, series_id: str, period: str | int) -> float | None:
        """The value for one period (``2020``, ``"2021-10"``), or None if that period has no value."""
        self.series(series_id)
        parsed = parse_period(period)
        if parsed is None:
            return None
        row = self._conn.execute(
            "SELECT value FROM observations WHERE series_id = ? AND period = ?", (series_id, parsed[0])
        ).fetchone()
        return None if row is None else float(row[0])

    def iter_observations(self) -> Iterator[tuple[str, str, float]]:
        """Every ``(series_id, period, value)``: for exports and checks across series."""
        yield from self._conn.execute("SELECT series_id, period, value FROM observations ORDER BY 1, 2")


def _bound(bound: str | int | None) -> str | None:
    if bound is None:
        return None
    parsed = parse_period(bound)
    return parsed[0] if parsed else str(bound)


def store_path(publication_root: Path | str) -> Path:
    return Path(publication_root) / STORE_DIR / STORE_NAME


def open_store(publication_root: Path | str) -> Store:
    """Open the publication's store, rebuilding it first from whichever sources changed."""
    root = Path(publication_root)
    if not root.is_dir():
        raise ZhikuError("出版物文件夹不存在", "the publication folder does not exist", root)
    own_folder(root / STORE_DIR, root)  # a real folder (a symbolic link there is replaced)
    report = build_store(store_path(root), publication_sources(root), seed=_bundled_seed())
    return Store(report.path, report)


def _bundled_seed() -> Path | None:
    """The user's cached store of the bundled series, brought up to date (None without a
    writable cache folder: the publication's store is then built from every source)."""
    try:
        path = cache_dir() / BUNDLED_STORE_NAME
        build_store(path, bundled_sources())
    except (ZhikuError, OSError, sqlite3.Error):
        return None
    return path


def cache_dir() -> Path:
    """zhiku's cache folder: ``$XDG_CACHE_HOME/zhiku`` or ``~/.cache/zhiku``, else a private
    folder in the temporary directory (``zhiku.fsutil.user_cache_dir``)."""
    found = user_cache_dir()
    if found is None:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        raise ZhikuError("找不到可写的缓存文件夹", "no writable cache folder", base)
    return found


def bundled_store() -> Store:
    """A store of the bundled series only (BLS CPI-U, USD/CNY), for checking files outside a publication."""
    report = build_store(cache_dir() / BUNDLED_STORE_NAME, bundled_sources())
    return Store(report.path, report)
