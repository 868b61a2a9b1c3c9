"""Model objects as plain JSON for zhiku's caches, and back — data, never code.

The caches used to be pickles, and unpickling a crafted file runs any code it names. Here a
record can only name a class from the short list the caller allows (the frozen dataclasses of
``zhiku.model`` and ``RenderedFigure``), with exactly that class's fields; paths are stored
relative to the publication and must come back inside it.

Encoding: a dataclass is ``{"$": "ClassName", field: value…}``; a tuple a JSON list (the model
holds tuples only); a path ``{"$p": "issues/2021-11-22/issue.yml"}``; a date
``{"$date": "2021-11-22"}``; bytes ``{"$b": base64}``.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from zhiku import model
from zhiku.integrity import safe_relative


class CacheFormatError(ValueError):
    """The record is not what zhiku writes: the cache is ignored and rebuilt."""


def model_classes(*extra: type) -> dict[str, type]:
    """The dataclasses of ``zhiku.model`` (and ``extra``) by name: what a record may build."""
    found = {
        name: obj for name, obj in vars(model).items()
        if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == model.__name__
    }
    found.update({cls.__name__: cls for cls in extra})
    return found


def encode(obj: Any, root: Path) -> Any:
    """``obj`` as JSON data; paths relative to ``root`` (a path outside it cannot be cached)."""
    if obj is None or isinstance(obj, bool | int | float | str):
        return obj
    if isinstance(obj, tuple | list):
        return [encode(x, root) for x in obj]
    if isinstance(obj, Path):
        try:
            rel = obj.relative_to(root).as_posix()
        except ValueError:
            raise CacheFormatError(f"path outside the publication: {obj}") from None
        return {"$p": rel}
    if isinstance(obj, dt.datetime):
        raise CacheFormatError("datetime values are not cached")
    if isinstance(obj, dt.date):
        return {"$date": obj.isoformat()}
    if isinstance(obj, bytes):
        return {"$b": base64.b64encode(obj).decode("ascii")}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out: dict[str, Any] = {"$": type(obj).__name__}
        for f in dataclasses.fields(obj):
            out[f.name] = encode(getattr(obj, f.name), root)
        return out
    raise CacheFormatError(f"cannot cache a {type(obj).__name__}")


class Decoder:
    """Turns JSON data from a verified record back into objects of the allowed classes."""

    def __init__(self, classes: Mapping[str, type], root: Path) -> None:
        self.classes = classes
        self.root = root
        self.real_root = root.resolve()
        self._folders: dict[str, Path] = {}  # a path's folder, checked once

    def __call__(self, data: Any) -> Any:
        if data is None or isinstance(data, bool | int | float | str):
            return data
        if isinstance(data, list):
            return tuple(self(x) for x in data)
        if not isinstance(data, dict):
            raise CacheFormatError(f"unexpected {type(data).__name__}")
        if "$" in data:
            return self._dataclass(data)
        if len(data) != 1:
            raise CacheFormatError("unexpected mapping")
        (tag, value), = data.items()
        if not isinstance(value, str):
            raise CacheFormatError(f"bad {tag}")
        if tag == "$p":
            return self.path(value)
        try:
            if tag == "$date":
                return dt.date.fromisoformat(value)
            if tag == "$b":
                return base64.b64decode(value, validate=True)
        except ValueError as err:
            raise CacheFormatError(f"bad {tag}: {err}") from None
        raise CacheFormatError(f"unknown tag {tag}")

    def path(self, rel: str) -> Path:
        """``root/rel`` — ``rel`` relative, without ``..``, its folder resolving inside ``root``."""
        if rel == ".":
            return self.root
        if safe_relative(rel) is None:
            raise CacheFormatError(f"unsafe path {rel!r}")
        folder, _, name = rel.rpartition("/")
        checked = self._folders.get(folder)
        if checked is None:
            base = self.root / folder if folder else self.root
            if not base.resolve().is_relative_to(self.real_root):
                raise CacheFormatError(f"path leaves the publication: {rel!r}")
            checked = self._folders[folder] = base
        return checked / name

    def _dataclass(self, data: dict[str, Any]) -> Any:
        cls = self.classes.get(str(data["$"]))
        if cls is None:
            raise CacheFormatError(f"class not allowed: {data['$']!r}")
        names = {f.name for f in dataclasses.fields(cls) if f.init}
        given = set(data) - {"$"}
        if given != names:
            raise CacheFormatError(f"{cls.__name__}: fields differ")
        try:
            return cls(**{name: self(data[name]) for name in names})
        except TypeError as err:
            raise CacheFormatError(str(err)) from None
