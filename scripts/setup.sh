#!/usr/bin/env bash
# Set up everything zhiku needs on a fresh Debian machine. Safe to run again: it skips what is there.
#   Debian packages: Noto CJK fonts (PDF and figures), Chromium (browser tests), poppler-utils (pdftotext),
#   a Java runtime (the W3C Nu HTML validator), LibreOffice Writer without a GUI (zhiku import of .doc/.wps/.rtf;
#   49 packages, 84 MB to download, about 15 s to install); a virtual environment in .venv with zhiku and its
#   test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
# grep reads everything (no -q): with pipefail, an early exit would kill fc-list with SIGPIPE
fc-list 2>/dev/null | grep "Noto Serif CJK" >/dev/null || need+=(fonts-noto-cjk)
command -v chromium >/dev/null || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v java >/dev/null || need+=(default-jre-headless)
command -v fc-list >/dev/null || need+=(fontconfig)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
if [ ${#need[@]} -gt 0 ]; then
  echo "安装 Debian 软件包 / installing Debian packages: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}"
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
stamp=.venv/.zhiku-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "安装 Python 软件包 / installing Python packages"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test,bench]"
  touch "$stamp"
fi
