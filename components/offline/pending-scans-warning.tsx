"use client";

import { useEffect, useState } from "react";
import { countQueue } from "@/lib/offline/queue";

/**
 * Before sign-out: signing out wipes this device's offline data (clear-offline-data.tsx), so scans
 * still waiting to be sent would be lost. Say so, with the way out, before the button is pressed.
 */
export function PendingScansWarning() {
  const [pending, setPending] = useState(0);
  useEffect(() => {
    if (!("indexedDB" in window)) return;
    countQueue()
      .then(setPending)
      .catch(() => setPending(0));
  }, []);
  if (pending === 0) return null;
  return (
    <div role="alert" className="notice notice--warning">
      <p>
        <strong>{pending === 1 ? "1 scan n'a" : `${pending} scans n'ont`} pas encore été envoyés au serveur.</strong>{" "}
        Ils seront perdus si vous vous déconnectez maintenant : retournez à l'écran d'accueil et utilisez « Synchroniser
        maintenant » quand le réseau est revenu.
      </p>
    </div>
  );
}
