"""Reading text files whatever their encoding: the one place zhiku guesses an encoding.

Editors send files saved by Word, WPS, Notepad or a Mac: UTF-8 with or without a BOM,
UTF-16 with a BOM (Notepad's "Unicode"), or GB18030/GBK (the Chinese Windows default).
A BOM decides at once; otherwise strict UTF-8 is tried, and only then charset-normalizer
guesses. Every GB-family guess is decoded as GB18030, a strict superset of GB2312 and GBK.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from zhiku.errors import ZhikuError

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn"}

# Control characters never found in prose; finding them means the bytes were not text.
_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r\f"} | {"\x7f"}


def _binary(path: Path) -> ZhikuError:
    return ZhikuError(
        "不是文本文件（可能是二进制文件，如 Word、PDF 或图片），请另存为纯文本 .txt 或 .md",
        "not a text file (binary, e.g. Word, PDF or an image); save it as plain .txt or .md",
        path,
    )


def decode_bytes(data: bytes, path: Path) -> str:
    """Decode ``data`` read from ``path`` (named in errors) and normalise newlines to ``\\n``."""
    if not data.strip():
        raise ZhikuError("文件是空的", "the file is empty", path)
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                raise ZhikuError(
                    f"文件以 {encoding} 标记开头，但内容无法按该编码读取",
                    f"the file starts with a {encoding} byte-order mark but does not decode as {encoding}",
                    path,
                ) from err
            break
    if text is None:
        if b"\x00" in data:
            raise _binary(path)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _guess(data, path)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ZhikuError("文件是空的", "the file is empty", path)
    if any(ch in _CONTROL for ch in text):
        raise _binary(path)
    return text


def _plausible_chinese(text: str) -> bool:
    """True when nearly every character is ASCII, a CJK ideograph or CJK/general punctuation.

    Bytes that merely happen to decode as GB18030 (binary data, another legacy encoding)
    give rare symbols, private-use and control characters instead.
    """
    common = sum(
        1
        for ch in text
        if ch.isascii()
        or "\u4e00" <= ch <= "\u9fff"
        or "\u3400" <= ch <= "\u4dbf"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2000" <= ch <= "\u206f"
        or ch in "·×÷°±√∞≈≠≤≥←↑→↓■□▲△◆◇○●★☆"
    )
    return common >= 0.95 * len(text)


def _guess(data: bytes, path: Path) -> str:
    """Decode bytes that are not UTF-8 and carry no BOM.

    charset-normalizer decides first; when it does not say GB (it often cannot on a short
    file: a few Chinese words in GBK look like Korean to it), GB18030 is tried and kept if the
    result reads as Chinese, since that is what zhiku's users' Windows machines write.
    Only then is charset-normalizer's other guess used.
    """
    # Imported here, not at the top: charset-normalizer costs ~7 ms and a dozen modules at import,
    # and nearly every file zhiku reads is UTF-8 or carries a BOM, so only this path pays for it.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guess = None if best is None or best.encoding is None else best.encoding.lower().replace("-", "_")
    if guess in _GB_FAMILY:
        return data.decode("gb18030", errors="strict")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_chinese(text):
        return text
    if guess is None:
        raise _binary(path)
    try:
        return data.decode(guess)
    except (UnicodeDecodeError, LookupError) as err:
        raise _binary(path) from err


def read_text(path: Path | str) -> str:
    """The text of ``path``, decoded (UTF-8 ± BOM, UTF-16/32 with BOM, GB18030/GBK), newlines ``\\n``.

    Raises :class:`ZhikuError` naming the file when it is missing, empty or not text.
    """
    p = Path(path)
    if p.is_dir():
        raise ZhikuError("这是一个文件夹，不是文件", "this is a folder, not a file", p)
    try:
        data = p.read_bytes()
    except FileNotFoundError as err:
        raise ZhikuError("文件不存在", "file not found", p) from err
    except OSError as err:
        raise ZhikuError(
            f"无法读取文件（{err.strerror}）", f"cannot read the file ({err.strerror})", p
        ) from err
    return decode_bytes(data, p)
