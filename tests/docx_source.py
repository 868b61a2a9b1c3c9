"""What a .docx holds, read straight from its XML with the standard library — independently of
mammoth, which the importer uses — for the import tests to compare against.

A paragraph's text is its ``w:t`` (tracked insertions included, deletions are ``w:delText`` and so
left out, as Word shows the file with changes accepted), ``w:tab`` as a tab and ``w:br`` as a
line break; a footnote reference is the character FOOTNOTE followed by the note's number in
reading order and FOOTNOTE again.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
FOOTNOTE = "\u2063"  # invisible separator: stands for a footnote reference in source text


@dataclass
class SourceParagraph:
    text: str  # with FOOTNOTE+number for each reference
    style: str  # the style's name (heading 1, Title, toc 1 …), "" for none
    numbered: bool  # a list item (Word numbering)
    images: list[bytes] = field(default_factory=list)

    @property
    def heading_level(self) -> int | None:
        m = re.match(r"^heading\s*(\d)$", self.style, re.I)
        if m:
            return int(m[1])
        return 0 if self.style.lower() == "title" else None

    @property
    def plain(self) -> str:
        return re.sub(FOOTNOTE + r"\d+" + FOOTNOTE, "", self.text)


@dataclass
class SourceTable:
    cells: list[str]  # every cell's text, in reading order (a merged cell once)


@dataclass
class Source:
    blocks: list[SourceParagraph | SourceTable]
    footnotes: list[str]  # in reference order
    images: list[bytes]  # in reading order

    @property
    def paragraphs(self) -> list[SourceParagraph]:
        return [b for b in self.blocks if isinstance(b, SourceParagraph)]

    @property
    def tables(self) -> list[SourceTable]:
        return [b for b in self.blocks if isinstance(b, SourceTable)]


def norm(text: str) -> str:
    """Text as a reader compares it: NFKC, no whitespace at all."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def read_source(path: Path) -> Source:
    with zipfile.ZipFile(path) as package:
        document = ET.fromstring(package.read("word/document.xml"))
        styles = _styles(package)
        rels = _rels(package, "word/_rels/document.xml.rels")
        notes_xml = (
            ET.fromstring(package.read("word/footnotes.xml"))
            if "word/footnotes.xml" in package.namelist()
            else None
        )
        notes = {}
        if notes_xml is not None:
            for note in notes_xml.findall(f"{W}footnote"):
                paras = [_text(p, {}, [], package, rels)[0] for p in note.iter(f"{W}p")]
                notes[note.get(f"{W}id")] = "\n\n".join(p.strip() for p in paras if p.strip())
        order: list[str] = []
        images: list[bytes] = []
        blocks: list[SourceParagraph | SourceTable] = []
        body = document.find(f"{W}body")
        assert body is not None
        for child in _flatten(body):
            if child.tag == f"{W}p":
                text, imgs = _text(child, {"order": order}, images, package, rels)
                style_el = child.find(f"{W}pPr/{W}pStyle")
                style = styles.get(style_el.get(f"{W}val", ""), "") if style_el is not None else ""
                numbered = child.find(f"{W}pPr/{W}numPr") is not None
                blocks.append(SourceParagraph(text, style, numbered, imgs))
            elif child.tag == f"{W}tbl":
                cells = []
                for tc in child.iter(f"{W}tc"):
                    parts = [_text(p, {"order": order}, images, package, rels)[0] for p in tc.iter(f"{W}p")]
                    cells.append("".join(parts))
                blocks.append(SourceTable(cells))
        return Source(blocks, [notes[i] for i in order], images)


def _flatten(element: ET.Element) -> list[ET.Element]:
    out: list[ET.Element] = []
    for child in element:
        if child.tag in (f"{W}p", f"{W}tbl"):
            out.append(child)
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                out.extend(_flatten(content))
    return out


def _text(
    p: ET.Element,
    state: dict[str, list[str]],
    images: list[bytes],
    package: zipfile.ZipFile,
    rels: dict[str, str],
) -> tuple[str, list[bytes]]:
    parts: list[str] = []
    found: list[bytes] = []
    for el in p.iter():
        if el.tag == f"{W}t":
            parts.append(el.text or "")
        elif el.tag == f"{W}tab" and el.get(f"{W}val") is None:
            parts.append("\t")
        elif el.tag == f"{W}br" and el.get(f"{W}type") in (None, "textWrapping"):
            parts.append("\n")
        elif el.tag == f"{W}footnoteReference" and "order" in state:
            state["order"].append(el.get(f"{W}id", ""))
            parts.append(f"{FOOTNOTE}{len(state['order'])}{FOOTNOTE}")
        elif el.tag == f"{A}blip":
            target = rels[el.get(f"{R}embed", "")]
            data = package.read(posixpath.normpath(posixpath.join("word", target)))
            found.append(data)
            images.append(data)
    return "".join(parts), found


def _styles(package: zipfile.ZipFile) -> dict[str, str]:
    root = ET.fromstring(package.read("word/styles.xml"))
    out = {}
    for style in root.findall(f"{W}style"):
        name = style.find(f"{W}name")
        out[style.get(f"{W}styleId", "")] = name.get(f"{W}val", "") if name is not None else ""
    return out


def _rels(package: zipfile.ZipFile, name: str) -> dict[str, str]:
    root = ET.fromstring(package.read(name))
    return {r.get("Id", ""): r.get("Target", "") for r in root.findall(f"{REL}Relationship")}
