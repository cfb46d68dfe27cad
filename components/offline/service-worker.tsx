"use client";

import { useEffect } from "react";

/**
 * Registers /sw.js (scope /) from the scanner page only, then asks it to keep this page and the
 * scripts, styles and fonts it loaded, so that the scanner opens again with no network.
 */
export function ServiceWorkerRegistration({ preload }: { preload?: () => Promise<unknown> }) {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    let cancelled = false;
    void (async () => {
      try {
        await navigator.serviceWorker.register("/sw.js", { scope: "/" });
        const registration = await navigator.serviceWorker.ready;
        if (cancelled) return;
        // Code the page loads later (dynamic imports): fetched now, after the page is up, so that it
        // is kept with the page's assets and works with no network.
        await preload?.().catch(() => {});
        const assets = performance
          .getEntriesByType("resource")
          .map((e) => e.name)
          .filter(
            (url) => new URL(url).origin === location.origin && new URL(url).pathname.startsWith("/_next/static/"),
          );
        registration.active?.postMessage({ type: "precache", page: location.pathname, assets });
      } catch {
        // No service worker (private mode, old browser): the scanner still works while the page stays open.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [preload]);
  return null;
}
