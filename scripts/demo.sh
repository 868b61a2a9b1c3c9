#!/usr/bin/env bash
# The README's demo: install what is missing (scripts/setup.sh), then build the example publication
# examples/runwaysys into _site/ — each issue's web page, print PDF and WeChat page, the archive index,
# topic pages, Atom feed, sitemap and Chinese full-text search — and the authoring format's worked
# example examples/my-briefing (notes, references, pictures, tables, callouts, cross-references; see
# docs/format.md) into _site-my-briefing/. Safe to run again: setup skips what is installed, and each
# build replaces its output folder whole (reusing its cache in the publication's .zhiku/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"

zhiku build examples/runwaysys --out _site
zhiku build examples/my-briefing --out _site-my-briefing
# The editors' build: the same site plus each issue's number-check page (checks.html).
zhiku build examples/runwaysys --drafts --out _site-drafts

date=$(ls -d _site/20??-??-??/ 2>/dev/null | sort | tail -1 | xargs -r basename)
echo
echo "== 完成 / Done. 请看 / Look at:"
echo "  归档首页 / Archive index:        $PWD/_site/index.html"
if [ -n "$date" ]; then
  echo "  本期网页 / The issue's page:     $PWD/_site/$date/index.html"
  for pdf in _site/"$date"/*.pdf; do [ -e "$pdf" ] && echo "  印刷版 PDF / Print PDF:          $PWD/$pdf"; done
  echo "  微信整期页 / WeChat whole issue: $PWD/_site/$date/wechat/index.html （复制全文 / Copy button）"
  echo "  电子邮件简报 / E-mail newsletter: $PWD/_site/$date/email/$date.eml （zhiku mail 发送 / sent by zhiku mail）"
  echo "  数字核查（编辑用）/ Number checks (editors): $PWD/_site-drafts/$date/checks.html"
fi
echo "  订阅源 / Atom feed:              $PWD/_site/feed.xml"
echo "  写作格式示例 / Format example:   $PWD/_site-my-briefing/2021-11-29/index.html  (docs/format.md)"
echo "  本机预览（含全文搜索）/ Local preview with search:  .venv/bin/zhiku serve examples/runwaysys"
