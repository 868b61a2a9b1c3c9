"""Sending the e-mail newsletter (``zhiku mail ISSUE --to addresses.csv``).

The message is the one ``zhiku build`` writes as ``email/<date>.eml`` (``zhiku.render.email``),
made afresh from the sources, addressed to each recipient in turn (its own To:, Date:,
Message-ID:) and handed to the SMTP server named under ``smtp:`` in zhiku.yml; the password
comes from the environment variable it names, never from the file. Every address is checked
before the first message goes out; every accepted message is written to the sent log at once
(``sentlog``), and a rerun skips those addresses. A refused connection, a failed login or a bad
address is one line (a ZhikuError); an address the server refuses is reported and the others
still go.
"""

from __future__ import annotations

import contextlib
import os
import smtplib
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path

from zhiku.errors import ZhikuError
from zhiku.mail.recipients import Recipient, is_address, read_recipients
from zhiku.mail.sentlog import SentLog, already_sent, log_path
from zhiku.model import Issue, MailServer, Publication

__all__ = ["MailReport", "Recipient", "find_issue", "is_address", "newsletter_for", "read_recipients", "send"]

TIMEOUT = 30.0  # seconds: a server that does not answer is reported, not waited for


@dataclass
class MailReport:
    issue: str
    recipients: int
    sent: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # sent before (the sent log)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (address, the server's reason)
    dry_run: bool = False
    subject: str = ""
    log: Path | None = None


def find_issue(target: Path, publication_root: Path | None = None) -> tuple[Publication, Issue]:
    """The publication and issue named by ``target``: an issue folder (``issues/2021-11-22``), or
    a date when ``publication_root`` is given."""
    from zhiku.sources import read_publication

    if target.is_dir() and (target / "issue.yml").is_file():
        root = publication_root or target.resolve().parent.parent
        wanted: str | None = None
        folder: Path | None = target.resolve()
    else:
        root = publication_root or Path(".")
        wanted, folder = str(target), None
    publication = read_publication(root)
    for issue in publication.issues:
        here = issue.source.file.resolve().parent
        if (folder is not None and here == folder) or issue.date.isoformat() == wanted:
            return publication, issue
    dates = "、".join(i.date.isoformat() for i in publication.issues) or "无 / none"
    raise ZhikuError(
        f"找不到这一期：{target}（本出版物有：{dates}）",
        f"no such issue: {target} (the publication has: {dates})",
        root,
    )


def newsletter_for(publication: Publication, issue: Issue) -> EmailMessage:
    """The issue's newsletter, figures drawn from the publication's data."""
    from zhiku import data
    from zhiku.render import pdf_file_name, theme_environment
    from zhiku.render.email import newsletter
    from zhiku.render.issue import draw_figures
    from zhiku.render.layout import issue_layout

    store = data.open_store(publication.root)
    views = issue_layout(issue, draw_figures(issue, store))
    return newsletter(
        theme_environment(publication), publication, issue, views, pdf_file_name(publication, issue)
    )


def _server(publication: Publication) -> MailServer:
    if publication.smtp is None:
        raise ZhikuError(
            "zhiku.yml 没有 smtp: 设置（host、port、security、user、password_env），无法发信",
            "zhiku.yml has no 'smtp:' settings (host, port, security, user, password_env): cannot send",
            publication.root / "zhiku.yml",
        )
    return publication.smtp


def _password(server: MailServer, publication: Publication) -> str | None:
    if server.user is None:
        return None
    password = os.environ.get(server.password_env)
    if not password:
        raise ZhikuError(
            f"请先在环境变量 {server.password_env} 中设置 {server.user} 的邮箱密码（不要写进 zhiku.yml）",
            f"set the mail password of {server.user} in the environment variable {server.password_env} "
            "first (never in zhiku.yml)",
            publication.root / "zhiku.yml",
        )
    return password


