"""Briefs by independent authors (``tests/fixtures/heldout/``), scored by the claims development
set's own ``score.py`` on the findings of ``zhiku check``.

Every author has been read and the checker mended on them: no false alarm on a correct version
and no false positive on a broken one (the checker's first promise), and at least as many injected
errors found as today. A round scored unseen and read only in part is held by a ratchet instead
(``RATCHETS``): its false alarms and false positives may only fall, its errors found only rise.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from zhiku.claims import check_paths

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
SCORER = ROOT.parent / "shared" / "claims-dev" / "score.py"
AUTHORS = sorted(p.name for p in HELDOUT.iterdir() if p.is_dir())

# Today's score, summed over the authors (docs/benchmarks.md, "Held-out briefs").
# Rounds of four: a–d, e–h, i–l, m–p, q–t, u–x, then y–ab, ac–af, ag–aj, ak–an, ao–ar, as–av, aw–az,
# ba–bd, be–bh, bi–bl, bm–bp, bq–bt, bu–bx, by–cb, cc–cf, cg–cj, ck–cn, co–cr, cs–cv, cw–cz, da–dd,
# de–dh, di–dl, dm–dp, dq–dt, du–dx, dy–eb, ec–ef, eg–ej, ek–en, eo–er, es–ev, ew–ez, fa–fd, fe–fh,
# fi–fl, fm–fp, fq–ft, fu–fx, fy–gb, gc–gf, gg–gj, gk–gn, go–gr, gs–gv, gw–gz, ha–hd, he–hh,
# hi–hl, hm–hp, hq–ht, hu–hx, hy–ib, ic–if, ig–ij, ik–il, im–ip, iq–it, iu–ix, iy–jb, jc–jf, jg–jj,
# jk–jn, jo–jr, js–jv, jw–jz, ka–kd, ke–kh, ki–kl, km–kp, kq–kt, and ku–kx (7th–78th)
RATCHETED: tuple[str, ...] = (
    "bb", "ca", "cl", "dj", "eu", "ey", "fh", "fp", "fu", "fv", "fy", "fz", "gd", "gg", "gj",
    "gm", "gn", "go", "gt", "gv", "gw", "gx", "gy",
    "hd", "hf", "hg", "hh", "hs", "ia", "id", "ie", "if", "ih", "iu", "iy", "jc", "jd", "je", "jf",
    "jk", "jw", "jz", "ka", "kc", "kd", "kh", "kj", "kk", "ks",
    "ku", "kw", "kx",
)  # fmt: skip
MENDED = [a for a in AUTHORS if a not in RATCHETED]
MIN_TRUE_POSITIVES = 2240  # of the injected errors of the 258 authors mended
# Authors mended only in part: (authors, most false alarms on correct versions (counted per gold item
# hit, as score.py does), most false positives, fewest errors found)
RATCHETS: list[tuple[tuple[str, ...], int, int, int]] = [
    # of 16 errors: one finding is right but matches no gold item — a table cell's slip (2023's
    # kindergartens 27.44 → 24.74) also breaks 其中2023年减少14808所, a relation the gold does not list
    (("bb",), 0, 1, 8),
    # the twentieth round, scored unseen (10 false alarms, 5 false positives, 25 of 64 found);
    # by, bz and cb are mended, ca read in part
    (("ca",), 2, 0, 8),
    # the twenty-third, scored unseen (16 false alarms, 7 false positives, 43 of 62 found); ck, cm
    # and cn are mended, cl read in part
    (("cl",), 0, 1, 12),
    # the twenty-fifth, scored unseen as it came (21 false alarms, 2 false positives, 34 of 61 found);
    # cv 0 and 0 unseen, cs, ct and cu mended
    # the twenty-ninth, scored unseen (29 false alarms, 21 false positives, 37 of 63 found); di and dk
    # and dl mended; dj read in part: its dividends (每10股) are mended, its left false positive reads
    # 储能…毛利率高出动力电池 against 动力电池's own base, not the 储能 row
    (("dj",), 0, 1, 12),
    # the thirty-first, scored unseen while the thirtieth was mended (28 false alarms, 14 false
    # positives, 37 of 63 found); mended
    # (the thirty-second, du–dx, scored unseen while the thirty-first was mended: 12 false alarms, 3
    # false positives, 38 of 64 found; mended with dt)
    # the thirty-third, scored unseen while the thirty-second was mended (16 false alarms, 8 false
    # positives, 33 of 64 found); mended
    # the thirty-fourth, scored unseen at the session's end (23 false alarms, 8 false positives, 33 of
    # 63 found); ec, ed and ef mended, ee read in part
    # (the thirty-fifth, eg–ej, scored unseen as it came: 17 false alarms, 15 false positives, 26 of
    # 63 found; the thirty-sixth, ek–en: 19, 8, 35 of 64; the thirty-seventh, eo–er: 16, 10, 26 of
    # 63; all mended, and ee since)
    # the thirty-eighth, es–ev, scored unseen (22 false alarms, 17 false positives, 31 of 62 found):
    # es, et and ev mended; eu keeps one finding that is right (共10天 for the 9 days from 9月28日 to
    # 10月6日) but quotes the clause from its start, which the gold's span does not match
    (("eu",), 0, 1, 10),
    # ey was mended; since session 18 its one finding on a correct version is right: the author took
    # 亿元 over 万场 as ×10 万元, so 演出收入207.8亿元 over 254.2万场 is 0.82万元 a show, not the 约8.2万元
    # written (the broken version's 0.82万元 is the true one); the finding's paragraph hits 3 gold items
    (("ey",), 3, 0, 6),
    # (the thirty-ninth, ew–ez, scored unseen: 20 false alarms, 7 false positives, 36 of 62 found;
    # mended)
    # (the fortieth, fa–fd, scored unseen at the session's end: 22 false alarms, 10 false positives,
    # 34 of 63 found; mended)
    # the forty-first, fe–fh, scored unseen at a session's end (21 false alarms, 12 false positives,
    # 29 of 63 found); fe, ff and fg mended; fh's left: 市级总部…占全市总数 (a whole of wider scope,
    # the city's) read as the park's 212
    (("fh",), 2, 2, 7),
    # the forty-second, fi–fl (court statistics, work safety, public procurement, the technology
    # market), scored unseen: 11 false alarms, 7 false positives, 42 of 64 found; mended
    # the forty-third, fm–fp (prices and farm costs, city construction and housing, a university's
    # reports, holiday consumption), scored unseen at the session's end: 12 false alarms, 9 false
    # positives, 42 of 64 found; fm had none, fn and fo are mended (fo once a change column's cells are
    # read as their rows' later less earlier year); fp's left: 据此推算去年同期约8.4亿元，日均约2.4亿元
    # (whose daily average: this year's, or the base's)
    # (the forty-fourth, fq–ft: farming, funds and wealth management, culture statistics, a customs
    # district, scored unseen: 13 false alarms, 4 false positives, 33 of 64 found; mended)
    # the forty-fifth, fu–fx (energy-saving targets, listed companies' half-years, a county's public
    # health, city transport), scored unseen at the session's end: 27 false alarms, 11 false
    # positives, 37 of 64 found; fu read in part (会同, a fall's base, no rate from a later sentence),
    # fv's weekday of a year range and fw's 均高于 list mended, fx mended, the rest not yet read
    (("fu",), 1, 0, 10),
    (("fv",), 4, 2, 7),
    # fw mended in session 17
    # the forty-sixth, fy–gb (jobs and social insurance, water resources, investment promotion, a
    # macro weekly), scored unseen at the session's end: 20 false alarms, 20 false positives, 38 of 64
    # found; read in part: gb's 两年平均, fy's target columns and years, fz's 多年平均 and 小计 rows; ga
    # mended since (a band's count, 其中超过20亿元的3个, is no bound; 其中 is of a total, not its average)
    (("fy",), 0, 1, 12),
    (("fz",), 2, 3, 11),
    # gb mended in session 17 (a 分别 list's shares are of one whole, which holds every member)
    # the forty-seventh, gc–gf (a city's five-year review, power and energy, a sell-side monthly on cars
    # and phones, a provincial audit office), scored unseen: 18 false alarms, 8 false positives, 38 of
    # 64 found; ge mended (an average per month is no value now; 按海关口径 has its base beside it; 同比、
    # 环比分别增长 names what each change is against)
    # and gf too (a list named in the clause before 分别; a total of increases is of each item's increase)
    # gc mended in session 17
    (("gd",), 2, 1, 13),
    # the forty-eighth, gg–gj (a county's farming, a central bank branch's credit note, holiday tourism,
    # a provincial population report), scored unseen: 13 false alarms, 5 false positives, 39 of 64 found;
    # gh had none; gi mended (an edition, 上届/首届, names when, not what)
    (("gg",), 3, 1, 14),
    (("gj",), 3, 3, 9),
    # the forty-ninth, gk–gn (sports, ports and shipping, housing, a city's education bulletin), scored
    # unseen: 10 false alarms, 8 false positives, 29 of 63 found; gk had none; gl mended (the side of a
    # gap named in its clause, what a multiple is of, a base per TEU)
    (("gm",), 2, 2, 7),
    (("gn",), 4, 2, 9),
    # the fiftieth, go–gr (a health bulletin, an environment brief, a newspaper's finance column, a
    # county's plan report), scored unseen: 18 false alarms, 2 false positives, 34 of 64 found; gq had
    # none, gr mended (a pair per month is no total; a part of the people is no head count; 收入比降至)
    # gp mended (前者/后者 after a comparison with two values; a multiple of a row a clause opens with)
    (("go",), 0, 0, 7),
    # the fifty-first, gs–gv (grain and oils, science and technology, charity, regional comparison),
    # scored unseen: 31 false alarms, 16 false positives, 32 of 64 found; gs had none; gv read in part
    # (泉州多…，是厦门的1.51倍; a release day's 全年 yields to the year named; a place before 人均);
    # gu mended in session 16 (a table's unit note by column; a 占比 column after the years' is the
    # latest year's; heads named by 按…计算; a dated event's days)
    (("gt",), 2, 0, 9),
    (("gv",), 4, 4, 7),
    # the fifty-second, gw–gz (a labour market quarterly, insurance, civil aviation, local government
    # debt), scored unseen: 19 false alarms, 14 false positives, 37 of 64 found
    # gw and gy read in part (a base is neither of 两者; last year's rate written after the rate now; a
    # listed month's own days; what a ratio is of; a bracketed 其中)
    (("gw",), 4, 0, 10),
    (("gx",), 3, 3, 9),
    (("gy",), 0, 1, 8),
    # (gz mended in session 19: 截至2022年末 is a cut-off, no aim, so the text's year is 2022's; a headroom
    # and a share flagged in both versions for the wrong year went)
    # the fifty-third, ha–hd (water conservancy, consumer markets, a rural survey, telecoms and computing),
    # scored unseen at the session's end: 16 false alarms, 6 false positives, 27 of 64 found; hc had none,
    # ha and hb mended (本年 is the text's own year; 假期为7天; 前两类 of a list already counted)
    (("hd",), 2, 0, 10),
    # the fifty-fourth, he–hh (road traffic safety, cultural industries, state-owned enterprises, a city
    # check-up), scored unseen at the session's end: 12 false alarms, 9 false positives, 37 of 64 found;
    # he mended (a carried whole or the sentence's own total; 每…就有 is a rate; a total is never smaller
    # than its part)
    (("hf",), 2, 0, 12),
    (("hg",), 3, 2, 10),
    (("hh",), 2, 2, 10),
    # the fifty-seventh, hq–ht (natural disasters, housing provident fund, a brokerage's results digest,
    # a climate bulletin), scored unseen: 15 false alarms, 8 false positives, 23 of 63 found; hq, hr and
    # ht mended (a year smaller than its part; 年均/三年累计 is no year's value; the heads of a group;
    # 是常年的 the value the sentence gave the normal); hs read in part (Q4 read as a quarter; a count of
    # the members is no whole) — its 上年 is the report's year before, in a text dated the year after
    (("hs",), 6, 4, 6),
    # the fifty-ninth, hy–ib (fire statistics, express delivery, education funding, tax relief), scored
    # unseen: 14 false alarms, 3 false positives, 34 of 64 found; ib had none; hy and hz mended (每十万人口
    # names a per base; 按相同时间窗口比较), ia read in part (a gap right after a growth) — 高校 against
    # 普通高等学校 still reads the nearest value as A
    (("ia",), 3, 3, 7),
    # the sixtieth, ic–if (pension funds, an electricity market, museums, railways), scored unseen at the
    # session's end: 23 false alarms, 8 false positives, 30 of 62 found; ic mended (平均每年 needs a sum
    # over those years; a fraction restates no amount); id, ie and if held as scored but for a year
    # named by 去年 in an undated text, which may be a leap year — texts written in one year about the
    # year before (今年 for the data's year), and a 现有 paragraph after a base year's stock
    # (id: round 75's paragraphs going on in the 去年 the text's figures are of took five of its false
    # alarms away, and two relations flagged in both versions for a wrong 今年 went with them)
    (("id",), 1, 1, 7),
    # (ie since session 19: 截至 no aim; five false alarms and the three false positives went, with a
    # weekday found in both versions)
    (("ie",), 4, 0, 4),
    (("if",), 4, 0, 9),
    # the sixty-first, ig–ij (sports industry, old-community renovation, agricultural insurance, policing),
    # scored unseen at the session's end: 19 false alarms, 6 false positives, 39 of 63 found; ig and ij
    # had none; ii mended (a basis named at length, 按金融监管部门的统计口径; 从首批报案算起 from a day not
    # written there); ih read in part (two things compared now, not last year's 分别 list)
    (("ih",), 9, 5, 9),
    # session 17: round 63 (im–ip) and 64 (iq–it) mended; the sixty-fifth, iu–ix (vocational training, a
    # heating season, cross-border e-commerce, scrapped cars), scored unseen: 21 false alarms, 12 false
    # positives, 29 of 63 found; iv and iw mended (a share column of the season before; the rest after a
    # list; a table's codes as row names); iu read in part (三项补贴合计 is the sum of three items written a
    # paragraph before), ix in part (a rate's change written base-last: 2023年…利用率24.0%，一年提高)
    (("iu",), 2, 2, 5),
    # (ix mended in session 19 the same way: a change of 利用率 flagged in both versions went)
    # the sixty-sixth, iy–jb (rural elderly care, special bonds, a county's quarter, food waste), scored
    # unseen: 14 false alarms, 2 false positives, 33 of 64; iz, ja, jb mended; iy in part (a day count
    # written in brackets, 共181天, beside a span of dates: its finding matches no gold span)
    (("iy",), 0, 1, 6),
    # the sixty-seventh, jc–jf (a port's month, school monitoring, forest fires, used cars), scored unseen at
    # the session's end: 14 false alarms, 7 false positives, 32 of 64; read in part (该港 is its sentence's
    # row; an average's count is of the things its total names; a 分别 value after its verb)
    (("jc",), 3, 0, 6),
    (("jd",), 2, 2, 8),
    (("je",), 2, 2, 6),
    (("jf",), 1, 0, 10),
    (("fp",), 2, 2, 11),
    # (the sixty-eighth, jg–jj: holiday tourism, a city's water, health economics, a county's farms,
    # scored unseen in session 18: 14 false alarms, 0 false positives, 34 of 64; mended)
    # the sixty-ninth, jk–jn (electric power, graduates' jobs, new-energy cars, forest ecology), scored
    # unseen in session 18 (jm and jn after jk's first mends): 17 false alarms, 4 false positives, 34 of
    # 63; jl had none, jm and jn mended; jk in part: its shares 占最高负荷的36.3% are of the day's
    # 最高用电负荷7986万千瓦, not the 全网统调最高负荷7321万千瓦 after it (which a bare 最高负荷 names)
    (("jk",), 3, 3, 7),
    # (the seventieth, jo–jr: central-bank statistics, a district's civil affairs, shipping, the digital
    # economy, scored unseen in session 18: 28 false alarms, 15 false positives, 35 of 64; mended)
    # (the seventy-first, js–jv: emergency management, sport, housing, the environment, scored unseen in
    # session 18: 19 false alarms, 5 false positives, 31 of 61; mended)
    # the seventy-second, jw–jz (foreign trade, population, city transport, a county's finances), scored
    # unseen at session 18's end: 22 false alarms, 8 false positives, 35 of 63; jx and jy mended (jy had
    # none); jw in part: its one left finding is right (四国 listed, 五国 written) but matches no gold
    # span; jz held as scored (增值税's year carried as the year before; a 合计 row's growth derived
    # from its rows' rounded growths against the base the prose gives; a bare 转移支付 as its 专项 part)
    (("jw",), 0, 1, 8),
    (("jz",), 7, 3, 10),
    # the seventy-third, ka–kd (taxes, a village survey, industry, reading and publishing), scored unseen
    # at session 18's end (kc and kd after ka's first mends: the end of a date range has its start's
    # year; a day takes the year of the date written whole before it in its sentence): 17 false alarms,
    # 5 false positives, 32 of 63; kb had none; ka, kc and kd held as scored
    (("ka",), 2, 3, 12),
    (("kc",), 4, 1, 4),
    (("kd",), 5, 1, 9),
    # the seventy-fourth, ke–kh (foreign trade, civil affairs, the sports industry, water resources),
    # scored unseen at session 19's start: 20 false alarms, 15 false positives, 36 of 63 found; ke, kf and
    # kg mended (a share column named by a part, 护理型占比, is of its row's larger amount of the same
    # measure; 按1亩约666.7平方米 is a rate; 冬季两项 is an item's name; 今年 with no issue date may be the
    # year after the last one reported; a pull's whole is no subject; 五年合计 is no end value); kh held
    # (a sentence opened by 较… with no name reads the last clause's subject, 管道输水, not the total)
    (("kh",), 2, 2, 11),
    # the seventy-fifth, ki–kl (household surveys, transport, education, local finance), scored unseen
    # (kl and kk after round 74's mends, ki and kj after kl's and kk's): 21 false alarms, 8 false
    # positives, 41 of 62 found; ki had none; kl mended (1元…撬动42元 is a ratio); kj read (去年 twice is
    # one year; a paragraph goes on in the 去年 its text's figures are of; one part of 其中 goes on to its
    # 日均) and held for 去年 against a 2022 written as its base two paragraphs before; kk held (公办园's
    # children as a share of all, or of the 普惠 kindergartens it is one kind of)
    (("kj",), 3, 0, 11),
    (("kk",), 1, 1, 11),
    # the seventy-sixth, km–kp (farming, consumption, health care, science and technology), scored
    # unseen (kn and kp after km's first mends): 4 false alarms, 1 false positive, 37 of 62 found; kn and
    # ko had none; km and kp mended (截至2022年底 is a cut-off, no aim; a stock as of a year's end is
    # reported the year after, unless its sentence calls that year 今年)
    # the seventy-seventh, kq–kt (the environment, macroeconomics, a county's report, population),
    # scored unseen (kr, ks and kt after kq's first mends): 17 false alarms, 9 false positives, 29 of 64
    # found; kr had none; kq and kt mended (a list in another clause names another thing; 收窄 of two
    # negative rates; 增量 against 增量; 其中城镇 is 城镇就业人员); ks held (去年村均 against a table's
    # 村均 of this year; a plan's 合计 row as the whole of a share of the whole year's plan)
    (("ks",), 5, 1, 8),
    # the seventy-eighth, ku–kx (energy, culture and tourism, public finance, city governance), scored
    # unseen at session 19's end: 33 false alarms, 12 false positives, 38 of 62 found; kw read in part
    # (以…为分母 names a share's whole; 在…中占; a budget balance's side two paragraphs back) and ku in part
    # (“十三五”末 is the end of 2020; what was added is no stock 是…的N倍 of; 相当于…的 shares need not make
    # 100%; 其余 after the paragraph's shares), the rest held as scored
    (("ku",), 4, 3, 11),
    # (kv mended: | 场馆 | 今年1—9月 | 去年同期 |: the earlier period's column is the 合计 row's base)
    (("kw",), 4, 0, 11),
    (("kx",), 5, 0, 9),
]


def _score(folder: Path, tmp: Path) -> dict[str, float]:
    docs = sorted(folder.glob("doc*.md"))
    out = tmp / f"{folder.name}.json"
    out.write_text(json.dumps([f.to_json() for f in check_paths(docs)], ensure_ascii=False), encoding="utf-8")
    r = subprocess.run(
        [sys.executable, str(SCORER), str(out), "--gold-dir", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    line = r.stdout.strip().splitlines()[-1]
    assert line.startswith("SUMMARY"), r.stdout
    return {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", line)}


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, float]]:
    if not SCORER.is_file():
        pytest.skip(f"claims-dev's score.py is not beside the clone ({SCORER}): nothing to score with")
    tmp = tmp_path_factory.mktemp("heldout")
    return {a: _score(HELDOUT / a, tmp) for a in AUTHORS}


def test_the_set_is_what_the_readme_says() -> None:
    assert len(AUTHORS) == 310
    assert set(MENDED) | {a for authors, *_ in RATCHETS for a in authors} == set(AUTHORS)
    for a in AUTHORS:
        assert len(list((HELDOUT / a).glob("doc*.gold.json"))) == 4


def test_no_false_alarm_on_a_correct_version(scores: dict[str, dict[str, float]]) -> None:
    assert {a: scores[a]["false_alarms_correct"] for a in MENDED} == dict.fromkeys(MENDED, 0.0)


def test_no_false_positive_on_a_broken_version(scores: dict[str, dict[str, float]]) -> None:
    assert {a: scores[a]["fp"] for a in MENDED} == dict.fromkeys(MENDED, 0.0)


@pytest.mark.skipif(not RATCHETS, reason="every author is read and mended: no round is held by a ratchet")
@pytest.mark.parametrize(("authors", "max_alarms", "max_fp", "min_tp"), RATCHETS or [((), 0, 0, 0)])
def test_the_later_rounds_only_improve(
    scores: dict[str, dict[str, float]], authors: tuple[str, ...], max_alarms: int, max_fp: int, min_tp: int
) -> None:
    assert sum(scores[a]["false_alarms_correct"] for a in authors) <= max_alarms, scores
    assert sum(scores[a]["fp"] for a in authors) <= max_fp, scores
    assert sum(scores[a]["tp"] for a in authors) >= min_tp, scores


def test_injected_errors_found_ratchet(
    scores: dict[str, dict[str, float]], capsys: pytest.CaptureFixture[str]
) -> None:
    found = sum(scores[a]["tp"] for a in MENDED)
    total = sum(scores[a]["tp"] + scores[a]["fn"] for a in MENDED)
    with capsys.disabled():
        print(f"\nheld-out briefs: {found:.0f} of {total:.0f} injected errors found, no false alarm", end="")
    assert found >= MIN_TRUE_POSITIVES, scores
