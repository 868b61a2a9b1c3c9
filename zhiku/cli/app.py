"""The Typer application that every command module registers on."""

from __future__ import annotations

import typer

from zhiku import __version__

app = typer.Typer(
    name="zhiku",
    help="智库简报系统：导入、核查数字、绘图、出版。 / zhiku: import, check numbers, draw figures, publish.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"zhiku {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="显示版本 / Show the version."
    ),
) -> None:
    """智库简报系统 / zhiku, a briefing system for policy research institutes."""
