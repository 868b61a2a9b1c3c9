// The archive's search box: Pagefind's JavaScript API over the yearly index shards.
//
// The newest shard's pagefind.js is loaded and the other shards are merged into it
// (mergeIndex), so one query searches the whole archive. A shard that lacks a query's word
// answers with partial, single-character matches (中 for 中欧班列); those results are dropped
// here: a result is kept only when its title or text holds every word of the query.
// Pagefind's own UI cannot drop results, hence this small UI instead of PagefindUI.

const form = document.getElementById("search");
const input = form.querySelector(".search-input");
const section = form.closest(".search");
const status = section.querySelector(".search-status");
const list = section.querySelector(".search-results");
const more = section.querySelector(".search-more");
const bundles = JSON.parse(form.dataset.bundles).map((b) => new URL(b, document.baseURI).href);
const PAGE = 10; // at least this many more results per step (whole batches are shown)
const BATCH = 20; // results whose text is fetched at a time

let loading = null; // one load of the engine, however many queries wait for it
let run = 0; // the latest query; older ones stop when a newer one starts

async function load() {
  const pf = await import(bundles[0] + "pagefind.js");
  await pf.options({ baseUrl: form.dataset.base || "/", excerptLength: 40 });
  for (const bundle of bundles.slice(1)) {
    await pf.mergeIndex(bundle);
  }
  return pf;
}

function engine() {
  if (loading === null) loading = load();
  return loading;
}

// Spaces and case do not matter when checking that a text holds a word.
const norm = (s) => s.toLowerCase().replace(/\s+/g, "");

// Pagefind's excerpt is HTML with <mark>s; read it as plain text (an inert template parses it).
function plain(html) {
  const t = document.createElement("template");
  t.innerHTML = html;
  return t.content.textContent || "";
}

// ``text`` with every occurrence of the words wrapped in <mark>, built as DOM nodes.
function highlighted(text, words) {
  const p = document.createElement("p");
  p.className = "search-excerpt";
  const pattern = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  let last = 0;
  if (pattern) {
    for (const m of text.matchAll(new RegExp(pattern, "gi"))) {
      p.append(text.slice(last, m.index));
      const mark = document.createElement("mark");
      mark.textContent = m[0];
      p.append(mark);
      last = m.index + m[0].length;
    }
  }
  p.append(text.slice(last));
  return p;
}

function show(data, words) {
  const li = document.createElement("li");
  li.className = "search-result";
  const a = document.createElement("a");
  a.className = "search-result-link";
  a.href = data.url;
  a.textContent = (data.meta && data.meta.title) || data.url;
  const title = document.createElement("p");
  title.className = "search-result-title";
  title.append(a);
  // An excerpt cut just after a sentence starts with its punctuation (。2011…): drop it.
  const excerpt = plain(data.excerpt || "").replace(/^[\s，。、；：？！,.;:?!）)》」”]+/, "");
  li.append(title, highlighted(excerpt, words));
  list.append(li);
}

async function search(query) {
  const mine = ++run;
  const words = query.split(/\s+/).filter(Boolean);
  list.replaceChildren();
  more.hidden = true;
  if (words.length === 0) {
    status.textContent = "";
    return;
  }
  status.textContent = "正在搜索… / Searching…";
  const pf = await engine();
  const found = await pf.search(query);
  if (mine !== run || found === null) return;
  const wanted = words.map(norm);
  const results = found.results;
  let next = 0;
  let shown = 0;

  async function step() {
    more.hidden = true;
    const goal = shown + PAGE;
    while (shown < goal && next < results.length) {
      const batch = await Promise.all(results.slice(next, next + BATCH).map((r) => r.data()));
      if (mine !== run) return;
      next += BATCH;
      for (const data of batch) {
        const text = norm(((data.meta && data.meta.title) || "") + " " + (data.content || ""));
        if (wanted.every((w) => text.includes(w))) {
          show(data, words);
          shown += 1;
        }
      }
    }
    more.hidden = next >= results.length;
    status.textContent = shown === 0
      ? `没有找到“${query}” / No results for “${query}”`
      : `“${query}”：${shown}${next < results.length ? "+" : ""} 篇文章 / ${shown}${next < results.length ? "+" : ""} articles`;
  }

  more.onclick = step;
  await step();
}

let timer = 0;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => search(input.value.trim()), 250);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  search(input.value.trim());
});
