// Pravo's offline copy. This worker exists on a phone only after the reader pressed "Save
// for reading without internet" (docs/assets/js/offline.js saves the pages into a cache
// and registers it); "Remove" deletes the cache and unregisters it. It reads that cache
// when the network fails or is too slow, and never writes anything itself.
"use strict";
var PREFIX = "pravo-offline-";
var SLOW_MS = 4000; // on a bad connection, show the saved page rather than wait longer

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

function fromCache(request) {
  return caches.keys().then(function (names) {
    var ours = names.filter(function (name) { return name.indexOf(PREFIX) === 0; });
    return ours.reduce(function (found, name) {
      return found.then(function (response) {
        if (response) return response;
        // Exact address first; then without the query (a versioned address of an older copy).
        return caches.open(name).then(function (cache) {
          return cache.match(request).then(function (hit) { return hit || cache.match(request, { ignoreSearch: true }); });
        });
      });
    }, Promise.resolve(undefined));
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(new Promise(function (resolve, reject) {
    var settled = false;
    function settle(response) { if (!settled && response) { settled = true; resolve(response); } }
    var timer = setTimeout(function () { fromCache(request).then(settle); }, SLOW_MS);
    fetch(request).then(function (response) {
      clearTimeout(timer);
      settle(response);
    }, function () {
      clearTimeout(timer);
      fromCache(request).then(function (cached) {
        if (cached) settle(cached); else if (!settled) { settled = true; reject(new TypeError("offline")); }
      });
    });
  }));
});
