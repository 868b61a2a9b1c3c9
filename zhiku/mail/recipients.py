"""The mailing list: a CSV of addresses (with names, if given), checked before anything is sent.

Accepted forms: a header row naming the address column (email, e-mail, address, 邮箱, 电子邮件,
地址) and optionally a name column (name, 姓名, 名字, 称呼); or no header, one address a row, a
name in another cell. Blank rows and rows starting with # are skipped; the same address twice
is sent once. The file's encoding is detected (UTF-8, GBK/GB18030 from Excel, UTF-16).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from zhiku.errors import ZhikuError
from zhiku.sources import read_text

_ADDRESS_HEADERS = re.compile(r"^(e-?mail|mail|address|邮箱|电子邮件|电子邮箱|邮件地址|地址)$", re.I)
_NAME_HEADERS = re.compile(r"^(name|姓名|名字|称呼|收件人)$", re.I)
# local@domain.tld: no spaces, brackets, commas or quotes; the domain has a dot and no empty label.
_ADDRESS = re.compile(r"^[^@\s<>()\[\],;:\"]+@(?:[^@\s<>()\[\],;:\".]+\.)+[^@\s<>()\[\],;:\".]{2,}$")


@dataclass(frozen=True)
class Recipient:
    address: str
    name: str
    line: int  # where it is in the CSV

    @property
    def key(self) -> str:
        """The address as the sent log compares it: case does not matter."""
        return self.address.lower()


def is_address(text: str) -> bool:
    return bool(_ADDRESS.match(text)) and ".." not in text


def read_recipients(path: Path) -> list[Recipient]:
    """Every recipient of ``path``; a malformed address is a ZhikuError naming its line."""
    try:
        rows = list(csv.reader(io.StringIO(read_text(path))))
    except csv.Error as err:  # a field over the csv module's limit, a stray NUL…
        raise ZhikuError(f"CSV 格式错误：{err}", f"malformed CSV: {err}", path) from None
    address_col: int | None = None
    name_col: int | None = None
    start = 0
    for i, row in enumerate(rows):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        for j, c in enumerate(cells):
            if _ADDRESS_HEADERS.match(c):
                address_col = j
            elif _NAME_HEADERS.match(c):
                name_col = j
        if address_col is not None:
            start = i + 1
        break
    out: list[Recipient] = []
    seen: set[str] = set()
    for i, row in enumerate(rows[start:], start=start + 1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if address_col is not None:
            address = cells[address_col] if address_col < len(cells) else ""
            name = cells[name_col] if name_col is not None and name_col < len(cells) else ""
        else:
            at = next((j for j, c in enumerate(cells) if "@" in c), 0)
            address = cells[at]
            name = next((c for j, c in enumerate(cells) if j != at and c), "")
        address = address.strip("<>").strip()
        if not is_address(address):
            raise ZhikuError(
                f"不是有效的电子邮件地址：“{address}”（没有发出任何邮件）",
                f"not a valid e-mail address: '{address}' (nothing was sent)",
                path,
                i,
            )
        key = address.lower()
        if key not in seen:
            seen.add(key)
            out.append(Recipient(address, name, i))
    if not out:
        raise ZhikuError("收件人列表是空的", "the list of recipients is empty", path)
    return out
