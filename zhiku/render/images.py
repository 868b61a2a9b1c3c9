"""Pictures an article shows (``![alt](file.png)``): read once, checked, named by content.

Each picture is written beside the pages as ``images/<sha256>.<ext>`` (the same file under the
same name in every build, cached by browsers forever, never two copies of one picture) and,
for the WeChat page, as ``wechat/images/…`` next to that page: WeChat takes picture files, not
data URIs, and no SVG, so an SVG goes there as a PNG of the same drawing.

A picture file is untrusted input: it must lie inside the publication folder, be PNG, JPEG, GIF
or SVG by its content (not its name), and an SVG is sanitised (``sanitize_svg``) before it is
written anywhere: no script, no event handler, no foreign content, no link outside itself.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
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


@dataclass(frozen=True)
class ImageFile:
    """A picture as written out: its files and what the pages say about it."""

    name: str  # images/<hash>.<ext>, relative to the issue folder
    data: bytes
    wechat_name: str  # wechat/images/<hash>.<png|jpg|gif>, relative to the issue folder
    wechat_data: bytes
    kind: str  # png, jpg, gif, svg


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


def image_file(image: Image, root: Path | None) -> ImageFile:
    """Read, check and name one picture."""
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
    digest = hashlib.sha256(data).hexdigest()[:20]
    name = f"images/{digest}.{kind}"
    if kind == "svg":
        import vl_convert  # the chart toolchain draws the PNG WeChat needs; only for an SVG picture

        wechat_data = bytes(vl_convert.svg_to_png(data.decode("utf-8"), scale=2.0))
        wechat_name = f"wechat/images/{digest}.png"
    else:
        wechat_data, wechat_name = data, f"wechat/{name}"
    return ImageFile(name, data, wechat_name, wechat_data, kind)
