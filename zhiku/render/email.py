"""The e-mail newsletter of one issue (``email/<date>.eml``): what ``zhiku mail`` sends.

A MIME message, multipart/alternative: a plain-text part (for clients that show no HTML and for
spam filters) and an HTML part, itself multipart/related with the figures as CID attachments
(``<img src="cid:…">``: shown without the reader fetching anything from the web). The HTML is a
600 px table layout with every style inline (``email.html`` over ``wechat.css``, the WeChat
pages' blocks), the layout Gmail, Outlook and Apple Mail render alike. ``List-Unsubscribe``
names the publication's unsubscribe address (``unsubscribe:`` in zhiku.yml, else a mailto: to
its e-mail). The file has no To:, Date: or Message-ID: of its own; ``zhiku mail`` sets them for
each recipient.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr, make_msgid, parseaddr
from typing import TYPE_CHECKING
from urllib.parse import quote

from zhiku.errors import ZhikuError
from zhiku.model import Block, Figure, Issue, ListBlock, Paragraph, Publication, Quote, Table
from zhiku.render.inline import inline_plain
from zhiku.render.layout import ArticleView, SectionView
from zhiku.render.meta import contact_lines
from zhiku.render.tables import uniform_decimals
from zhiku.render.wechat import styled_content

if TYPE_CHECKING:
    import jinja2

    from zhiku.figures.model import RenderedFigure

EMAIL_DIR = "email"


def email_file(issue: Issue) -> str:
    """The newsletter's path in the issue's folder."""
    return f"{EMAIL_DIR}/{issue.date.isoformat()}.eml"


def subject(publication: Publication, issue: Issue) -> str:
    """兰瑞智库·政策观察 2021年11月22日（第48期）：issue title (``Issue.number`` is as printed)."""
    column = f"·{publication.column}" if publication.column else ""
    number = f"（{issue.number}）" if issue.number else ""  # as printed: 第48期
    title = f"：{issue.title}" if issue.title else ""
    return (
        f"{publication.name}{column} {issue.date.year}年{issue.date.month}月{issue.date.day}日{number}{title}"
    )


def sender(publication: Publication) -> str:
    """The From: address: ``smtp: from:``, else the publication's name and e-mail."""
    given = publication.smtp.sender if publication.smtp else None
    if given:
        return given
    if not publication.email:
        raise ZhikuError(
            "电子邮件简报需要发件地址：请在 zhiku.yml 写 email:（或 smtp: 下的 from:）",
            "the newsletter needs a sender: set 'email:' in zhiku.yml (or 'from:' under 'smtp:')",
            publication.root / "zhiku.yml",
        )
    return formataddr((publication.name, publication.email))


def unsubscribe_url(publication: Publication) -> str | None:
    """Where a reader unsubscribes: ``unsubscribe:`` (mailto: or https:), else a mailto: to the
    publication's e-mail asking to be taken off the list."""
    if publication.unsubscribe:
        return publication.unsubscribe
    address = parseaddr(sender(publication))[1] if (publication.smtp or publication.email) else ""
    if not address:
        return None
    # An ASCII subject keeps the header on one line (a folded List-Unsubscribe confuses some clients).
    return f"mailto:{address}?subject=unsubscribe"


def _cid(view: ArticleView, rf: RenderedFigure) -> str:
    return f"{view.slug}-{rf.number}@zhiku"


def _picture_cid(wechat_name: str) -> str:
    """A picture's Content-ID: its content-hashed file name (the same picture twice is one part)."""
    return f"{wechat_name.rsplit('/', 1)[-1]}@zhiku"


def _web(publication: Publication, issue: Issue, name: str) -> str | None:
    base = (publication.base_url or publication.website or "").strip()
    if not base:
        return None
    return f"{base.rstrip('/')}/{issue.date.isoformat()}/{quote(name)}"


def _plain_blocks(blocks: Sequence[Block], view: ArticleView, out: list[str]) -> None:
    for b in blocks:
        if isinstance(b, Paragraph):
            # Not wrapped: a line break inside Chinese text would put 。or ， at a line's start;
            # mail clients wrap, and the transfer encoding keeps lines short on the wire.
            out.append(inline_plain(b.text))
        elif isinstance(b, ListBlock):
            for n, item in enumerate(b.items, start=b.start):
                mark = f"{n}." if b.ordered else "·"
                out.append(f"{mark} {inline_plain(item)}")
        elif isinstance(b, Quote):
            out.extend("> " + inline_plain(p.text) for p in b.paragraphs)
        elif isinstance(b, Table):
            if b.caption:
                out.append(inline_plain(b.caption))
            rows = [b.header, *uniform_decimals(b.rows)]
            out.append("\n".join(" | ".join(inline_plain(c) for c in row) for row in rows))
        elif isinstance(b, Figure):
            rf = view.figure_for(b)
            if rf is not None:
                out.append(f"［{rf.caption}］\n{rf.description}")


def _plain_sections(sections: Sequence[SectionView], view: ArticleView, out: list[str]) -> None:
    for s in sections:
        out.append(inline_plain(s.section.title))
        _plain_blocks(s.section.blocks, view, out)
        _plain_sections(s.children, view, out)


