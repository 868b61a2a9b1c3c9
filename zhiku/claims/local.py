"""Sentence-local relations (a weekday after its date, a festival and its date, clock times, a CPI
figure against the store): each reads one passage's sentences and the years named in them.

These relations never pair a number with one in another sentence, so they run over each passage
of the fact table (its quantities were read once, when the table was built) through this small
view instead of through the article-wide candidate search.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from zhiku.claims.model import Finding, Verdict
from zhiku.claims.periods import written_as_reference
from zhiku.quantities.model import Quantity

if TYPE_CHECKING:
    from zhiku.claims.facts import FactTable, SeriesStore

_SENTENCE_END = re.compile(r"[。！？!?]")
_RELATIVE_YEAR = re.compile(r"今年|本年|明年|去年|上年|前年|次年|翌年")
_SUBPERIOD = re.compile(
    r"\d{1,2}\s*[-—~～至到]\s*\d{1,2}\s*月|前[一二三四五六七八九十两\d]+个?(?:月|季度)|[一二三四1-4]季度|"
    r"[上下]半年|年初至今|年底|年末|截至|截止"
)
_FROM = re.compile(r"[由从]")
_TO = re.compile(r"[到至]")
_LABEL_STOP = re.compile(r"[，,；;。：:、（）()“”\"\s]")
_LABEL_FILLER = re.compile(
    r"^(?:其中|分别|全年|当年|同年|共|累计|合计|总计)|(?:为|达到|达|是|了|的|约|近|超过|突破|约为|高达|增至|增加到)+$"
)


# a year named between two days of a timeline: the later day may be in it
_ANOTHER_YEAR = re.compile(
    r"\d{4}\s*年|[〇零一二三四五六七八九]{4}\s*年|次年|翌年|去年|上年|明年|前年|同年|当年|今年"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    quantities: tuple[Quantity, ...]

    def find(self, word: str, start: int = 0) -> int:
        """Paragraph offset of ``word`` in this sentence at or after ``start``; −1 if none."""
        i = self.text.find(word, max(0, start - self.start))
        return -1 if i < 0 else i + self.start


@dataclass(frozen=True)
class Period:
    """What period a number belongs to: a year (and month), or a span of years."""

    year: int | None = None
    month: int | None = None
    first: int | None = None  # a year range 2013-2019
    last: int | None = None
    where: int = -1  # paragraph offset of the mention


@dataclass(frozen=True)
class Facts:  # one passage, as the sentence-local rules read it
    text: str
    file: Path
    line: int
    quantities: tuple[Quantity, ...]
    sentences: tuple[Sentence, ...]
    store: SeriesStore | None = None
    reference_date: dt.date | None = None
    article: str | None = None
    marks: tuple[Period, ...] = field(default=())
    # the fact table's year for each date of the passage (by its offset): the frame where it
    # stands, 今年 read from the text's present year
    event_years: dict[int, tuple[int, bool]] = field(default_factory=dict)  # (year, written in its sentence)

    # -- periods -----------------------------------------------------------------------
    def sentence_of(self, pos: int) -> Sentence:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return self.sentences[-1]

    def period_at(self, pos: int, inherit: bool = True) -> Period | None:
        """The period in force at ``pos``: the last one named before it in its sentence, or
        (``inherit``) the last one named in an earlier sentence of the paragraph."""
        sent = self.sentence_of(pos)
        last: Period | None = None
        for m in self.marks:
            if m.where >= pos:
                break
            if m.where >= sent.start or inherit:
                last = m
        relative = [m for m in _RELATIVE_YEAR.finditer(self.text, sent.start, pos)]
        if last is not None and relative and (last.where < sent.start or relative[-1].start() > last.where):
            # 今年/去年 in this sentence overrides the year named before it (丰收节自2018年设立…；今年秋分
            # 是9月23日: the year nearest the date is 今年's)
            return None
        return last

    def subperiod(self, q: Quantity) -> str:
        """The part of the year ``q`` covers when written (1-10月, 上半年), else ""."""
        p = self.period_at(q.start)
        if p is None:
            return ""
        found = _SUBPERIOD.findall(self.text[p.where : q.start])
        return re.sub(r"\s", "", found[-1]) if found else ""

    def year_at(self, pos: int, inherit: bool = True) -> int | None:
        p = self.period_at(pos, inherit)
        return p.year if p is not None else None

    def day_year(self, q: Quantity, written: int | None) -> tuple[int | None, bool]:
        """The year of the day-precise date ``q`` and whether it is only a guess: the year written
        with it or in its sentence counts as written; one named earlier in the paragraph, or the
        issue date's, is inferred (a guess may confirm a claim but never convict one)."""
        if written is not None:
            return written, False
        # The sentence's own days only: the rules ask for every yearless day of a paragraph, and a
        # range or a date written whole that a day's year follows is in its sentence.
        before = [p for p in self.sentence_of(q.start).quantities if p.end <= q.start]
        # (2025年3月1日（星期六）至6月30日（星期一）: the end of a range has its start's year)
        if (
            before
            and (begun := day_of(before[-1])) is not None
            and begun[0] is not None
            and _RANGE_BETWEEN.fullmatch(self.text, before[-1].end, q.start)
            and (end := day_of(q)) is not None
        ):
            # (2024年12月28日至1月5日: a range past the year's end ends in the next year)
            return begun[0] + (1 if (end[1], end[2]) < (begun[1], begun[2]) else 0), False
        head = self.text[max(0, q.start - 3) : q.start]
        same = re.search(r"(?:同年|当年|是年|该年)\s*$", head)
        # (2023年的分析…：四季度发布会于今年1月24日: 今年 is the year the text is written in, which no
        # date it reports fixes — a guess)
        # (今年的亚冬会2月7日: 今年 naming the event the day is of, in the day's clause, as well)
        clause = self.text[max(0, q.start - 16) : q.start]
        deictic = re.search(r"(?:今年|去年|明年|前年)(?:的)?[^，,。；;：:\d]{0,10}$", clause)
        year = self.year_at(q.start, inherit=False)
        # (2024年度…为二〇二五年三月一日（星期六）至…；纳税人自2月21日（星期五）起: the year of the day
        # written whole last in its sentence, when no year is written after it — a guess, as the day
        # may be of the year after: …到9月17日 after 2024年12月18日)
        dated = [(p, d) for p in before if (d := day_of(p)) is not None and d[0] is not None]
        if (
            dated
            and dated[-1][1][0] != year
            and same is None
            and deictic is None
            and not A_YEAR.search(self.text, dated[-1][0].end, q.start)
        ):
            return dated[-1][1][0], True
        noun = self._year_of_a_noun(q)
        if (
            year is not None
            and same is None
            and not noun
            and deictic is None
            and not self._year_of_a_document(q)
        ):
            return year, False  # (同年10月24日: the same year as which? a guess)
        hint = self.event_years.get(q.start)
        if hint is not None and hint[1] and not noun and deictic is None:
            return hint[0], False  # 今年…10月8日: the year its sentence names, read as the fact table does
        if (timeline := self._timeline_year(q)) is not None:
            return timeline, False
        return (
            self.year_at(q.start)
            or (hint[0] if hint is not None else None)
            or (self.reference_date.year if self.reference_date else None)
        ), True

    def _year_of_a_noun(self, q: Quantity) -> bool:
        """发布2022年全年数据的1月17日: the year names the data, and the day (in the next year) is
        described by it — 的 joins them; 2022年，1月17日 or 2022年1月17日 would date the day."""
        head = self.text[max(0, q.start - 20) : q.start]
        years = list(A_YEAR.finditer(head))
        return bool(years) and re.fullmatch(r"[^，,。；;：:\d]+的\s*", head[years[-1].end() :]) is not None

    def _year_of_a_document(self, q: Quantity) -> bool:
        """…发布2025年国民经济和社会发展统计公报；三月十二日: the year before names a document, not the
        day, which the sentence's dates written whole may date (the fact table's hint)."""
        head = self.text[max(0, q.start - 40) : q.start]
        years = list(A_YEAR.finditer(head))
        return bool(years) and _A_DOCUMENT.fullmatch(head[years[-1].end() :]) is not None

    def _timeline_year(self, q: Quantity) -> int | None:
        """二〇二五年三月五日（星期三），…。7月10日（星期五），…: a paragraph that walks forward from a day
        whose year it wrote is still in that year, as long as no other year is named between and the
        later day does not fall before it in the calendar (12月30日…1月5日 may be the next year)."""
        if not q.iso or not q.iso.startswith("--"):
            return None
        days = [
            p
            for p in self.quantities
            if p.end <= q.start and p.kind == "date" and p.iso and len(p.iso) == 10 and "年" in p.text
        ]
        if not days:
            return None
        last = days[-1]
        if _ANOTHER_YEAR.search(self.text[last.end : q.start]):
            return None
        assert last.iso is not None
        # (2025年1月25日（星期六）…；最高日出现在12月31日（星期二）跨年夜: eleven months on, the day may
        # as well be the one before — only a day within half a year after is taken as the same year's)
        months_on = int(q.iso[2:4]) - int(last.iso[5:7])
        return int(last.iso[:4]) if q.iso[2:] >= last.iso[5:] and months_on <= 6 else None

    # -- quantities --------------------------------------------------------------------
    def from_to(self, sentence: Sentence, a: Quantity, b: Quantity) -> bool:
        """Whether ``a`` and ``b`` read 由A…到B: 由/从 at most 12 characters before ``a`` in its
        sentence, and 到/至 between the two."""
        lead = self.text[max(sentence.start, a.start - 12) : a.start]
        return bool(_FROM.search(lead)) and bool(_TO.search(self.text[a.end : b.start]))

    def label(self, q: Quantity) -> str:
        """The words just before ``q`` naming what it measures (开行 in 开行8225列)."""
        i = q.start
        lo = max(0, i - 24)
        for other in self.quantities:
            if other.end <= i and other.end > lo and other.kind != "ordinal":  # 第一产业 is a name
                lo = other.end
        chunk = self.text[lo:i]
        parts = _LABEL_STOP.split(chunk)
        words = parts[-1] if parts else ""
        return _LABEL_FILLER.sub("", words.strip())

    def finding(
        self,
        relation: str,
        verdict: Verdict,
        sentence: Sentence,
        quantities: Sequence[Quantity],
        stated: str,
        computed: str,
        evidence: str,
        extra: Sequence[tuple[int, int]] = (),
    ) -> Finding:
        """A Finding whose spans are the quantities (and any extra words) in reading order."""
        offsets = sorted({(q.start, q.end) for q in quantities} | set(extra))
        return Finding(
            file=self.file,
            line=self.line,
            relation=relation,
            verdict=verdict,
            text=self.text,
            spans=tuple(self.text[a:b] for a, b in offsets),
            stated=stated,
            computed=computed,
            evidence=evidence,
            span_offsets=tuple(offsets),
            article=self.article,
            sentence=sentence.text.strip(),
        )

    def unverifiable(
        self,
        relation: str,
        sentence: Sentence,
        quantities: Sequence[Quantity],
        stated: str,
        why: str,
        extra: Sequence[tuple[int, int]] = (),
    ) -> Finding:
        """A claim that cannot be checked: nothing computed ("—"), ``why`` names what is missing."""
        from dataclasses import replace

        f = self.finding(relation, "unverifiable", sentence, quantities, stated, "—", why, extra)
        return replace(f, missing=why)


