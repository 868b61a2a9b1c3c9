"""The RenderedFigure record: what `zhiku.figures` hands to the renderers."""

from __future__ import annotations

from dataclasses import dataclass

from zhiku.model import Figure


@dataclass(frozen=True)
class RenderedFigure:
    """A figure drawn from the store, numbered 图N within its article.

    ``svg`` is self-contained (text converted to paths or the font embedded), so it looks the
    same where Noto CJK is not installed; ``png`` is for the WeChat/e-mail page.
    ``columns``/``rows`` are the plotted data, shown as a table under the figure on the web.
    """

    block: Figure
    number: int  # 1-based, per article, in reading order
    title: str
    source_line: str  # 资料来源：…
    svg: str
    png: bytes
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    description: str  # a sentence for <desc> and alt text
    spec: str = ""  # the Vega-Lite spec as JSON, for anyone who wants to redraw it
    waiting: bool = False  # no series yet: the drawing is the "数据待补 / data to come" placeholder
    # The figure drawn for a phone (zhiku.figures.spec.PHONE): the web page shows it below 600 px,
    # WeChat shows its PNG. Empty for a figure made without it (the PNG and SVG then stand in).
    phone_svg: str = ""
    phone_png: bytes = b""

    @property
    def caption(self) -> str:
        return f"图{self.number} {self.title}"
