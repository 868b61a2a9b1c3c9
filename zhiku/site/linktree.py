"""Filling the staging folder with hard links to the cache, touching only what differs.

A site is ~11,000 files for 1,000 issues, nearly all hard links to cache entries. Building a
fresh staging folder links every one of them, and swapping it in deletes the old site's
11,000 links: 1.2 s of a rebuild. Instead the previous site, once swapped out, is kept as the
next build's staging folder (``spare_dir``), and ``sync_links`` brings it to exactly the wanted
tree: a file stays when it is already a link to the wanted file (same inode), everything else
is removed, the missing links are made, and folders left empty are removed. So the result is
the same tree a fresh folder would get, whatever the spare held.

Nothing writes into a file in place (cache files are read-only; pages are written to a new
file renamed over the old), so a link kept from the old site can only still be right.

The spare may sit inside the publication (``zhiku serve`` writes to ``<publication>/_site``) and
so travel with it: nothing in it is trusted. Symbolic links are removed as links, never
followed; a wanted path must be a plain relative path, so a link can only be made inside
``root``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from zhiku.integrity import safe_relative


def spare_dir_for(out_dir: Path) -> Path:
    """Where the previous site waits to become the next staging folder (beside ``out_dir``,
    on the same file system, so both moves are renames)."""
    return out_dir.with_name(f".{out_dir.name}.spare")


def tree_files(folder: Path) -> dict[str, Path]:
    """Every file under ``folder`` by its path relative to it (with ``/``), skipping hidden files
    and folders (a cache entry's ``.complete``)."""
    found: dict[str, Path] = {}

    def walk(d: str, prefix: str) -> None:
        with os.scandir(d) as it:
            for e in it:
                if e.name.startswith("."):
                    continue
                if e.is_dir(follow_symlinks=False):
                    walk(e.path, f"{prefix}{e.name}/")
                else:
                    found[f"{prefix}{e.name}"] = Path(e.path)

    if folder.is_dir():
        walk(str(folder), "")
    return found


# A file to link: a path, or a path string (cache manifests give strings: no Path objects to
# make for 11,000 files on every rebuild).
Source = str | Path


def sync_links(
    root: Path, wanted: Mapping[str, Source], scope: str = "", skip: frozenset[str] = frozenset()
) -> int:
    """Make the files under ``root/scope`` exactly ``wanted`` (paths relative to ``root``, all
    under ``scope``): hard links to the given files (copies across file systems).

    Top-level names in ``skip`` are left alone (the parts another step fills). Returns the
    number of links made.
    """
    bad = [rel for rel in wanted if safe_relative(rel) is None or (scope and not rel.startswith(f"{scope}/"))]
    if bad:  # a zhiku bug: wanted paths come from tree walks and verified cache manifests
        raise ValueError(f"not a plain relative path under {root}/{scope}: {bad[0]!r}")
    base = root / scope if scope else root
    if scope and base.is_symlink():  # never walk (and delete) through a link
        base.unlink()
    prefix = f"{scope.rstrip('/')}/" if scope else ""
    kept: set[str] = set()
    dirs: list[str] = []

    def walk(d: str, rel_prefix: str, top: bool) -> None:
        with os.scandir(d) as it:
            for e in it:
                if top and e.name in skip:
                    continue
                rel = f"{rel_prefix}{e.name}"
                if e.is_dir(follow_symlinks=False):
                    dirs.append(e.path)
                    walk(e.path, f"{rel}/", False)
                    continue
                src = wanted.get(rel)
                if src is not None:
                    st = e.stat(follow_symlinks=False)
                    want = os.stat(src)
                    if (st.st_ino, st.st_dev) == (want.st_ino, want.st_dev):
                        kept.add(rel)
                        continue
                os.unlink(e.path)

    if base.is_dir():
        walk(str(base), prefix, not scope)
        if scope:
            dirs.insert(0, str(base))
    made = 0
    for rel, src in wanted.items():
        if rel in kept:
            continue
        dst = root / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(src, dst)
        except FileExistsError:
            dst.unlink()
            os.link(src, dst)
        except OSError:  # another file system: a copy the web server may read
            shutil.copyfile(src, dst)
            dst.chmod(0o644)
        made += 1
    for d in reversed(dirs):  # deepest first: folders the wanted tree no longer has
        with contextlib.suppress(OSError):  # not empty: still wanted
            os.rmdir(d)
    return made
