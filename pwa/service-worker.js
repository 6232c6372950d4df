// CPOR Desk's service worker: the app works offline after the first visit.
//
// `BUILD` is written above this file at build time by scripts/pwa-build.mjs (a Trunk
// post_build hook): the build's ID and every file of the build with its SHA-256.
//
// * One cache per build and per scope ("cpor-desk:<scope path>:<build id>"), so two
//   builds never mix and two copies of the app on one origin (different folders) never
//   touch each other's caches.
// * Install fetches every file of the build and checks its SHA-256 against the list
//   before caching it: a server already serving another build (or not all of this one)
//   makes the install fail and its cache is deleted, and the worker that is running keeps
//   serving its own complete build. Files already in this build's cache (an install cut
//   short by closing the browser) are kept, not fetched again.
// * Cache-first for the build's files; navigations to the app (with any query or hash)
//   get the build's index.html. Everything else goes to the network untouched. The worker
//   requests nothing but its own build's files, all on its own origin.
// * A new build waits until the page says so (the "A new version is ready" notice's
//   reload button posts "skip-waiting"), then deletes the older builds' caches.
'use strict';

const PREFIX = 'cpor-desk:';
const scope = new URL(self.registration.scope);
const ownCaches = `${PREFIX}${scope.pathname}:`;
const cacheName = `${ownCaches}${BUILD.id}`;
const expected = new Map(BUILD.files.map((file) => [new URL(file.path, scope).href, file.sha256]));
const indexUrl = new URL('index.html', scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(ownCaches) && name !== cacheName) await caches.delete(name);
    }
    // The first visit's page was loaded from the network; serve it (and its later
    // requests) from now on.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'skip-waiting') {
    self.skipWaiting();
  } else if (type === 'build' && event.ports[0]) {
    event.ports[0].postMessage({ build: BUILD.id });
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  url.search = '';
  url.hash = '';
  let key = url.href;
  if (key === scope.href) key = indexUrl;
  if (!expected.has(key)) return;
  event.respondWith(cacheFirst(key, request));
});

async function cacheFirst(key, request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(key);
  if (cached) return cached;
  // Only when the cache lost an entry (the browser evicted it, or someone cleared it):
  // the network has the same file under a hashed name, or nothing.
  return fetch(request);
}

async function precache() {
  const cache = await caches.open(cacheName);
  const missing = [];
  for (const url of expected.keys()) {
    if (!(await cache.match(url))) missing.push(url);
  }
  // A few at a time: the wasm module is large and the first visit is already loading it.
  const queue = missing.slice();
  const worker = async () => {
    while (queue.length) await fetchAndCheck(cache, queue.shift());
  };
  try {
    await Promise.all([worker(), worker(), worker()]);
  } catch (error) {
    // The server does not have this build whole (any more): what was fetched is of no
    // use. (An install cut short without an error, by closing the browser, leaves its
    // checked files for the next attempt instead.)
    await caches.delete(cacheName);
    throw error;
  }
}

async function fetchAndCheck(cache, url) {
  const response = await fetch(new Request(url, { cache: 'no-cache', credentials: 'same-origin' }));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}; the build is not complete on the server`);
  const body = await response.arrayBuffer();
  const digest = hex(await crypto.subtle.digest('SHA-256', body));
  if (digest !== expected.get(url)) {
    throw new Error(`${url} is not this build's file (the server has another build); not installing`);
  }
  // A fresh response: a redirected one could not answer navigations.
  await cache.put(url, new Response(body, { status: 200, headers: response.headers }));
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
