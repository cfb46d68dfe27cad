"use client";

import { useEffect } from "react";

/**
 * Registers /sw.js (scope /) from the scanner page only, then asks it to keep this page and the
 * scripts, styles and fonts it loaded, so that the scanner opens again with no network.
 */
export function ServiceWorkerRegistration({
  preload,
  onCodeReady,
}: {
  preload?: () => Promise<unknown>;
  /** Called once the lazily loaded code is in memory (or could not load): the device may go offline. */
  onCodeReady?: () => void;
}) {
  useEffect(() => {
    let cancelled = false;
    // Code the page loads later (dynamic imports): fetched at once, not after the worker is ready, so
    // that a network cut a second after opening still leaves search and walk-in usable.
    const code = (preload?.() ?? Promise.resolve()).catch(() => {});
    void code.then(() => cancelled || onCodeReady?.());
    if (!("serviceWorker" in navigator)) return;
    void (async () => {
      try {
        await navigator.serviceWorker.register("/sw.js", { scope: "/" });
        const registration = await navigator.serviceWorker.ready;
        if (cancelled) return;
        // Kept with the page's assets, so that it also loads when the page is reopened offline.
        await code;
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
  }, [preload, onCodeReady]);
  return null;
}