def year_of(q: Quantity) -> tuple[int | None, int | None]:
    """(year, month or None) for a date; (None, None) when no year is written."""
    if q.iso and len(q.iso) >= 4 and q.iso[:4].isdigit():
        month = int(q.iso[5:7]) if len(q.iso) >= 7 and q.iso[5:7].isdigit() else None
        return int(q.iso[:4]), month
    if q.low is not None and q.high is not None and q.low == q.high and 1000 <= q.low <= 2999:
        return int(q.low), None
    return None, None


def period_marks(quantities: Sequence[Quantity], text: str = "") -> tuple[Period, ...]:
    """The periods a passage names, in order — not those written as a comparison's or a basis's
    (比2023年, 按2023年末全国总人口…计): they date one value, and the text goes on in its own year."""
    marks: list[Period] = []
    for q in quantities:
        if text and written_as_reference(text, q.start, _sentence_start(text, q.start)):
            continue
        if (
            q.kind in ("year_range", "date_range")
            and q.low is not None
            and q.high is not None
            and q.low >= 1000
        ):
            marks.append(Period(first=int(q.low), last=int(q.high), where=q.start))
        elif q.kind == "date":
            year, month = year_of(q)
            if year is not None:
                marks.append(Period(year=year, month=month, where=q.start))
    return tuple(marks)


