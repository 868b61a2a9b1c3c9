"""Debian's Chromium for the reader tests: where it is and how it must be started here."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Headless as root on a machine whose network is closed: without the background-networking flags
# Chromium keeps trying (and failing) to reach Google's services.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MISSING = "Debian's chromium is not installed (scripts/setup.sh installs it)"
