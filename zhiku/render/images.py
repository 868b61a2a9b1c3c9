"""Pictures an article shows, as written out: each is ``images/<sha256>.<ext>`` beside the pages
(the same file under the same name in every build, cached by browsers forever, never two copies of
one picture) and, for the WeChat page, ``wechat/images/…`` next to that page: WeChat takes picture
files, not data URIs, and no SVG, so an SVG goes there as a PNG of the same drawing. The file is
read and checked (place, format, SVG sanitised) by ``zhiku.sources.pictures``.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from zhiku.model import Image
from zhiku.sources.pictures import read_picture, sanitize_svg

__all__ = ["ImageFile", "image_file", "sanitize_svg"]


@dataclass(frozen=True)
class ImageFile:
    """A picture as written out: its files and what the pages say about it."""

    name: str  # images/<hash>.<ext>, relative to the issue folder
    data: bytes
    wechat_name: str  # wechat/images/<hash>.<png|jpg|gif>, relative to the issue folder
    wechat_data: bytes
    kind: str  # png, jpg, gif, svg


@functools.lru_cache(maxsize=64)  # 60 ms a drawing; the same picture renders on every rebuild
def _svg_png(svg: bytes) -> bytes:
    import vl_convert  # the chart toolchain draws the PNG WeChat needs; only for an SVG picture

    return bytes(vl_convert.svg_to_png(svg.decode("utf-8"), scale=2.0))


def image_file(image: Image, root: Path | None) -> ImageFile:
    """Read, check and name one picture."""
    kind, data = read_picture(image, root)
    digest = hashlib.sha256(data).hexdigest()[:20]
    name = f"images/{digest}.{kind}"
    if kind == "svg":
        wechat_data = _svg_png(data)
        wechat_name = f"wechat/images/{digest}.png"
    else:
        wechat_data, wechat_name = data, f"wechat/{name}"
    return ImageFile(name, data, wechat_name, wechat_data, kind)
