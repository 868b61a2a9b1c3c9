"""The series store: BLS CPI-U values, the bundled exchange rates, CSV sources, rebuilds, bad data."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from zhiku.data import (
    ANNUAL_INFLATION,
    FX_USD_CNY_ANNUAL,
    MONTHLY_YOY,
    Store,
    UnknownSeriesError,
    bundled_store,
    open_store,
    store_path,
)
from zhiku.errors import ZhikuError

TRAINS = (
    "indicator,period,value,unit,name,source,note\n"
    "cer.trains,2018,6300,列,中欧班列开行数量,seed,去程3610+回程2690\n"
    "cer.trains,2019,8225,列,,,\n"
    "cer.trains,2020,12400,列,,,1.24万列\n"
)


def make_pub(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    root = tmp_path / "pub"
    (root / "data").mkdir(parents=True)
    for name, content in files.items():
        path = root / "data" / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def pub_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    root = make_pub(tmp_path_factory.mktemp("s"), {"trains.csv": TRAINS})
    with open_store(root) as store:
        yield store


def test_bls_annual_inflation_is_bls_own_numbers(pub_store: Store) -> None:
    assert pub_store.value(ANNUAL_INFLATION, 1980) == 13.5
    assert pub_store.value(ANNUAL_INFLATION, 2009) == -0.4
    assert pub_store.value(ANNUAL_INFLATION, 2021) == 4.7
    assert pub_store.value(ANNUAL_INFLATION, 1960) == 1.7
    obs = pub_store.observations(ANNUAL_INFLATION, 1960, 2021)
    assert obs[0] == ("1960", 1.7)
    assert obs[-1] == ("2021", 4.7)
    assert len(obs) == 62  # every year 1960..2021, none missing
    info = pub_store.series(ANNUAL_INFLATION)
    assert info.source == "美国劳工统计局（BLS）"
    assert info.source_url.startswith("https://")
    assert info.unit == "%"
    assert info.frequency == "annual"


def test_bls_annual_average_index_and_monthly_yoy(pub_store: Store) -> None:
    assert pub_store.value("us.cpi_u.index.annual", 2021) == 270.97
    # 美国10月CPI增速已突破6%: October 2021 over October 2020.
    assert pub_store.value(MONTHLY_YOY, "2021-10") == 6.2
    assert pub_store.value(MONTHLY_YOY, "2022-06") == 9.1
    assert pub_store.series(MONTHLY_YOY).frequency == "monthly"
    # A coarse bound includes every month of that year.
    assert [p for p, _ in pub_store.observations(MONTHLY_YOY, "2021", "2021")] == [
        f"2021-{m:02d}" for m in range(1, 13)
    ]


def test_bundled_exchange_rates(pub_store: Store) -> None:
    assert pub_store.value(FX_USD_CNY_ANNUAL, 2020) == 6.8976
    assert pub_store.value(FX_USD_CNY_ANNUAL, 2013) == 6.1932
    records = pub_store.observation_records(FX_USD_CNY_ANNUAL)
    assert [r.period for r in records] == [str(y) for y in range(2013, 2025)]
    assert all("国民经济和社会发展统计公报" in r.note and f"{r.value:.4f}" in r.note for r in records)
    assert pub_store.series(FX_USD_CNY_ANNUAL).unit == "元/美元"


def test_csv_series_with_provenance(pub_store: Store) -> None:
    assert pub_store.observations("cer.trains") == [("2018", 6300.0), ("2019", 8225.0), ("2020", 12400.0)]
    info = pub_store.series("cer.trains")
    assert (info.name_zh, info.unit, info.source, info.file, info.line) == (
        "中欧班列开行数量", "列", "seed", "data/trains.csv", 2,
    )
    assert "1.24万列" in info.notes
    assert pub_store.value("cer.trains", 2017) is None


def test_unknown_series_suggests_close_ids(pub_store: Store) -> None:
    with pytest.raises(UnknownSeriesError) as e:
        pub_store.series("us.cpi_u.inflation.anual")
    assert "us.cpi_u.inflation.annual" in str(e.value)
    assert isinstance(e.value, ZhikuError)


def test_rebuild_reads_only_changed_sources(tmp_path: Path) -> None:
    root = make_pub(tmp_path, {"a.csv": TRAINS, "b.csv": TRAINS.replace("cer.trains", "other")})
    with open_store(root) as s:
        # The bundled series come from the user's cached store of them (built now if need be).
        assert set(s.report.read) == {"data/a.csv", "data/b.csv"}
        assert s.value("us.cpi_u.inflation.annual", 2021) == 4.7
        assert s.value("cer.trains", 2020) == 12400
    with open_store(root) as s:
        assert s.report.read == ()
        assert not s.report.rebuilt
    (root / "data" / "a.csv").write_text(TRAINS.replace("12400", "12401"), encoding="utf-8")
    with open_store(root) as s:
        assert s.report.read == ("data/a.csv",)
        assert s.value("cer.trains", 2020) == 12401
        assert s.value("other", 2020) == 12400  # kept from the unchanged source
    (root / "data" / "b.csv").unlink()
    with open_store(root) as s:
        assert s.report.read == ()
        assert s.report.removed == ("data/b.csv",)
        assert not s.has_series("other")
        assert s.has_series("cer.trains")


def test_gbk_and_bom_csv_files_read(tmp_path: Path) -> None:
    root = make_pub(
        tmp_path,
        {
            "gbk.csv": ("指标,时期,数值,单位,来源\nx.gbk,2021年10月,1.5,亿元,国家统计局\n").encode("gbk"),
            "bom.csv": (
                "\ufeffindicator,period,value,unit,source\nx.bom,2020,\"1,548.9\",亿美元,商务部\n"
            ).encode(),
        },
    )
    with open_store(root) as s:
        assert s.observations("x.gbk") == [("2021-10", 1.5)]
        assert s.series("x.gbk").source == "国家统计局"
        assert s.value("x.bom", 2020) == 1548.9


BAD_CASES = {
    "wrong column": ("indicator,period,valu,unit,source\nx,2020,1,%,s\n", 1, "valu"),
    "missing column": ("indicator,period,value,source\nx,2020,1,s\n", 1, "unit"),
    "non-number": ("indicator,period,value,unit,source\nx,2019,1,%,s\nx,2020,约8000,%,\n", 3, "第3列"),
    "duplicate period": (
        "indicator,period,value,unit,source\nx,2019,1,%,s\nx,2020,2,%,\nx,2020,3,%,\n", 4, "第3行"
    ),
    "bad period": ("indicator,period,value,unit,source\nx,二〇二〇,1,%,s\n", 2, "第2列"),
    "conflicting unit": ("indicator,period,value,unit,source\nx,2019,1,%,s\nx,2020,2,亿元,\n", 3, "第4列"),
    "no source": ("indicator,period,value,unit,source\nx,2019,1,%,\n", 2, "source"),
    "ragged row": ("indicator,period,value,unit,source\nx,2019,1,%,s,extra\n", 2, "5"),
    "empty file": ("", None, "空"),  # read_text refuses it before the CSV reader sees it
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_csv_names_file_and_line_and_keeps_old_store(tmp_path: Path, case: str) -> None:
    text, line, fragment = BAD_CASES[case]
    root = make_pub(tmp_path, {"good.csv": TRAINS})
    with open_store(root):
        pass
    before = store_path(root).read_bytes()
    bad = root / "data" / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ZhikuError) as e:
        open_store(root)
    assert e.value.file == bad
    assert e.value.line == line
    assert fragment in e.value.message
    assert " / " in e.value.message  # Chinese and English
    # No half-written store: the old one is byte for byte intact, no temporary file is left.
    assert store_path(root).read_bytes() == before
    # (data.sqlite.mac: the store's signature, see zhiku.data.store)
    assert sorted(p.name for p in store_path(root).parent.iterdir()) == ["data.sqlite", "data.sqlite.mac"]
    bad.write_text(text.replace("约8000", "8000"), encoding="utf-8") if case == "non-number" else bad.unlink()
    with open_store(root) as s:
        assert s.value("cer.trains", 2019) == 8225


def test_series_defined_twice_is_an_error(tmp_path: Path) -> None:
    root = make_pub(tmp_path, {"a.csv": TRAINS, "b.csv": TRAINS})
    with pytest.raises(ZhikuError) as e:
        open_store(root)
    assert e.value.file == root / "data" / "b.csv"
    assert e.value.line == 2
    assert "data/a.csv:2" in e.value.message
    assert not store_path(root).exists()


def test_missing_publication_folder(tmp_path: Path) -> None:
    with pytest.raises(ZhikuError) as e:
        open_store(tmp_path / "nope")
    assert e.value.file == tmp_path / "nope"


def test_bundled_store_lives_in_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with bundled_store() as s:
        assert s.path == tmp_path / "zhiku" / "bundled-data.sqlite"
        assert s.value(ANNUAL_INFLATION, 2021) == 4.7
        assert s.value(FX_USD_CNY_ANNUAL, 2020) == 6.8976
        assert {i.id for i in s.list_series()} == {
            "us.cpi_u.index.annual", ANNUAL_INFLATION, MONTHLY_YOY, FX_USD_CNY_ANNUAL,
        }
    with bundled_store() as s:
        assert s.report.read == ()


def test_first_build_starts_from_the_cached_bundled_store_only_when_it_is_ours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A publication's first store copies the bundled series from the user's cache; a cached
    store that is not the one this user's zhiku signed (edited, foreign) is not used."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = make_pub(tmp_path / "p1", {"a.csv": TRAINS})
    with open_store(root) as s:
        assert s.value("us.cpi_u.inflation.annual", 2021) == 4.7
    cached = tmp_path / "cache" / "zhiku" / "bundled-data.sqlite"
    assert cached.is_file()
    # Someone edits the cached store: a new publication's store must not inherit the edit.
    with sqlite3.connect(cached) as conn:
        conn.execute("UPDATE observations SET value = 99 WHERE series_id = 'us.cpi_u.inflation.annual'")
    root2 = make_pub(tmp_path / "p2", {"a.csv": TRAINS})
    with open_store(root2) as s:
        assert s.value("us.cpi_u.inflation.annual", 2021) == 4.7
    with sqlite3.connect(cached) as conn:  # rebuilt from the cpi package
        row = conn.execute(
            "SELECT value FROM observations WHERE series_id = 'us.cpi_u.inflation.annual' AND period = '2021'"
        ).fetchone()
    assert row == (4.7,)
