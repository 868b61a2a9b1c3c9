"""Command line: a thin layer over the library. ``main`` turns ZhikuError into one line and exit 2.

Everything printed passes ``term.clean`` (no control characters from a publication's text reach
the terminal). An exception that is no ZhikuError is a zhiku bug: it is one line too (exit 70,
"please report"), and ``ZHIKU_DEBUG=1`` shows the traceback.
"""

from __future__ import annotations

import importlib
import os
import sys
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

from zhiku.cli.term import clean
from zhiku.errors import ZhikuError, ZhikuWarning
from zhiku.runtime import end_short_run, start_short_run

if TYPE_CHECKING:
    import typer

# Each command lives in its own module and registers itself on ``zhiku.cli.app.app`` when
# imported: add each command module here, under the command's name, in the order of the help.
COMMANDS = {
    "build": "build_cmd",
    "check": "check_cmd",
    "facts": "facts_cmd",
    "import": "import_cmd",
    "mail": "mail_cmd",
    "quantities": "quantities_cmd",
    "serve": "serve_cmd",
    "show": "show_cmd",
    "data": "data_cmd",
}


def registered(args: Sequence[str] = ()) -> typer.Typer:
    """The application with the commands ``args`` can run: when the command line names a
    command, only that command's module is imported (Typer reads the signature of every
    registered command at each start: 15 ms of a build's for all of them), else all of them
    (``zhiku``, ``--help``, ``--version``, a mistyped name that the help should answer)."""
    name = next((a for a in args if not a.startswith("-")), None)
    for module in [COMMANDS[name]] if name in COMMANDS else COMMANDS.values():
        importlib.import_module(f"zhiku.cli.{module}")
    from zhiku.cli.app import app

    return app


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
        print(clean(f"警告 warning: {message.error.message}"), file=sys.stderr)
    else:
        print(clean(f"警告 warning: {message}"), file=sys.stderr)


def main() -> None:
    start_short_run()
    warnings.showwarning = _show_warning
    app = registered(sys.argv[1:])
    try:
        app(standalone_mode=True)
    except ZhikuError as err:
        print(clean(f"错误 error: {err.message}"), file=sys.stderr)
        sys.exit(2)
    except OSError as err:
        # A file we could not read or write: still one line, never a traceback.
        name = getattr(err, "filename", None) or ""
        reason = err.strerror or type(err).__name__
        line = f"错误 error: {name}: 无法读写文件 / cannot read or write the file ({reason})"
        print(clean(line), file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("已中断 / interrupted", file=sys.stderr)
        sys.exit(130)
    except RecursionError:
        print(
            "错误 error: 输入嵌套太深，无法处理 / the input is nested too deeply to process", file=sys.stderr
        )
        sys.exit(2)
    except Exception as err:
        if os.environ.get("ZHIKU_DEBUG"):
            raise
        detail = clean(f"{type(err).__name__}: {err}")[:300]
        print(
            f"错误 error: zhiku 内部错误（请报告此问题，设置 ZHIKU_DEBUG=1 可看详情）：{detail} / "
            f"internal error in zhiku (please report it; ZHIKU_DEBUG=1 shows details): {detail}",
            file=sys.stderr,
        )
        sys.exit(70)
    finally:
        end_short_run()
