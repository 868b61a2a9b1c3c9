"""Reading a publication folder: ``zhiku.yml``, ``issues/<date>/issue.yml`` and the articles."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import warnings
from pathlib import Path
from typing import Any

from zhiku.errors import ZhikuError, ZhikuWarning
from zhiku.model import WEEKDAYS_ZH, Article, Issue, MailServer, Publication, Reference, SourceRef
from zhiku.sources.markdown import read_article, ref_path
from zhiku.sources.paths import check_publication_paths, check_tree, inside, listed_path, publication_root_of
from zhiku.sources.references import read_references
from zhiku.sources.text import read_text
from zhiku.sources.yamlload import YamlDocument, as_text, load_document, parse_date

PUBLICATION_FILE = "zhiku.yml"
ISSUE_FILE = "issue.yml"
ISSUES_DIR = "issues"

PUBLICATION_KEYS = (
    "name",
    "name_en",
    "tagline",
    "column",
    "column_en",
    "publisher",
    "website",
    "base_url",
    "email",
    "hotline",
    "wechat",
    "disclaimer",
    "copyright",
    "slogan",
    "language",
    "checks",
    "smtp",
    "unsubscribe",
    "copy",  # the copy check's house style, read and validated by zhiku.claims.copy.style
)
ISSUE_KEYS = ("date", "weekday", "number", "title", "articles")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")  # a BCP 47 tag: zh-CN, en, zh-Hant-TW

# 星期一 … 星期日, and the short forms editors also print: 周一, 礼拜一.
_WEEKDAY_NAMES: dict[str, int] = {}
for _n, _full in enumerate(WEEKDAYS_ZH):
    for _prefix in ("星期", "周", "礼拜"):
        _WEEKDAY_NAMES[_prefix + _full[-1]] = _n
_WEEKDAY_NAMES["星期天"] = _WEEKDAY_NAMES["周日"] = 6


def weekday_index(name: str) -> int | None:
    """0 for 星期一/周一/礼拜一 … 6 for 星期日/星期天; None if ``name`` is no weekday."""
    return _WEEKDAY_NAMES.get(name.strip())


def _require_dir(folder: Path, zh: str, en: str) -> None:
    if not folder.exists():
        raise ZhikuError(f"{zh}不存在", f"{en} not found", folder)
    if not folder.is_dir():
        raise ZhikuError(f"{zh}应是文件夹", f"{en} must be a folder", folder)


_NUMBER_RE = re.compile(r"^第?\s*(?P<n>\d+|[〇零一二三四五六七八九十百千]+)\s*期?$")


def issue_number(value: object) -> str:
    """期号 as printed, written once: ``46``, ``第46期`` and ``第 46 期`` all give ``第46期``; any
    other wording (``2021年第5期（总第46期）``) is kept as written."""
    text = as_text(value).strip()
    m = _NUMBER_RE.match(unicodedata.normalize("NFKC", text))  # ４６ is 46
    return f"第{m['n']}期" if m else text


def check_citations(
    issue: Issue, references: tuple[Reference, ...], problems: list[ZhikuError] | None = None
) -> None:
    """Every ``[@key]`` of the issue must name an entry of the publication's reference files."""
    keys = {r.key for r in references}
    for article in issue.articles:
        for cite in article.citations:
            if cite.key not in keys:
                where = "references.yaml / references.bib"
                err = ZhikuError(
                    f"引用 [@{cite.key}] 在参考文献文件（{where}）中找不到",
                    f"citation [@{cite.key}] is not in the publication's reference file ({where})",
                    cite.source.file,
                    cite.source.line,
                )
                if problems is None:
                    raise err
                problems.append(err)


