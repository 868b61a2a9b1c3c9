"""What the search index reads: an article's title and body, its Chinese written as character bigrams.

Chinese has no spaces between words, and any segmentation into words loses searches: Pagefind's
own (jieba through charabia when indexing, the browser's ``Intl.Segmenter`` when searching) reads
新能源汽车 as one word and 能源 or 源汽车 then find nothing, and the two segmenters disagree on
words neither knows (高质量 → 高质/量 when indexing). Search engines solve this with overlapping
character bigrams (Lucene's CJKBigramFilter): 新能源汽车 is indexed as 新能 能源 源汽 汽车, and a query
of two or more characters, cut the same way, is a phrase of bigrams that occurs in the page
exactly when the query does. Pagefind finds phrases (a query in double quotes matches words at
consecutive positions), so every substring of two or more Chinese characters finds its page.

So Pagefind is given not the article page but a document made here: the title (weighted), a
separator, and the article body (``.article-body``: prose, headings, lists, tables, figure
captions; not the breadcrumb, the byline, the contents or the data tables under figures), with
every run of Han characters written as its bigrams (one character alone stays as it is) and
everything else as written. The bundle's language is ``und``: Pagefind neither segments nor
stems it. The search box (``site-assets/search.js``) cuts the query the same way and rebuilds
readable text from a result's bigrams for its snippet; ``HAN_RANGES`` and ``SEPARATOR`` are the
contract between the two.
"""

from __future__ import annotations

import html as htmllib
import re
from html.parser import HTMLParser

# The code points read as Han characters, here and in search.js: 〇, CJK Unified Ideographs and
# Extension A, the compatibility ideographs, and the supplementary planes' ideographs (B–H).
HAN_RANGES = ((0x3007, 0x3007), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF))
_HAN_CLASS = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in HAN_RANGES)
_HAN_RUN = re.compile(f"[{_HAN_CLASS}]+")

# A token that ends a run of text: between the title and the body, between blocks, and where
# whitespace separated two runs of Han characters (中国 国家 must not read back as 中国家). It is
# no word character, so Pagefind keeps it in the text it stores but indexes nothing for it,
# and a phrase never matches across it. (U+2063 INVISIBLE SEPARATOR: never in a source text.)
SEPARATOR = "\u2063"

# Part of the search cache's key: a change to how documents are made re-indexes every shard.
INDEX_FORMAT = "bigrams-1"

# The bundle's language: Pagefind segments zh and ja itself and stems many others; und neither.
INDEX_LANGUAGE = "und"

# What the extracted body skips: the figures' data tables (every number again, under the
# figure), draft notes with the arithmetic (zhiku build --annotate), and anything a theme
# marks for Pagefind to ignore.
_SKIP_CLASSES = frozenset({"figure-data", "claim-note", "to-top", "article-toc"})
_SKIP_TAGS = frozenset({"script", "style", "template", "nav", "footer", "details", "svg", "button"})
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "blockquote",
        "table",
        "thead",
        "tbody",
        "tr",
        "td",
        "th",
        "caption",
        "figure",
        "figcaption",
        "br",
        "dd",
        "dt",
        "dl",
        "pre",
        "hr",
        "aside",
    }
)
_VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base"})


def bigram_tokens(text: str) -> list[str]:
    """``text`` as index tokens: each run of Han characters as its overlapping bigrams (a single
    character as itself), everything else split at whitespace; ``SEPARATOR`` between two Han runs
    that only whitespace parted."""
    tokens: list[str] = []
    pos = 0
    last_was_han = False
    for m in _HAN_RUN.finditer(text):
        between = text[pos : m.start()].split()
        if between:
            tokens.extend(between)
        elif last_was_han:
            # Whitespace only: the runs would touch in the token list, so mark where one ends.
            tokens.append(SEPARATOR)
        run = m.group()
        tokens.extend([run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)])
        pos = m.end()
        last_was_han = True
    tokens.extend(text[pos:].split())
    return tokens


class _BodyText(HTMLParser):
    """The text of the first element whose class holds ``article-body`` (else of ``<main>``), in
    blocks, skipping the parts a reader does not search (see ``_SKIP_CLASSES``)."""

    def __init__(self, root_class: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.root_class = root_class
        self.depth = 0  # open elements inside the root (0: not inside it)
        self.done = False
        self.skip_depth = 0  # open elements inside a skipped subtree
        self.blocks: list[list[str]] = [[]]

    def _is_root(self, tag: str, classes: list[str]) -> bool:
        if self.root_class is None:
            return tag == "main"
        return self.root_class in classes

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        classes = (dict(attrs).get("class") or "").split()
        if self.depth == 0:
            if self._is_root(tag, classes):
                self.depth = 1
            return
        if tag in _VOID_TAGS:
            if tag in _BLOCK_TAGS and not self.skip_depth:
                self.blocks.append([])
            return
        self.depth += 1
        if self.skip_depth:
            self.skip_depth += 1
            return
        ignored = any(k == "data-pagefind-ignore" for k, _ in attrs)
        if tag in _SKIP_TAGS or ignored or _SKIP_CLASSES.intersection(classes):
            self.skip_depth = 1
            return
        if tag in _BLOCK_TAGS:
            self.blocks.append([])

    def handle_endtag(self, tag: str) -> None:
        if self.done or self.depth == 0 or tag in _VOID_TAGS:
            return
        self.depth -= 1
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if self.depth == 0:
            self.done = True
        elif tag in _BLOCK_TAGS:
            self.blocks.append([])

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip_depth and not self.done:
            self.blocks[-1].append(data)

    def text_blocks(self) -> list[str]:
        out = []
        for parts in self.blocks:
            text = " ".join("".join(parts).split())
            if text:
                out.append(text)
        return out


def article_blocks(page_html: str) -> list[str]:
    """The blocks of text (paragraphs, headings, list items, cells, captions) of an article
    page's body; of its ``<main>`` when the theme has no ``article-body``."""
    root = "article-body" if re.search(r'class="[^"]*\barticle-body\b', page_html) else None
    parser = _BodyText(root)
    parser.feed(page_html)
    parser.close()
    return parser.text_blocks()


def index_document(page_html: str, title: str) -> str:
    """The HTML Pagefind indexes for one article page: the title as the result's title (meta) and
    as weighted words, then the body's blocks, all as bigram tokens, one paragraph, so Pagefind
    adds nothing between blocks (it puts a full stop after each block element's last word)."""
    words: list[str] = []
    for block in article_blocks(page_html):
        words.extend(bigram_tokens(block))
        words.append(SEPARATOR)
    title_words = " ".join(bigram_tokens(title))
    meta = htmllib.escape(f"title:{title}")
    return (
        f'<!DOCTYPE html><html lang="{INDEX_LANGUAGE}"><head><meta charset="utf-8"><title></title></head>'
        f'<body><main><p><span data-pagefind-meta="{meta}"></span>'
        f'<span data-pagefind-weight="5">{htmllib.escape(title_words)}</span> {SEPARATOR} '
        f"{htmllib.escape(' '.join(words))}</p></main></body></html>"
    )
