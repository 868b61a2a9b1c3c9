"""What the data store holds: series with their provenance, and observations by period."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SeriesInfo:
    """One series and where its numbers come from.

    ``frequency`` is ``annual`` (periods ``2020``), ``quarterly`` (``2021-Q3``) or ``monthly``
    (``2021-10``). ``file``/``line`` point at where the series was defined (a CSV row, or the
    bundled database), so a figure or a claim can cite it.
    """

    id: str
    name_zh: str
    name_en: str
    unit: str
    frequency: str
    source: str
    source_url: str
    retrieved: str
    notes: str
    file: str
    line: int | None = None


@dataclass(frozen=True)
class Observation:
    """One value of a series for one period, with the note recorded beside it (if any)."""

    period: str
    value: float
    note: str = ""
    line: int | None = None


@dataclass(frozen=True)
class SeriesData:
    """A series as read from one source, before it goes into the store."""

    info: SeriesInfo
    observations: tuple[Observation, ...]


@dataclass(frozen=True)
class BuildReport:
    """What the last (re)build of a store did: which sources were read and which were skipped.

    ``read`` lists the source keys that were parsed; an up-to-date store reads none.
    """

    path: Path
    read: tuple[str, ...]
    skipped: tuple[str, ...]
    removed: tuple[str, ...]

    @property
    def rebuilt(self) -> bool:
        return bool(self.read or self.removed)
