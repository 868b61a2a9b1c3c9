"""A crafted ``.zhiku/`` cache (it travels with the publication) can neither run code, nor
delete or publish files outside the cache and the output, nor put its own pages in the site.

Each case builds through the real command line and asserts: no traceback, exit status 0 (or 2
with one bilingual line naming the file), nothing outside the output and the cache changed,
nothing from outside and no injected script in the output.
"""

from __future__ import annotations

import ast
import json
import os
import pickle
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from hostile_support import (
    EVIL,
    REPO,
    assert_clean_exit,
    assert_no_outside_content,
    example_pub,
    make_pub,
    outside,
    run,
    snapshot,
    without_cache,
)

from zhiku import integrity
from zhiku.site import cache as site_cache
from zhiku.site import linktree

PWNED = "zhiku-pwned"


class _Exploit:
    """Unpickling this object runs code: it creates the file named ``PWNED``."""

    def __init__(self, target: Path) -> None:
        self.target = str(target)

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (os.mkdir, (self.target,))  # type: ignore[return-value]


def build(
    pub: Path, out: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    return run(["build", str(pub), "--out", str(out)], monkeypatch, capsys)


def test_no_module_of_zhiku_can_unpickle_or_unmarshal() -> None:
    """The cache is data: no pickle, marshal or shelve anywhere in zhiku's code."""
    found = []
    for path in sorted((REPO / "zhiku").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            )
            found += [
                f"{path.relative_to(REPO)}: {n}"
                for n in names
                if n.split(".")[0] in ("pickle", "marshal", "shelve", "dill", "cloudpickle")
            ]
    assert not found, found


def test_pickle_files_in_the_cache_run_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = make_pub(tmp_path)
    out = tmp_path / "out"
    code, output = build(pub, out, monkeypatch, capsys)
    assert_clean_exit(code, output)
    trap = tmp_path / PWNED
    payload = pickle.dumps(_Exploit(trap))
    site = pub / ".zhiku" / "site"
    # Where the old versions kept pickles, and where a new one might look.
    (site / "sources.pickle").write_bytes(payload)
    (site / "sources.json").write_bytes(payload)
    for entry in (site / "issues").iterdir():
        os.chmod(entry, 0o755)
        (entry / ".figures.pickle").write_bytes(payload)
        (entry / ".figures.json").write_bytes(payload)
    (pub / "issues" / "2021-11-22" / "01-trade.md").write_text(
        (pub / "issues" / "2021-11-22" / "01-trade.md").read_text(encoding="utf-8") + "\n补充一段。\n",
        encoding="utf-8",
    )
    code, output = build(pub, out, monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert code == 0 and not trap.exists()
    assert "补充一段" in (out / "2021-11-22" / "trade.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("link", [".zhiku", ".zhiku/site"])
def test_a_symlinked_cache_folder_is_replaced_and_nothing_it_points_at_is_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], link: str
) -> None:
    """The reported attack: ``.zhiku/site`` pointing at the publication's own issues folder (or a
    sibling publication) made the cache pruning delete the issue folders."""
    pub = make_pub(tmp_path)
    sibling = make_pub(tmp_path / "sibling")
    victims = {"own issues": pub / "issues", "sibling": sibling, "outside": outside(tmp_path)}
    target = pub / link
    target.parent.mkdir(parents=True, exist_ok=True)
    points_at = pub / "issues" if link == ".zhiku/site" else sibling
    if link == ".zhiku/site":
        # Make the cache look like it holds entries named as the folders it points at.
        target.symlink_to(points_at, target_is_directory=True)
    else:
        target.symlink_to(points_at, target_is_directory=True)
    before = {name: snapshot(folder) for name, folder in victims.items()}
    out = tmp_path / "out"
    for _ in range(2):  # the second build prunes what the first did not use
        code, output = build(pub, out, monkeypatch, capsys)
        assert_clean_exit(code, output)
        assert code == 0
    assert "符号链接" in output or not target.is_symlink()
    assert not target.is_symlink() and target.is_dir()
    assert {name: snapshot(folder) for name, folder in victims.items()} == before
    assert_no_outside_content(out)


def _forge(path: Path, kind: str, body: object) -> None:
    """A record signed with this user's own key: what only this user's zhiku can write. The
    path checks must hold even then."""
    os.chmod(path.parent, 0o755)
    path.unlink(missing_ok=True)
    path.write_bytes(integrity.dump_signed(kind, 1, body))


@pytest.mark.parametrize("listed", ["absolute", "parent", "link"])
def test_a_cache_listing_never_makes_the_link_step_touch_a_file_outside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], listed: str
) -> None:
    """The reported attack: a listing (``.files``) naming an absolute path made the link step
    delete that file. Listings now carry a signature; even one signed with the user's own key
    that names a path leaving the entry is refused, and the issue is rendered again."""
    pub = make_pub(tmp_path)
    victim_dir = outside(tmp_path)
    victim = victim_dir / "nested" / "keep.txt"
    out = tmp_path / "out"
    code, output = build(pub, out, monkeypatch, capsys)
    assert_clean_exit(code, output)
    keys = json.loads((pub / ".zhiku" / "site" / "manifest.json").read_text(encoding="utf-8"))
    entry = pub / ".zhiku" / "site" / "issues" / keys["2021-11-22"]
    if listed == "absolute":
        rel = str(victim)
    elif listed == "parent":
        rel = os.path.relpath(victim, entry)
    else:  # a plain name that is a symbolic link to the victim
        os.chmod(entry, 0o755)
        (entry / "evil.html").symlink_to(victim)
        rel = "evil.html"
    sha = integrity.sha256_file(victim)
    st = victim.stat()
    record = {"key": keys["2021-11-22"], "files": {rel: [sha, st.st_size, st.st_mtime_ns, st.st_ino]}}
    _forge(entry / site_cache.MANIFEST, site_cache.KIND, record)
    (entry / ".files").write_text(f"{victim}\n", encoding="utf-8")  # the old listing, ignored
    before = snapshot(victim_dir)
    shutil.rmtree(out)  # a fresh site: every file is linked anew from the cache
    code, output = build(pub, out, monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert code == 0
    assert snapshot(victim_dir) == before
    assert (out / "2021-11-22" / "trade.html").is_file()
    assert_no_outside_content(out)


def test_the_link_step_itself_refuses_a_path_leaving_the_site(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    (tmp_path / "site").mkdir()
    for rel in (str(victim), "../victim.txt", "a/../../victim.txt"):
        with pytest.raises(ValueError):
            linktree.sync_links(tmp_path / "site", {rel: victim})
    assert victim.read_text(encoding="utf-8") == "keep"


def test_a_cached_page_that_changed_is_not_republished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Cached pages and PDFs carry a content hash: an edited one (here a script added to the
    cached article page, and the PDF truncated) is rendered again, never linked into the site."""
    pub = make_pub(tmp_path)
    out = tmp_path / "out"
    code, output = build(pub, out, monkeypatch, capsys)
    assert_clean_exit(code, output)
    clean_page = (out / "2021-11-22" / "trade.html").read_bytes()
    keys = json.loads((pub / ".zhiku" / "site" / "manifest.json").read_text(encoding="utf-8"))
    entry = pub / ".zhiku" / "site" / "issues" / keys["2021-11-22"]
    page = entry / "2021-11-22" / "trade.html"
    pdf = next((entry / "2021-11-22").glob("*.pdf"))
    for f in (page, pdf):
        os.chmod(f, 0o644)
    page.write_bytes(clean_page.replace(b"</main>", f"<script>{EVIL}</script></main>".encode()))
    pdf.write_bytes(pdf.read_bytes()[:100])
    shutil.rmtree(out)
    code, output = build(pub, out, monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert code == 0
    assert (out / "2021-11-22" / "trade.html").read_bytes() == clean_page
    assert next((out / "2021-11-22").glob("*.pdf")).read_bytes()[:5] == b"%PDF-"
    assert next((out / "2021-11-22").glob("*.pdf")).stat().st_size > 1000
    assert_no_outside_content(out)


def test_a_cache_written_with_another_key_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A colleague's cache (signed with their key) is rebuilt, not republished: here its
    entry's page carries a script and its manifest was signed to match, with another key."""
    pub = make_pub(tmp_path)
    out = tmp_path / "out"
    code, output = build(pub, out, monkeypatch, capsys)
    assert_clean_exit(code, output)
    clean_page = (out / "2021-11-22" / "trade.html").read_bytes()
    keys = json.loads((pub / ".zhiku" / "site" / "manifest.json").read_text(encoding="utf-8"))
    entry = pub / ".zhiku" / "site" / "issues" / keys["2021-11-22"]
    page = entry / "2021-11-22" / "trade.html"
    os.chmod(page, 0o644)
    page.write_bytes(clean_page.replace(b"</main>", f"<script>{EVIL}</script></main>".encode()))
    mine = integrity.cache_key()
    monkeypatch.setattr(integrity, "cache_key", lambda: b"another machine's key".ljust(32, b"!"))
    files = linktree.tree_files(entry)
    integrity.seal_tree(entry, site_cache.KIND, keys["2021-11-22"], files, site_cache.MANIFEST)
    monkeypatch.setattr(integrity, "cache_key", lambda: mine)
    shutil.rmtree(out)
    code, output = build(pub, out, monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert (out / "2021-11-22" / "trade.html").read_bytes() == clean_page
    assert_no_outside_content(out)


def test_a_search_bundle_marked_complete_but_empty_is_indexed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The reported failure: a search cache entry marked complete but empty was published by
    every later build. A bundle is reused only when its signed manifest lists Pagefind's entry
    file and every listed file is there with its content."""
    pub = make_pub(tmp_path)
    out = tmp_path / "out"
    code, output = build(pub, out, monkeypatch, capsys)
    assert_clean_exit(code, output)
    search = pub / ".zhiku" / "site" / "search"
    (bundle_dir,) = [p for p in search.iterdir() if not p.name.startswith(".")]
    for p in sorted(bundle_dir.rglob("*"), reverse=True):
        os.chmod(p, 0o755) if p.is_dir() else p.unlink()
    for p in sorted(bundle_dir.rglob("*"), reverse=True):
        p.rmdir()
    (bundle_dir / ".complete").write_text(bundle_dir.name, encoding="utf-8")  # the old marker
    # and a manifest signed with the user's key but listing nothing
    _forge(bundle_dir / ".bundle.json", "search-bundle", {"key": bundle_dir.name, "files": {}})
    shutil.rmtree(out)
    code, output = build(pub, out, monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert (out / "pagefind" / "2021" / "pagefind-entry.json").is_file()
    assert list((out / "pagefind" / "2021").glob("fragment/*"))


def test_a_crafted_spare_site_cannot_make_the_build_delete_through_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``zhiku serve`` writes to ``<publication>/_site``, so the spare site a build reuses
    (``._site.spare``) can come with the publication: links in it are removed, never followed."""
    pub = make_pub(tmp_path)
    victim = outside(tmp_path)
    spare = pub / "._site.spare"
    spare.mkdir()
    (spare / ".zhiku-site").write_text("zhiku\n", encoding="utf-8")
    (spare / "pagefind").symlink_to(victim, target_is_directory=True)
    (spare / "2021-11-22").symlink_to(victim / "nested", target_is_directory=True)
    (spare / "feed.xml").symlink_to(victim / "secret.md")
    before = snapshot(victim)
    code, output = build(pub, pub / "_site", monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert code == 0
    assert snapshot(victim) == before
    assert_no_outside_content(pub / "_site")
    assert not (pub / "_site" / "feed.xml").is_symlink()


def test_a_symlinked_spare_is_dropped_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = make_pub(tmp_path)
    victim = outside(tmp_path)
    (victim / ".zhiku-site").write_text("zhiku\n", encoding="utf-8")  # looks like a site
    (tmp_path / ".out.spare").symlink_to(victim, target_is_directory=True)
    before = snapshot(victim)
    out = tmp_path / "out"
    for _ in range(3):
        code, output = build(pub, out, monkeypatch, capsys)
        assert_clean_exit(code, output)
    assert snapshot(victim) == before


def test_a_crafted_data_store_is_rebuilt_from_the_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``.zhiku/data.sqlite`` from elsewhere (its numbers changed, or a link to another store)
    is not trusted: the store is rebuilt from data/*.csv."""
    import sqlite3

    from zhiku.data import open_store

    pub = example_pub(tmp_path)
    with open_store(pub) as store:
        series = store.list_series()[0].id
        period, value = store.observations(series)[-1]
    db = pub / ".zhiku" / "data.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE observations SET value = 999999 WHERE series_id = ?", (series,))
    with open_store(pub) as store:
        assert store.value(series, period) == value
    other = tmp_path / "other.sqlite"
    shutil.copyfile(db, other)
    with sqlite3.connect(other) as conn:
        conn.execute("UPDATE observations SET value = 999999 WHERE series_id = ?", (series,))
    db.unlink()
    db.symlink_to(other)
    before = snapshot(tmp_path / "other.sqlite")
    code, output = run(["data", "show", series, "--pub", str(pub), "--json"], monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert "999999" not in output
    assert not db.is_symlink()
    assert snapshot(tmp_path / "other.sqlite") == before


def test_a_build_changes_nothing_outside_the_output_and_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The baseline every hostile case relies on: sources untouched, the build writes only the
    output (and its spare and lock beside it) and the publication's ``.zhiku/``."""
    pub = make_pub(tmp_path)
    before = without_cache(snapshot(pub))
    out = tmp_path / "out"
    for _ in range(2):
        code, output = build(pub, out, monkeypatch, capsys)
        assert_clean_exit(code, output)
    assert without_cache(snapshot(pub)) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.spare", "bystander", "out", "pub"]
