"use client";

import { useEffect, useState } from "react";
import { clearOfflineData } from "@/lib/offline/clear";

/** At sign-out: the offline snapshot and cached scanner pages leave this device (unsent scans only by choice). */
export function ClearOfflineData() {
  const [kept, setKept] = useState(false);
  useEffect(() => {
    if (!("indexedDB" in window)) return;
    void clearOfflineData()
      .then((r) => setKept(r === "kept_queue"))
      .catch(() => {});
  }, []);
  if (!kept) return null;
  return (
    <p className="notice notice--warning" data-testid="scans-conserves">
      Des scans n'ont pas encore été envoyés : ils restent sur cet appareil et partiront à la prochaine ouverture de
      l'écran d'accueil avec du réseau.
    </p>
  );
}
