"use client";

import { useEffect } from "react";
import { deleteDatabase } from "@/lib/offline/idb";

/** At sign-out: the offline snapshot, queue and cached scanner pages leave this device. */
export function ClearOfflineData() {
  useEffect(() => {
    void deleteDatabase().catch(() => {});
    if ("caches" in window) {
      void caches
        .keys()
        .then((keys) => Promise.all(keys.filter((k) => k.startsWith("emarge-")).map((k) => caches.delete(k))))
        .catch(() => {});
    }
  }, []);
  return null;
}
