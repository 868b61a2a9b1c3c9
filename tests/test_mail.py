"""The e-mail newsletter: ``email/<date>.eml`` as ``zhiku build`` writes it, and ``zhiku mail``
sending it through a real SMTP server (aiosmtpd on 127.0.0.1) — what arrives is parsed; reruns
send nothing twice; a bad address or a refused connection is one line. Chromium shows the HTML part.
"""

from __future__ import annotations

import base64
import email
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from chromium import ARGS, CHROMIUM, MISSING
from test_render_support import ARTIFACTS, example_issue, paragraphs, squash

from zhiku.render import render_issue
from zhiku.render.inline import inline_plain

DATE = "2021-11-22"
PASSWORD_ENV = "ZHIKU_TEST_SMTP_PASSWORD"

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")
aiosmtpd_smtp = pytest.importorskip("aiosmtpd.smtp")


class Inbox:
    """An aiosmtpd handler that keeps every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], EmailMessage]] = []
        self.logins: list[str] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        content = envelope.content  # type: ignore[attr-defined]
        msg = email.message_from_bytes(content, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        self.messages.append((list(envelope.rcpt_tos), msg))  # type: ignore[attr-defined]
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, options):  # type: ignore[no-untyped-def]
        if address.startswith("refuse-me@"):
            return "550 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()

    def authenticate(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
        ok = auth_data.login == b"editor" and auth_data.password == b"s3cret-\xe5\xaf\x86"
        if ok:
            inbox.logins.append(auth_data.login.decode())
        return aiosmtpd_smtp.AuthResult(success=ok)

    port = _free_port()
    controller = aiosmtpd_controller.Controller(
        inbox, hostname="127.0.0.1", port=port, authenticator=authenticate, auth_require_tls=False
    )
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    base = tmp_path_factory.mktemp("mail")
    publication, issue, store = example_issue(base / "pub")
    render_issue(publication, issue, base / "site", store=store, findings=[])  # type: ignore[arg-type]
    return base / "site" / DATE / "email" / f"{DATE}.eml", issue


def _publication(tmp: Path, port: int, extra: str = "") -> Path:
    from test_site_support import example_publication

    pub = example_publication(tmp / "pub")
    yml = pub / "zhiku.yml"
    yml.write_text(
        yml.read_text(encoding="utf-8")
        + f"smtp:\n  host: 127.0.0.1\n  port: {port}\n  security: none\n  user: editor\n"
        + f"  password_env: {PASSWORD_ENV}\n"
        + "unsubscribe: https://www.runwaysys.com/unsubscribe\n"
        + extra,
        encoding="utf-8",
    )
    return pub


def _zhiku(*args: str, password: str | None = "s3cret-密") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != PASSWORD_ENV}
    if password is not None:
        env[PASSWORD_ENV] = password
    return subprocess.run(
        [sys.executable, "-m", "zhiku", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_the_eml_is_plain_and_inline_styled_html_with_cid_images(rendered: tuple[Path, object]) -> None:
    eml, issue = rendered
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert isinstance(msg, EmailMessage)
    assert msg.get_content_type() == "multipart/alternative"
    plain_part, related = msg.get_payload()  # type: ignore[misc]
    assert plain_part.get_content_type() == "text/plain" and related.get_content_type() == "multipart/related"
    html_part, *images = related.get_payload()
    assert html_part.get_content_type() == "text/html"
    assert msg["Subject"] == "兰瑞智库·政策观察 2021年11月22日"
    assert msg["From"] == "兰瑞智库 <runwaysys@163.com>"
    assert msg["List-Unsubscribe"].startswith("<mailto:runwaysys@163.com?subject=")
    html = html_part.get_content()
    # figures as CID attachments, each referenced by the HTML
    cids = {p["Content-ID"].strip("<>") for p in images}
    assert len(images) == 3 and all(p.get_content_type() == "image/png" for p in images)
    assert set(re.findall(r'src="cid:([^"]+)"', html)) == cids
    # the 600 px table layout, every style inline
    assert re.search(r'<table[^>]*width="600"', html) and "max-width: 600px" in html
    for leftover in ("<style", "<script", " class=", "data:image", "<section"):
        assert leftover not in html
    plain = plain_part.get_content()
    for p in paragraphs(issue):  # type: ignore[arg-type]
        assert squash(inline_plain(p.text)) in squash(plain)
        assert squash(inline_plain(p.text)) in squash(re.sub(r"<[^>]+>", "", html))
    assert "退订 / Unsubscribe" in plain


def test_the_newsletter_in_chromium(rendered: tuple[Path, object]) -> None:
    if not CHROMIUM.exists():
        pytest.skip(MISSING)
    from playwright.sync_api import sync_playwright

    eml, _ = rendered
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert isinstance(msg, EmailMessage)
    body = msg.get_body(("html",))
    assert body is not None
    html = body.get_content()
    for part in msg.walk():  # what a mail client does with cid: pictures
        if part["Content-ID"]:
            data = base64.b64encode(part.get_payload(decode=True)).decode()
            html = html.replace(f"cid:{part['Content-ID'].strip('<>')}", f"data:image/png;base64,{data}")
    out = ARTIFACTS / "mail"
    out.mkdir(parents=True, exist_ok=True)
    page_file = out / "newsletter.html"
    page_file.write_text(html, encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 800, "height": 1000})
        page.goto(page_file.as_uri())
        column = page.evaluate("document.querySelector('table[width=\"600\"]').getBoundingClientRect().width")
        assert column == 600
        assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
        widths = page.evaluate("[...document.images].map(i => i.getBoundingClientRect().width)")
        assert widths and all(w <= 568 for w in widths)
        assert page.evaluate("document.documentElement.scrollWidth") <= 800
        page.screenshot(path=str(out / "newsletter-800.png"))
        browser.close()


def test_mail_sends_each_address_once(smtp_server: tuple[Inbox, int], tmp_path: Path) -> None:
    inbox, port = smtp_server
    pub = _publication(tmp_path, port)
    csv_file = tmp_path / "addresses.csv"
    csv_file.write_text("姓名,邮箱\n张三,zhang.san@example.com\nLi Si,li.si@example.org\n", encoding="gbk")
    issue = pub / "issues" / DATE
    first = _zhiku("mail", str(issue), "--to", str(csv_file))
    assert first.returncode == 0, first.stderr
    assert len(inbox.messages) == 2 and inbox.logins == [
        "editor",
    ]
    rcpts = sorted(r for rs, _ in inbox.messages for r in rs)
    assert rcpts == ["li.si@example.org", "zhang.san@example.com"]
    for rs, msg in inbox.messages:
        assert msg["To"].addresses[0].addr_spec == rs[0]
        assert msg["Subject"] == "兰瑞智库·政策观察 2021年11月22日"
        assert msg["List-Unsubscribe"] == "<https://www.runwaysys.com/unsubscribe>"
        assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert msg["Message-ID"] and msg["Date"]
        html = msg.get_body(("html",))
        assert html is not None and "中美元首会晤" in html.get_content()
        assert len([p for p in msg.walk() if p.get_content_type() == "image/png"]) == 3
    assert str(inbox.messages[0][1]["To"]) in ("张三 <zhang.san@example.com>", "Li Si <li.si@example.org>")
    ids = {str(m["Message-ID"]) for _, m in inbox.messages}
    assert len(ids) == 2
    log = (pub / "mail" / "sent.csv").read_text(encoding="utf-8").splitlines()
    assert log[0] == "issue,address,message_id,sent_at" and len(log) == 3
    # A rerun sends nothing again; a new address on the list gets it.
    again = _zhiku("mail", str(issue), "--to", str(csv_file))
    assert again.returncode == 0 and len(inbox.messages) == 2
    assert "跳过 / already sent, skipped: 2" in again.stderr
    with csv_file.open("a", encoding="gbk") as f:
        f.write("王五,wang.wu@example.net\n")
    third = _zhiku("mail", str(issue), "--to", str(csv_file))
    assert third.returncode == 0 and len(inbox.messages) == 3
    assert inbox.messages[-1][0] == ["wang.wu@example.net"]


def test_dry_run_connects_to_nothing(smtp_server: tuple[Inbox, int], tmp_path: Path) -> None:
    inbox, port = smtp_server
    pub = _publication(tmp_path, port)
    csv_file = tmp_path / "list.csv"
    csv_file.write_text("a@example.com\nb@example.com\n", encoding="utf-8")
    run = _zhiku("mail", DATE, "--publication", str(pub), "--to", str(csv_file), "--dry-run", password=None)
    assert run.returncode == 0, run.stderr
    assert "would send to 2" in run.stderr and "a@example.com" in run.stderr
    assert inbox.messages == [] and inbox.logins == []
    assert not (pub / "mail" / "sent.csv").exists()


def test_a_refused_recipient_does_not_stop_the_others(smtp_server: tuple[Inbox, int], tmp_path: Path) -> None:
    inbox, port = smtp_server
    pub = _publication(tmp_path, port)
    csv_file = tmp_path / "list.csv"
    csv_file.write_text("email\nrefuse-me@example.com\nok@example.com\n", encoding="utf-8")
    run = _zhiku("mail", str(pub / "issues" / DATE), "--to", str(csv_file))
    assert run.returncode == 1
    assert "refuse-me@example.com" in run.stderr and "550" in run.stderr
    assert [r for r, _ in inbox.messages] == [["ok@example.com"]]


@pytest.mark.parametrize(
    ("csv_text", "expected"),
    [
        (
            "email\nok@example.com\nnot-an-address@\n",
            r"list\.csv:3: .*not a valid e-mail address: 'not-an-address@'",
        ),
        ("email\nok@example.com\n两个 空格@example.com\n", r"list\.csv:3: .*not a valid e-mail address"),
    ],
)
def test_a_bad_address_is_one_line_and_nothing_is_sent(
    smtp_server: tuple[Inbox, int], tmp_path: Path, csv_text: str, expected: str
) -> None:
    inbox, port = smtp_server
    pub = _publication(tmp_path, port)
    csv_file = tmp_path / "list.csv"
    csv_file.write_text(csv_text, encoding="utf-8")
    run = _zhiku("mail", str(pub / "issues" / DATE), "--to", str(csv_file))
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and re.search(expected, lines[0]), run.stderr
    assert "Traceback" not in run.stderr
    assert inbox.messages == []


def test_a_refused_connection_is_one_line(tmp_path: Path) -> None:
    port = _free_port()  # nothing listens there
    pub = _publication(tmp_path, port)
    csv_file = tmp_path / "list.csv"
    csv_file.write_text("ok@example.com\n", encoding="utf-8")
    run = _zhiku("mail", str(pub / "issues" / DATE), "--to", str(csv_file))
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and f"127.0.0.1:{port}" in lines[0] and "refused the connection" in lines[0], (
        run.stderr
    )
    assert not (pub / "mail" / "sent.csv").exists()


def test_the_password_never_comes_from_the_file(tmp_path: Path) -> None:
    pub = _publication(tmp_path, 25, extra="")
    yml = pub / "zhiku.yml"
    yml.write_text(
        yml.read_text(encoding="utf-8").replace("  user: editor\n", "  user: editor\n  password: x\n"),
        encoding="utf-8",
    )
    csv_file = tmp_path / "list.csv"
    csv_file.write_text("ok@example.com\n", encoding="utf-8")
    run = _zhiku("mail", str(pub / "issues" / DATE), "--to", str(csv_file))
    assert run.returncode == 2 and "password_env" in run.stderr and "zhiku.yml" in run.stderr
    yml.write_text(yml.read_text(encoding="utf-8").replace("  password: x\n", ""), encoding="utf-8")
    run = _zhiku("mail", str(pub / "issues" / DATE), "--to", str(csv_file), password=None)
    assert run.returncode == 2 and PASSWORD_ENV in run.stderr
