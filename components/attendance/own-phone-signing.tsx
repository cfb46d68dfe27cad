"use client";

import { useEffect, useId, useState } from "react";
import { signWithRoomCode } from "@/lib/attendance/actions";
import { RoomCodeSchema } from "@/lib/attendance/schema";
import { forgetTicket, rememberedTicket, rememberTicket } from "./remembered-ticket";
import styles from "./room.module.css";
import { SignaturePad } from "./signature-pad";

/** The person's words for each refusal (the agents' labels speak of « cette personne »). */
export const OWN_PHONE_MESSAGES: Record<string, string> = {
  invalid_code:
    "Ce code de salle n'est pas valable ou a expiré (il change toutes les 30 secondes). Recopiez le code affiché dans la salle, puis validez de nouveau.",
  already_signed: "Vous avez déjà signé la feuille de cette demi-journée : rien d'autre à faire.",
  sheet_closed: "La feuille de cette demi-journée est close : adressez-vous à l'organisateur.",
  not_registered: "Ce lien ne permet pas de signer : l'inscription n'est pas (ou plus) confirmée.",
  invalid_image: "La signature n'a pas pu être lue : effacez et signez de nouveau.",
  scan_only: "Cette journée ne demande pas de signature : votre billet scanné à l'accueil suffit.",
  error: "Une erreur inattendue est survenue : réessayez dans un instant, ou adressez-vous à l'agent d'accueil.",
};

type Props = { token: string; initialCode: string; rememberUntil: string };

/**
 * « Signer la feuille » on the person's own phone (issue 13 point 3): the room's code (typed, or
 * prefilled from ?code= when the QR code was scanned), the pad, then signWithRoomCode. The code
 * is checked by the server (current or previous 30-second window): without it nobody can sign.
 */
export function OwnPhoneSigning({ token, initialCode, rememberUntil }: Props) {
  const ids = useId();
  const [code, setCode] = useState(initialCode);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [padKey, setPadKey] = useState(0);

  const submit = async (png: string) => {
    setError(null);
    if (!RoomCodeSchema.safeParse(code).success) {
      setError("Tapez les 6 caractères du code affiché dans la salle (lettres et chiffres, sans I, L, O, 0 ni 1).");
      document.getElementById(`${ids}-code`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const outcome = await signWithRoomCode({ token, code, png });
      if (outcome.ok) setDone(`Signature enregistrée pour « ${outcome.partTitle} ». Merci !`);
      else {
        const ref = "ref" in outcome && outcome.ref ? ` (référence ${outcome.ref})` : "";
        setError(`${OWN_PHONE_MESSAGES[outcome.reason] ?? OWN_PHONE_MESSAGES.error}${ref}`);
        if (outcome.reason === "invalid_image") setPadKey((k) => k + 1);
      }
    } catch {
      setError("Pas de réseau : la signature n'a pas été envoyée. Réessayez dès que le téléphone est connecté.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${ids}-titre`} id="signer" className={styles.section}>
      <h2 id={`${ids}-titre`}>Signer la feuille</h2>
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : (
        <>
          <p>
            Dans la salle, l'organisateur affiche un code de 6 caractères (et un QR code). Tapez-le, signez, puis
            validez.
          </p>
          <div className={styles.field}>
            <label htmlFor={`${ids}-code`}>Code de salle</label>
            <input
              id={`${ids}-code`}
              className={styles.codeInput}
              value={code}
              onChange={(e) => setCode(e.target.value.toUpperCase().replace(/\s/g, "").slice(0, 6))}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              inputMode="text"
              maxLength={6}
              aria-describedby={`${ids}-code-aide`}
            />
            <span id={`${ids}-code-aide`}>6 caractères, le code change toutes les 30 secondes.</span>
          </div>
          {error && (
            <p className="notice notice--warning" role="alert">
              {error}
            </p>
          )}
          <SignaturePad
            key={padKey}
            onSubmit={submit}
            busy={busy}
            submitLabel="Valider ma signature"
            label="feuille d'émargement"
            alternative={
              <p>
                Vous ne pouvez pas signer sur l'écran ? Adressez-vous à l'agent d'accueil ou à l'organisateur : il
                attestera votre présence.
              </p>
            }
          />
        </>
      )}
      <RememberTicket token={token} until={rememberUntil} />
    </section>
  );
}

function RememberTicket({ token, until }: { token: string; until: string }) {
  const [saved, setSaved] = useState<boolean | null>(null);
  useEffect(() => setSaved(rememberedTicket() === token), [token]);
  if (saved === null) return null;
  return (
    <div>
      <p>
        {saved
          ? "Ce téléphone se souvient de votre billet : le QR code de la salle ouvrira directement cette page."
          : "Pour que le QR code de la salle ouvre directement cette page, ce téléphone peut se souvenir de votre billet."}{" "}
        Le lien est gardé uniquement dans ce navigateur, sur cet appareil (rien n'est envoyé ailleurs), jusqu'au
        lendemain de la journée.
      </p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          if (saved) forgetTicket();
          else rememberTicket(token, new Date(until));
          setSaved(!saved);
        }}
      >
        {saved ? "Oublier mon billet sur ce téléphone" : "Se souvenir de mon billet sur ce téléphone"}
      </button>
    </div>
  );
}