def _sentence_start(text: str, pos: int) -> int:
    ends = [text.rfind(c, 0, pos) for c in "。！？!?"]
    return max(ends) + 1


def split_sentences(text: str, quantities: Sequence[Quantity]) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        out.append(Sentence(start, end, text[start:end], ()))
        start = end
    if start < len(text) or not out:
        out.append(Sentence(start, len(text), text[start:], ()))
    # A quantity belongs to the sentence it starts in.
    result: list[Sentence] = []
    qi = 0
    qs = sorted(quantities, key=lambda q: q.start)
    for s in out:
        mine: list[Quantity] = []
        while qi < len(qs) and qs[qi].start < s.end:
            if qs[qi].start >= s.start:
                mine.append(qs[qi])
            qi += 1
        result.append(Sentence(s.start, s.end, s.text, tuple(mine)))
    return tuple(result)


# A year written out: 2025年, 二〇二五年
A_YEAR = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年")
# 2025年国民经济和社会发展统计公报；: a year that names a document, its clause ended
_A_DOCUMENT = re.compile(r"[^，,。；;：:\d]{0,24}(?:公报|报告|年报|白皮书|年鉴)[》」”]?\s*[，,；;]\s*")
_FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH_DAY = re.compile(r"^--(\d{2})-(\d{2})$")


