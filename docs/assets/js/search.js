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
  var MAX_RESULTS = 10;

  var config = JSON.parse(document.getElementById("__config").textContent);
  var siteRoot = new URL(config.base.replace(/\/?$/, "/"), document.baseURI);
  var pagefind = null; // a promise, created on first use

  function text(name) { return output.getAttribute("data-text-" + name); }

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (pf) {
        return pf.options({ baseUrl: siteRoot.pathname, excerptLength: 24 }).then(function () {
          return pf;
        });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  function render(results, query) {
    list.textContent = "";
    if (!query) { meta.textContent = text("initial"); return; }
    var n = results.length;
    meta.textContent = n === 0 ? text("none") : n === 1 ? text("one") : text("other").replace("#", n);
    results.slice(0, MAX_RESULTS).forEach(function (page) {
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
  }

  var latest = 0;
  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) { render([], ""); return; }
    meta.textContent = text("loading");
    loadPagefind().then(function (pf) {
      return pf.search(query);
    }).then(function (found) {
      return Promise.all(found.results.slice(0, MAX_RESULTS).map(function (r) { return r.data(); }))
        .then(function (pages) { pages.total = found.results.length; return pages; });
    }).then(function (pages) {
      if (ticket !== latest) return;
      render(pages, query);
      if (pages.total > pages.length) meta.textContent = text("other").replace("#", pages.total);
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