def plain_text(
    publication: Publication,
    issue: Issue,
    views: Sequence[ArticleView],
    web: str | None,
    unsubscribe: str | None,
) -> str:
    """The plain-text part: masthead, contents, every article, colophon, the links."""
    out: list[str] = [f"{publication.name}{publication.tagline or ''}", subject(publication, issue)]
    if web:
        out.append(f"在网页上阅读 / Read on the web: {web}")
    out.append(
        "本期目录\n" + "\n".join(f"{n}. {inline_plain(v.article.title)}" for n, v in enumerate(views, 1))
    )
    for v in views:
        rule = "—" * 20
        title = inline_plain(v.article.title)
        out.append(
            f"{rule}\n{title}" + (f"\n作者：{'、'.join(v.article.authors)}" if v.article.authors else "")
        )
        _plain_blocks(v.article.blocks, v, out)
        _plain_sections(v.sections, v, out)
    out.append("—" * 20)
    if publication.disclaimer:
        out.append("重要声明\n" + "\n".join(publication.disclaimer))
    out.extend(line for line in (publication.slogan, publication.copyright) if line)
    out.append("\n".join(contact_lines(publication)))
    if unsubscribe:
        out.append(f"退订 / Unsubscribe: {unsubscribe}")
    return "\n\n".join(out) + "\n"


def newsletter(
    env: jinja2.Environment,
    publication: Publication,
    issue: Issue,
    views: Sequence[ArticleView],
    pdf_name: str,
) -> EmailMessage:
    """The issue's newsletter as a MIME message (no To:, Date: or Message-ID: yet)."""
    web = _web(publication, issue, "index.html")
    unsub = unsubscribe_url(publication)
    html = styled_content(
        env,
        "email.html",
        publication,
        issue,
        lambda view, rf: (f"cid:{_cid(view, rf)}", rf.png),
        lambda name: f"cid:{_picture_cid(name)}",
        views=views,
        subject=subject(publication, issue),
        web_url=web,
        pdf_url=_web(publication, issue, pdf_name),
        unsubscribe_url=unsub,
    )
    # Outlook's Word engine styles no HTML5 <section>: the newsletter's blocks are <div>s.
    html = re.sub(r"<(/?)section\b", r"<\1div", html)
    document = (
        f'<!DOCTYPE html>\n<html lang="{publication.language}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_escape(subject(publication, issue))}</title></head>\n"
        f'<body style="margin: 0; padding: 0; background: #eeeeee;">\n{html}\n</body></html>\n'
    )
    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = subject(publication, issue)
    msg["From"] = sender(publication)
    msg["MIME-Version"] = "1.0"
    if unsub:
        msg["List-Unsubscribe"] = f"<{unsub}>"
        if unsub.startswith("https:"):
            msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058
    msg["X-Zhiku-Issue"] = issue.date.isoformat()
    msg.set_content(plain_text(publication, issue, views, web, unsub), subtype="plain", charset="utf-8")
    msg.add_alternative(document, subtype="html", charset="utf-8")
    html_part = msg.get_body(("html",))
    assert html_part is not None
    for view in views:
        for rf in view.figures.values():
            if rf.waiting:  # shown as the words 数据待补, not as a picture
                continue
            html_part.add_related(
                rf.png,
                "image",
                "png",
                cid=f"<{_cid(view, rf)}>",
                filename=f"{view.slug}-{rf.number}.png",
                disposition="inline",
            )
    pictures = {img.wechat_name: img for view in views for img in view.images.values()}
    for name, img in sorted(pictures.items()):
        subtype = name.rsplit(".", 1)[-1].replace("jpg", "jpeg")
        html_part.add_related(
            img.wechat_data, "image", subtype, cid=f"<{_picture_cid(name)}>",
            filename=name.rsplit("/", 1)[-1], disposition="inline",
        )
    # Boundaries from the content, not random: the same issue makes the same file (the site's
    # rebuilds compare bytes). "=_" never occurs in base64 or quoted-printable text.
    digest = hashlib.sha256(document.encode("utf-8")).hexdigest()[:24]
    for n, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        part.set_boundary(f"=_zhiku_{n}_{digest}")
    return msg


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def addressed(message: EmailMessage, to: Address | str, now: dt.datetime | None = None) -> EmailMessage:
    """A copy of the newsletter for one recipient: To:, Date: and a new Message-ID:."""
    from copy import deepcopy
    from email.utils import format_datetime

    copy = deepcopy(message)
    copy["To"] = to
    copy["Date"] = format_datetime(now or dt.datetime.now(dt.UTC))
    domain = parseaddr(str(message["From"]))[1].rpartition("@")[2] or "zhiku.local"
    copy["Message-ID"] = make_msgid(
        idstring=re.sub(r"\W", "", str(message["X-Zhiku-Issue"] or "")), domain=domain
    )
    return copy


def email_files(
    env: jinja2.Environment,
    publication: Publication,
    issue: Issue,
    views: Sequence[ArticleView],
    pdf_name: str,
) -> dict[str, bytes]:
    """``email/<date>.eml``, when the publication has a sender address (else none: a publication
    without e-mail sends no newsletter)."""
    if not (publication.email or (publication.smtp and publication.smtp.sender)):
        return {}
    return {email_file(issue): newsletter(env, publication, issue, views, pdf_name).as_bytes()}
