"""Every source path stays inside the publication folder.

A publication folder travels (a zip, a clone, a copied draft), so a path written in it — an
article listed as ``../../secret.md`` or ``/etc/passwd``, a symbolic link to a file elsewhere
(an article, an issue folder, a theme file, a data file) — must not make zhiku read, and then
publish, a file from outside. Each such path is resolved (links followed) and must lie inside
the publication, or reading stops with one line naming it. Readers call :func:`inside` for a
path they are given and :func:`check_publication_paths` once for the whole folder; the render
and data stages use the same two for theme and data files.
"""

from __future__ import annotations

import os
from pathlib import Path

from zhiku.errors import ZhikuError

# The folders of a publication that hold sources (its caches and outputs are not sources).
SOURCE_FOLDERS = ("issues", "data", "theme")
SOURCE_FILES = ("zhiku.yml", "references.yaml", "references.yml", "references.json", "references.bib")


def outside_error(path: Path, root: Path, file: Path | None = None, line: int | None = None) -> ZhikuError:
    return ZhikuError(
        f"路径 {path} 指向出版物文件夹之外（{root}），zhiku 不会读取或发布它；请把文件放进出版物文件夹",
        f"the path {path} leads outside the publication folder ({root}); zhiku will not read or "
        "publish it: put the file inside the publication",
        file if file is not None else path,
        line,
    )


def inside(path: Path, root: Path, file: Path | None = None, line: int | None = None) -> Path:
    """``path`` if, every symbolic link resolved, it lies inside ``root``; else a ZhikuError naming
    it (and ``file``:``line``, where it was written, when given)."""
    try:
        real = path.resolve()
        real_root = root.resolve()
    except (OSError, RuntimeError) as err:  # a loop of links
        raise ZhikuError(
            f"路径 {path} 无法解析（符号链接循环？）",
            f"the path {path} cannot be resolved (a loop of symbolic links?)",
            file if file is not None else path,
            line,
        ) from err
    if real != real_root and not real.is_relative_to(real_root):
        raise outside_error(path, root, file, line)
    return path


def listed_path(base: Path, name: str, root: Path, file: Path, line: int) -> Path:
    """The file a source names (``articles: [01-a.md]``), relative to ``base``: never absolute,
    and inside ``root`` once resolved."""
    if Path(name).is_absolute() or name.startswith("~"):
        raise ZhikuError(
            f"“{name}”是绝对路径；请写相对于本期文件夹的路径（如 01-文章.md）",
            f"'{name}' is an absolute path; write it relative to the issue folder (like 01-article.md)",
            file,
            line,
        )
    return inside(base / name, root, file, line)


def publication_root_of(folder: Path) -> Path:
    """The publication an issue folder belongs to (``<root>/issues/<folder>``), or the folder
    itself when it stands alone."""
    parent = folder.parent
    if parent.name == "issues" and (parent.parent / "zhiku.yml").is_file():
        return parent.parent
    return folder


def check_publication_paths(root: Path) -> None:
    """Every symbolic link among the publication's sources (zhiku.yml, the reference files,
    issues/, data/, theme/, at any depth) resolves inside ``root``; else a ZhikuError naming
    the first that does not.

    Only links are resolved: a plain file or folder under ``root`` is inside it already.
    Hidden entries (``.zhiku/``, editor files) are not sources and are skipped.
    """
    real_root = root.resolve()
    for name in SOURCE_FILES:
        path = root / name
        if path.is_symlink():
            inside(path, real_root)
    for name in SOURCE_FOLDERS:
        folder = root / name
        if folder.is_symlink():
            inside(folder, real_root)
        if folder.is_dir():
            check_tree(folder, real_root)


def check_tree(folder: Path, root: Path) -> None:
    """Every symbolic link under ``folder`` resolves inside ``root`` (see above)."""
    real_root = root.resolve()
    seen: set[str] = set()
    stack = [str(folder)]
    while stack:
        current = stack.pop()
        real = os.path.realpath(current)
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for e in entries:
            if e.name.startswith("."):
                continue
            if e.is_symlink():
                inside(Path(e.path), real_root)
            if e.is_dir():  # a link to a folder inside: its contents are sources too
                stack.append(e.path)
