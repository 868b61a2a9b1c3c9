"""References formatted in GB/T 7714-2015 (numeric) by citeproc-py, the maintained Python CSL
processor, with the style file of the CSL project (``china-national-standard-gb-t-7714-2015-
numeric.csl`` beside this file, CC BY-SA 3.0, unchanged).

Every channel shows the text made here — the web page (HTML), the PDF (Typst markup from the
plain text) and the WeChat page — so the three agree to the character. (Typst ships the same
style, but a Typst document has one bibliography and numbers it once, while a briefing numbers
its references per article.)

Two things are adjusted, both before citeproc-py sees them, and said here:

- A name written in Chinese characters (``李明``, ``国家统计局``) is passed as one literal name:
  GB/T 7714 prints Chinese names family-and-given without a space, which CSL processors that
  know CJK do by themselves and citeproc-py does not (it would print ``李 明``).
- citeproc-py counts a variable that a ``cs:choose`` only tests (medium-id's
  ``<if variable="medium">``) as called, so the group holding the type mark ``[J]``/``[M]``
  vanished for every entry without a URL. The CSL specification suppresses a group only when the
  variables it calls are empty, and a test in a ``cs:choose`` is no call: ``_group_process`` below.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STYLE = Path(__file__).with_name("china-national-standard-gb-t-7714-2015-numeric.csl")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class FormattedReference:
    key: str
    number: int
    text: str  # plain text, as printed: [1]李明, 王芳. 中欧班列……[J]. 国际贸易, 2020, 39(5): 12-20.
    html: str  # the same with markup (links), escaped


def _cjk_names(item: dict[str, Any]) -> dict[str, Any]:
    out = dict(item)
    for role in ("author", "editor", "translator", "container-author", "collection-editor"):
        names = item.get(role)
        if not isinstance(names, list):
            continue
        fixed = []
        for name in names:
            if isinstance(name, dict) and "literal" not in name:
                whole = f"{name.get('family', '')}{name.get('given', '')}"
                if _CJK.search(whole):
                    name = {"literal": whole}
            fixed.append(name)
        out[role] = fixed
    return out


def _calls_unconditionally(elem: Any) -> bool:
    """Whether ``elem`` renders a variable whatever the entry: conditions of a ``cs:choose`` are
    tests, so what only one of its branches renders does not count."""
    from citeproc.model import Choose, Text

    if isinstance(elem, Choose):
        return False
    if isinstance(elem, Text):
        if "macro" in elem.attrib:
            return any(_calls_unconditionally(c) for c in elem.get_macro(elem.get("macro")).iterchildren())
        return bool(elem.calls_variable())
    children = list(elem.iterchildren())
    if children and elem.tag.endswith(("}group", "}macro")):
        return any(_calls_unconditionally(c) for c in children)
    return bool(elem.calls_variable())


def _group_process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    """cs:group close to the CSL specification: suppressed when it calls variables and all of
    them are empty. A child that renders text counts as a rendered variable if it calls one
    anywhere; a child that renders nothing counts as an empty variable only if it would call
    one whatever the entry (not for a cs:choose none of whose branches was taken)."""
    from citeproc.model import Choose, VariableError

    output = []
    called = False
    rendered = False
    delimiter = self.get("delimiter", "")
    for child in self.iterchildren():
        try:
            if isinstance(child, Choose):
                text = child.render(item, context=context, delimiter=delimiter, **kwargs)
            else:
                text = child.render(item, context=context, **kwargs)
        except VariableError:
            text = None
        if text is None:
            called = called or _calls_unconditionally(child)
            continue
        output.append(text)
        if child.calls_variable():
            called = rendered = True
    if output and (not called or rendered):
        return self.join(output)
    raise VariableError


@functools.cache
def _style() -> Any:
    from citeproc import CitationStylesStyle
    from citeproc.model import Group

    Group.process = _group_process
    return CitationStylesStyle(str(STYLE), validate=False)


@functools.lru_cache(maxsize=64)
def format_references(entries: tuple[str, ...], keys: tuple[str, ...]) -> tuple[FormattedReference, ...]:
    """The entries (CSL-JSON texts) cited under ``keys`` (in order of first citation), numbered
    1, 2 … in that order, as GB/T 7714-2015 prints them."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    by_key = {}
    for text in entries:
        item = json.loads(text)
        by_key[str(item["id"])] = _cjk_names(item)
    source = CiteProcJSON([by_key[k] for k in keys])
    out: list[FormattedReference] = []
    texts: dict[str, list[str]] = {}
    for name, fmt in (("text", formatter.plain), ("html", formatter.html)):
        bib = CitationStylesBibliography(_style(), source, fmt)
        for key in keys:
            bib.register(Citation([CitationItem(key.lower())]))
        # citeproc-py keys are lower-cased; the order of registration is the numbering.
        texts[name] = [str(entry) for entry in bib.bibliography()]
    for n, key in enumerate(keys, start=1):
        out.append(FormattedReference(key, n, texts["text"][n - 1], texts["html"][n - 1]))
    return tuple(out)


def cited_keys(citations: Sequence[str]) -> tuple[str, ...]:
    """Each key once, in order of first citation."""
    return tuple(dict.fromkeys(citations))
