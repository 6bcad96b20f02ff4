// Site search on Pagefind's chunked index (only the index pieces a query needs are fetched), drawn
// into Material's search box with Material's own result markup, so it looks and behaves the same.

const PAGE = 10;        // results drawn at once; more as the list is scrolled to its end
const SECTIONS = 3;     // matching sections shown under a page, as Material does
const PAUSE = 100;      // ms without typing before a search runs: "M", "Mi", "Min" are never searched
                        // while typing "Minister" (a one-letter search can take a second on a big site)

const box = document.querySelector("[data-explainer-search]");
if (box) start(box);

function start(box) {
  const { base, words } = JSON.parse(box.dataset.explainerSearch);
  const root = new URL(base.replace(/\/?$/, "/"), location.href);
  const toggle = document.getElementById("__search");
  const form = box.querySelector("form");
  const input = box.querySelector(".md-search__input");
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const scroller = box.querySelector(".md-search__scrollwrap");
  let engine = null;
  let shown = { query: 0, results: [], drawn: 0 };
  let asked = 0;

  // The index comes in bundles (`pagefind/bundles.json`: actors, then claims, ...), each with its own
  // Pagefind: all are searched at once and each one's results are drawn, in bundle order, as soon as
  // the bundles before it have answered, so the small first bundle answers before the big ones are scored.
  function load() {
    engine ??= fetch(new URL("pagefind/bundles.json", root)).then((r) => {
      if (!r.ok) throw new Error(`no search index (${r.status})`);
      return r.json();
    }).then((names) =>
      Promise.all(names.map(async (name) => {
        const pagefind = await import(new URL(`pagefind/${name}/pagefind.js`, root).href);
        // pageLength 0: a long page is not ranked down for its length. A person's page lists their
        // claims, so it is long; with Pagefind's default (0.75) each short claim page naming them
        // outranked it (on a 3,900-claim archive, "Obama" put his page 65th; now first)
        await pagefind.options({ baseUrl: root.pathname, excerptLength: 24, ranking: { pageLength: 0 } });
        await pagefind.init();
        return pagefind;
      }))).then((bundles) => {
      if (!input.value.trim()) meta.textContent = words.placeholder;
      return bundles;
    }).catch((error) => {
      engine = null;  // in preview the index may still be being made: the next search tries again
      throw error;
    });
    return engine;
  }

  async function search(text) {
    const query = ++asked;
    const terms = text.trim();
    if (!terms) return show(query, [], words.placeholder);
    const answers = (await load()).map((pagefind) => pagefind.search(terms));
    let results = null;
    for (const answer of answers) {
      const found = await answer;
      if (query !== asked) return;  // a newer query has already replaced this one
      if (!found) continue;
      if (results === null) show(query, [], "");
      results = shown.results;
      results.push(...found.results);
      const count = results.length;
      meta.textContent = count === 0 ? words.none : count === 1 ? words.one
        : words.other.replace("#", count.toLocaleString());
      list.setAttribute("role", count ? "list" : "presentation");
      if (shown.drawn < PAGE) await more();
    }
    box.dataset.answered = terms;  // every bundle has answered: the count is final (tests and the bench wait for it)
  }

  function show(query, results, status) {
    shown = { query, results, drawn: 0 };
    meta.textContent = status;
    list.replaceChildren();
    list.setAttribute("role", results.length ? "list" : "presentation");
  }

  // batches are drawn one after another, so results stay in order however fast the list is scrolled
  let drawing = Promise.resolve();
  function more() {
    drawing = drawing.then(drawNext).catch(() => {});  // a failed fetch must not stop later batches
    return drawing;
  }

  async function drawNext() {
    const { query, results, drawn } = shown;
    if (drawn >= results.length) return;
    shown.drawn = Math.min(drawn + PAGE, results.length);
    // fetched together, drawn in order as each arrives: the first result shows without waiting for the tenth
    for (const page of results.slice(drawn, drawn + PAGE).map((r) => r.data())) {
      const data = await page;
      if (query !== asked) return;
      list.append(item(data));
    }
  }

  function item(page) {
    const li = element("li", "md-search-result__item");
    li.append(article(page.url, page.meta.title, page.excerpt, true));
    const sections = (page.sub_results || [])
      .filter((s) => s.url !== page.url && s.title !== page.meta.title).slice(0, SECTIONS);
    for (const s of sections) li.append(article(s.url, s.title, s.excerpt, false));
    return li;
  }

  function article(url, title, excerpt, isPage) {
    const link = element("a", "md-search-result__link");
    link.href = url;
    link.tabIndex = -1;
    const body = element("article", "md-search-result__article md-typeset");
    if (isPage) body.append(element("div", "md-search-result__icon md-icon"));
    const heading = element(isPage ? "h1" : "h2");
    heading.textContent = title || url;
    const text = element("p");
    text.append(...marked(excerpt || ""));
    body.append(heading, text);
    link.append(body);
    return link;
  }

  // Pagefind's excerpt is text with <mark> around the matches. Only those marks are kept as elements;
  // anything else becomes plain text, so nothing from the indexed pages can run here.
  function marked(html) {
    const parsed = document.createElement("template");
    parsed.innerHTML = html;
    return [...parsed.content.childNodes].map((node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      const mark = element("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  }

  function element(name, className) {
    const node = document.createElement(name);
    if (className) node.className = className;
    return node;
  }

  function open() {
    if (!toggle.checked) toggle.checked = true;
    load().catch(() => {});
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function links() {
    return [...list.querySelectorAll(".md-search-result__link")];
  }

  input.addEventListener("focus", open);
  let typing = 0;
  input.addEventListener("input", () => {
    clearTimeout(typing);
    const text = input.value;
    // while the reader types, fetch the index pieces the words need, without searching yet
    if (text.trim().length >= 3) load().then((bundles) => bundles.forEach((b) => b.preload(text.trim()))).catch(() => {});
    typing = setTimeout(() => ask(text), PAUSE);
  });

  // one search at a time: a query typed while another runs waits for it, and only the latest one runs
  let wanted = null;
  let running = false;
  async function ask(text) {
    wanted = text;
    if (running) return;
    running = true;
    while (wanted !== null) {
      const next = wanted;
      wanted = null;
      await search(next).catch(() => {});
    }
    running = false;
  }
  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      load().catch(() => {});
      input.focus();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    links()[0]?.click();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => {
      ask("");
      input.focus();
    });
  });
  scroller.addEventListener("scroll", () => {
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 40) more();
  });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const typing = event.target instanceof HTMLElement
      && (event.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName));
    if (!toggle.checked) {
      if (!typing && ["/", "s", "f"].includes(event.key)) {
        event.preventDefault();
        open();
        input.focus();
      }
      return;
    }
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (next < 0) input.focus();
      else if (next < all.length) all[next].focus();
      if (next >= all.length - 1) more();
    }
  });
}