def _login(conn: smtplib.SMTP, user: str, password: str) -> None:
    """Log in; a user name or password beyond ASCII goes as UTF-8 (AUTH PLAIN, RFC 4616), which
    smtplib's own login cannot send (it encodes them as ASCII)."""
    if (user + password).isascii():
        conn.login(user, password)
        return
    import base64

    conn.ehlo_or_helo_if_needed()
    token = base64.b64encode(b"\0" + user.encode("utf-8") + b"\0" + password.encode("utf-8")).decode("ascii")
    code, reply = conn.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _connect(server: MailServer, password: str | None, publication: Publication) -> smtplib.SMTP:
    where = f"{server.host}:{server.port}"
    yml = publication.root / "zhiku.yml"
    try:
        conn: smtplib.SMTP
        if server.security == "ssl":
            conn = smtplib.SMTP_SSL(
                server.host, server.port, timeout=TIMEOUT, context=ssl.create_default_context()
            )
        else:
            conn = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT)
            if server.security == "starttls":
                conn.starttls(context=ssl.create_default_context())
        if server.user is not None and password is not None:
            _login(conn, server.user, password)
        return conn
    except ConnectionRefusedError:
        raise ZhikuError(
            f"邮件服务器 {where} 拒绝连接：请检查 zhiku.yml 的 smtp: host 和 port",
            f"the mail server {where} refused the connection: check 'smtp: host' and 'port' in zhiku.yml",
            yml,
        ) from None
    except socket.gaierror:
        raise ZhikuError(
            f"找不到邮件服务器 {server.host}：请检查 smtp: host 和网络",
            f"cannot find the mail server {server.host}: check 'smtp: host' and the network",
            yml,
        ) from None
    except TimeoutError:
        raise ZhikuError(
            f"邮件服务器 {where} 在 {TIMEOUT:.0f} 秒内没有应答",
            f"the mail server {where} did not answer in {TIMEOUT:.0f} s",
            yml,
        ) from None
    except smtplib.SMTPAuthenticationError:
        raise ZhikuError(
            f"邮件服务器 {where} 拒绝登录 {server.user}：请检查用户名和环境变量 "
            f"{server.password_env} 中的密码",
            f"the mail server {where} refused the login of {server.user}: check the user and the password in "
            f"{server.password_env}",
            yml,
        ) from None
    except (smtplib.SMTPException, ssl.SSLError, OSError) as err:
        raise ZhikuError(
            f"无法连接邮件服务器 {where}：{err}", f"cannot talk to the mail server {where}: {err}", yml
        ) from None


def send(
    publication: Publication,
    issue: Issue,
    recipients_csv: Path,
    *,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> MailReport:
    """Send ``issue``'s newsletter to every address of ``recipients_csv`` not yet sent to."""
    from zhiku.render.email import addressed, subject

    date = issue.date.isoformat()
    recipients = read_recipients(recipients_csv)  # every address checked before anything goes out
    done = already_sent(publication.root, date)
    report = MailReport(
        date,
        len(recipients),
        dry_run=dry_run,
        subject=subject(publication, issue),
        log=log_path(publication.root),
    )
    todo: list[Recipient] = []
    for r in recipients:
        if r.key in done:
            report.skipped.append(r.address)
        else:
            todo.append(r)
    if dry_run or not todo:
        report.sent = [r.address for r in todo] if dry_run else []
        return report
    server = _server(publication)
    password = _password(server, publication)
    message = newsletter_for(publication, issue)
    conn = _connect(server, password, publication)
    log = SentLog(publication.root)
    try:
        for n, r in enumerate(todo, start=1):
            mail = addressed(message, Address(display_name=r.name, addr_spec=r.address))
            try:
                conn.send_message(mail)
            except smtplib.SMTPRecipientsRefused as err:
                code, reason = next(iter(err.recipients.values()), (0, b""))
                report.refused.append((r.address, f"{code} {reason.decode('utf-8', 'replace')}".strip()))
                continue
            except smtplib.SMTPResponseException as err:  # the server refused this message (e.g. 554)
                raw = err.smtp_error
                why = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
                report.refused.append((r.address, f"{err.smtp_code} {why}".strip()))
                continue
            except (smtplib.SMTPServerDisconnected, OSError):
                raise ZhikuError(
                    f"发送到第 {n} 个地址时邮件服务器断开了连接；已发出的 {len(report.sent)} 封记在 "
                    f"{log.path}，重新运行会接着发",
                    f"the mail server closed the connection at address {n}; the {len(report.sent)} sent are "
                    f"recorded in {log.path} and a rerun goes on from there",
                    recipients_csv,
                    r.line,
                ) from None
            log.record(date, r.address, str(mail["Message-ID"]))
            report.sent.append(r.address)
            if progress:
                progress(n, len(todo))
    finally:
        log.close()
        with contextlib.suppress(smtplib.SMTPException):
            conn.quit()
    return report
