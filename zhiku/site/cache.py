"""The incremental build cache in ``<publication>/.zhiku/site/``.

Each issue's rendered outputs (page, article pages, PDF, WeChat pages, checks, assets) are kept
in a folder named by a key: a hash of everything the rendering reads — the issue's own files,
zhiku.yml, the data files (figures and number checks read them), the publication's theme,
zhiku's code and templates, and the options. A rebuild renders only issues whose key is new
and copies the others from here. Entries are written to a temporary folder and renamed, so an
interrupted build never leaves a half-written entry.

The cache travels with the publication, so it is not trusted: an entry is used only when its
signed manifest (``zhiku.integrity.seal_tree``) verifies — written by this user's zhiku for
this key, every file it lists present, inside the entry, with its recorded content — and only
the files it lists are linked into a site. ``.zhiku/`` and ``.zhiku/site/`` must be real folders
(a symbolic link in their place is replaced), and clean-ups delete only inside them.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

import zhiku
from zhiku.fsutil import atomic_write_text, own_folder, remove_tree
from zhiku.integrity import seal_tree, verify_tree
from zhiku.model import Issue
from zhiku.site.linktree import tree_files
from zhiku.sources.references import REFERENCE_FILES

CACHE_FORMAT = "1"
MANIFEST = ".entry.json"  # in each entry: its files with their SHA-256, signed
KIND = "issue-entry"
BUILD_MANIFEST = "manifest.json"  # the keys of the last successful build


def cache_root(publication_root: Path) -> Path:
    """``<publication>/.zhiku/site/``, made a real folder if it is not one."""
    return own_folder(publication_root / ".zhiku" / "site", publication_root)


def _hash_files(h: hashlib._Hash, base: Path, files: Iterable[Path]) -> None:
    for f in files:
        h.update(str(f.relative_to(base)).encode("utf-8") + b"\0")
        h.update(hashlib.sha256(f.read_bytes()).digest())


def _tree_files(folder: Path) -> list[Path]:
    """Every file under ``folder``, sorted, skipping hidden files and caches (editor swap files…)."""
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in
                                   p.relative_to(folder).parts)
    )


# Packages whose code does not shape an issue's rendered outputs (the archive pages are redone
# on every build anyway); leaving them out keeps the cache valid across changes to them.
NOT_RENDERING = ("site", "cli")


@cache
def code_version() -> str:
    """A hash of zhiku's code and templates that render an issue: a new zhiku re-renders every issue."""
    package = Path(zhiku.__file__).parent
    h = hashlib.sha256(zhiku.__version__.encode())
    files = (
        p for p in _tree_files(package)
        if p.suffix != ".pyc" and p.relative_to(package).parts[0] not in NOT_RENDERING
    )
    _hash_files(h, package, files)
    return h.hexdigest()


def publication_inputs(root: Path) -> str:
    """A hash of what every issue's rendering shares: zhiku.yml, the reference files, data/, the
    publication's theme."""
    h = hashlib.sha256(CACHE_FORMAT.encode())
    shared = [root / "zhiku.yml", *(root / name for name in REFERENCE_FILES)]
    _hash_files(h, root, [p for p in shared if p.is_file()])
    _hash_files(h, root, _tree_files(root / "data"))
    _hash_files(h, root, _tree_files(root / "theme"))
    return h.hexdigest()


def issue_files(issue: Issue, known: Mapping[Path, bytes] | None = None) -> list[Path]:
    """The files an issue is made of: its folder (issue.yml, the articles, pictures).

    ``known`` maps the folder's files to their SHA-256 (``sourcecache`` listed them already).
    """
    folder = issue.source.file if issue.source.file.is_dir() else issue.source.file.parent
    files = sorted(known) if known is not None else _tree_files(folder)
    # Articles may live outside the issue folder in unusual layouts; include them explicitly.
    extra = {a.source.file for a in issue.articles if a.source.file.is_file()} - set(files)
    return files + sorted(extra)


