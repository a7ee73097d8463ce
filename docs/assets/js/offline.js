// "Save for reading without internet": an opt-in offline copy of one language.
// Nothing happens until the reader presses Save. Then the pages listed in
// offline/<lang>.json go into one cache and docs/sw.js serves them when there is no
// network. Remove deletes that cache and the service worker: nothing is left.
(function () {
  "use strict";
  var root = document.querySelector("[data-pravo-offline]");
  if (!root) return;
  var status = root.querySelector("[data-status]");
  var save = root.querySelector("[data-action='save']");
  var remove = root.querySelector("[data-action='remove']");
  if (!("serviceWorker" in navigator) || !("caches" in window)) return; // the note without buttons stays
  root.querySelector("[data-controls]").hidden = false;

  var config = JSON.parse(document.getElementById("__config").textContent);
  var siteRoot = new URL(config.base.replace(/\/?$/, "/"), document.baseURI);
  var lang = root.dataset.lang;
  var CACHE = "pravo-offline-" + lang;

  function say(template, values) {
    status.textContent = template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function show() {
    caches.has(CACHE).then(function (saved) {
      if (!saved) { say(root.dataset.textNone, {}); save.hidden = false; remove.hidden = true; return; }
      caches.open(CACHE).then(function (cache) { return cache.keys(); }).then(function (keys) {
        var pages = keys.filter(function (r) { return /\/$/.test(new URL(r.url).pathname); }).length;
        say(root.dataset.textSaved, { pages: pages, files: keys.length });
        save.hidden = true;
        remove.hidden = false;
      });
    });
  }

  save.addEventListener("click", function () {
    save.disabled = true;
    fetch(new URL("offline/" + lang + ".json", siteRoot), { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (list) {
        return caches.open(CACHE).then(function (cache) {
          var done = 0;
          // A few at a time, so a slow connection shows progress and is not flooded.
          var queue = list.files.slice();
          function next() {
            var url = queue.shift();
            if (!url) return Promise.resolve();
            return cache.add(new URL(url, siteRoot)).then(function () {
              done += 1;
              say(root.dataset.textProgress, { done: done, total: list.files.length });
              return next();
            });
          }
          return Promise.all([next(), next(), next(), next()]);
        });
      })
      .then(function () {
        return navigator.serviceWorker.register(new URL("sw.js", siteRoot), { scope: siteRoot.pathname });
      })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(show, function () {
        // Half a copy is worse than none: take it all back and say so.
        caches.delete(CACHE).then(function () { say(root.dataset.textFailed, {}); });
      })
      .then(function () { save.disabled = false; });
  });

  remove.addEventListener("click", function () {
    caches.keys()
      .then(function (names) {
        return Promise.all(names.filter(function (n) { return n.indexOf("pravo-offline-") === 0; })
          .map(function (n) { return caches.delete(n); }));
      })
      .then(function () { return navigator.serviceWorker.getRegistrations(); })
      .then(function (registrations) {
        return Promise.all(registrations.map(function (r) { return r.unregister(); }));
      })
      .then(function () { say(root.dataset.textRemoved, {}); save.hidden = false; remove.hidden = true; });
  });

  show();
})();
