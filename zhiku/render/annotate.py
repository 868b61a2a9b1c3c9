"""Draft marks: an inconsistent claim is wrapped in <mark> in the paragraph that states it.

The spans are located by ``Finding.span_offsets`` (code points into the paragraph text),
checked against ``Finding.spans``; when the offsets do not fit the paragraph (a finding made
on a sentence), the span text is searched for instead. Private-use marker characters carry
the positions through Markdown rendering and sanitising; they become tags afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from zhiku.model import Paragraph
from zhiku.render.inline import InlineState, inline_html_in

# Types only: importing these packages at run time would pull in the claim engine and the
# chart toolchain (seconds of imports) for a render that is handed its findings and figures.
if TYPE_CHECKING:
    from zhiku.claims.model import Finding

RELATION_ZH = {
    "compound_growth": "年均增长",
    "yoy_growth": "同比增长",
    "sum": "合计",
    "share": "占比",
    "pp_change": "百分点变化",
    "difference": "增减",
    "multiple": "倍数",
    "conversion": "换算",
    "weekday": "星期",
    "lunar_date": "农历日期",
    "clock_duration": "时长",
    "enumeration": "列举计数",
    "series": "数据核对",
    "average": "平均数",
    "date_span": "日期间隔",
    "ordinal_year": "届次",
    "copy_invisible": "不可见字符",
}
VERDICT_ZH = {"consistent": "一致", "inconsistent": "不一致", "unverifiable": "无法核实", "copy": "文字问题"}

_START = 0xE000
_END = 0xE080
_MAX_MARKS = 0x80


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    finding: Finding


def finding_note(f: Finding) -> str:
    """The arithmetic as one line for a tooltip: relation, stated vs computed, evidence."""
    rel = RELATION_ZH.get(f.relation, f.relation)
    verdict = VERDICT_ZH.get(f.verdict, f.verdict)
    return f"{rel}（{verdict}）：文中 {f.stated}，计算得 {f.computed}。{f.evidence}"


def _locate(p: Paragraph, f: Finding) -> list[tuple[int, int]]:
    text = p.text
    spans: list[tuple[int, int]] = []
    for i, span in enumerate(f.spans):
        if i < len(f.span_offsets):
            s, e = f.span_offsets[i]
            if text[s:e] == span:
                spans.append((s, e))
                continue
            # Offsets relative to the checked sentence inside the paragraph.
            base = text.find(f.text) if f.text else -1
            if base >= 0 and text[base + s : base + e] == span:
                spans.append((base + s, base + e))
                continue
        pos = text.find(span) if span else -1
        if pos >= 0:
            spans.append((pos, pos + len(span)))
    return spans


def _belongs(p: Paragraph, f: Finding) -> bool:
    if f.file.resolve() != p.source.file.resolve():
        return False
    last_line = p.source.line + p.text.count("\n")
    return p.source.line <= f.line <= last_line


class Annotator:
    """Marks the inconsistent findings of one issue in the paragraphs that hold them."""

    def __init__(self, findings: Sequence[Finding], enabled: bool) -> None:
        self.findings = [f for f in findings if f.verdict == "inconsistent"] if enabled else []
        self.count = 0  # running id for the notes on a page

    def paragraph_html(self, p: Paragraph, state: InlineState | None = None) -> Markup:
        marks: list[_Mark] = []
        for f in self.findings:
            if _belongs(p, f):
                marks.extend(_Mark(s, e, f) for s, e in _locate(p, f))
        if not marks:
            return Markup(inline_html_in(p.text, state))
        marks.sort(key=lambda m: (m.start, -m.end))
        chosen: list[_Mark] = []
        for m in marks:  # overlapping spans: keep the first, the note names the whole finding
            if (not chosen or m.start >= chosen[-1].end) and len(chosen) < _MAX_MARKS:
                chosen.append(m)
        text = p.text
        for k, m in reversed(list(enumerate(chosen))):
            text = text[: m.start] + chr(_START + k) + text[m.start : m.end] + chr(_END + k) + text[m.end :]
        html = inline_html_in(text, state)
        for k, m in enumerate(chosen):
            self.count += 1
            note_id = f"claim-note-{self.count}"
            note = finding_note(m.finding)
            open_tag = f'<mark class="claim claim-inconsistent" tabindex="0" aria-describedby="{note_id}">'
            close_tag = f'<span class="claim-note" role="tooltip" id="{note_id}">{escape(note)}</span></mark>'
            html = html.replace(chr(_START + k), open_tag).replace(chr(_END + k), close_tag)
        return Markup(html)
