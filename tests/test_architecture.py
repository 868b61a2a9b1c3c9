"""The pipeline's layering (docs/architecture.md): a stage imports only the stages above it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "zhiku"
# In pipeline order; errors/fsutil/runtime/integrity/distversion are shared by all and model is first.
# (integrity: the signed cache records that the data store and the site's caches both keep.)
STAGES = ["model", "sources", "quantities", "data", "claims", "figures", "render", "site", "mail", "cli"]
SHARED = {"errors", "fsutil", "runtime", "integrity", "distversion", "lazy", "__init__"}
ENTRY = "__main__"  # `python -m zhiku`: the CLI itself


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "zhiku" or len(parts) < 2:
        return None
    return parts[1]


def imported_stages(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            stage = stage_of(name)
            if stage is not None and stage not in SHARED:
                found.add(stage)
    return found


def test_each_stage_imports_only_earlier_stages() -> None:
    wrong: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        own = rel.parts[0].removesuffix(".py")
        if own == ENTRY:
            continue
        if own in SHARED:
            assert not imported_stages(path), f"{rel} is shared and must not import a stage"
            continue
        assert own in STAGES, f"{rel}: not a known stage; add it to docs/architecture.md and here"
        allowed = set(STAGES[: STAGES.index(own) + 1])
        for stage in imported_stages(path) - allowed:
            wrong.append(f"zhiku/{rel} imports zhiku.{stage}, a later stage")
    assert not wrong, "\n".join(wrong)
