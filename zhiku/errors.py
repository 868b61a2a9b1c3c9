"""User-facing errors: one line, Chinese first, English beside, with file and line.

Every stage raises :class:`ZhikuError` for bad input; the CLI prints ``str(error)`` and exits
with status 2. Nothing a user can cause should surface as a traceback.
"""

from __future__ import annotations

import warnings
from pathlib import Path


class ZhikuError(Exception):
    """An input or usage error the user can fix."""

    def __init__(self, zh: str, en: str, file: Path | str | None = None, line: int | None = None) -> None:
        self.zh = zh
        self.en = en
        self.file = Path(file) if file is not None else None
        self.line = line
        super().__init__(self.message)

    @property
    def location(self) -> str:
        if self.file is None:
            return ""
        return f"{self.file}:{self.line}" if self.line is not None else str(self.file)

    @property
    def message(self) -> str:
        where = self.location
        prefix = f"{where}: " if where else ""
        # Always one line: a detail taken from a library's message may hold line breaks.
        return " ".join(f"{prefix}{self.zh} / {self.en}".splitlines())


class ZhikuWarning(UserWarning):
    """A problem worth telling the user about that does not stop the work."""

    def __init__(self, zh: str, en: str, file: Path | str | None = None, line: int | None = None) -> None:
        self.error = ZhikuError(zh, en, file, line)
        super().__init__(self.error.message)


# (zh, en, file, line): a ZhikuError or ZhikuWarning as plain values. Neither pickles as it is
# (their constructors take four arguments), so a worker or a forked check sends these instead.
Parts = tuple[str, str, str | None, int | None]


def to_parts(err: ZhikuError) -> Parts:
    return (err.zh, err.en, str(err.file) if err.file else None, err.line)


def warning_parts(caught: list[warnings.WarningMessage]) -> list[Parts | str]:
    """Warnings recorded in another process, as values to send back."""
    return [
        to_parts(w.message.error) if isinstance(w.message, ZhikuWarning) else str(w.message) for w in caught
    ]


def replay(found: list[Parts | str], error: Parts | None) -> None:
    """Warn what another process warned and raise what it raised, as if it had happened here."""
    for w in found:
        warnings.warn(ZhikuWarning(*w) if isinstance(w, tuple) else UserWarning(w), stacklevel=3)
    if error is not None:
        raise ZhikuError(*error)
