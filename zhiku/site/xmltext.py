"""Text for XML files (the Atom feed, the sitemap): characters XML forbids are removed, with a
warning naming the file they came from.

XML 1.0 allows no control character but tab, newline and carriage return, no lone surrogate and
neither U+FFFE nor U+FFFF; lxml (under feedgen) raises on them and ElementTree would write a
file no reader can parse. The YAML and CSV loaders refuse them already; Markdown text (an
article's lead, in the feed) may still hold them.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from zhiku.errors import ZhikuWarning

XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str, where: Path | str | None) -> str:
    """``text`` without the characters XML forbids (warning once per call that removes some)."""
    found = XML_FORBIDDEN.search(text)
    if found is None:
        return text
    code = f"U+{ord(found.group()):04X}"
    warnings.warn(
        ZhikuWarning(
            f"文字中有 XML 不允许的字符（如 {code}），已从订阅源和站点地图中删去；请在源文件中删除",
            f"the text holds characters XML does not allow (e.g. {code}); they were left out of the feed "
            "and sitemap: remove them from the source",
            where,
        ),
        stacklevel=2,
    )
    return XML_FORBIDDEN.sub("", text)
