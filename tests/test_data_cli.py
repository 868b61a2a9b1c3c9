"""``zhiku data list/show/import`` through the real entry point, on a copy of the example."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from zhiku.cli import main
from zhiku.data import open_store, store_path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "runwaysys"

NEW_CSV = (
    "indicator,period,value,unit,name,source,note\n"
    "bri.contracting.new_contracts_2020,2020,2555.4,亿美元,2020年新签合同额,seed,原文：高达2555.4亿美元\n"
)


def zhiku(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["zhiku", *args])
    monkeypatch.setenv("COLUMNS", "200")
    code: int | str | None = 0
    try:
        main()
    except SystemExit as e:
        code = e.code
    out = capsys.readouterr()
    return int(code or 0), out.out, out.err


@pytest.fixture
def pub(tmp_path: Path) -> Path:
    root = tmp_path / "runwaysys"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".zhiku"))
    return root


def test_list_json(pub: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = zhiku(["data", "list", "--pub", str(pub), "--json"], monkeypatch, capsys)
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    assert set(rows) == {
        "bri.contracting.new_contracts", "bri.contracting.turnover", "china_europe_rail.trains",
        "fx.usd_cny.annual", "us.cpi_u.index.annual", "us.cpi_u.inflation.annual",
        "us.cpi_u.inflation.monthly_yoy",
    }
    trains = rows["china_europe_rail.trains"]
    assert (trains["first"], trains["last"], trains["count"]) == ("2018", "2020", 3)
    assert rows["us.cpi_u.inflation.annual"]["source"] == "美国劳工统计局（BLS）"


def test_list_table_outside_a_publication_shows_bundled_series(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    code, out, _ = zhiku(["data", "list"], monkeypatch, capsys)
    assert code == 0
    assert "us.cpi_u.inflation.annual" in out and "fx.usd_cny.annual" in out
    assert "china_europe_rail.trains" not in out


def test_show(pub: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = zhiku(
        ["data", "show", "us.cpi_u.inflation.annual", "--pub", str(pub), "--from", "1979", "--to", "1981",
         "--json"],
        monkeypatch,
        capsys,
    )
    assert code == 0
    data = json.loads(out)
    assert [(o["period"], o["value"]) for o in data["observations"]] == [
        ("1979", 11.3), ("1980", 13.5), ("1981", 10.3),
    ]
    assert data["series"]["source_url"].startswith("https://")
    code, out, _ = zhiku(["data", "show", "china_europe_rail.trains", "--pub", str(pub)], monkeypatch, capsys)
    assert code == 0
    assert "12400" in out and "兰瑞智库《政策观察》" in out and "data/china_europe_trains.csv:2" in out


def test_show_unknown_series(
    pub: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = zhiku(["data", "show", "cer.trains", "--pub", str(pub)], monkeypatch, capsys)
    assert code == 2 and out == ""
    assert "cer.trains" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_import_copies_and_rebuilds(
    pub: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    open_store(pub).close()
    src = tmp_path / "contracts2020.csv"
    src.write_bytes(NEW_CSV.encode("gbk"))  # as WPS on Chinese Windows saves it
    code, out, _ = zhiku(["data", "import", str(src), "--pub", str(pub), "--json"], monkeypatch, capsys)
    assert code == 0
    result = json.loads(out)
    assert result["series"] == ["bri.contracting.new_contracts_2020"]
    assert result["read"] == ["data/contracts2020.csv"]  # only the new file was read
    assert (pub / "data" / "contracts2020.csv").read_bytes() == src.read_bytes()
    with open_store(pub) as store:
        assert store.value("bri.contracting.new_contracts_2020", 2020) == 2555.4
    # Importing the same name again needs --force.
    code, _, err = zhiku(["data", "import", str(src), "--pub", str(pub)], monkeypatch, capsys)
    assert code == 2 and "--force" in err
    src.write_text(NEW_CSV.replace("2555.4", "2555.5"), encoding="utf-8")
    code, out, _ = zhiku(["data", "import", str(src), "--pub", str(pub), "--force"], monkeypatch, capsys)
    assert code == 0 and "bri.contracting.new_contracts_2020" in out
    with open_store(pub) as store:
        assert store.value("bri.contracting.new_contracts_2020", 2020) == 2555.5


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (NEW_CSV.replace("2555.4", "2555.4亿"), ":2: "),  # not a number: line 2 of the file imported
        # Defined twice: the error names the file the user gave, and the first definition.
        (NEW_CSV.replace("new_contracts_2020", "new_contracts"), "bri_contracting.csv:2"),
    ],
)
def test_import_bad_csv_changes_nothing(
    pub: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    text: str, where: str,
) -> None:
    open_store(pub).close()
    before = store_path(pub).read_bytes()
    data_before = sorted(p.name for p in (pub / "data").iterdir())
    src = tmp_path / "contracts2020.csv"
    src.write_text(text, encoding="utf-8")
    code, _, err = zhiku(["data", "import", str(src), "--pub", str(pub)], monkeypatch, capsys)
    assert code == 2 and where in err and " / " in err
    assert err.startswith(f"错误 error: {src}:2: ")
    assert sorted(p.name for p in (pub / "data").iterdir()) == data_before
    assert store_path(pub).read_bytes() == before


def test_import_missing_file_and_not_a_publication(
    pub: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.csv"
    code, _, err = zhiku(["data", "import", str(missing), "--pub", str(pub)], monkeypatch, capsys)
    assert code == 2 and "nope.csv" in err and "不存在" in err
    src = tmp_path / "x.csv"
    src.write_text(NEW_CSV, encoding="utf-8")
    code, _, err = zhiku(["data", "import", str(src), "--pub", str(tmp_path)], monkeypatch, capsys)
    assert code == 2 and "zhiku.yml" in err
    assert not (tmp_path / "data").exists()
