"use client";

import { useRef, useState } from "react";
import { type SearchRow, searchAction } from "@/lib/checkin/actions";
import { formatTime } from "@/lib/format/dates";
import { plural } from "@/lib/format/plural";
import styles from "./checkin.module.css";
import { unlockAudio } from "./feedback";

const STATUS: Record<SearchRow["status"], string> = {
  CONFIRMED: "",
  WAITLISTED: "Liste d'attente",
  CANCELLED: "Annulée",
};

type Props = {
  journeeId: string;
  partKey: string;
  onCheckIn: (registrationId: string, at: number) => void;
  /** Offline: the local snapshot answers (name and structure; no e-mail is kept offline). */
  local?: { active: () => boolean; search: (q: string) => SearchRow[] | null };
};

/** When the ticket is missing: name, structure or e-mail (accents and case ignored), one tap to check in. */
export function SearchPanel({ journeeId, partKey, onCheckIn, local }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [hits, setHits] = useState<SearchRow[] | null>(null);
  const [message, setMessage] = useState("");

  const search = async (event: React.FormEvent) => {
    event.preventDefault();
    const q = input.current?.value.trim() ?? "";
    if (q.length < 2) return setMessage("Saisissez au moins 2 caractères.");
    let hits = local?.active() ? local.search(q) : null;
    if (!hits) {
      const result = await searchAction({ journeeId, partKey, q }).catch(() => null);
      hits = result?.ok ? result.hits : (local?.search(q) ?? null);
      if (!hits) return setMessage("La recherche a échoué.");
    }
    setHits(hits);
    setMessage(
      hits.length ? `${plural(hits.length, "personne trouvée", "personnes trouvées")}.` : "Aucune personne trouvée.",
    );
  };
  const checkIn = (id: string) => {
    const at = performance.now();
    unlockAudio();
    onCheckIn(id, at);
    setHits(null);
    setMessage("");
    if (input.current) {
      input.current.value = "";
      input.current.focus();
    }
  };

  return (
    <section aria-labelledby="titre-recherche" className={styles.panel}>
      <h2 id="titre-recherche">Rechercher une personne</h2>
      <form onSubmit={search} className={styles.wedge}>
        <label htmlFor="recherche">Nom, structure ou e-mail</label>
        <div className={styles.row}>
          <input id="recherche" ref={input} type="search" autoComplete="off" enterKeyHint="search" />
          <button type="submit" className={styles.primary}>
            Chercher
          </button>
        </div>
      </form>
      <p role="status" className={styles.hint}>
        {message}
      </p>
      {hits && hits.length > 0 && (
        <ul className={styles.hits}>
          {hits.map((h) => {
            const name = `${h.firstName} ${h.lastName}`;
            return (
              <li key={h.registrationId}>
                <span>
                  <strong>{name}</strong> — {h.structure}
                  {STATUS[h.status] && <> · {STATUS[h.status]}</>}
                  {h.walkIn && <> · sur place</>}
                  {h.checkedInAt && <> · déjà émargé·e à {formatTime(new Date(h.checkedInAt))}</>}
                </span>
                <button type="button" className={styles.primary} onClick={() => checkIn(h.registrationId)}>
                  Émarger<span className="visually-hidden"> {name}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
