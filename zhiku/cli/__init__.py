"""Command line: a thin layer over the library. ``main`` turns ZhikuError into one line and exit 2."""

from __future__ import annotations

import sys
import warnings

# Each command lives in its own module and registers itself on ``app`` when imported:
# add one import per command module here.
from zhiku.cli import (  # noqa: F401
    build_cmd,
    check_cmd,
    data_cmd,
    import_cmd,
    mail_cmd,
    quantities_cmd,
    serve_cmd,
    show_cmd,
)
from zhiku.cli.app import app
from zhiku.errors import ZhikuError, ZhikuWarning
from zhiku.runtime import end_short_run, start_short_run


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: object = None,
    line: str | None = None,
) -> None:
    # A user's warning is one line naming their file, like an error, not Python's two-line
    # "module.py:123: ZhikuWarning" form that points into zhiku's own code.
    if isinstance(message, ZhikuWarning):
        print(f"警告 warning: {message.error.message}", file=sys.stderr)
    else:
        print(f"警告 warning: {message}", file=sys.stderr)


def main() -> None:
    start_short_run()
    warnings.showwarning = _show_warning
    try:
        app(standalone_mode=True)
    except ZhikuError as err:
        print(f"错误 error: {err.message}", file=sys.stderr)
        sys.exit(2)
    except OSError as err:
        # A file we could not read or write: still one line, never a traceback.
        name = getattr(err, "filename", None) or ""
        reason = err.strerror or type(err).__name__
        print(f"错误 error: {name}: 无法读写文件 / cannot read or write the file ({reason})", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("已中断 / interrupted", file=sys.stderr)
        sys.exit(130)
    finally:
        end_short_run()
