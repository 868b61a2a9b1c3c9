"""A link check over a built site: every internal link, anchor and asset must exist.

Uses the standard library's HTML parser: it only needs tags and attributes, and a
broken-HTML-tolerant parser is exactly what a checker of generated pages wants.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

LINK_ATTRS = {"href", "src", "poster", "data"}


@dataclass(frozen=True)
class BrokenLink:
    page: str  # relative to the site root
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.link} ({self.reason})"


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in LINK_ATTRS and tag != "meta":
                self.links.append(value)
            elif name == "srcset":
                self.links.extend(part.strip().split(" ")[0] for part in value.split(",") if part.strip())


def _parse(path: Path) -> _PageParser:
    p = _PageParser()
    p.feed(path.read_text(encoding="utf-8", errors="replace"))
    p.close()
    return p


def check_links(site: Path, site_path: str = "/") -> list[BrokenLink]:
    """Every broken internal link in the HTML pages under ``site``.

    Root-absolute links (``/x``) are resolved against ``site_path`` (the path of the site's public
    address). External links (http:, mailto:, data: …) are not followed.
    """
    site = site.resolve()
    # The search bundle holds no pages of ours (Pagefind writes no HTML unless asked for its playground).
    pages = sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "pagefind")
    parsed: dict[Path, _PageParser] = {}

    def page(path: Path) -> _PageParser:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    broken: list[BrokenLink] = []
    for path in pages:
        rel_page = path.relative_to(site).as_posix()
        for link in page(path).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue  # http:, https:, mailto:, tel:, data:, javascript: — not ours to check
            if parts.path.startswith("/"):
                if not parts.path.startswith(site_path):
                    broken.append(BrokenLink(rel_page, link, "outside the site's path"))
                    continue
                target_rel = PurePosixPath(unquote(parts.path[len(site_path):]))
                target = site / target_rel
            elif parts.path:
                target = (path.parent / unquote(parts.path))
            else:
                target = path  # "#anchor" on the same page
            target = Path(target).resolve() if target.exists() else target
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(BrokenLink(rel_page, link, "missing file"))
                continue
            if not Path(target).resolve().is_relative_to(site):
                broken.append(BrokenLink(rel_page, link, "outside the site"))
                continue
            if parts.fragment and target.suffix == ".html":
                fragment = unquote(parts.fragment)
                # "#top" scrolls to the top of any page (HTML standard), with or without an id.
                if fragment not in page(target.resolve()).ids and fragment != "top":
                    broken.append(BrokenLink(rel_page, link, f"no anchor #{fragment}"))
    return broken
