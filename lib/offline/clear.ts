import { clearStores, deleteDatabase } from "./idb";
import { countQueue } from "./queue";

/** Set (sessionStorage) when the agent chose « Me déconnecter et abandonner N scans ». */
export const ABANDON_FLAG = "emarge.offline.abandonScans";

/**
 * At sign-out: the snapshot (personal data), reports and cached scanner pages leave this device.
 * Scans still waiting to be sent, and this device's marks, are kept unless the agent explicitly
 * chose to abandon them (safe-sign-out.tsx): a sign-out by another path never loses presences.
 */
export async function clearOfflineData(): Promise<"all" | "kept_queue"> {
  const abandon = sessionStorage.getItem(ABANDON_FLAG) === "1";
  sessionStorage.removeItem(ABANDON_FLAG);
  const pending = abandon ? 0 : await countQueue().catch(() => 0);
  if (pending) await clearStores(["snapshots", "reports"]);
  else await deleteDatabase();
  if ("caches" in window) {
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => k.startsWith("emarge-")).map((k) => caches.delete(k)));
  }
  return pending ? "kept_queue" : "all";
}
