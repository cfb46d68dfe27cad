"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { signOutEverywhere } from "@/lib/auth/actions";
import { walkInAction } from "@/lib/checkin/actions";
import { plural } from "@/lib/format/plural";
import { ABANDON_FLAG } from "@/lib/offline/clear";
import { countQueue } from "@/lib/offline/queue";
import { syncQueue } from "@/lib/offline/sync";

type Phase = { kind: "checking" | "syncing" | "ready" } | { kind: "pending"; count: number; session: boolean };

export const scansText = (n: number) => plural(n, "scan");

/**
 * Sign-out never loses scans silently: the offline data is wiped at sign-out, so scans still in the
 * queue are sent first. If some cannot be (no network), the agent is told how many and chooses:
 * sync then sign out, or sign out and abandon them — only that explicit choice wipes them.
 */
export function SafeSignOut() {
  const [phase, setPhase] = useState<Phase>({ kind: "checking" });
  const form = useRef<HTMLFormElement>(null);

  const sync = useCallback(async (): Promise<number> => {
    setPhase({ kind: "syncing" });
    const run = await syncQueue({ sendWalkIn: walkInAction }).catch(() => null);
    const count = await countQueue().catch(() => 0);
    setPhase(count ? { kind: "pending", count, session: run?.stopped === "session" } : { kind: "ready" });
    return count;
  }, []);

  useEffect(() => {
    if (!("indexedDB" in window)) return setPhase({ kind: "ready" });
    void (async () => {
      const count = await countQueue().catch(() => 0);
      if (count) await sync();
      else setPhase({ kind: "ready" });
    })();
  }, [sync]);

  const syncThenSignOut = async () => {
    if ((await sync()) === 0) form.current?.requestSubmit();
  };
  const abandon = () => {
    sessionStorage.setItem(ABANDON_FLAG, "1");
    form.current?.requestSubmit();
  };
  const busy = phase.kind === "checking" || phase.kind === "syncing";

  return (
    <>
      {phase.kind === "syncing" && <p role="status">Envoi des scans en attente avant la déconnexion…</p>}
      {phase.kind === "pending" && (
        <div role="alert" className="notice notice--warning" data-testid="scans-non-envoyes">
          <p>
            <strong>
              {plural(phase.count, "scan n'a pas pu être envoyé", "scans n'ont pas pu être envoyés")} au serveur
            </strong>{" "}
            {phase.session
              ? "(votre session a expiré)."
              : `(pas de réseau). ${phase.count === 1 ? "Il est" : "Ils sont"} toujours sur cet appareil : rétablissez le réseau, puis synchronisez.`}
          </p>
          <p>Si vous vous déconnectez sans les envoyer, ces présences seront perdues pour le serveur.</p>
        </div>
      )}
      <form action={signOutEverywhere} ref={form}>
        {phase.kind === "pending" ? (
          <p className="actions">
            <button type="button" className="button" onClick={() => void syncThenSignOut()}>
              Synchroniser puis me déconnecter
            </button>{" "}
            <button type="button" className="button button--secondary" onClick={abandon}>
              Me déconnecter et abandonner {scansText(phase.count)}
            </button>
          </p>
        ) : (
          <button type="submit" className="button" disabled={busy}>
            Se déconnecter
          </button>
        )}
      </form>
    </>
  );
}
