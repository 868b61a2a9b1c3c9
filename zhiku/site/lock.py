"""One build at a time per output folder and per publication cache.

An editor runs ``zhiku build`` while ``zhiku serve`` rebuilds the same site; two builds that
swap the same output folder, or fill and prune the same ``.zhiku/site/`` cache, would delete
each other's work (a search bundle sealed empty, a staging folder taken away). Each build
therefore holds two locks for its whole run: one on the publication's cache
(``.zhiku/build.lock``) and one on the output (``.<out>.lock`` beside it), always in that
order, so two builds can never wait on each other in a circle.

A lock is an advisory ``flock`` on a small file that says who holds it (pid, host, start
time). The kernel releases it when the holder ends, however it ends (even ``kill -9``), so a
lock file left by a dead build is stale by construction: the next build simply takes it. A
build that finds the lock held says which process holds it and waits (``wait`` seconds at
most, then stops with one line). The holder deletes the file when it is done; a waiter that
then gets the lock of the deleted file notices (the path no longer names its file) and tries
again on the new one, so two builds can never both hold it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

from zhiku.errors import ZhikuError, ZhikuWarning

# Long enough for another build of a large archive to finish; every external process a build
# runs has its own time limit, so a holder cannot hang for ever.
DEFAULT_WAIT_S = 30 * 60
_POLL_S = 0.2


def holder(path: Path) -> str:
    """What the lock file says about its holder (``pid 1234 on host``), or ``?``."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")[:200]
    except OSError:
        return "?"
    fields = dict(part.split("=", 1) for part in text.split() if "=" in part)
    pid = fields.get("pid", "?")
    host = fields.get("host", "")
    return f"pid {pid}" + (f" on {host}" if host and host != socket.gethostname() else "")


@contextlib.contextmanager
def build_lock(path: Path, what: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the lock file ``path`` (guarding ``what``, named in messages) for the ``with`` block,
    waiting ``wait`` seconds at most (default ``DEFAULT_WAIT_S``) for another holder."""
    wait = DEFAULT_WAIT_S if wait is None else wait
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    told = False
    while True:
        fd = _open(path)
        try:
            told = _acquire(fd, path, what, wait, deadline, told)
        except BaseException:
            os.close(fd)
            raise
        if _same_file(fd, path):
            break
        os.close(fd)  # the holder deleted the file as we waited: lock the new one
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid={os.getpid()} host={socket.gethostname()} since={int(time.time())}\n".encode(), 0)
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _open(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError as err:
        raise ZhikuError(
            f"无法创建构建锁文件（{err.strerror}）",
            f"cannot create the build lock file ({err.strerror})",
            path,
        ) from None


def _same_file(fd: int, path: Path) -> bool:
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (st.st_ino, st.st_dev) == (mine.st_ino, mine.st_dev)


def _acquire(fd: int, path: Path, what: Path, wait: float, deadline: float, told: bool) -> bool:
    """Take the lock on ``fd``, saying once that we wait; returns whether we said so."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return told
    except BlockingIOError:
        pass
    who = holder(path)
    if not told:
        warnings.warn(
            ZhikuWarning(
                f"另一个构建（{who}）正在使用 {what}，等它完成后再开始",
                f"another build ({who}) is using {what}; waiting for it to finish",
                path,
            ),
            stacklevel=4,
        )
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise ZhikuError(
                    f"另一个构建（{who}）仍在使用 {what}，等待 {wait:.0f} 秒后放弃；请稍后再试",
                    f"another build ({who}) is still using {what}; gave up after {wait:.0f} s, "
                    "try again later",
                    path,
                ) from None
            time.sleep(_POLL_S)
