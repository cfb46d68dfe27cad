/*
 * Émarge service worker (decision 009): the scanner opens and works with no network.
 * - Scanner pages (/organisateur/journees/<id>/accueil): network first, the last good copy offline.
 * - Build assets (/_next/static/*, /icons/*, the manifest): cache first (file names are hashed).
 * - Everything else, API calls included, goes to the network untouched: no data is cached here.
 * Registered by the scanner page only; the sign-out page deletes the emarge-* caches.
 */
const PAGES = "emarge-pages-v1";
const ASSETS = "emarge-assets-v1";
const SCANNER = /^\/organisateur\/journees\/[^/]+\/accueil\/?$/;

const isAsset = (url) =>
  url.pathname.startsWith("/_next/static/") ||
  url.pathname.startsWith("/icons/") ||
  url.pathname === "/manifest.webmanifest";

self.addEventListener("install", (event) => {
  // Static routes (Chromium): API calls and posts (scans, server actions) skip this worker entirely,
  // so the online scan path pays nothing for it. Elsewhere the fetch handler below lets them pass.
  if (typeof event.addRoutes === "function") {
    event.waitUntil(
      Promise.all([
        event.addRoutes([{ condition: { urlPattern: "/api/*" }, source: "network" }]).catch(() => {}),
        event.addRoutes([{ condition: { requestMethod: "POST" }, source: "network" }]).catch(() => {}),
      ]),
    );
  }
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("emarge-") && key !== PAGES && key !== ASSETS) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

async function keepPage(response, path) {
  // Only a real page: not a redirect to sign-in, not an error.
  if (response.ok && !response.redirected && response.type === "basic") {
    const cache = await caches.open(PAGES);
    await cache.put(path, response.clone());
  }
  return response;
}

async function networkFirst(request, path) {
  try {
    return await keepPage(await fetch(request), path);
  } catch {
    const cached = await caches.match(path, { cacheName: PAGES });
    if (cached) return cached;
    return new Response(
      '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Hors ligne — Émarge</title>' +
        "<h1>Hors ligne</h1><p>Cette page d'accueil n'a pas encore été ouverte sur cet appareil avec du réseau.</p>",
      { status: 503, headers: { "content-type": "text/html; charset=utf-8" } },
    );
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: ASSETS });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(ASSETS)).put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && SCANNER.test(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname.replace(/\/$/, "")));
  } else if (isAsset(url)) {
    event.respondWith(cacheFirst(request));
  }
});

/** From the scanner page, once this worker controls it: keep the page and the assets it loaded. */
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "precache") return;
  event.waitUntil(
    (async () => {
      const assets = await caches.open(ASSETS);
      for (const href of data.assets || []) {
        const url = new URL(href, self.location.origin);
        if (url.origin !== self.location.origin || !isAsset(url) || (await assets.match(url.href))) continue;
        await assets.add(url.href).catch(() => {});
      }
      for (const extra of ["/manifest.webmanifest", "/icons/icon-192.png"]) await assets.add(extra).catch(() => {});
      if (typeof data.page === "string" && SCANNER.test(data.page)) {
        const path = data.page.replace(/\/$/, "");
        const response = await fetch(path, { credentials: "same-origin" }).catch(() => null);
        if (response) await keepPage(response, path);
      }
    })(),
  );
});
