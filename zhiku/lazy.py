"""Names of a package loaded on first use (PEP 562), for packages whose imports are costly.

``zhiku.sources``, ``zhiku.claims`` and ``zhiku.site`` name their public functions in their
``__init__`` but import the submodule that defines one only when it is first looked up: a
command, or a process, that never calls it never pays for its imports.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(
    package: str, where: Mapping[str, str], names: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package`` (its ``__name__``), whose public name →
    submodule is ``where``; ``names`` is the package's ``globals()``, where a name loaded once
    is kept, so later look-ups skip ``__getattr__``."""

    def getattr_(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        names[name] = value
        return value

    def dir_() -> list[str]:
        return sorted(set(names) | set(where))

    return getattr_, dir_