def read_issue(
    folder: Path | str,
    file_base: Path | None = None,
    problems: list[ZhikuError] | None = None,
    root: Path | None = None,
) -> Issue:
    """Read ``folder/issue.yml`` and the articles it lists, in its order.

    ``SourceRef.file`` paths are made relative to ``file_base`` when it is given. ``problems``,
    when given, collects the mistakes a reader can step over instead of raising the first. Every
    file read must lie inside ``root`` (default: the publication the folder is in, else the
    folder).
    """
    folder = Path(folder)
    _require_dir(folder, "期刊文件夹", "issue folder")
    if root is None:
        root = publication_root_of(folder)
        check_tree(folder, root)
    inside(folder, root)
    path = inside(folder / ISSUE_FILE, root)
    if not path.is_file():
        raise ZhikuError(
            f"缺少 {ISSUE_FILE}（写明日期和文章顺序）",
            f"missing {ISSUE_FILE} (it gives the date and the order of the articles)",
            folder,
        )
    ref_file = ref_path(path, file_base)
    doc = load_document(read_text(path), ref_file)
    doc.check_keys(ISSUE_KEYS, ISSUE_FILE, ISSUE_FILE)
    meta, lines = doc.data, doc.lines

    date = doc.date("date")
    if date is None:
        if not re.match(r"^\d{4}-\d{1,2}-\d{1,2}$", folder.name):
            raise ZhikuError(
                "缺少 date:（出版日期，如 2021-11-22）",
                "missing 'date:' (the issue date, e.g. 2021-11-22)",
                ref_file,
                1,
            )
        date = parse_date(folder.name, ref_file, 1)  # the folder's name is the date
    if "weekday" in meta:
        printed = as_text(meta["weekday"])
        index = weekday_index(printed)
        if index is None:
            raise ZhikuError(
                f"“{printed}”不是星期几（应写 星期一 … 星期日）",
                f"'{printed}' is not a weekday (write 星期一 … 星期日)",
                ref_file,
                lines["weekday"],
            )
        if index != date.weekday():
            raise ZhikuError(
                f"{date.isoformat()} 是{WEEKDAYS_ZH[date.weekday()]}，不是{printed}",
                f"{date.isoformat()} is a {date.strftime('%A')}, not {printed}",
                ref_file,
                lines["weekday"],
            )

    names = meta.get("articles")
    if names is None:
        files = [inside(f, root) for f in sorted(folder.glob("*.md"))]
        if not files:
            raise ZhikuError(
                "这一期没有文章：在 articles: 下列出文章文件",
                "the issue has no articles: list the article files under 'articles:'",
                ref_file,
                1,
            )
        entries = [(f, 1) for f in files]
    else:
        listed = doc.text_list("articles")
        entries = [
            (listed_path(folder, name, root, ref_file, line), line)
            for n, name in enumerate(listed)
            for line in (lines.get(f"articles[{n}]", lines["articles"]),)
        ]
        # An article file dropped into the folder but not listed is not published: say so, since
        # an editor who forgot issue.yml would otherwise find it silently missing.
        for stray in sorted(set(folder.glob("*.md")) - {f for f, _ in entries}):
            warnings.warn(
                ZhikuWarning(
                    f"文章文件“{stray.name}”没有列在 articles: 中，不会出版",
                    f"article file '{stray.name}' is not listed under 'articles:' and will not be published",
                    ref_file,
                    lines["articles"],
                ),
                stacklevel=2,
            )
    articles: list[Article] = []
    seen: dict[str, Path] = {}
    for file, line in entries:
        if not file.is_file():
            raise ZhikuError(
                f"文章文件“{file.name}”不存在", f"article file '{file.name}' not found", ref_file, line
            )
        try:
            article = read_article(file, file_base, problems)
        except ZhikuError as err:
            if problems is None:
                raise
            problems.append(err)
            continue
        if article.slug in seen:
            raise ZhikuError(
                f"两篇文章的 slug 相同：“{article.slug}”（另见 {seen[article.slug].name}）",
                f"two articles have the same slug '{article.slug}' (see also {seen[article.slug].name})",
                ref_file,
                line,
            )
        seen[article.slug] = file
        articles.append(article)

    return Issue(
        date=date,
        articles=tuple(articles),
        source=SourceRef(ref_file, 1),
        number=_issue_number(doc),
        title=doc.text("title", max_length=200) or None,
    )


def _issue_number(doc: YamlDocument) -> str | None:
    """The issue's number as printed (``issue_number``): a whole number in range, or a short text
    (总第12期)."""
    value = doc.get("number")
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return issue_number(doc.integer("number", 0, 1_000_000))
    if isinstance(value, float):
        raise doc.error(
            "number", "期号应为整数或一小段文字", "'number' must be a whole number or a short text"
        )
    text = doc.text("number", max_length=40)
    return issue_number(text) if text else None


