"""What the commands print to a terminal: user text as text, never as markup or escape codes.

Titles, file names, findings and error messages come from publication folders, which are
untrusted. Printed through Rich as they are, ``[/]`` in a title is read as markup (a crash),
``[link=…]`` becomes a live terminal hyperlink, and an ESC or C1 control sequence reaches the
terminal (moving the cursor, rewriting what was shown, setting the window title). So:

- every command prints through :func:`console`: Rich markup and emoji codes are off, and every
  string is passed through :func:`clean` before Rich lays it out;
- styles are given as Rich ``Text``/``Style`` objects (:func:`styled`), never as markup;
- JSON output escapes the characters :func:`clean` removes (``\\u009b``), which JSON leaves raw;
- one-line errors and warnings are cleaned the same way (``zhiku.cli.main``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from rich.console import Console
from rich.text import Text

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and isolates
# (which can make a terminal show text in another order than it is).
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` without control characters (tab and newline kept)."""
    return UNSAFE.sub("", text)


class SafeConsole(Console):
    """A Rich console that never interprets markup or emoji codes and cleans every string."""

    def render_str(self, text: str, **kwargs: Any) -> Text:
        kwargs["markup"] = False
        kwargs["emoji"] = False
        return super().render_str(clean(text), **kwargs)


def console(stderr: bool = False) -> SafeConsole:
    return SafeConsole(stderr=stderr, markup=False, emoji=False, highlight=False)


def styled(text: str, style: str = "") -> Text:
    """User text as a Rich ``Text`` in ``style`` (cleaned; Text is never read as markup)."""
    return Text(clean(text), style=style)


def json_text(value: Any, indent: int = 2) -> str:
    """``value`` as indented JSON with every character :func:`clean` removes escaped as ``\\uXXXX``
    (the same JSON value, safe to show in a terminal)."""
    raw = json.dumps(value, ensure_ascii=False, indent=indent)
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", raw)