def issue_key(
    issue: Issue,
    shared: str,
    annotate: bool,
    root: Path,
    known: Mapping[Path, bytes] | None = None,
    drafts: bool = False,
) -> str:
    """The key of an issue's rendered outputs; ``known`` gives files' SHA-256 already computed.

    Files are named by their path inside the publication ``root``, as the pages name them
    (checks.html: ``issues/2021-11-22/02-….md:40``), so a publication copied or moved elsewhere,
    its ``.zhiku/`` with it, reuses its renderings; a file outside ``root`` by its real path."""
    h = hashlib.sha256()
    h.update(f"{code_version()}\0{shared}\0{annotate}\0{drafts}\0{issue.date.isoformat()}\0".encode())
    folder = issue.source.file if issue.source.file.is_dir() else issue.source.file.parent
    real_folder = folder.resolve()
    real_root = root.resolve()
    for f in issue_files(issue, known):
        # The file's real path; resolving the folder once is the same for a plain file in it
        # (and saves resolving each path component of 2,400 files again).
        real = real_folder / f.name if f.parent == folder and not f.is_symlink() else f.resolve()
        named = real.relative_to(real_root).as_posix() if real.is_relative_to(real_root) else str(real)
        h.update(named.encode("utf-8") + b"\0")
        digest = known.get(f) if known else None
        h.update(digest if digest is not None else hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()[:24]


class IssueCache:
    """Rendered issue outputs by key, with a manifest of what the last successful build used."""

    def __init__(self, publication_root: Path) -> None:
        self.root = cache_root(publication_root)
        self.entries = own_folder(self.root / "issues", publication_root)
        self._files: dict[str, dict[str, str]] = {}  # verified entries' files, by key

    def entry(self, key: str) -> Path | None:
        """The entry for ``key`` if it verifies (see the module's docstring), else None."""
        if key not in self._files:
            path = self.entries / key
            if not key.isalnum() or path.is_symlink() or not path.is_dir():
                return None
            files = verify_tree(path, KIND, key, MANIFEST)
            if files is None:
                return None
            self._files[key] = files
        return self.entries / key

    def files(self, key: str) -> dict[str, str]:
        """A verified entry's files by their path in the site (``entry(key)`` first)."""
        return self._files[key]

    def new_entry_dir(self) -> Path:
        return Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.entries))

    def commit(self, tmp: Path, key: str) -> Path:
        """Seal a fully rendered temporary folder and put it in place under ``key``.

        Its files become read-only (they are hard-linked into sites, see ``linktree``).
        """
        tmp.chmod(0o755)
        for p in tmp.rglob("*"):
            p.chmod(0o755 if p.is_dir() else 0o444)
        files = tree_files(tmp)
        seal_tree(tmp, KIND, key, files, MANIFEST)
        final = self.entries / key
        if final.exists() or final.is_symlink():  # an entry that did not verify: replace it
            remove_tree(final, self.entries)
        os.replace(tmp, final)
        self._files[key] = {rel: f"{final}/{rel}" for rel in files}
        return final

    def discard(self, tmp: Path) -> None:
        remove_tree(tmp, self.entries)

    def load_manifest(self) -> dict[str, str]:
        """Each issue's key (by date) in the last successful build; empty when unknown."""
        try:
            loaded = json.loads((self.root / BUILD_MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(loaded, dict):
            return {}
        return {str(k): str(v) for k, v in loaded.items() if isinstance(v, str) and v.isalnum()}

    def save_manifest(self, keys: dict[str, str]) -> None:
        atomic_write_text(self.root / BUILD_MANIFEST, json.dumps(keys, indent=1, sort_keys=True))

    def prune(self, keep: set[str]) -> None:
        """Drop entries the last successful build did not use (and leftovers of interrupted ones),
        only ever inside the cache's ``issues/`` folder."""
        for child in self.entries.iterdir():
            if child.name not in keep:
                remove_tree(child, self.entries)
