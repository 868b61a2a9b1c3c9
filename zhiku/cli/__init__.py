"""Command line: a thin layer over the library. ``main`` turns ZhikuError into one line and exit 2."""

from __future__ import annotations

import sys

from zhiku.cli.app import app
from zhiku.errors import ZhikuError

# Each command lives in its own module and registers itself on ``app`` when imported.
# Add one import per command module below.
from zhiku.cli import import_cmd  # noqa: E402, F401
from zhiku.cli import quantities_cmd  # noqa: E402, F401
from zhiku.cli import show_cmd  # noqa: E402, F401
from zhiku.cli import build_cmd  # noqa: E402, F401
from zhiku.cli import serve_cmd  # noqa: E402, F401
from zhiku.cli import data_cmd  # noqa: E402, F401
from zhiku.cli import check_cmd  # noqa: E402, F401


def main() -> None:
    try:
        app(standalone_mode=True)
    except ZhikuError as err:
        print(f"错误 error: {err.message}", file=sys.stderr)
        sys.exit(2)
    except OSError as err:
        # A file we could not read or write: still one line, never a traceback.
        name = getattr(err, "filename", None) or ""
        print(f"错误 error: {name}: 无法读写文件 / cannot read or write the file ({err.strerror})", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("已中断 / interrupted", file=sys.stderr)
        sys.exit(130)
