"""Picture files an article shows (``![alt](file.png)``): read and checked as untrusted input.

A picture must lie inside the publication folder, be PNG, JPEG, GIF or SVG by its content (not
its name), and an SVG is sanitised (``sanitize_svg``) before anything else sees it: no script,
no event handler, no foreign content, no link outside itself. (No maintained Python library
sanitises SVG — nh3/ammonia are for HTML and would lower-case SVG's camelCase names — so the
allow-list below does it on lxml's tree.) ``zhiku.render.images`` names and writes the result.
"""

from __future__ import annotations

import re
from pathlib import Path

from zhiku.errors import ZhikuError
from zhiku.model import Image

_KINDS = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpg"), (b"GIF87a", "gif"), (b"GIF89a", "gif"))
_SVG_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?<svg[\s>]", re.S)
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
# The drawing elements of SVG 1.1/2; anything else (script, foreignObject, iframe, animations
# that can set attributes, elements of other namespaces) is dropped with its content.
_SVG_ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "defs",
        "symbol",
        "use",
        "title",
        "desc",
        "metadata",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "textPath",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
        "mask",
        "pattern",
        "marker",
        "image",
        "filter",
        "feBlend",
        "feColorMatrix",
        "feComponentTransfer",
        "feComposite",
        "feFlood",
        "feGaussianBlur",
        "feMerge",
        "feMergeNode",
        "feOffset",
        "feFuncA",
        "feFuncB",
        "feFuncG",
        "feFuncR",
        "style",
        "switch",
    ]
)
_SAFE_HREF = re.compile(r"^(#|data:image/(png|jpeg|gif);base64,)", re.I)
_UNSAFE_CSS = re.compile(r"@import|url\(\s*['\"]?\s*(?!#)|expression\(|javascript:", re.I)


def _error(image: Image, zh: str, en: str) -> ZhikuError:
    return ZhikuError(zh, en, image.source.file, image.source.line)


def sanitize_svg(data: bytes, image: Image | None = None) -> bytes:
    """An SVG with only drawing elements and presentation attributes left."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        where = (image.source.file, image.source.line) if image is not None else (None, None)
        raise ZhikuError(
            f"SVG 图片无法读取：{err}", f"the SVG picture cannot be read: {err}", *where
        ) from None
    for el in list(root.iter()):
        if el is root:
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        ns, _, local = tag.rpartition("}")
        if ns.lstrip("{") != SVG_NS or local not in _SVG_ELEMENTS:
            parent = el.getparent()
            if parent is not None:
                parent.remove(el)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in list(el.attrib):
            value = el.attrib[attr]
            local = attr.rpartition("}")[2].lower()
            if (
                local.startswith("on")
                or (local == "href" and not _SAFE_HREF.match(value.strip()))
                or (local == "style" and _UNSAFE_CSS.search(value))
            ):
                del el.attrib[attr]
        if el.tag == f"{{{SVG_NS}}}style" and el.text and _UNSAFE_CSS.search(el.text):
            el.text = ""
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    return out


def _kind(data: bytes) -> str | None:
    for magic, kind in _KINDS:
        if data.startswith(magic):
            return kind
    return "svg" if _SVG_START.match(data[:4096]) else None


def read_picture(image: Image, root: Path | None) -> tuple[str, bytes]:
    """The picture's kind (png, jpg, gif, svg) and its bytes, an SVG sanitised."""
    path = image.path
    if root is not None and root.exists():
        real = path.resolve()
        if not real.is_relative_to(root.resolve()):
            raise _error(
                image,
                f"图片“{image.src}”在出版物文件夹之外，不能使用",
                f"picture '{image.src}' lies outside the publication folder and cannot be used",
            )
    try:
        data = path.read_bytes()
    except OSError:
        raise _error(image, f"找不到图片文件“{image.src}”", f"picture file '{image.src}' not found") from None
    kind = _kind(data)
    if kind is None:
        raise _error(
            image,
            f"图片“{image.src}”不是 PNG、JPEG、GIF 或 SVG 文件",
            f"picture '{image.src}' is not a PNG, JPEG, GIF or SVG file",
        )
    if kind == "svg":
        data = sanitize_svg(data, image)
    return kind, data
