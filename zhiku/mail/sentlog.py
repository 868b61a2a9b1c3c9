"""The sent log: which issue went to which address, so that a rerun never sends anything twice.

``<publication>/mail/sent.csv``, one row a message the SMTP server accepted: issue date,
address, Message-ID, time (UTC). A row is written and flushed to disk right after the server
accepts the message, so an interrupted run (a dropped connection, Ctrl-C) resumes where it
stopped. It is the publication's record, not a cache: it is kept apart from ``.zhiku/``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from pathlib import Path

from zhiku.errors import ZhikuError
from zhiku.sources import read_text
from zhiku.sources.paths import inside

LOG_DIR = "mail"
LOG_FILE = "sent.csv"
HEADER = ("issue", "address", "message_id", "sent_at")


def log_path(publication_root: Path) -> Path:
    return publication_root / LOG_DIR / LOG_FILE


def already_sent(publication_root: Path, issue: str) -> set[str]:
    """The addresses (lower case) the issue ``issue`` (its date) was sent to."""
    path = log_path(publication_root)
    if not path.is_file():
        return set()
    try:
        rows = list(csv.reader(io.StringIO(read_text(path))))
    except csv.Error as err:
        raise ZhikuError(f"CSV 格式错误：{err}", f"malformed CSV: {err}", path) from None
    return {row[1].lower() for row in rows if len(row) >= 2 and row[0] == issue}


class SentLog:
    """Appends one row per accepted message, each flushed to disk before the next is sent."""

    def __init__(self, publication_root: Path) -> None:
        self.path = log_path(publication_root)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Never append through a link to a file outside the publication (issue 16).
        inside(self.path.parent, publication_root)
        if self.path.is_symlink():
            inside(self.path, publication_root)
        new = not self.path.exists() or self.path.stat().st_size == 0
        self.file = self.path.open("a", encoding="utf-8", newline="")
        self.writer = csv.writer(self.file)
        if new:
            self._write(HEADER)

    def _write(self, row: tuple[str, ...]) -> None:
        self.writer.writerow(row)
        self.file.flush()
        os.fsync(self.file.fileno())

    def record(self, issue: str, address: str, message_id: str) -> None:
        now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        self._write((issue, address, message_id, now))

    def close(self) -> None:
        self.file.close()
