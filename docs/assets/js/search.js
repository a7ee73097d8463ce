// Pravo search: Material's search box, Pagefind's per-language index.
// Nothing is fetched until the reader opens search; nothing is stored.
(function () {
  "use strict";
  // Material's bundle.js is not loaded (overrides/main.html); it used to drop this class, which
  // Material's CSS reads as "search cannot work": with this script running, it can.
  document.documentElement.classList.remove("no-js");
  var root = document.querySelector("[data-pravo-search]");
  if (!root) return;
  var toggle = document.getElementById("__search");
  var input = root.querySelector("[data-pravo-search-input]");
  var output = root.querySelector("[data-pravo-search-result]");
  var meta = output.querySelector(".md-search-result__meta");
  var list = output.querySelector(".md-search-result__list");
  var form = root.querySelector("form");
  // The page as built says search needs JavaScript (overrides/partials/search.html): it has it now.
  input.disabled = false;
  meta.textContent = text("initial");
  // Each result shown costs one fragment download (about 3 KB gzip): show a first handful and
  // fetch the next ones only when the reader asks, so a query stays within 100 KB on a big site.
  var PAGE_SIZE = 3;
  var found = null; // the current query's Pagefind results, and how many are shown
  var shown = 0;

  var config = JSON.parse(document.getElementById("__config").textContent);
  var siteRoot = new URL(config.base.replace(/\/?$/, "/"), document.baseURI);
  var pagefind = null; // a promise, created on first use

  function text(name) { return output.getAttribute("data-text-" + name); }

  // Opened from the file system (the downloadable copy), Pagefind cannot load: browsers refuse
  // modules and fetches from file://. That copy carries search/<lang>.js, a small index as a
  // plain script, and this searches it with the same interface as Pagefind.
  function escapeHtml(s) {
    return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }
  function stem(word) {
    // Drop one common Russian or English ending, so «задержали» and «задержание» meet at «задерж».
    return word.length < 5 ? word : word.replace(/(иями|ями|ами|ого|его|ому|ему|ыми|ими|ала|али|ило|ила|или|ать|ять|ить|ние|ния|нии|нию|ing|ed|es|[аяоеыиуюйь]+|s)$/, "");
  }
  function fileSearch() {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL("search/" + document.documentElement.lang + ".js", siteRoot).href;
      script.onload = function () { resolve(window.pravoSearchIndex || []); };
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function (index) {
      return { search: function (query) {
        var stems = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(stem);
        var hits = index.filter(function (page) {
          var all = (page.title + " " + page.text).toLowerCase();
          return stems.length && stems.every(function (s) { return all.indexOf(s) >= 0; });
        }).sort(function (a, b) {
          var at = stems.some(function (s) { return a.title.toLowerCase().indexOf(s) >= 0; });
          var bt = stems.some(function (s) { return b.title.toLowerCase().indexOf(s) >= 0; });
          return bt - at;
        });
        return Promise.resolve({ results: hits.map(function (page) {
          return { data: function () {
            var lower = page.text.toLowerCase(), at = lower.indexOf(stems[0]);
            var excerpt = escapeHtml(page.text.slice(Math.max(0, at - 80), at + 120));
            stems.forEach(function (s) {
              excerpt = excerpt.replace(new RegExp("(" + s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + ")", "gi"), "<mark>$1</mark>");
            });
            return Promise.resolve({ url: new URL(page.url, siteRoot).href, meta: { title: page.title }, excerpt: excerpt });
          } };
        }) });
      } };
    });
  }

  function loadPagefind() {
    if (!pagefind && location.protocol === "file:") {
      pagefind = fileSearch();
      pagefind.catch(function () { pagefind = null; });
    }
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (pf) {
        // noWorker: one file less to download (12 KB gzip); our index is small enough for the page itself.
        return pf.options({ baseUrl: siteRoot.pathname, excerptLength: 24, noWorker: true }).then(function () {
          return pf;
        });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  function count(n) {
    meta.textContent = n === 0 ? text("none") : n === 1 ? text("one") : text("other").replace("#", n);
  }

  function moreButton() {
    var item = document.createElement("li");
    item.className = "md-search-result__item pravo-search-more";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = text("more");
    button.addEventListener("click", function () {
      var next = list.querySelectorAll(".md-search-result__link").length;
      showMore(latest).then(function () {
        var link = list.querySelectorAll(".md-search-result__link")[next];
        if (link) link.focus();
      });
    });
    item.appendChild(button);
    return item;
  }

  function append(pages) {
    var old = list.querySelector(".pravo-search-more");
    if (old) old.remove();
    pages.forEach(function (page) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      var link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = page.url;
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var title = document.createElement("h1");
      title.textContent = page.meta.title || page.url;
      var excerpt = document.createElement("p");
      excerpt.innerHTML = page.excerpt; // Pagefind escapes page text; only <mark> is markup
      article.appendChild(title);
      article.appendChild(excerpt);
      link.appendChild(article);
      item.appendChild(link);
      list.appendChild(item);
    });
    if (found && shown < found.results.length) list.appendChild(moreButton());
  }

  function showMore(ticket) {
    var batch = found.results.slice(shown, shown + PAGE_SIZE);
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (pages) {
      if (ticket !== latest) return;
      if (shown === 0) list.textContent = ""; // the previous query's results stay until these arrive
      shown += pages.length;
      append(pages);
    });
  }

  var latest = 0;
  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    found = null;
    shown = 0;
    if (!query) { list.textContent = ""; meta.textContent = text("initial"); return; }
    meta.textContent = text("loading");
    loadPagefind().then(function (pf) {
      return pf.search(query);
    }).then(function (results) {
      if (ticket !== latest) return;
      found = results;
      return showMore(ticket).then(function () {
        if (ticket === latest) count(results.results.length);
      });
    }).catch(function () {
      if (ticket === latest) meta.textContent = text("error");
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  input.addEventListener("focus", function () {
    if (!toggle.checked) toggle.checked = true;
    loadPagefind();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) { input.focus(); loadPagefind(); } else { input.blur(); }
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable;
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    } else if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  });
})();
