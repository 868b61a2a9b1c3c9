"""Calendar expressions resolved against a reference date: dates, date ranges and durations.

``parse_quantities`` reads what a text states on its own (2021年11月22日 → ``2021-11-22``,
11月16日 → ``--11-16``). Many calendar words only mean something against the day they were
written: 明天, 上周一, 去年5月, 近三年, 下下周末. :func:`read_calendar` resolves them against a
reference date (an issue's date, or a test's ``ReferenceDateTime``) and gives each mention a
TIMEX3 value (``XXXX-01-19``, ``2017-W13``, ``(2016-01-01,2018-01-01,P2Y)``, ``P8DT20H``) with
the earliest dates it may mean in the future and in the past, as the Recognizers-Text
DateTime specs do. Lunar dates (农历十月初一, 正月初一) keep their lunar month and day, as the
specs do; reign-era years (康熙三年) become Gregorian years.
"""

from __future__ import annotations

import calendar as pycal
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from zhiku.quantities.numerals import evaluate, normalise

S = r"[ \t]{0,2}"
CN_NUM = "零〇一二三四五六七八九十两"
NUM = rf"(?:[0-9]{{1,4}}|[{CN_NUM}]{{1,5}})"
WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
# Reign eras: the Gregorian year of the era's first year (元年).
ERAS = {
    "贞观": 627,
    "开元": 713,
    "天宝": 742,
    "神龙": 705,
    "洪武": 1368,
    "永乐": 1403,
    "嘉靖": 1522,
    "万历": 1573,
    "崇祯": 1628,
    "顺治": 1644,
    "康熙": 1662,
    "雍正": 1723,
    "乾隆": 1736,
    "嘉庆": 1796,
    "道光": 1821,
    "咸丰": 1851,
    "同治": 1862,
    "光绪": 1875,
    "宣统": 1909,
    "民国": 1912,
}
ERA = "|".join(ERAS)
RELATIVE_DAYS = {
    "今天": 0,
    "今日": 0,
    "明天": 1,
    "明日": 1,
    "后天": 2,
    "大后天": 3,
    "昨天": -1,
    "昨日": -1,
    "前天": -2,
    "大前天": -3,
    "最近": 0,
}
RELATIVE_YEARS = {"今年": 0, "明年": 1, "去年": -1, "前年": -2, "后年": 2}
UNIT_SECONDS = {"Y": 31536000, "M": 2592000, "W": 604800, "D": 86400, "H": 3600, "MIN": 60, "S": 1}
NEVER = "0001-01-01"


@dataclass(frozen=True)
class CalendarMention:
    """One calendar expression: ``type`` is ``date``, ``daterange`` or ``duration``."""

    start: int
    end: int
    text: str
    type: str
    timex: str
    future: dict[str, str] = field(default_factory=dict)
    past: dict[str, str] = field(default_factory=dict)


def _int(token: str | None) -> int | None:
    if token is None:
        return None
    token = token.replace(" ", "")
    if token.isdigit() and token.isascii():
        return int(token)
    num = evaluate(token)
    if num is None or num.value != num.value.to_integral_value():
        return None
    return int(num.value)


def _iso(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year2(y: int, digits: int) -> int:
    """Two-digit years: 07 → 2007, 89 → 1989."""
    if digits > 2:
        return y
    return 2000 + y if y < 50 else 1900 + y


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y + (m == 12), m % 12 + 1, 1)


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    day = min(d.day, pycal.monthrange(y, m + 1)[1])
    return dt.date(y, m + 1, day)


def _span(start: dt.date, end: dt.date) -> dict[str, str]:
    return {"startDate": _iso(start), "endDate": _iso(end)}


