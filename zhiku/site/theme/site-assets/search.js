// The archive's search box: Pagefind's JavaScript API over the yearly index shards.
//
// The index holds each article's title and body with Chinese written as overlapping character
// bigrams (zhiku/site/searchtext.py: 新能源汽车 → 新能 能源 源汽 汽车). A query is cut the same way
// and searched as a phrase (Pagefind matches a quoted query at consecutive positions), so every
// substring of two or more Chinese characters finds the pages that hold it. The bundles' language
// is "und" so that Pagefind leaves the bigrams alone; Pagefind takes the language for cutting the
// query from <html lang> when it starts, so the page's lang is set to "und" for that moment only.
//
// The newest shard's pagefind.js is loaded and the other shards are merged into it (mergeIndex).
// A result is kept only when its title or body really holds every word of the query (a query of
// several words is searched as words in any order). Its snippet is the sentence of the body
// around the first match, rebuilt from the stored bigrams.

const form = document.getElementById("search");
const input = form.querySelector(".search-input");
const section = form.closest(".search");
const status = section.querySelector(".search-status");
const list = section.querySelector(".search-results");
const more = section.querySelector(".search-more");
const bundles = JSON.parse(form.dataset.bundles).map((b) => new URL(b, document.baseURI).href);
const PAGE = 10; // at least this many more results per step (whole batches are shown)
const BATCH = 20; // results whose text is fetched at a time
const SNIPPET = 80; // characters of body text shown under a result

// Must match zhiku/site/searchtext.py: HAN_RANGES, SEPARATOR, INDEX_LANGUAGE.
const HAN = /[\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{323AF}]/u;
const HAN_RUN = /[\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{323AF}]+/gu;
const SEPARATOR = "\u2063";
const INDEX_LANGUAGE = "und";

let loading = null; // one load of the engine, however many queries wait for it
let run = 0; // the latest query; older ones stop when a newer one starts

async function load() {
  const pf = await import(bundles[0] + "pagefind.js");
  await pf.options({ baseUrl: form.dataset.base || "/", excerptLength: 30 });
  const lang = document.documentElement.getAttribute("lang");
  document.documentElement.setAttribute("lang", INDEX_LANGUAGE);
  try {
    pf.init(); // reads <html lang> at once, before its first await
  } finally {
    document.documentElement.setAttribute("lang", lang);
  }
  for (const bundle of bundles.slice(1)) {
    await pf.mergeIndex(bundle, { language: INDEX_LANGUAGE });
  }
  return pf;
}

function engine() {
  if (loading === null) loading = load();
  return loading;
}

