"use client";

import { useEffect, useRef } from "react";

/**
 * Says that a question left the list, and puts the focus on the list's heading. The « Confirmer
 * le retrait » button cannot do it itself: it disappears with its question in the same render.
 */
export function RemovalAnnouncer({ ids }: { ids: string[] }) {
  const previous = useRef(ids);
  useEffect(() => {
    const gone = previous.current.filter((id) => !ids.includes(id));
    previous.current = ids;
    if (!gone.length) return;
    const live = document.getElementById("questions-annonce");
    if (live) live.textContent = "Question retirée du formulaire ; les réponses déjà données sont conservées.";
    document.getElementById("questions-titre")?.focus();
  }, [ids]);
  return null;
}