class _Calendar:
    def __init__(self, text: str, reference: dt.date) -> None:
        self.source = text
        self.s = (
            normalise(text).replace("後", "后").replace("週", "周").replace("禮", "礼").replace("個", "个")
        )
        self.ref = reference

    # -- single dates ---------------------------------------------------------------------------
    def md_resolution(self, month: int, day: int) -> tuple[dict[str, str], dict[str, str]]:
        if _valid(2000, month, day) is None:
            return {"date": NEVER}, {"date": NEVER}
        future = past = None
        for y in range(self.ref.year, self.ref.year + 9):
            d = _valid(y, month, day)
            if d is not None and d >= self.ref:
                future = d
                break
        for y in range(self.ref.year, self.ref.year - 9, -1):
            d = _valid(y, month, day)
            if d is not None and d <= self.ref:
                past = d
                break
        return {"date": _iso(future) if future else NEVER}, {"date": _iso(past) if past else NEVER}

    def day_resolution(self, day: int) -> tuple[dict[str, str], dict[str, str]]:
        future = past = None
        y, m = self.ref.year, self.ref.month
        for k in range(0, 13):
            yy, mm = divmod(m - 1 + k, 12)
            d = _valid(y + yy, mm + 1, day)
            if d is not None and d >= self.ref:
                future = d
                break
        for k in range(0, 13):
            yy, mm = divmod(m - 1 - k, 12)
            d = _valid(y + yy, mm + 1, day)
            if d is not None and d <= self.ref:
                past = d
                break
        return {"date": _iso(future) if future else NEVER}, {"date": _iso(past) if past else NEVER}

    def date(self, y: int | None, m: int | None, d: int) -> tuple[str, dict[str, str], dict[str, str]]:
        if y is not None and m is not None:
            timex = f"{y:04d}-{m:02d}-{d:02d}"
            day = _valid(y, m, d)
            res = {"date": _iso(day) if day else NEVER}
            return timex, res, dict(res)
        if m is not None:
            fut, past = self.md_resolution(m, d)
            return f"XXXX-{m:02d}-{d:02d}", fut, past
        fut, past = self.day_resolution(d)
        return f"XXXX-XX-{d:02d}", fut, past

    def monday(self, weeks: int) -> dt.date:
        return self.ref - dt.timedelta(days=self.ref.isoweekday() - 1) + dt.timedelta(weeks=weeks)


