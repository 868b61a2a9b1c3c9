"""The installed version of a distribution, read from its ``*.dist-info/METADATA`` beside it.

``importlib.metadata`` costs 10–45 ms to import (it pulls in ``email`` and scans every path
entry); a build needs two versions (cpi's, which dates the bundled CPI data, and jieba's), so
they are read straight from the wheel's metadata folder next to the package, and only when it
is not there (an egg or an unusual layout) through ``importlib.metadata``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def installed_version(distribution: str, module: str) -> str | None:
    """The version of ``distribution`` (whose top-level package is ``module``), or None when it
    is not installed."""
    spec = importlib.util.find_spec(module)
    if spec is not None and spec.origin is not None:
        site = Path(spec.origin).parent.parent
        for info in sorted(site.glob(f"{distribution}-*.dist-info")):
            try:
                for line in (info / "METADATA").read_text(encoding="utf-8").splitlines():
                    if line.startswith("Version:"):
                        return line.split(":", 1)[1].strip()
                    if not line:  # the headers end at the first blank line
                        break
            except OSError:
                continue
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
