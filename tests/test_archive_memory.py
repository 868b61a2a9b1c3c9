"""Cross-issue memory: the archive's statements, conflicts between issues, ``zhiku facts``."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zhiku.claims.memory import record_publication
from zhiku.cli import registered
from zhiku.data.statements import StatementStore, statements_path
from zhiku.errors import ZhikuError

app = registered()  # every command, as `zhiku` with no command line registers them

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "runwaysys"
runner = CliRunner()

ISSUES = {
    # the first statement of each indicator
    "2021-11-22": (
        "中欧班列",
        "2019年，中欧班列开行8225列，同比增长29%。2019年，“一带一路”沿线国家在华实际投入外资金额"
        "84.2亿美元。2020年，中欧班列开行1.24万列。",
    ),
    # restated consistently (0.82万列 is 8225 at its precision), another indicator, another year
    "2021-12-06": (
        "再谈中欧班列",
        "2019年中欧班列开行0.82万列，综合重箱率达94%。2019年中欧班列回程开行3500列。"
        "2020年中欧班列开行12406列。",
    ),
    # restated with a conflict (8252 ≠ 8225), and a revision (修订为), and 2020 again
    "2021-12-20": (
        "三谈中欧班列",
        "2019年，中欧班列开行8252列。\n\n经修订，2019年“一带一路”沿线国家在华实际投入外资金额为"
        "86.1亿美元。2020年中欧班列开行1.24万列。",
    ),
}


def _archive(tmp_path: Path) -> Path:
    pub = tmp_path / "pub"
    (pub / "issues").mkdir(parents=True)
    (pub / "zhiku.yml").write_text("name: 测试智库\n", encoding="utf-8")
    for date, (title, body) in ISSUES.items():
        folder = pub / "issues" / date
        folder.mkdir()
        (folder / "issue.yml").write_text(f"date: {date}\narticles:\n- 01-a.md\n", encoding="utf-8")
        (folder / "01-a.md").write_text(f"---\ntitle: {title}\n---\n\n{body}\n", encoding="utf-8")
    return pub


def _conflicts(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["check", "--json", "--no-copy", *args])
    assert result.exit_code in (0, 1), result.output
    return [d for d in json.loads(result.stdout) if d["relation"] == "archive_conflict"]


def test_exactly_the_conflict_is_reported_with_both_places(tmp_path: Path) -> None:
    pub = _archive(tmp_path)
    found = _conflicts(str(pub))
    assert len(found) == 1
    c = found[0]
    assert c["file"].endswith("issues/2021-12-20/01-a.md") and c["line"] == 5
    assert c["verdict"] == "inconsistent" and c["spans"] == ["8252列"] and c["computed"] == "8225列"
    assert "2021-11-22期 issues/2021-11-22/01-a.md:5" in c["evidence"]
    roles = [i["role"] for i in c["inputs"]]
    assert roles == ["所述", "往期 2021-11-22期 issues/2021-11-22/01-a.md"]
    # the report names it too, and the exit status is the numbers' 1
    result = runner.invoke(app, ["check", "--no-copy", str(pub)], env={"COLUMNS": "200"})
    assert result.exit_code == 1 and "与往期不一致" in result.stdout


def test_a_new_issue_is_compared_with_the_recorded_archive(tmp_path: Path) -> None:
    pub = _archive(tmp_path)
    assert record_publication(pub) == 3  # what zhiku build does after a build
    assert record_publication(pub) == 0  # unchanged issues are not read again
    new = pub / "issues" / "2022-01-10"
    new.mkdir()
    (new / "issue.yml").write_text("date: 2022-01-10\narticles:\n- 01-a.md\n", encoding="utf-8")
    (new / "01-a.md").write_text(
        "---\ntitle: 四谈\n---\n\n2020年，中欧班列开行1.35万列。2019年中欧班列开行8225列。\n",
        encoding="utf-8",
    )
    found = _conflicts(str(new))  # one issue checked: compared with the others, not recorded
    assert [(c["computed"], c["spans"]) for c in found] == [("1.24万列、12406列、1.24万列", ["1.35万列"])]
    with StatementStore(pub) as store:
        assert all(s.issue != "2022-01-10" for s in store.all())
    # …and the archived 2019 conflict (2021-12-20) stays out of a check of another issue
    assert all("2021-12-20" not in str(c["file"]) for c in found)


def test_the_seed_states_nothing_twice_differently() -> None:
    assert _conflicts(str(EXAMPLE)) == []


def test_zhiku_facts_lists_every_value_with_its_place(tmp_path: Path) -> None:
    pub = _archive(tmp_path)
    record_publication(pub)
    result = runner.invoke(app, ["facts", "中欧班列开行", "--pub", str(pub), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    mine = [(r["period"], r["written"], r["issue"]) for r in rows if r["indicator"] == "中欧班列开行"]
    assert mine == [
        ("2019", "8225列", "2021-11-22"),
        ("2019", "0.82万列", "2021-12-06"),
        ("2019", "8252列", "2021-12-20"),
        ("2020", "1.24万列", "2021-11-22"),
        ("2020", "12406列", "2021-12-06"),
        ("2020", "1.24万列", "2021-12-20"),
    ]
    assert all(r["file"] == f"issues/{r['issue']}/01-a.md" and r["line"] in (5, 7) for r in rows)
    assert not any(r["revised"] for r in rows)
    table = runner.invoke(app, ["facts", "外资金额", "--pub", str(pub)], env={"COLUMNS": "200"})
    assert "86.1亿美元" in table.stdout and "修订 revised" in table.stdout and "84.2亿美元" in table.stdout
    empty = runner.invoke(app, ["facts", "国内生产总值", "--pub", str(pub)])
    assert "没有" in empty.stdout


def test_an_untrusted_store_is_set_aside_never_trusted(tmp_path: Path) -> None:
    pub = _archive(tmp_path)
    record_publication(pub)
    db = statements_path(pub)
    with sqlite3.connect(db) as conn:  # someone adds a trigger to the file
        conn.execute("CREATE TRIGGER t AFTER INSERT ON statements BEGIN DELETE FROM statements; END")
    with StatementStore(pub) as store:
        assert list(store.all()) == []  # a fresh store; the old file kept aside, not read
    assert (db.parent / "statements.sqlite.unusable").is_file()
    db.write_bytes(b"not a database")
    with StatementStore(pub) as store:
        assert list(store.all()) == []
    shutil.rmtree(pub / ".zhiku")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (pub / ".zhiku").symlink_to(outside, target_is_directory=True)
    with pytest.raises(ZhikuError, match="not a link"):
        StatementStore(pub)
    # zhiku check still checks the numbers: the data store's opening replaces the link by a folder
    # of its own (docs/security.md) and says so in one line; nothing is written through the link
    r = subprocess.run(
        [sys.executable, "-m", "zhiku", "check", "--no-copy", str(pub / "issues" / "2021-12-20")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode in (0, 1) and "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1 and "symbolic link" in r.stderr
    assert not (pub / ".zhiku").is_symlink() and (pub / ".zhiku" / "statements.sqlite").is_file()
    assert not list(outside.iterdir())


LINUX_ONLY = pytest.mark.skipif(sys.platform != "linux", reason="the check forks on Linux only")


@pytest.mark.parametrize(
    "how",
    [
        pytest.param("warm", marks=LINUX_ONLY),
        pytest.param("forked", marks=LINUX_ONLY),
        "in-process",
    ],
    ids=["check-warm", "check-forked", "check-in-process"],
)
def test_build_records_the_checks_fact_tables_without_reading_the_issues_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """zhiku build hands the number check's statements to the memory — recorded by the checker
    forked at the command's start (``checkfork.prestart``, as ``zhiku build`` does), by a child
    forked per issue, or as fact tables when this process had another thread and could not
    fork — the same statements as when the memory reads every issue itself, and no issue is
    parsed again."""
    import threading

    from zhiku.site import build_site, checkfork

    pub = _archive(tmp_path)
    (pub / "zhiku.yml").write_text("name: 测试智库\nbase_url: https://example.org/\n", encoding="utf-8")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    if how == "in-process":
        other.start()
    if how == "warm":
        checkfork.prestart(pub.absolute())
        assert checkfork._warm is not None
    try:
        report = build_site(pub, tmp_path / "site")
        asked = checkfork._warm.asked if checkfork._warm is not None else 0
    finally:
        stop.set()
        checkfork.finish()
    assert asked == (len(ISSUES) if how == "warm" else 0)  # every issue went to the warm checker
    forked = how != "in-process"
    if forked:
        assert sorted(report.recorded) == sorted(ISSUES) and not any(report.fact_tables.values())
    else:
        assert not report.recorded and all(report.fact_tables[name] for name in ISSUES)
    import zhiku.sources

    def no_reading(*_: object) -> None:
        raise AssertionError("the issues were read again")

    with monkeypatch.context() as m:
        m.setattr(zhiku.sources, "read_publication", no_reading)
        assert record_publication(pub, report.fact_tables) == len(ISSUES) - len(report.recorded)
    with StatementStore(pub) as store:
        from_tables = sorted((s.issue, s.indicator, s.period, s.value, s.line) for s in store.all())
    statements_path(pub).unlink()
    assert record_publication(pub) == len(ISSUES)  # read from the sources
    with StatementStore(pub) as store:
        from_sources = sorted((s.issue, s.indicator, s.period, s.value, s.line) for s in store.all())
    assert from_tables == from_sources and len(from_tables) >= 3
