"use client";

import { useEffect, useState } from "react";
import { rememberedTicket } from "./remembered-ticket";
import styles from "./room.module.css";

/** /signer: forwards a phone that remembered its ticket, else explains how to sign (decision 024). */
export function SignerForward({ code }: { code: string }) {
  const [state, setState] = useState<"checking" | "forwarding" | "explain">("checking");
  useEffect(() => {
    const token = rememberedTicket();
    if (!token) return setState("explain");
    setState("forwarding");
    const query = code ? `?code=${encodeURIComponent(code)}` : "";
    window.location.replace(`/inscription/${encodeURIComponent(token)}${query}#signer`);
  }, [code]);

  if (state === "checking") return null;
  if (state === "forwarding")
    return (
      <p role="status" className="notice">
        Ouverture de votre inscription…
      </p>
    );
  return (
    <>
      <p>
        Ce téléphone ne connaît pas encore votre billet. Ouvrez le lien « Voir, modifier ou annuler votre inscription »
        de votre e-mail de confirmation : la page de votre inscription propose « Signer la feuille ».
      </p>
      {code ? (
        <p>
          Tapez-y ce code de salle :{" "}
          <strong className={styles.codeInput} data-testid="signer-code">
            {code}
          </strong>{" "}
          (il change toutes les 30 secondes : s'il a expiré, recopiez celui affiché dans la salle).
        </p>
      ) : (
        <p>Tapez-y le code de salle affiché par l'organisateur.</p>
      )}
      <p>
        Sur la page de votre inscription, le bouton « Se souvenir de mon billet sur ce téléphone » permet ensuite au QR
        code de la salle de l'ouvrir directement. Vous ne pouvez pas signer sur un écran ? Adressez-vous à l'agent
        d'accueil : il attestera votre présence.
      </p>
    </>
  );
}
