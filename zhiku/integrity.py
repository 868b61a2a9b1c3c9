"""Signed cache records: zhiku trusts a cache file only if this user's zhiku wrote it.

A publication's ``.zhiku/`` folder travels with it (a zip from a colleague, a cloned
repository), so anything in it may have been written by someone else. Every record zhiku
keeps there — the parsed sources, a rendered issue's file list, kept figures, a search
bundle's file list, the data store — therefore carries an HMAC-SHA256 made with a key that
never leaves this user's own cache folder (``~/.cache/zhiku/cache-key``, mode 0600). A record
another machine or user wrote, or one edited by hand, fails the check and is rebuilt; nobody
without the key can write one that passes. Records are JSON (data, never code: no pickle).

A file a record lists is checked against the SHA-256 the record gives for it. Hashing every
cached page and PDF on every build would cost more than the rebuild itself (1.4 GB for 1,000
issues), so, as git and rsync do, a file whose size, modification time and inode are those
recorded is taken as unchanged; when any differs (an edit, a ``touch``, a copy) it is hashed
again, and a file whose content differs makes the record fail. (The change time would also
catch a writer who sets the old modification time back, but linking a cached file into a site
moves it, so it cannot be used.)
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import os
import secrets
import stat
from pathlib import Path
from typing import Any

from zhiku.fsutil import atomic_write_bytes, user_cache_dir

KEY_FILE = "cache-key"
_KEY_BYTES = 32


@functools.lru_cache(maxsize=1)
def cache_key() -> bytes:
    """This user's key (made on first use). Without a private place to keep it, a key for this
    process only: caches then verify within one run and are rebuilt by the next."""
    folder = user_cache_dir()
    if folder is None:
        return secrets.token_bytes(_KEY_BYTES)
    path = folder / KEY_FILE
    key = _read_key(path)
    if key is not None:
        return key
    fresh = secrets.token_hex(_KEY_BYTES).encode("ascii")
    tmp = folder / f".{KEY_FILE}.{os.getpid()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(fresh)
        with contextlib.suppress(FileExistsError):  # another process made one first: use it
            os.link(tmp, path)  # atomic, and never over a key another process just made
    except OSError:
        return secrets.token_bytes(_KEY_BYTES)
    finally:
        tmp.unlink(missing_ok=True)
    return _read_key(path) or secrets.token_bytes(_KEY_BYTES)


def _read_key(path: Path) -> bytes | None:
    """The key in ``path``, if it is this user's private regular file holding one."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
            return None
        data = fh.read(4 * _KEY_BYTES).strip()
    try:
        key = bytes.fromhex(data.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return None
    return key if len(key) == _KEY_BYTES else None


def mac(kind: str, schema: int, body: bytes) -> str:
    """The HMAC of a record of ``kind`` and ``schema`` whose content is ``body``."""
    h = hmac.new(cache_key(), f"zhiku {kind} {schema}\n".encode(), hashlib.sha256)
    h.update(body)
    return h.hexdigest()


def dump_signed(kind: str, schema: int, body: Any) -> bytes:
    """``body`` (plain JSON data) as a signed record: a header line, then the body's JSON."""
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = {"zhiku": kind, "schema": schema, "mac": mac(kind, schema, data)}
    return json.dumps(header).encode("ascii") + b"\n" + data


def load_signed(raw: bytes, kind: str, schema: int) -> Any | None:
    """The body of a signed record, or None when it is not one this user's zhiku wrote for
    ``kind`` in ``schema`` (another format, another key, edited, truncated)."""
    head, sep, data = raw.partition(b"\n")
    if not sep:
        return None
    try:
        header = json.loads(head)
    except ValueError:
        return None
    if not isinstance(header, dict) or header.get("zhiku") != kind or header.get("schema") != schema:
        return None
    given = header.get("mac")
    if not isinstance(given, str) or not hmac.compare_digest(given, mac(kind, schema, data)):
        return None
    try:
        return json.loads(data)
    except ValueError:
        return None


def write_signed(path: Path, kind: str, schema: int, body: Any) -> None:
    atomic_write_bytes(path, dump_signed(kind, schema, body))


def read_signed(path: Path, kind: str, schema: int, max_bytes: int = 256 * 1024 * 1024) -> Any | None:
    """A signed record from ``path`` (never through a symbolic link), or None."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            return None
        raw = fh.read(max_bytes + 1)
    if len(raw) > max_bytes:
        return None
    return load_signed(raw, kind, schema)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# (size, mtime_ns, inode): what says a file was not touched since it was hashed.
def file_stamp(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def safe_relative(rel: object) -> str | None:
    """``rel`` if it is a plain relative path with ``/`` (no ``..``, no absolute or empty part,
    no backslash or NUL), else None. Paths read from a cache must be such, or it is refused."""
    if not isinstance(rel, str) or not rel or rel.startswith("/") or "\\" in rel or "\0" in rel:
        return None
    parts = rel.split("/")
    if any(p in ("", ".", "..") for p in parts):
        return None
    return rel


def seal_tree(folder: Path, kind: str, key: str, files: dict[str, Path], manifest: str) -> None:
    """Write ``folder/manifest``: the signed list of ``files`` (relative path → file under
    ``folder``) with each one's SHA-256 and stamp, for ``verify_tree``."""
    listed: dict[str, list[Any]] = {}
    for rel, path in sorted(files.items()):
        st = path.lstat()
        listed[rel] = [sha256_file(path), *file_stamp(st)]
    write_signed(folder / manifest, kind, 1, {"key": key, "files": listed})


def verify_tree(folder: Path, kind: str, key: str, manifest: str) -> dict[str, str] | None:
    """The files of a sealed ``folder`` (as path strings) by relative path, when its manifest is ours, names
    ``key``, and every file it lists is there, a regular file inside ``folder``, with its
    recorded content. None otherwise (the folder must then be made again)."""
    record = read_signed(folder / manifest, kind, 1)
    if not isinstance(record, dict) or record.get("key") != key or not isinstance(record.get("files"), dict):
        return None
    # Plain strings and os calls: a rebuild of 1,000 issues checks 11,000 files this way.
    base = str(folder)
    found: dict[str, str] = {}
    plain_dirs: set[str] = set()
    restamped = False
    for rel, info in record["files"].items():
        if safe_relative(rel) is None or not (isinstance(info, list) and len(info) == 4):
            return None
        path = f"{base}/{rel}"
        try:
            st = os.lstat(path)
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode) or not _parents_plain(base, rel, plain_dirs):
            return None
        if [st.st_size, st.st_mtime_ns, st.st_ino] != info[1:]:
            try:
                if sha256_file(Path(path)) != info[0]:
                    return None
            except OSError:
                return None
            info[1:] = file_stamp(st)
            restamped = True
        found[rel] = path
    if restamped:  # a copied cache: hash it once, not on every build
        with contextlib.suppress(OSError):
            write_signed(folder / manifest, kind, 1, record)
    return found


def _parents_plain(base: str, rel: str, known: set[str]) -> bool:
    """Whether every folder between ``base`` and ``base/rel`` is a real folder (no symbolic
    link); ``known`` holds the ones already checked."""
    cut = rel.rfind("/")
    if cut < 0 or rel[:cut] in known:
        return True
    parts = rel[:cut].split("/")
    for n in range(1, len(parts) + 1):
        sub = "/".join(parts[:n])
        if sub in known:
            continue
        try:
            st = os.lstat(f"{base}/{sub}")
        except OSError:
            return False
        if not stat.S_ISDIR(st.st_mode):
            return False
        known.add(sub)
    return True