def read_publication(root: Path | str, problems: list[ZhikuError] | None = None) -> Publication:
    """Read a publication folder: ``zhiku.yml``, its reference files and every ``issues/*/``
    (oldest first). ``problems``, when given, collects the mistakes a reader can step over
    (and an issue that cannot be read at all) instead of raising the first."""
    root = Path(root)
    _require_dir(root, "出版物文件夹", "publication folder")
    check_publication_paths(root)
    path = root / PUBLICATION_FILE
    if not path.is_file():
        raise ZhikuError(
            f"缺少 {PUBLICATION_FILE}：这不是 zhiku 出版物文件夹",
            f"missing {PUBLICATION_FILE}: this is not a zhiku publication folder",
            root,
        )
    doc = load_document(read_text(inside(path, root)), path)
    doc.check_keys(PUBLICATION_KEYS, PUBLICATION_FILE, PUBLICATION_FILE)
    meta, lines = doc.data, doc.lines
    name = doc.text("name", max_length=200)
    if not name:
        raise ZhikuError("缺少 name:（出版物名称）", "missing 'name:' (the publication's name)", path, 1)
    language = doc.text("language", max_length=35)
    if language and not _LANGUAGE.match(language):
        raise doc.error(
            "language",
            f"language 应是语言代码（如 zh-CN）：{language}",
            f"'language' must be a language tag (like zh-CN): {language}",
        )
    text = doc.text

    try:
        references = read_references(root)
    except ZhikuError as err:
        if problems is None:
            raise
        problems.append(err)
        references = ()
    issues_dir = root / ISSUES_DIR
    issues: list[Issue] = []
    if issues_dir.is_dir():
        for folder in sorted(issues_dir.iterdir()):
            if folder.name.startswith(".") or not folder.is_dir():
                continue
            try:
                issue = read_issue(folder, problems=problems, root=root)
            except ZhikuError as err:
                if problems is None:
                    raise
                problems.append(err)
                continue
            check_citations(issue, references, problems)
            issues.append(issue)
    by_date: dict[dt.date, Issue] = {}
    for issue in issues:
        if issue.date in by_date:
            other = by_date[issue.date].source.file
            raise ZhikuError(
                f"两期的日期相同：{issue.date.isoformat()}（另见 {other}）",
                f"two issues have the same date {issue.date.isoformat()} (see also {other})",
                issue.source.file,
                issue.source.line,
            )
        by_date[issue.date] = issue
    return Publication(
        name=name,
        root=root,
        name_en=text("name_en"),
        tagline=text("tagline"),
        column=text("column"),
        column_en=text("column_en"),
        publisher=text("publisher"),
        website=doc.url("website"),
        base_url=doc.url("base_url"),
        email=doc.email("email"),
        hotline=text("hotline"),
        wechat=text("wechat"),
        disclaimer=doc.text_list("disclaimer"),
        copyright=text("copyright"),
        slogan=text("slogan"),
        language=language or "zh-CN",
        issues=tuple(sorted(issues, key=lambda issue: issue.date)),
        references=references,
        checks_public=_checks_public(text("checks"), path, lines.get("checks", 1)),
        smtp=_mail_server(meta.get("smtp"), path, lines),
        unsubscribe=text("unsubscribe"),
    )


_SMTP_KEYS = ("host", "port", "security", "user", "password_env", "from")


def _mail_server(value: Any, path: Path, lines: dict[str, int]) -> MailServer | None:
    """``smtp:`` — host, port, security (ssl/starttls/none), user, password_env, from. A password
    written in the file is refused: it belongs in the environment variable ``password_env``."""
    if value is None:
        return None
    line = lines.get("smtp", 1)
    if not isinstance(value, dict):
        raise ZhikuError(
            "smtp: 应包含 host: 等设置", "'smtp:' must hold settings such as 'host:'", path, line
        )
    for key in value:
        if key == "password":
            raise ZhikuError(
                "不要把邮箱密码写在 zhiku.yml 里：请写 password_env: 变量名，并在环境变量中设置密码",
                "do not put the mail password in zhiku.yml: name an environment variable with "
                "'password_env:' and set the password there",
                path,
                lines.get("smtp.password", line),
            )
        if key not in _SMTP_KEYS:
            raise ZhikuError(
                f"smtp: 中有未知的键“{key}”（可用：{'、'.join(_SMTP_KEYS)}）",
                f"unknown key '{key}' under 'smtp:' (allowed: {', '.join(_SMTP_KEYS)})",
                path,
                lines.get(f"smtp.{key}", line),
            )
    host = as_text(value.get("host") or "").strip()
    if not host:
        raise ZhikuError(
            "smtp: 缺少 host:（邮件服务器地址）", "'smtp:' lacks 'host:' (the mail server)", path, line
        )
    security = as_text(value.get("security") or "ssl").strip().lower()
    if security not in ("ssl", "starttls", "none"):
        raise ZhikuError(
            f"smtp: security: 只能是 ssl、starttls 或 none，而不是“{security}”",
            f"'smtp: security:' must be ssl, starttls or none, not '{security}'",
            path,
            lines.get("smtp.security", line),
        )
    default_port = {"ssl": 465, "starttls": 587, "none": 25}[security]
    try:
        port = int(value.get("port") or default_port)
        if not 1 <= port <= 65535:
            raise ValueError(port)
    except (TypeError, ValueError):
        raise ZhikuError(
            "smtp: port: 应为端口号（1—65535）", "'smtp: port:' must be a port number (1-65535)", path,
            lines.get("smtp.port", line),
        ) from None

    def opt(key: str) -> str | None:
        v = value.get(key)
        return None if v is None else as_text(v).strip() or None

    return MailServer(
        host=host,
        port=port,
        security=security,
        user=opt("user"),
        password_env=opt("password_env") or "ZHIKU_SMTP_PASSWORD",
        sender=opt("from"),
    )


def _checks_public(value: str | None, path: Path, line: int) -> bool:
    """``checks: public`` publishes the number-check page; ``private`` (the default) keeps it to
    draft builds (``zhiku build --drafts``)."""
    if value is None or value.lower() in ("private", "私有", "内部"):
        return False
    if value.lower() in ("public", "公开"):
        return True
    raise ZhikuError(
        f"checks: 只能是 public（公开数字核查页）或 private（仅草稿构建），而不是“{value}”",
        f"'checks:' must be public (publish the number-check page) or private (draft builds only), "
        f"not '{value}'",
        path,
        line,
    )
