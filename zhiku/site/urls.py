"""Where each page of the archive lives, relative to the site root, and the site's absolute address.

Every page links relatively, so the site works from any folder (``file://``, a sub-path, a CDN);
only the feed, the sitemap, the 404 page and the search UI need the absolute address from
``zhiku.yml`` (``base_url``, or ``website`` when it is missing).
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from zhiku.errors import ZhikuError
from zhiku.model import Article, Issue, Publication

# Characters that cannot sit in a file name on some system or would change a URL's meaning.
_UNSAFE = re.compile(r"[\\/:*?\"<>|#%&{}\s]+")


def issue_dir(issue: Issue) -> str:
    return issue.date.isoformat()


def issue_url(issue: Issue) -> str:
    """The issue page (render writes ``<date>/index.html``)."""
    return f"{issue_dir(issue)}/index.html"


def article_path(issue: Issue, article: Article) -> str:
    """The article page as a file path under the site root."""
    return f"{issue_dir(issue)}/{article.slug}.html"


def article_url(issue: Issue, article: Article) -> str:
    return quote(article_path(issue, article))


def tag_file_names(tags: list[str]) -> dict[str, str]:
    """A file name (without folder) for every tag: the tag itself, made safe, unique.

    Chinese file names are kept as written (``中美关系.html``): readers see a meaningful URL and
    every browser and web server handles UTF-8 paths.
    """
    names: dict[str, str] = {}
    used: set[str] = set()
    for tag in tags:
        base = _UNSAFE.sub("-", tag).strip("-.") or "tag"
        name, n = base, 1
        while name.lower() in used or name.lower() == "index":
            n += 1
            name = f"{base}-{n}"
        used.add(name.lower())
        names[tag] = f"{name}.html"
    return names


def topic_path(file_name: str) -> str:
    return f"topics/{file_name}"


def year_path(year: int) -> str:
    """The page of one year's issues: ``years/2021.html``."""
    return f"years/{year}.html"


def site_base_url(publication: Publication) -> str:
    """The absolute URL of the site root, ending in ``/``; a clear error when zhiku.yml gives none."""
    url = publication.base_url or publication.website
    if not url:
        raise ZhikuError(
            "zhiku.yml 缺少 base_url（或 website）：订阅源和站点地图需要网站的绝对地址",
            "zhiku.yml has no base_url (or website): the feed and the sitemap need the site's "
            "absolute address",
            publication.root / "zhiku.yml",
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ZhikuError(
            f"zhiku.yml 的 base_url 不是 http(s) 绝对地址：{url}",
            f"zhiku.yml's base_url is not an absolute http(s) address: {url}",
            publication.root / "zhiku.yml",
        )
    return url if url.endswith("/") else url + "/"


def site_path(base_url: str) -> str:
    """The path part of the site's address (``/`` or ``/briefing/``), for links that must be absolute."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def absolute(base_url: str, relative: str) -> str:
    return base_url + relative
