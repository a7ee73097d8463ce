// Pravo search: Material's search box, the site's own per-language index (pravo/search_index.py).
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
  // Each result shown costs one page file (about 1–2 KB gzip): show a first handful and fetch the
  // next ones only when the reader asks, so a query stays within 100 KB on a big site.
  var PAGE_SIZE = 3;
  var found = null; // the current query's results, and how many are shown
  var shown = 0;

  var config = JSON.parse(document.getElementById("__config").textContent);
  var siteRoot = new URL(config.base.replace(/\/?$/, "/"), document.baseURI);
  var lang = document.documentElement.lang;

  function text(name) { return output.getAttribute("data-text-" + name); }

  // The index (pravo/search_index.py): search/<lang>/meta.js says how many word files there are,
  // search/<lang>/w/<n>.js holds the stems of some first letters, search/<lang>/p/<n>.js one page. Each is a script calling pravoSearch(),
  // not a fetch(): the same files then work from the file system (the downloaded copy), where
  // browsers refuse fetch(). Only the files for the words typed are loaded.
  var KEY_LENGTH = 3; // the same number as KEY_LENGTH in pravo/search_index.py
  var loaded = {};
  var waiting = {};
  window.pravoSearch = function (language, kind, name, value) {
    var id = kind + ":" + name;
    if (waiting[id]) { waiting[id](value); delete waiting[id]; }
  };
  function load(kind, name) {
    var id = kind + ":" + name;
    if (!loaded[id]) {
      loaded[id] = new Promise(function (resolve, reject) {
        waiting[id] = resolve;
        var script = document.createElement("script");
        var file = kind === "meta" ? "meta.js" : kind + "/" + name + ".js";
        script.src = new URL("search/" + lang + "/" + file, siteRoot).href;
        // No word file with that number means no stem lands there.
        script.onerror = function () { delete waiting[id]; if (kind === "w") resolve({}); else reject(new Error(id)); };
        document.head.appendChild(script);
      });
      loaded[id].catch(function () { delete loaded[id]; });
    }
    return loaded[id];
  }
  // The word file of a typed word: FNV-1a of its first KEY_LENGTH letters (UTF-8), modulo the
  // number of files — as bucket_of in pravo/search_index.py does for each stem.
  function fileOf(word, buckets) {
    var bytes = new TextEncoder().encode(Array.from(word).slice(0, KEY_LENGTH).join(""));
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h % buckets;
  }

  // The stemmer of this language (docs/assets/js/snowball-<lang>.js, named in meta.js): the same
  // algorithm that stemmed the pages, so a typed form meets the page's forms at one stem.
  var stemmer = null;
  function ready() {
    if (!stemmer) {
      stemmer = load("meta", "").then(function (meta) {
        if (!meta.stemmer) return { meta: meta, stem: function (w) { return w; } };
        return new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = new URL(meta.stemmer, siteRoot).href;
          script.onload = function () {
            var snowball = window.pravoStemmer;
            resolve({ meta: meta, stem: function (w) { return snowball.stemWord(w); } });
          };
          script.onerror = reject;
          document.head.appendChild(script);
        });
      });
      stemmer.catch(function () { stemmer = null; });
    }
    return stemmer;
  }

  // The stems a typed word stands for: its own stem, or, while the word is still being typed and
  // no page has that stem, the stems that start with it (at half weight).
  function family(stem, stems) {
    if (Object.prototype.hasOwnProperty.call(stems, stem)) return [[stem, 1]];
    if (stem.length < KEY_LENGTH) return [];
    return Object.keys(stems).filter(function (s) { return s.indexOf(stem) === 0; })
      .map(function (s) { return [s, 0.5]; });
  }

  function words(query) {
    return query.toLowerCase().replace(/ё/g, "е").split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter(function (w) { return w.length >= 2; });
  }

  // page number -> {score, section} for one word.
  function pagesFor(word, tools) {
    var stem = tools.stem(word);
    return load("w", fileOf(stem, tools.meta.buckets)).then(function (stems) {
      var pages = {};
      var matched = family(stem, stems);
      matched.forEach(function (pair) {
        var list = stems[pair[0]];
        for (var i = 0; i < list.length; i += 3) {
          var score = list[i + 2] * pair[1], held = pages[list[i]];
          if (!held || score > held.score) pages[list[i]] = { score: score, section: list[i + 1] };
        }
      });
      return { pages: pages, stems: matched.map(function (pair) { return pair[0]; }) };
    });
  }

  // Every word must be on the page; the best score first (a word in the title weighs most).
  function find(query) {
    var typed = words(query);
    return ready().then(function (tools) {
      return Promise.all(typed.map(function (word) { return pagesFor(word, tools); })).then(function (perWord) {
        return ranked(perWord, tools);
      });
    });
  }

  function ranked(perWord, tools) {
    if (!perWord.length) return [];
    var stems = [].concat.apply([], perWord.map(function (w) { return w.stems; }));
    var hits = Object.keys(perWord[0].pages).filter(function (p) {
      return perWord.every(function (w) { return w.pages[p]; });
    }).map(function (p) {
      var score = perWord.reduce(function (total, w) { return total + w.pages[p].score; }, 0);
      return { page: +p, score: score, section: perWord[0].pages[p].section };
    });
    hits.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    return hits.map(function (hit) { return { data: function () { return describe(hit, stems, tools); } }; });
  }

  // What a result shows: the page's title, the section the word is in, and the text around it.
  function describe(hit, stems, tools) {
    return load("p", hit.page).then(function (page) {
      var section = page.s[hit.section] || page.s[0];
      var address = page.u;
      if (location.protocol === "file:" && (address === "" || /\/$/.test(address))) address += "index.html";
      return { url: new URL(address + (section[0] ? "#" + section[0] : ""), siteRoot).href,
               title: page.t, heading: section[1], excerpt: excerpt(section[2] || (page.s[0] || [])[2] || "", stems, tools) };
    });
  }

  // About 160 characters around the first word of the query's stems, as [text, marked] parts.
  function excerpt(body, stems, tools) {
    var pattern = /[\p{L}\p{M}\p{N}]+/gu, match, first = -1, marks = [];
    while ((match = pattern.exec(body))) {
      var word = match[0].toLowerCase().replace(/ё/g, "е");
      if (stems.indexOf(tools.stem(word)) >= 0) {
        if (first < 0) first = match.index;
        marks.push([match.index, match.index + match[0].length]);
      }
    }
    var start = Math.max(0, first - 60), end = Math.min(body.length, start + 160);
    if (start > 0) start = body.indexOf(" ", start) + 1 || start;
    var parts = [], at = start;
    marks.forEach(function (m) {
      if (m[0] < start || m[1] > end) return;
      parts.push([body.slice(at, m[0]), false], [body.slice(m[0], m[1]), true]);
      at = m[1];
    });
    parts.push([body.slice(at, end), false]);
    if (start > 0) parts.unshift(["… ", false]);
    if (end < body.length) parts.push([" …", false]);
    return parts;
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
      title.textContent = page.title || page.url;
      var excerpt = document.createElement("p");
      if (page.heading) {
        var heading = document.createElement("strong");
        heading.textContent = page.heading + ". ";
        excerpt.appendChild(heading);
      }
      page.excerpt.forEach(function (part) { // text nodes only: the page's words never become markup
        var node = part[1] ? document.createElement("mark") : document.createTextNode(part[0]);
        if (part[1]) node.textContent = part[0];
        excerpt.appendChild(node);
      });
      article.appendChild(title);
      article.appendChild(excerpt);
      link.appendChild(article);
      item.appendChild(link);
      list.appendChild(item);
    });
    if (found && shown < found.length) list.appendChild(moreButton());
  }

  function showMore(ticket) {
    var batch = found.slice(shown, shown + PAGE_SIZE);
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
    find(query).then(function (results) {
      if (ticket !== latest) return;
      found = results;
      return showMore(ticket).then(function () {
        if (ticket === latest) count(results.length);
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
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) { input.focus(); } else { input.blur(); }
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