DAY = rf"(?:初{S}[{CN_NUM}]{{1,3}}|{NUM})"
YEAR = (
    rf"(?:(?P<era>{ERA}){S}(?P<eray>元|{NUM})|"
    rf"(?P<y>[0-9]{{2,4}}|[零〇一二三四五六七八九]{{2,4}}|[两一二]千[零〇一二三四五六七八九十]{{0,4}}))"
)
MONTH = rf"(?P<m>正|腊|冬|[0-9]{{1,2}}|[{CN_NUM}]{{1,3}})"
CN_DATE = re.compile(
    rf"(?P<lunar1>农历{S})?(?:{YEAR}{S}年{S})?(?P<lunar2>农历{S})?(?:(?P<thismonth>本月|这个月)|{MONTH}{S}月)"
    rf"{S}(?P<d>{DAY})(?:{S}[日号])?(?P<wd>{S}[,，]?{S}(?:星期|礼拜|周)[一二三四五六日天])?"
)
NEW_YEAR = re.compile(rf"(?:{YEAR}{S}年{S})?大年(?P<d>初一|初二|初三|三十)")
NUMERIC_DATE = re.compile(r"(?<![0-9.])([0-9]{1,4})([-./ ])([0-9]{1,2})\2([0-9]{1,4})(?![0-9.])")
SLASH_MD = re.compile(r"(?<![0-9/])([0-9]{1,2})/([0-9]{1,2})(?![0-9/])")
# 3号线, 5号楼, 2号文: 号 naming a line, a building or a document, not a day of the month
DAY_ONLY = re.compile(
    rf"(?P<d>[0-9]{{1,2}}|[{CN_NUM}]{{1,3}}){S}(?:日|号(?![线楼院门馆机台位令文码库舱车窗厅桥]))"
)
REL_DAY = re.compile("|".join(sorted(RELATIVE_DAYS, key=len, reverse=True)))
WEEKDAY = re.compile(
    rf"(?P<mod>上上|下下|上|下|这个|这|本|上一个|下一个|最后一个的|最后一个)?{S}个?{S}(?:星期|礼拜|周)(?P<wd>[一二三四五六日天])"
)
YEAR_MONTH = re.compile(rf"{YEAR}{S}年{S}{MONTH}{S}月(?!{S}{DAY})")
REL_YEAR_MONTH = re.compile(rf"(?P<rel>今年|明年|去年|前年|后年){S}(?:{MONTH}{S}月)?")
REL_PERIOD = re.compile(r"(?P<mod>上上|下下|上|下|这|本|这个)(?:个)?(?P<u>周末|周|月|星期|礼拜)")
DECADE = re.compile(rf"(?:(?P<c>上|本|{NUM}){S}世纪{S})?(?P<d>[0-9]{{2}}|[一二三四五六七八九]?十){S}年代")
YEAR_ONLY = re.compile(rf"{YEAR}{S}年(?!{S}代)")
BARE_YEAR = re.compile(r"(?<![0-9.])(1[5-9][0-9]{2}|20[0-9]{2}|2100)(?![0-9.%])")
LAST_N = re.compile(
    rf"(?P<mod>前|上|下|后|近|过去|未来|最近){S}(?P<n>{NUM}){S}(?P<u>个{S}月|个{S}星期|个{S}礼拜|周|星期|年|月|天|日)"
)
MONTH_WEEK = re.compile(rf"{MONTH}{S}月{S}的?{S}第{S}(?P<n>[一二三四五1-5]){S}(?:周|星期|个星期)")
SEASON = re.compile(rf"(?P<rel>今年|明年|去年){S}(?P<s>春天|夏天|秋天|冬天|春季|夏季|秋季|冬季)")
QUARTER = re.compile(rf"(?P<rel>今年|明年|去年)?{S}第(?P<q>[一二三四1-4]){S}季度")
DURATION_PART = re.compile(
    rf"(?P<n>[0-9]+(?:\.[0-9]+)?|[{CN_NUM}百千]+){S}(?P<u>个{S}星期|个{S}礼拜|个{S}月|个{S}小时|个钟头|年|个年头|"
    rf"星期|礼拜|周|天|小时|钟头|时|分钟|分|秒钟|秒)(?P<half>半)?"
)
DURATION_JOIN = re.compile(rf"{S}(?:又|多|余|零)?{S}")
DURATION_UNIT = {
    "年": "Y",
    "个年头": "Y",
    "月": "M",
    "星期": "W",
    "礼拜": "W",
    "周": "W",
    "天": "D",
    "日": "D",
    "小时": "H",
    "钟头": "H",
    "时": "H",
    "分钟": "MIN",
    "分": "MIN",
    "秒": "S",
    "秒钟": "S",
}
ORDER = ["Y", "M", "W", "D", "H", "MIN", "S"]


def _lunar_month(token: str) -> int | None:
    return {"正": 1, "腊": 12, "冬": 11}.get(token) or _int(token)


def _day(token: str) -> int | None:
    token = token.replace(" ", "")
    return _int(token[1:]) if token.startswith("初") else _int(token)


