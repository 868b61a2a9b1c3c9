"""The publication's bibliography: ``references.yaml`` (CSL-JSON written as YAML or JSON) and/or
``references.bib`` (BibTeX, read by pybtex) → :class:`Reference` entries as CSL-JSON.

CSL-JSON is what every CSL processor reads, so a ``.bib`` entry is mapped to it here, once; the
renderers format both kinds the same way (GB/T 7714-2015 numeric, ``zhiku.render.csl``).
"""

from __future__ import annotations

import calendar
import json
import re
from pathlib import Path
from typing import Any

from zhiku.errors import ZhikuError
from zhiku.model import Reference, SourceRef
from zhiku.sources.text import read_text

REFERENCE_FILES = ("references.yaml", "references.yml", "references.json", "references.bib")

# BibTeX entry types → CSL types (the CSL specification's names).
_BIB_TYPES = {
    "article": "article-journal",
    "book": "book",
    "booklet": "book",
    "manual": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "proceedings": "book",
    "techreport": "report",
    "report": "report",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "standard": "standard",
    "patent": "patent",
    "dataset": "dataset",
    "software": "software",
    "newspaper": "article-newspaper",
}
_BIB_FIELDS = {
    "title": "title",
    "journal": "container-title",
    "journaltitle": "container-title",
    "booktitle": "container-title",
    "publisher": "publisher",
    "institution": "publisher",
    "school": "publisher",
    "organization": "publisher",
    "address": "publisher-place",
    "location": "publisher-place",
    "volume": "volume",
    "edition": "edition",
    "pages": "page",
    "url": "URL",
    "doi": "DOI",
    "isbn": "ISBN",
    "note": "note",
    "language": "language",
    "medium": "medium",
}
_MONTHS = {m[:3].lower(): n for n, m in enumerate(calendar.month_abbr) if m}
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def read_references(root: Path) -> tuple[Reference, ...]:
    """Every entry of the publication's reference files, in file order; a key defined twice, an
    entry without a key or a malformed file is an error naming the file and line."""
    out: list[Reference] = []
    seen: dict[str, Reference] = {}
    for name in REFERENCE_FILES:
        path = root / name
        if not path.is_file():
            continue
        entries = _read_bib(path) if path.suffix == ".bib" else _read_csl(path)
        for ref in entries:
            if ref.key in seen:
                first = seen[ref.key].source
                raise ZhikuError(
                    f"文献键“{ref.key}”重复（另见 {first}）",
                    f"reference key '{ref.key}' is defined twice (see also {first})",
                    ref.source.file,
                    ref.source.line,
                )
            seen[ref.key] = ref
            out.append(ref)
    return tuple(out)


def _read_csl(path: Path) -> list[Reference]:
    from zhiku.sources.yamlload import load_any

    text = read_text(path)
    # A list of entries at the top, each located by its "id:" line (YAML) or "\"id\":" (JSON).
    # YAML goes through the one loader (limits, control characters, errors with their line).
    if path.suffix != ".json":
        data = load_any(text, path)
    else:
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, ValueError, RecursionError) as err:
            line = getattr(err, "lineno", None)
            raise ZhikuError("文献文件格式错误", f"malformed reference file: {err}", path, line) from None
    if isinstance(data, dict) and isinstance(data.get("references"), list):
        data = data["references"]
    if not isinstance(data, list):
        raise ZhikuError(
            "文献文件应是条目列表（每条以 - id: 开头，CSL-JSON 的键）",
            "a reference file must be a list of entries (each starting '- id:', CSL-JSON keys)",
            path,
            1,
        )
    id_lines = [
        n for n, line in enumerate(text.splitlines(), start=1) if re.match(r'\s*-?\s*"?id"?\s*:', line)
    ]
    out: list[Reference] = []
    for n, item in enumerate(data):
        line = id_lines[n] if n < len(id_lines) else 1
        if not isinstance(item, dict) or not str(item.get("id", "")).strip():
            raise ZhikuError(
                f"第 {n + 1} 条文献缺少 id（引用时写 [@id]）",
                f"reference entry {n + 1} has no 'id' (it is cited as [@id])",
                path,
                line,
            )
        if "type" not in item:
            raise ZhikuError(
                f"文献“{item['id']}”缺少 type（如 book、article-journal、report、webpage）",
                f"reference '{item['id']}' has no 'type' (e.g. book, article-journal, report, webpage)",
                path,
                line,
            )
        clean = json.loads(json.dumps(item, default=str, ensure_ascii=False))
        out.append(
            Reference(str(item["id"]).strip(), json.dumps(clean, ensure_ascii=False), SourceRef(path, line))
        )
    return out


def _latex_text(value: str) -> str:
    from pybtex.richtext import Text

    return str(Text.from_latex(value).render_as("text")).strip()


def _person(person: Any) -> dict[str, str]:
    whole = _latex_text(str(person))
    first = " ".join(_latex_text(p) for p in (*person.first_names, *person.middle_names))
    last = " ".join(_latex_text(p) for p in (*person.prelast_names, *person.last_names))
    if _CJK.search(whole) or not first or str(person).strip().startswith("{"):
        # 李明, 国家统计局, {World Bank}: one name as written.
        return {"literal": whole}
    return {"family": last, "given": first}


def _date(text: str) -> dict[str, list[list[int]]] | None:
    parts = [int(p) for p in re.findall(r"\d+", text)[:3]]
    return {"date-parts": [parts]} if parts else None


def _read_bib(path: Path) -> list[Reference]:
    from pybtex.database import parse_string
    from pybtex.scanner import PybtexError

    text = read_text(path)
    try:
        db = parse_string(text, "bibtex")
    except PybtexError as err:
        m = re.search(r"line (\d+)", str(err))
        raise ZhikuError(
            f"BibTeX 文件格式错误：{err}",
            f"malformed BibTeX file: {err}",
            path,
            int(m.group(1)) if m else None,
        ) from None
    lines = {
        m.group(1).strip(): text.count("\n", 0, m.start()) + 1
        for m in re.finditer(r"@\w+\s*\{\s*([^,\s]+)", text)
    }
    out: list[Reference] = []
    for key, entry in db.entries.items():
        line = lines.get(key, 1)
        csl: dict[str, Any] = {"id": key, "type": _BIB_TYPES.get(entry.type.lower(), "document")}
        fields = {k.lower(): v for k, v in entry.fields.items()}
        if fields.get("entrysubtype", "").lower() == "newspaper":
            csl["type"] = "article-newspaper"
        if entry.type.lower() == "misc" and "url" in fields:
            csl["type"] = "webpage"
        for field_name, value in fields.items():
            target = _BIB_FIELDS.get(field_name)
            if target is not None and target not in csl:
                csl[target] = (
                    _latex_text(value).replace("--", "-") if target == "page" else _latex_text(value)
                )
        if "number" in fields:
            csl["issue" if csl["type"].startswith("article") else "number"] = _latex_text(fields["number"])
        date = fields.get("date") or " ".join(fields[k] for k in ("year", "month", "day") if k in fields)
        date = re.sub(r"[A-Za-z]+", lambda m: str(_MONTHS.get(m.group(0)[:3].lower(), "")), date)
        issued = _date(date)
        if issued:
            csl["issued"] = issued
        if "urldate" in fields and (accessed := _date(fields["urldate"])):
            csl["accessed"] = accessed
        for role in ("author", "editor", "translator"):
            people = entry.persons.get(role) or entry.persons.get(role.capitalize())
            if people:
                csl[role] = [_person(p) for p in people]
        out.append(Reference(key, json.dumps(csl, ensure_ascii=False), SourceRef(path, line)))
    return out
