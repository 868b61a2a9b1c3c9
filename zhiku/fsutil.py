"""Files and folders: atomic writes (a failed run never leaves a half-written output), and
containment (zhiku reads and deletes only inside the folders it means to)."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import warnings
from pathlib import Path

from zhiku.errors import ZhikuError, ZhikuWarning


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def staging_dir_for(target: Path) -> Path:
    """A fresh empty folder beside ``target`` (same file system, so a rename is atomic)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".staging", dir=target.parent))


def replace_dir(staging: Path, target: Path) -> None:
    """Put a fully written ``staging`` folder in place of ``target``.

    The old folder is moved aside first and deleted only after the new one is in place, so
    at every moment either the old or the new output exists whole.
    """
    old: Path | None = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        os.replace(target, old)
    try:
        os.replace(staging, target)
    except BaseException:
        if old is not None:
            os.replace(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def user_cache_dir() -> Path | None:
    """zhiku's own cache folder for this user: ``$XDG_CACHE_HOME/zhiku`` or ``~/.cache/zhiku``,
    else a private folder in the temporary directory. None when neither can be had.

    The temporary directory is shared by every user: a folder found there is used only if it
    is a real folder of this user that nobody else may write (another user could otherwise put
    files there for zhiku to read).
    """
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    home_cache = Path(base) / "zhiku"
    try:
        home_cache.mkdir(parents=True, exist_ok=True)
        if os.access(home_cache, os.W_OK):
            return home_cache
    except OSError:
        pass
    shared = Path(tempfile.gettempdir()) / f"zhiku-{os.getuid()}"
    try:
        shared.mkdir(mode=0o700, exist_ok=True)
        st = shared.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o022:
        return None
    return shared


def is_inside(path: Path, root: Path) -> bool:
    """Whether ``path``, every symbolic link resolved, lies in ``root`` (resolved too) or is it."""
    try:
        return Path(path).resolve().is_relative_to(Path(root).resolve())
    except (OSError, RuntimeError):  # a link loop
        return False


def remove_tree(path: Path, within: Path) -> None:
    """Delete the folder or file ``path``, which must lie inside ``within`` once resolved.

    A symbolic link is removed itself, never what it points to; anything that resolves outside
    ``within`` is refused (ValueError), so a crafted link can never turn a clean-up of zhiku's
    own folders into the deletion of someone else's files.
    """
    parent = path.parent.resolve()
    inside = parent.is_relative_to(within.resolve())
    if not inside or path.name in ("", ".", ".."):
        raise ValueError(f"refusing to delete {path}: outside {within}")
    target = parent / path.name
    if target.is_symlink() or not target.is_dir():
        target.unlink(missing_ok=True)
        return
    shutil.rmtree(target, ignore_errors=True)


def own_folder(path: Path, root: Path) -> Path:
    """The folder ``path`` (inside ``root``) that zhiku keeps its own files in — ``.zhiku/``,
    ``.zhiku/site/``… — made if missing. A symbolic link in its place (a crafted folder that
    would send zhiku's writes and clean-ups elsewhere) is replaced by a real, empty folder;
    anything else in its place is an error.
    """
    root = Path(root)
    current = root
    for part in Path(path).relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            current.unlink()
            warnings.warn(
                ZhikuWarning(
                    "缓存文件夹是符号链接，已换成普通文件夹（缓存将重建）",
                    "the cache folder was a symbolic link; it is replaced by a plain folder (the cache is "
                    "rebuilt)",
                    current,
                ),
                stacklevel=2,
            )
        if current.exists() and not current.is_dir():
            raise ZhikuError(
                "这里应是 zhiku 的缓存文件夹，却是一个文件；请移走它",
                "this should be zhiku's cache folder but is a file; move it away",
                current,
            )
        current.mkdir(exist_ok=True)
    return current