class Reader(_Calendar):
    def year_of(self, m: re.Match[str]) -> int | None:
        if m.groupdict().get("era"):
            n = 1 if m.group("eray") == "元" else _int(m.group("eray"))
            return None if n is None else ERAS[m.group("era")] + n - 1
        raw = m.groupdict().get("y")
        if raw is None:
            return None
        raw = raw.replace(" ", "")
        if raw.isdigit() and raw.isascii():
            return _year2(int(raw), len(raw))
        digits = all(c in "零〇一二三四五六七八九" for c in raw)
        if digits:
            v = int("".join(str("零一二三四五六七八九".index(c) if c != "〇" else 0) for c in raw))
            return _year2(v, len(raw))
        return _int(raw)

    # Each reader returns a mention starting at i, or None.
    def cn_date(self, i: int) -> CalendarMention | None:
        m = CN_DATE.match(self.s, i)
        if m is None:
            return None
        d = _day(m.group("d"))
        if m.group("thismonth"):
            month: int | None = self.ref.month
        else:
            month = _lunar_month(m.group("m")) if m.group("m") else None
        has_year = m.group("y") or m.group("era")
        year = self.year_of(m) if has_year else None
        if has_year and year is None:
            return None
        if d is None or month is None or not (1 <= month <= 12) or not (1 <= d <= 31):
            return None
        if m.group("thismonth"):
            year = self.ref.year
            before = self.s[max(0, i - 2) : i]
            if before in RELATIVE_YEARS:
                year += RELATIVE_YEARS[before]
                i -= 2
        timex, fut, past = self.date(year, month, d)
        return self.make(i, m.end(), "date", timex, fut, past)

    def new_year(self, i: int) -> CalendarMention | None:
        m = NEW_YEAR.match(self.s, i)
        if m is None:
            return None
        d = {"初一": 1, "初二": 2, "初三": 3, "三十": 30}[m.group("d")]
        year = self.year_of(m) if (m.group("y") or m.group("era")) else None
        timex, fut, past = self.date(year, 1, d)
        return self.make(i, m.end(), "date", timex, fut, past)

    def numeric_date(self, i: int) -> CalendarMention | None:
        m = NUMERIC_DATE.match(self.s, i)
        if m is not None:
            a, sep, b, c = m.group(1), m.group(2), m.group(3), m.group(4)
            ai, bi, ci = int(a), int(b), int(c)
            if len(a) == 4 or (ai > 31 and len(c) <= 2):
                y, mo, d = _year2(ai, len(a)), bi, ci
            elif len(c) == 4 or ci > 31 or len(a) == 1:
                y, mo, d = _year2(ci, len(c)), bi, ai
            else:
                y, mo, d = _year2(ai, len(a)), bi, ci
            if sep == " " and len(a) != 4:
                return None
            if 1 <= mo <= 12 and 1 <= d <= 31:
                timex, fut, past = self.date(y, mo, d)
                return self.make(i, m.end(), "date", timex, fut, past)
            return None
        m = SLASH_MD.match(self.s, i)
        if m is not None:
            mo, d = int(m.group(1)), int(m.group(2))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                timex, fut, past = self.date(None, mo, d)
                return self.make(i, m.end(), "date", timex, fut, past)
        return None

    def day_only(self, i: int) -> CalendarMention | None:
        m = DAY_ONLY.match(self.s, i)
        if m is None:
            return None
        d = _int(m.group("d"))
        if d is None or not (1 <= d <= 31):
            return None
        timex, fut, past = self.date(None, None, d)
        return self.make(i, m.end(), "date", timex, fut, past)

    def relative_day(self, i: int) -> CalendarMention | None:
        m = REL_DAY.match(self.s, i)
        if m is None:
            return None
        day = self.ref + dt.timedelta(days=RELATIVE_DAYS[m.group()])
        res = {"date": _iso(day)}
        return self.make(i, m.end(), "date", _iso(day), res, dict(res))

    def weekday(self, i: int) -> CalendarMention | None:
        m = WEEKDAY.match(self.s, i)
        if m is None:
            return None
        wd = WEEKDAYS[m.group("wd")]
        mod = m.group("mod")
        if mod in ("最后一个", "最后一个的", "上一个", "下一个"):
            return self.make(i, m.end(), "date", f"XXXX-WXX-{wd}", {}, {})
        if mod:
            weeks = {"上上": -2, "下下": 2, "上": -1, "下": 1, "这个": 0, "这": 0, "本": 0}[mod]
            day = self.monday(weeks) + dt.timedelta(days=wd - 1)
            res = {"date": _iso(day)}
            return self.make(i, m.end(), "date", _iso(day), res, dict(res))
        this = self.monday(0) + dt.timedelta(days=wd - 1)
        future = this if this >= self.ref else this + dt.timedelta(weeks=1)
        past = this if this <= self.ref else this - dt.timedelta(weeks=1)
        return self.make(i, m.end(), "date", f"XXXX-WXX-{wd}", {"date": _iso(future)}, {"date": _iso(past)})

    # -- periods --------------------------------------------------------------------------------
    def year_period(self, y: int) -> tuple[str, dict[str, str]]:
        return f"{y:04d}", _span(dt.date(y, 1, 1), dt.date(y + 1, 1, 1))

    def year_month(self, i: int) -> CalendarMention | None:
        m = YEAR_MONTH.match(self.s, i)
        if m is None:
            return None
        y, mo = self.year_of(m), _lunar_month(m.group("m"))
        if y is None or mo is None or not 1 <= mo <= 12:
            return None
        res = _span(dt.date(y, mo, 1), _month_end(y, mo))
        return self.make(i, m.end(), "daterange", f"{y:04d}-{mo:02d}", res, dict(res))

    def rel_year_month(self, i: int) -> CalendarMention | None:
        m = REL_YEAR_MONTH.match(self.s, i)
        if m is None:
            return None
        y = self.ref.year + RELATIVE_YEARS[m.group("rel")]
        if m.group("m"):
            mo = _lunar_month(m.group("m"))
            if mo is None or not 1 <= mo <= 12:
                return None
            res = _span(dt.date(y, mo, 1), _month_end(y, mo))
            return self.make(i, m.end(), "daterange", f"{y:04d}-{mo:02d}", res, dict(res))
        timex, res = self.year_period(y)
        return self.make(i, m.end(), "daterange", timex, res, dict(res))

    def rel_period(self, i: int) -> CalendarMention | None:
        m = REL_PERIOD.match(self.s, i)
        if m is None:
            return None
        k = {"上上": -2, "下下": 2, "上": -1, "下": 1, "这": 0, "本": 0, "这个": 0}[m.group("mod")]
        u = m.group("u")
        if u == "月":
            if m.group("mod") in ("上上", "下下"):
                return None
            first = _add_months(self.ref.replace(day=1), k)
            res = _span(first, _month_end(first.year, first.month))
            return self.make(i, m.end(), "daterange", f"{first.year:04d}-{first.month:02d}", res, dict(res))
        monday = self.monday(k)
        iso_year, week, _ = monday.isocalendar()
        if u == "周末":
            res = _span(monday + dt.timedelta(days=5), monday + dt.timedelta(days=7))
            return self.make(i, m.end(), "daterange", f"{iso_year}-W{week:02d}-WE", res, dict(res))
        res = _span(monday, monday + dt.timedelta(days=7))
        return self.make(i, m.end(), "daterange", f"{iso_year}-W{week:02d}", res, dict(res))

    def decade(self, i: int) -> CalendarMention | None:
        m = DECADE.match(self.s, i)
        if m is None:
            return None
        d = _int(m.group("d"))
        if d is None or d % 10 or d >= 100:
            return None
        c = m.group("c")
        if c is None:
            fut = _span(dt.date(2000 + d, 1, 1), dt.date(2010 + d, 1, 1))
            past = _span(dt.date(1900 + d, 1, 1), dt.date(1910 + d, 1, 1))
            timex = f"(XX{d:02d}-01-01,XX{(d + 10) % 100:02d}-01-01,P10Y)"
            return self.make(i, m.end(), "daterange", timex, fut, past)
        century = {"上": self.ref.year // 100, "本": self.ref.year // 100 + 1}.get(c) or _int(c)
        if century is None:
            return None
        start = (century - 1) * 100 + d
        res = _span(dt.date(start, 1, 1), dt.date(start + 10, 1, 1))
        return self.make(
            i, m.end(), "daterange", f"({start:04d}-01-01,{start + 10:04d}-01-01,P10Y)", res, dict(res)
        )

    def year_only(self, i: int) -> CalendarMention | None:
        m = YEAR_ONLY.match(self.s, i)
        if m is not None:
            y = self.year_of(m)
            raw = m.groupdict().get("y") or ""
            if y is not None and (m.group("era") or len(raw.replace(" ", "")) >= 2 or raw.isdigit()):
                timex, res = self.year_period(y)
                return self.make(i, m.end(), "daterange", timex, res, dict(res))
        m = BARE_YEAR.match(self.s, i)
        if m is not None:
            timex, res = self.year_period(int(m.group(1)))
            return self.make(i, m.end(), "daterange", timex, res, dict(res))
        return None

    def last_n(self, i: int) -> CalendarMention | None:
        m = LAST_N.match(self.s, i)
        if m is None or (i > 0 and self.s[i - 1] in "马一"):
            return None  # 马上一年半, 一下 2009年: not "the last/next N"
        n = _int(m.group("n"))
        if n is None or n > 100:
            return None
        u = m.group("u").replace(" ", "").lstrip("个")
        code = {"月": "M", "星期": "W", "礼拜": "W", "周": "W", "年": "Y", "天": "D", "日": "D"}[u]
        backward = m.group("mod") in ("前", "上", "近", "过去", "最近")
        if code == "D":
            delta: dt.timedelta | None = dt.timedelta(days=n)
        elif code == "W":
            delta = dt.timedelta(weeks=n)
        else:
            delta = None
        if backward:
            end = self.ref
            start = end - delta if delta is not None else _add_months(end, -n * (12 if code == "Y" else 1))
        else:
            start = self.ref + dt.timedelta(days=1)
            end = start + delta if delta is not None else _add_months(start, n * (12 if code == "Y" else 1))
        res = _span(start, end)
        return self.make(i, m.end(), "daterange", f"({_iso(start)},{_iso(end)},P{n}{code})", res, dict(res))

    def month_week(self, i: int) -> CalendarMention | None:
        """十月的第一周: the n-th week (Monday to Monday) of a month, next and last time it comes."""
        m = MONTH_WEEK.match(self.s, i)
        if m is None:
            return None
        mo, n = _lunar_month(m.group("m")), _int(m.group("n"))
        if mo is None or n is None or not 1 <= mo <= 12:
            return None

        def week(year: int) -> dt.date:
            first = dt.date(year, mo, 1)
            return first + dt.timedelta(days=(7 - first.weekday()) % 7, weeks=n - 1)

        year = self.ref.year if mo >= self.ref.month else self.ref.year + 1
        fut, past = week(year), week(year - 1)
        return self.make(
            i,
            m.end(),
            "daterange",
            f"XXXX-{mo:02d}-W{n:02d}",
            _span(fut, fut + dt.timedelta(days=7)),
            _span(past, past + dt.timedelta(days=7)),
        )

    def season(self, i: int) -> CalendarMention | None:
        m = SEASON.match(self.s, i)
        if m is None:
            return None
        y = self.ref.year + RELATIVE_YEARS[m.group("rel")]
        code = {"春": "SP", "夏": "SU", "秋": "FA", "冬": "WI"}[m.group("s")[0]]
        return self.make(i, m.end(), "daterange", f"{y}-{code}", {}, {})

    def quarter(self, i: int) -> CalendarMention | None:
        m = QUARTER.match(self.s, i)
        if m is None:
            return None
        y = self.ref.year + RELATIVE_YEARS.get(m.group("rel") or "今年", 0)
        q = _int(m.group("q")) or 1
        start = dt.date(y, 3 * q - 2, 1)
        end = _add_months(start, 3)
        res = _span(start, end)
        return self.make(i, m.end(), "daterange", f"({_iso(start)},{_iso(end)},P3M)", res, dict(res))

    # -- durations -------------------------------------------------------------------------------
    def duration(self, i: int) -> CalendarMention | None:
        parts: dict[str, Decimal] = {}
        pos = i
        end = i
        while True:
            m = DURATION_PART.match(self.s, pos)
            if m is None:
                break
            n = evaluate(m.group("n"))
            unit_word = re.sub(r"[ \t个]", "", m.group("u")) or "月"
            code = DURATION_UNIT.get(unit_word)
            if n is None or code is None or code in parts:
                break
            parts[code] = n.value + (Decimal("0.5") if m.group("half") else 0)
            end = m.end()
            j = DURATION_JOIN.match(self.s, end)
            pos = j.end() if j else end
        if not parts:
            return None
        if (
            len(parts) == 1
            and "H" in parts
            and self.s[i:end].endswith("时")
            and not self.s[i:end].endswith("小时")
        ):
            return None
        date_part = "".join(f"{_num(parts[c])}{c}" for c in ORDER[:4] if c in parts)
        time_part = "".join(f"{_num(parts[c])}{c[0]}" for c in ORDER[4:] if c in parts)
        timex = "P" + date_part + ("T" + time_part if time_part else "")
        seconds = sum((parts[c] * UNIT_SECONDS[c] for c in parts), Decimal(0))
        res = {"duration": _num(seconds)}
        return self.make(i, end, "duration", timex, res, dict(res))

    # -- ranges of dates ---------------------------------------------------------------------------
    def make(
        self, start: int, end: int, kind: str, timex: str, fut: dict[str, str], past: dict[str, str]
    ) -> CalendarMention:
        text = self.source[start:end].rstrip(" ")
        return CalendarMention(start, start + len(text), text, kind, timex, fut, past)


SINGLE_READERS = (
    "cn_date",
    "new_year",
    "numeric_date",
    "relative_day",
    "weekday",
    "year_month",
    "rel_year_month",
    "rel_period",
    "decade",
    "last_n",
    "month_week",
    "season",
    "quarter",
    "year_only",
    "day_only",
    "duration",
)
RANGE_SEP = re.compile(rf"{S}(?:到|至|-|~|–|—){S}")
BETWEEN_SEP = re.compile(rf"{S}(?:与|和|跟){S}")
BETWEEN_END = re.compile(rf"{S}(?:之间|间)")
AFTER_BEFORE = re.compile(rf"{S}(?:之后|以后){S}")
BEFORE_END = re.compile(rf"{S}(?:之前|以前)")
# 从A到B, 在A和B之间, A之后B之前: (separator, closing words or None, the lead word the range takes in).
RANGE_FORMS: tuple[tuple[re.Pattern[str], re.Pattern[str] | None, str | None], ...] = (
    (RANGE_SEP, None, "从"),
    (BETWEEN_SEP, BETWEEN_END, "在"),
    (AFTER_BEFORE, BEFORE_END, None),
)


def _start_end(res: dict[str, str]) -> tuple[str, str] | None:
    if "date" in res:
        return res["date"], res["date"]
    if "startDate" in res:
        return res["startDate"], res["endDate"]
    return None


class RangeReader(Reader):
    def single(self, i: int, only: tuple[str, ...] = SINGLE_READERS) -> CalendarMention | None:
        best: CalendarMention | None = None
        for name in only:
            got = getattr(self, name)(i)
            if got is not None and (best is None or got.end > best.end):
                best = got
        return best

    def second_date(self, i: int, first: CalendarMention) -> CalendarMention | None:
        """The end of a range; a bare day (十二日) or month-day takes the missing parts from the start."""
        got = self.single(
            i, ("cn_date", "numeric_date", "weekday", "relative_day", "year_only", "year_month", "day_only")
        )
        if got is None:
            return None
        if got.timex.startswith("XXXX-XX-") and re.match(r"^(\d{4}|XXXX)-\d{2}-\d{2}$", first.timex):
            head = first.timex[:8]
            d = int(got.timex[-2:])
            if head.startswith("XXXX"):
                timex, fut, past = self.date(None, int(head[5:7]), d)
            else:
                timex, fut, past = self.date(int(head[:4]), int(head[5:7]), d)
            return CalendarMention(got.start, got.end, got.text, "date", timex, fut, past)
        if (
            re.match(r"^XXXX-\d{2}-\d{2}$", got.timex)
            and re.match(r"^\d{4}-", first.timex)
            and "年" in first.text
        ):
            timex, fut, past = self.date(int(first.timex[:4]), int(got.timex[5:7]), int(got.timex[8:10]))
            return CalendarMention(got.start, got.end, got.text, "date", timex, fut, past)
        return got

    def combine(self, start: int, end: int, a: CalendarMention, b: CalendarMention) -> CalendarMention | None:
        fa, fb = _start_end(a.future), _start_end(b.future)
        pa, pb = _start_end(a.past), _start_end(b.past)
        if not (fa and fb and pa and pb):
            return None
        years = re.fullmatch(r"\d{4}", a.timex) and re.fullmatch(r"\d{4}", b.timex)
        fs, fe = fa[0], fb[0]
        ps, pe = pa[0], pb[0]
        if a.timex.startswith("XXXX") and b.timex.startswith("XXXX") and fe < fs:
            return None
        # A range whose start is relative to the reference year and whose end is not: align the years.
        if years:
            dur = f"P{int(b.timex) - int(a.timex)}Y"
            ta, tb = f"{a.timex}-01-01", f"{b.timex}-01-01"
        else:
            days = (dt.date.fromisoformat(fe) - dt.date.fromisoformat(fs)).days
            if days <= 0:
                return None
            dur = f"P{days}D"
            ta = a.timex if re.match(r"^(\d{4}|XXXX)-\d{2}-\d{2}$|^XXXX-\d{2}-WXX", a.timex) else fs
            tb = b.timex if re.match(r"^(\d{4}|XXXX)-\d{2}-\d{2}$", b.timex) else fe
        fut = {"startDate": fs, "endDate": fe}
        past = {"startDate": ps, "endDate": pe}
        if a.timex.startswith("XXXX") and not b.timex.startswith("XXXX"):
            past = fut
        if not a.timex.startswith("XXXX") and b.timex.startswith("XXXX"):
            # From a resolved date to a month-day: the end is the first such day after the start.
            past = fut
        return self.make(start, end, "daterange", f"({ta},{tb},{dur})", fut, past)

    def at(self, i: int) -> CalendarMention | None:
        s = self.s
        j = i
        lead = ""
        if s.startswith("从", i) or s.startswith("在", i):
            lead = s[i]
            j = i + 1
        first = self.single(j)
        if first is None or first.type == "duration":
            return None if lead else first
        for sep_re, end_re, own_lead in RANGE_FORMS:
            sep = sep_re.match(s, first.end)
            second = self.second_date(sep.end(), first) if sep else None
            if second is None:
                continue
            stop = second.end
            if end_re is not None:
                tail = end_re.match(s, second.end)
                if not tail:
                    continue
                stop = tail.end()
            got = self.combine(i if lead == own_lead else j, stop, first, second)
            if got is not None:
                return got
        return first

    def read(self) -> list[CalendarMention]:
        out: list[CalendarMention] = []
        i = 0
        n = len(self.s)
        while i < n:
            got = self.at(i)
            if got is None or got.end <= i:
                i += 1
                continue
            out.append(got)
            i = got.end
        return out


def read_calendar(text: str, reference: dt.date) -> list[CalendarMention]:
    """Dates, date ranges and durations in ``text``, resolved against ``reference``."""
    return RangeReader(text, reference).read()


def _num(v: Decimal) -> str:
    return str(int(v)) if v == v.to_integral_value() else format(v.normalize(), "f")