// A text as index tokens, exactly as searchtext.bigram_tokens cuts it.
function tokens(text) {
  const out = [];
  let pos = 0;
  let lastWasHan = false;
  for (const m of text.matchAll(HAN_RUN)) {
    const between = text.slice(pos, m.index).split(/\s+/).filter(Boolean);
    if (between.length) out.push(...between);
    else if (lastWasHan) out.push(SEPARATOR);
    const run = Array.from(m[0]);
    if (run.length === 1) out.push(run[0]);
    else for (let i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
    pos = m.index + m[0].length;
    lastWasHan = true;
  }
  out.push(...text.slice(pos).split(/\s+/).filter(Boolean));
  return out;
}

// Pagefind drops punctuation from the words it indexes: a token of punctuation alone finds nothing.
const searchable = (t) => /[\p{L}\p{N}]/u.test(t);

// The Pagefind query for the user's words: one word is a phrase of its tokens (in quotes); several
// words are all their tokens, in any order (each word is then checked in the result's text).
function pagefindQuery(words) {
  const parts = words.map((w) => tokens(w).filter((t) => t !== SEPARATOR && searchable(t)));
  if (parts.length === 1 && parts[0].length > 1) return `"${parts[0].join(" ")}"`;
  return parts.flat().join(" ");
}

const isHanToken = (t) => t.length > 0 && Array.from(t).length <= 2 && Array.from(t).every((c) => HAN.test(c));

// The stored text (tokens joined by spaces) read back as it was written: overlapping bigrams of
// one run merge (新能 能源 → 新能源); spaces stay only between two Latin words or numbers.
// Returns the title and the body (the first separator parts them).
function readable(content) {
  const parts = [""];
  let prev = null; // the previous token, when it was a Han token of the same run
  for (const raw of content.split(" ")) {
    if (raw === "") continue;
    if (raw.startsWith(SEPARATOR)) {
      // The first separator ends the title; the others end a block or a run of Han characters.
      if (parts.length === 1) parts.push("");
      else parts[parts.length - 1] += "\n";
      prev = null;
      continue;
    }
    let text = parts[parts.length - 1];
    if (isHanToken(raw)) {
      const chars = Array.from(raw);
      const p = prev ? Array.from(prev) : null;
      text += p && p.length === 2 && chars.length === 2 && p[1] === chars[0] ? chars[1] : raw;
      prev = raw;
    } else {
      const last = text.slice(-1);
      if (last && /[\x21-\x7e]/.test(last) && /^[\x21-\x7e]/.test(raw)) text += " ";
      text += raw;
      prev = null;
    }
    parts[parts.length - 1] = text;
  }
  return { title: parts[0].trim(), body: (parts[1] || "").replace(/[ \t]+/g, " ").trim() };
}

// Spaces and case do not matter when checking that a text holds a word.
const norm = (s) => s.toLowerCase().replace(/\s+/g, "");

// The first place in ``body`` where one of ``words`` occurs (case aside), or -1.
function firstMatch(body, words) {
  const lower = body.toLowerCase();
  const places = words.map((w) => lower.indexOf(w.toLowerCase())).filter((i) => i >= 0);
  return places.length ? Math.min(...places) : -1;
}

// The snippet: from the start of the sentence (or block) that holds the first match, else from
// the clause before it, else from the body's start; SNIPPET characters.
function snippet(body, words) {
  const at = firstMatch(body, words);
  let from = 0;
  let cut = false;
  if (at > 0) {
    const before = body.slice(Math.max(0, at - SNIPPET / 2), at);
    const sentence = before.match(/^.*[。！？；\n]/s);
    const clause = before.match(/^.*[，、：]/s);
    const start = at - before.length;
    if (sentence) from = start + sentence[0].length;
    else if (clause) [from, cut] = [start + clause[0].length, true];
    else [from, cut] = [start, start > 0];
  }
  const text = body.slice(from, from + SNIPPET).replace(/\n/g, " ").trim();
  return (cut ? "…" : "") + text + (from + SNIPPET < body.length ? "…" : "");
}

// ``text`` with every occurrence of the words wrapped in <mark>, built as DOM nodes.
function highlighted(text, words) {
  const p = document.createElement("p");
  p.className = "search-excerpt";
  const pattern = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  let last = 0;
  if (pattern) {
    for (const m of text.matchAll(new RegExp(pattern, "giu"))) {
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

function show(data, page, words) {
  const li = document.createElement("li");
  li.className = "search-result";
  const a = document.createElement("a");
  a.className = "search-result-link";
  a.href = data.url;
  a.textContent = (data.meta && data.meta.title) || page.title || data.url;
  const title = document.createElement("p");
  title.className = "search-result-title";
  title.append(a);
  li.append(title, highlighted(snippet(page.body, words), words));
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
  const found = await pf.search(pagefindQuery(words));
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
        const page = readable(data.content || "");
        const text = norm(((data.meta && data.meta.title) || page.title) + " " + page.body);
        if (wanted.every((w) => text.includes(w))) {
          show(data, page, words);
          shown += 1;
        }
      }
    }
    more.hidden = next >= results.length;
    status.textContent = shown === 0
      ? `没有找到“${query}” / No results for “${query}”`
      : `“${query}”：${shown}${next < results.length ? "+" : ""} 篇文章 / ${shown}${next < results.length ? "+" : ""} articles`;
    section.dataset.done = String(mine);
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