_RANGE_BETWEEN = re.compile(r"\s*(?:[（(][^（）()]*[）)])?\s*(?:至|到|—|－|~|～)\s*")


def day_of(q: Quantity) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) for a date precise to the day; None otherwise."""
    if q.kind != "date" or not q.iso:
        return None
    if m := _FULL_DATE.match(q.iso):
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    if m := _MONTH_DAY.match(q.iso):
        return None, int(m.group(1)), int(m.group(2))
    return None


LocalRule = Callable[[Sentence, Facts], list[Finding]]


def run(table: FactTable, rule: LocalRule) -> None:
    """Run a sentence-local rule over every passage of the table that holds quantities."""
    for view in views(table):
        for sentence in view.sentences:
            for f in rule(sentence, view):
                table.push(f)


def views(table: FactTable) -> list[Facts]:
    """The passages of the table as sentence-local views (built once per table)."""
    if table.local_views is not None:
        return table.local_views
    out: list[Facts] = []
    doc = table.doc
    years_by_text: dict[int, dict[int, tuple[int, bool]]] = {}
    for e in table.events:
        if e.year_hint is not None:
            years_by_text.setdefault(id(e.text), {})[e.q.start] = (e.year_hint, e.year_written)
    for pi, quantities in sorted(table.passage_quantities.items()):
        p = doc.passages[pi]
        qs = tuple(
            q
            for q in quantities
            if q.value is not None or q.kind not in _VALUE_KINDS or (q.low is not None and q.high is not None)
        )
        if not qs:
            continue
        out.append(
            Facts(
                text=p.text,
                file=doc.file,
                line=p.line,
                quantities=qs,
                sentences=split_sentences(p.text, qs),
                store=table.store,
                reference_date=table.reference_date,
                article=doc.slug,
                marks=period_marks(qs, p.text),
                event_years=years_by_text.get(id(p.text), {}),
            )
        )
    table.local_views = out
    return out


_VALUE_KINDS = frozenset({"money", "count", "number", "dimension", "percent", "duration"})
