"""Publication facts as the masthead and the colophon print them."""

from __future__ import annotations

import re

from zhiku.model import Publication

_PUBLISHER_PREFIX = re.compile(r"^\s*主办\s*[：:]\s*")


def publisher_name(publication: Publication) -> str | None:
    """The publisher without a leading 主办：, for the PDF author field."""
    if not publication.publisher:
        return None
    return _PUBLISHER_PREFIX.sub("", publication.publisher).strip() or None


def contact_lines(publication: Publication) -> list[str]:
    """主办, 网址, 热线 and e-mail lines, in the seed's order and wording."""
    lines: list[str] = []
    name = publisher_name(publication)
    if name:
        lines.append(f"主办：{name}")
    if publication.website:
        lines.append(f"网址：{publication.website}")
    if publication.hotline:
        lines.append(f"全国客服热线：{publication.hotline}")
    if publication.email:
        lines.append(f"E-mail：{publication.email}")
    return lines
