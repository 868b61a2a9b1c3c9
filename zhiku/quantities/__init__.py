"""Read every quantity in Chinese prose: ``parse_quantities(text) -> list[Quantity]``.

Pure, no I/O. See docs/quantities.md for the forms read and the reasoning.
"""

from __future__ import annotations

from zhiku.quantities.model import Kind, Qualifier, Quantity
from zhiku.quantities.numbers import read_numbers
from zhiku.quantities.scanner import scan

__all__ = ["Kind", "Qualifier", "Quantity", "parse_numbers", "parse_quantities"]


def parse_quantities(text: str) -> list[Quantity]:
    """Every quantitative mention in ``text``, left to right, spans as code-point offsets.

    Strict prose reading: a Chinese numeral written in words counts only with a unit or measure
    word (两份清单, 七、八万亿) or with a place value of its own (三千二百万); 一个/一场 are the
    indefinite article, 一带一路 and 中美元首 are words.
    """
    return scan(text, prose=True)


def parse_numbers(text: str) -> list[Quantity]:
    """Every number written in ``text`` (kind ``number``), whatever follows it: 199个 → 199,
    1991年1月16日 → 1991, 1, 16; 三分之一 → 1/3. The numeral layer (``numbers.py``), not quantities."""
    return read_numbers(text)
