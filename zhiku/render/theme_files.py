"""Where theme files come from: the publication's own ``theme/`` folder first, then zhiku's.

A publication may override any template, stylesheet or the Typst layout by putting a file of
the same name in ``<publication>/theme/``. Like every source, a theme file (and the ``theme/``
folder itself) must resolve inside the publication: a symbolic link to a file elsewhere stops
the build with one line naming it (``zhiku.sources.paths``).
"""

from __future__ import annotations

from pathlib import Path

from zhiku.model import Publication
from zhiku.sources.paths import inside

THEME_DIR = Path(__file__).resolve().parent / "theme"
ASSETS_DIR = "assets"  # under the site's out_dir, shared with the site pages


def theme_dirs(publication: Publication) -> list[Path]:
    own = publication.root / "theme"
    if own.is_symlink():
        inside(own, publication.root)
    return [own, THEME_DIR] if own.is_dir() else [THEME_DIR]


def theme_file(publication: Publication, name: str) -> Path:
    for folder in theme_dirs(publication):
        path = folder / name
        if path.is_file():
            return path if folder == THEME_DIR else inside(path, publication.root)
    return THEME_DIR / name
