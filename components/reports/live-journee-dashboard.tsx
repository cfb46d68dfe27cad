"use client";

import { useEffect, useState } from "react";
import { presentPeople } from "@/lib/format/count-texts";
import type { JourneeDashboard } from "@/lib/reports/queries/dashboards";
import { JourneeDashboardView } from "./journee-dashboard-view";
import styles from "./reports.module.css";

const clock = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", timeStyle: "medium" });

/**
 * Polls /api/dashboard/[id] every 5 seconds while the tab is visible; the person can pause the
 * updates (WCAG 2.2.2). Only the "present" count is announced to screen readers, when it changes.
 */
export function LiveJourneeDashboard({
  initial,
  intervalMs = 5000,
}: {
  initial: JourneeDashboard;
  intervalMs?: number;
}) {
  const [data, setData] = useState(initial);
  const [paused, setPaused] = useState(false);
  const [error, setError] = useState(false);

  useEffect(() => {
    if (paused) return;
    let stopped = false;
    const tick = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const res = await fetch(`/api/dashboard/${encodeURIComponent(initial.journee.id)}`, { cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        const next = (await res.json()) as JourneeDashboard;
        if (!stopped) {
          setData(next);
          setError(false);
        }
      } catch {
        if (!stopped) setError(true);
      }
    };
    const timer = setInterval(tick, intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [paused, intervalMs, initial.journee.id]);

  return (
    <>
      <div className={styles.toolbar}>
        <p data-testid="dashboard-updated">
          {paused ? "Actualisation en pause" : "Actualisation automatique toutes les 5 secondes"} — données de{" "}
          {clock.format(new Date(data.updatedAt))}
        </p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setPaused((p) => !p)}
          aria-pressed={paused}
        >
          {paused ? "Reprendre l'actualisation" : "Mettre en pause l'actualisation"}
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {presentPeople(data.counts.present)}
      </p>
      {error && (
        <p role="status" className="notice notice--warning">
          Connexion perdue : les chiffres affichés peuvent être en retard. Nouvelle tentative dans 5 secondes.
        </p>
      )}
      <JourneeDashboardView data={data} />
    </>
  );
}
