// The service worker: keeps the app shell (the page, its script, wasm, styles, manifest and icon)
// in a cache so the page opens offline. Cache first: the files are hashed or versioned with the
// build. `cargo xtask` writes VERSION (a hash of the build) and SHELL (the built files) below;
// a new build gets a new cache and the old ones are deleted when it activates. Without those
// lines filled in (a plain `trunk build`) it caches what the page fetches, under "unversioned".
const VERSION = 'unversioned';
const SHELL = ['./'];

const PREFIX = 'coverage-explorer-';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
      return response;
    }),
  );
});
