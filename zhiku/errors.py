"""User-facing errors: one line, Chinese first, English beside, with file and line.

Every stage raises :class:`ZhikuError` for bad input; the CLI prints ``str(error)`` and exits
with status 2. Nothing a user can cause should surface as a traceback.
"""

from __future__ import annotations

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
