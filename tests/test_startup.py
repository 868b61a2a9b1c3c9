"""Start-up: a command loads only the stages it uses (how long that takes is bench/startup.py's job).

Each check runs in a fresh interpreter, since this test process has long since imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import zhiku.sources
from zhiku.cli import COMMANDS, registered

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "runwaysys"

# Modules that only some commands need: building (site, render, Typst, Jinja2), checking
# numbers (claims, quantities), data (SQLite store), reading Markdown, guessing encodings.
STAGES = (
    "zhiku.site",
    "zhiku.render",
    "zhiku.claims",
    "zhiku.quantities",
    "zhiku.data",
    "zhiku.sources.legacy",
    "zhiku.sources.briefing",
    "zhiku.sources.word",
    "zhiku.sources.importer",
    "mammoth",
    "typst",
    "jinja2",
    "markdown_it",
    "charset_normalizer",
)


def loaded_after(code: str) -> tuple[set[str], str]:
    """Run ``code`` in a fresh Python; return the modules then loaded and what it printed."""
    probe = (
        "import atexit, json, sys\n"
        "atexit.register(lambda: sys.__stderr__.write('\\nMODULES ' + json.dumps(sorted(sys.modules))))\n"
        + code
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    marker = done.stderr.rfind("MODULES ")
    assert marker >= 0, done.stderr
    return set(json.loads(done.stderr[marker + len("MODULES ") :])), done.stdout


def heavy(modules: set[str], names: tuple[str, ...] = STAGES) -> list[str]:
    return sorted(n for n in names if n in modules)


def test_importing_the_cli_loads_no_stage() -> None:
    modules, _ = loaded_after("import zhiku.cli")
    assert heavy(modules) == []
    assert not {f"zhiku.cli.{m}" for m in COMMANDS.values()} & modules  # registered by main()


def test_a_command_registers_only_its_own_module() -> None:
    """Typer reads every registered command's signature at each start: a command line that names
    one command imports only its module (zhiku.cli.registered)."""
    modules, out = loaded_after(
        "import sys; sys.argv = ['zhiku', 'build', '--help']\nfrom zhiku.cli import main\nmain()"
    )
    assert "--timings" in out  # build's own help, so its options were read
    assert {m for m in modules if m.removeprefix("zhiku.cli.") in COMMANDS.values()} == {
        "zhiku.cli.build_cmd"
    }
    modules, out = loaded_after(
        "import sys; sys.argv = ['zhiku', 'data', 'list', '--help']\nfrom zhiku.cli import main\nmain()"
    )
    assert "zhiku data list" in out
    assert "zhiku.cli.data_cmd" in modules and "zhiku.cli.build_cmd" not in modules


def test_every_command_is_in_the_table_of_command_modules() -> None:
    """A command module missing from COMMANDS would never be registered by main(): every command
    Typer knows after all modules are imported is named in the table, under its own module."""
    import typer.main

    app = registered()
    group = typer.main.get_command(app)
    assert isinstance(group, typer.main.TyperGroup)
    names = set(group.commands)
    assert names == set(COMMANDS)
    for name, command in group.commands.items():
        callback = command.callback if command.callback is not None else None
        if callback is not None:
            assert callback.__module__ == f"zhiku.cli.{COMMANDS[name]}"
    on_disk = {p.stem for p in (ROOT / "zhiku" / "cli").glob("*_cmd.py")}
    assert on_disk == set(COMMANDS.values())


def test_help_lists_every_command_without_loading_a_stage() -> None:
    modules, out = loaded_after(
        "import sys; sys.argv = ['zhiku', '--help']\nfrom zhiku.cli import main\nmain()"
    )
    for command in ("build", "check", "data", "import", "quantities", "serve", "show"):
        assert command in out
    # Typer formats help with rich.markdown, which brings markdown_it: that one is the CLI's own.
    assert heavy(modules) in ([], ["markdown_it"])
    assert "zhiku.sources.markdown" not in modules


def test_show_reads_markdown_but_loads_no_build_or_check_stage() -> None:
    modules, out = loaded_after(
        f"import sys; sys.argv = ['zhiku', 'show', {str(EXAMPLE)!r}]\nfrom zhiku.cli import main\nmain()"
    )
    assert "2021年11月22日" in out  # it really read the example issue
    assert {"zhiku.sources.publication", "markdown_it"} <= modules
    # show checks each figure's series against the store (issue 17), so it opens the data
    # stage; still no renderer, Typst, Jinja2 or number checker.
    assert heavy(modules) == ["markdown_it", "zhiku.data"]


def test_reading_a_publication_skips_the_legacy_importer_and_encoding_guesser() -> None:
    modules, _ = loaded_after("from zhiku.sources import read_publication")
    assert "zhiku.sources.publication" in modules
    importers = tuple(f"zhiku.sources.{m}" for m in ("legacy", "briefing", "word", "importer"))
    assert heavy(modules, (*importers, "mammoth", "charset_normalizer")) == []


def test_a_gb18030_file_still_decodes_in_a_fresh_process(tmp_path: Path) -> None:
    # (Changed with issue 16: GB18030 and Big5 are told apart by how Chinese the text reads, and
    # charset-normalizer only names the encoding of a file that is refused; see
    # tests/test_hostile_encoding.py. So a GB18030 file no longer loads it at all.)
    text = "二〇二一年十一月，美国CPI同比上涨6.8%，为1982年以来最高。\n"
    path = tmp_path / "gb.txt"
    path.write_bytes(text.encode("gb18030"))
    modules, out = loaded_after(
        "from zhiku.sources import read_text\n"
        f"sys.stdout.buffer.write(read_text({str(path)!r}).encode('utf-8'))"
    )
    assert out == text
    assert "charset_normalizer" not in modules


def test_every_public_name_of_sources_resolves_to_its_submodule() -> None:
    import importlib

    for name in zhiku.sources.__all__:
        value = getattr(zhiku.sources, name)
        assert value is getattr(importlib.import_module(value.__module__), name)
        assert name in dir(zhiku.sources)
    with pytest.raises(AttributeError, match="no_such_name"):
        zhiku.sources.no_such_name  # noqa: B018


def test_a_command_runs_with_the_collector_tuned_for_a_short_run() -> None:
    """zhiku.runtime: the CLI raises the collector's threshold first and freezes what is alive
    last, so its exit does not walk the whole publication once more."""
    code = (
        "import gc, sys\n"
        "sys.argv = ['zhiku', '--version']\n"
        "from zhiku.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(gc.get_threshold()[0], gc.get_freeze_count() > 1000)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split()[-2:] == ["10000", "True"]
