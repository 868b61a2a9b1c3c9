#!/usr/bin/env bash
# Set up (scripts/setup.sh), then run the linters and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
echo "== ruff"; ruff check zhiku tests bench
echo "== mypy"; mypy
echo "== pytest"; pytest -q "$@"
