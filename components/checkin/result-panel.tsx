"use client";

import { useCallback, useEffect, useRef } from "react";
import { SCAN_RESULT_LABELS, type ScanTone } from "@/lib/checkin/labels";
import type { ScanDetails, ScanResult } from "@/lib/checkin/schema";
import { formatLongDate, formatShortDateTime, formatTime } from "@/lib/format/dates";
import styles from "./checkin.module.css";
import { useOverlayFocus } from "./overlay-focus";
import type { ScanAnswer } from "./scan-client";

export const ERROR_TEXT: Record<string, string> = {
  network: "Pas de réseau : le scan n'a pas été enregistré. Réessayez.",
  session: "Session expirée : reconnectez-vous pour continuer.",
  forbidden: "Vous n'avez pas les droits d'accueil sur cette journée.",
  invalid: "Demande invalide : rechargez la page.",
  server: "Erreur du serveur : réessayez dans un instant.",
};

/** The French lines shown (and announced) under the result title. */
export function describeAnswer(result: ScanResult, d: ScanDetails): string[] {
  const lines: string[] = [];
  if (d.person) lines.push(`${d.person.firstName} ${d.person.lastName}`, d.person.structure);
  if (result === "ok" && d.person?.walkIn) lines.push("Inscription sur place");
  if (result === "ok" && d.notInPart) lines.push("Non inscrit·e à cette demi-journée : enregistré·e quand même.");
  if (result === "already_checked_in" && d.checkIn) {
    const who = d.checkIn.agentName ? ` par ${d.checkIn.agentName}` : "";
    const door = d.checkIn.door ? `, ${d.checkIn.door}` : "";
    lines.push(`Déjà émargé·e à ${formatTime(new Date(d.checkIn.at))}${door}${who}.`);
  }
  if (result === "offline_conflict" && d.checkIn) {
    lines.push(
      `Présence déjà comptée à ${formatTime(new Date(d.checkIn.at))}${d.checkIn.door ? `, ${d.checkIn.door}` : ""}.`,
    );
  }
  if (result === "wrong_journee" && d.otherJournee) {
    const o = d.otherJournee;
    lines.push(`Billet pour « ${o.title} », ${o.city}, ${formatLongDate(new Date(o.startsAt))}.`);
  }
  if (result === "not_open_yet" && d.window)
    lines.push(`Ouverture de l'accueil : ${formatShortDateTime(new Date(d.window.opensAt))}.`);
  if (result === "closed" && d.window)
    lines.push(`Accueil fermé depuis le ${formatShortDateTime(new Date(d.window.closesAt))}.`);
  if (result === "waitlisted" && d.waitlistPosition)
    lines.push(`Position sur la liste d'attente : ${d.waitlistPosition}.`);
  lines.push(SCAN_RESULT_LABELS[result].hint);
  if (d.offline) lines.push("Hors ligne : vérifié sur cet appareil, envoyé au serveur au retour du réseau.");
  return lines;
}

export type AnswerView = {
  tone: ScanTone;
  icon: string;
  title: string;
  lines: string[];
  name?: string;
  /** data-result of a view that is not a scan's (the departure, issue 13). */
  result?: string;
};

export function answerView(answer: ScanAnswer): AnswerView {
  if ("error" in answer)
    return { tone: "danger", icon: "⚠", title: "Scan non enregistré", lines: [ERROR_TEXT[answer.error]] };
  const label = SCAN_RESULT_LABELS[answer.result];
  const person = answer.details.person;
  return {
    name: person ? `${person.firstName} ${person.lastName}` : undefined,
    tone: label.tone,
    icon: label.icon,
    title: label.title,
    lines: describeAnswer(answer.result, answer.details),
  };
}

type Props = {
  answer: ScanAnswer;
  decodedAt: number;
  onClose: () => void;
  onShown: (ms: number) => void;
  /** Shown instead of the scan's own view (check-out mode). */
  view?: AnswerView;
};

/**
 * Fills the screen: colour + icon + words (never colour alone), the person's name largest.
 * A modal: the focus goes to « Suivant » and stays inside. Escape, « Suivant » or the next scan closes it
 * (a keyboard-wedge code typed meanwhile goes to the field the scan came from).
 */
export function ResultPanel({ answer, decodedAt, onClose, onShown, view: override }: Props) {
  const view = override ?? answerView(answer);
  const result = override?.result ?? ("error" in answer ? "error" : answer.result);
  const shown = useRef(onShown);
  shown.current = onShown;
  const panel = useRef<HTMLElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  // Closing (by a key, a tap or by itself) gives the focus back where it was: the ticket field,
  // the search field… Declared before useOverlayFocus: this effect runs first, before the focus moves.
  const previous = useRef<Element | null>(null);
  useEffect(() => {
    previous.current = document.activeElement;
    const root = panel.current;
    return () => {
      const el = previous.current;
      const active = document.activeElement;
      const lost = !active || active === document.body || root?.contains(active);
      if (lost && el instanceof HTMLElement && el.isConnected) el.focus();
    };
  }, []);
  const typeInto = useCallback(() => (previous.current instanceof HTMLInputElement ? previous.current : null), []);
  useOverlayFocus(panel, next, { typeInto, onTypeAhead: onClose });
  const close = onClose;
  useEffect(() => {
    const frame = requestAnimationFrame(() => shown.current(performance.now() - decodedAt));
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && close();
    window.addEventListener("keydown", onKey);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("keydown", onKey);
    };
  }, [decodedAt, close]);
  return (
    <section
      ref={panel}
      role="dialog"
      aria-modal="true"
      className={`${styles.result} ${styles[view.tone]}`}
      data-result={result}
      aria-labelledby="resultat-titre"
    >
      <span className={styles.resultIcon} aria-hidden="true">
        {view.icon}
      </span>
      <h2 id="resultat-titre" className={styles.resultTitle}>
        {view.title}
      </h2>
      {view.lines.map((line, i) =>
        i === 0 && line === view.name ? (
          <p key={line} className={styles.resultName} data-name="">
            {line}
          </p>
        ) : (
          <p key={line} className={styles.resultLine}>
            {line}
          </p>
        ),
      )}
      <button ref={next} type="button" className={styles.resultClose} onClick={close}>
        Suivant
      </button>
    </section>
  );
}
