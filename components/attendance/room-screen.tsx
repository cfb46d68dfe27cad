"use client";

import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { plural, pluralWord } from "@/lib/format/plural";
import styles from "./room.module.css";

type Room = { code: string; qrUrl: string; windowEndsAt: string; signatures: number; present: number };
type Props = { journeeId: string; partKey: string; partTitle: string };

const POLL_MS = 5000;

/**
 * The « code de salle » screen (issue 13 point 3), for a projector: the QR code of /signer?code=…
 * and the 6-character code, both renewed when the server's 30-second window ends, and the live
 * count. The countdown is hidden from screen readers (a static sentence says the code changes);
 * the count is a polite live region, announced only when it changes.
 */
export function RoomScreen({ journeeId, partKey, partTitle }: Props) {
  const [room, setRoom] = useState<Room | null>(null);
  const [qr, setQr] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      let wait = POLL_MS;
      try {
        const query = new URLSearchParams({ journeeId, partKey });
        const res = await fetch(`/api/attendance/room?${query}`, { cache: "no-store" });
        const body = (await res.json().catch(() => null)) as (Room & { reason?: string }) | null;
        if (res.ok && body?.code) {
          setRoom(body);
          setProblem(null);
          // The next code as soon as this window ends (plus a margin for clock skew).
          wait = Math.max(500, Math.min(POLL_MS, new Date(body.windowEndsAt).getTime() - Date.now() + 300));
        } else
          setProblem(
            res.status === 401
              ? "Session expirée : reconnectez-vous pour afficher le code."
              : body?.reason === "scan_only"
                ? "Cette journée est en « scan du billet seulement » : pas de signature, donc pas de code de salle."
                : "Code indisponible : vérifiez vos droits d'accueil sur cette journée.",
          );
      } catch {
        setProblem(
          "Pas de réseau : le code affiché n'est peut-être plus valable. Nouvel essai dans quelques secondes.",
        );
      }
      if (!stop) timer = setTimeout(load, wait);
    };
    void load();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [journeeId, partKey]);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  const qrUrl = room?.qrUrl;
  useEffect(() => {
    if (!qrUrl) return;
    let live = true;
    void QRCode.toString(qrUrl, { type: "svg", errorCorrectionLevel: "M", margin: 4 }).then((svg) => {
      if (live) setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [qrUrl]);

  const seconds = room ? Math.max(0, Math.ceil((new Date(room.windowEndsAt).getTime() - now) / 1000)) : null;
  return (
    <div className={styles.room}>
      {problem && (
        <p className="notice notice--warning" role="alert">
          {problem}
        </p>
      )}
      <p className={styles.how}>
        Pour signer la feuille de « {partTitle} » : scannez le QR code avec votre téléphone, ou ouvrez le lien de votre
        inscription (e-mail de confirmation) et tapez le code. Le code change toutes les 30 secondes.
      </p>
      {room ? (
        <div className={styles.board}>
          {qr && <img src={qr} alt="QR code pour signer la feuille sur son téléphone" className={styles.qr} />}
          <div className={styles.codeBox}>
            <p className={styles.big}>Code de salle</p>
            <p className={styles.code}>
              <span aria-hidden="true" data-testid="room-code">
                {room.code}
              </span>
              <span className="visually-hidden">{room.code.split("").join(" ")}</span>
            </p>
            <p className={styles.countdown} aria-hidden="true" data-testid="room-countdown">
              Nouveau code dans {seconds} s
            </p>
          </div>
        </div>
      ) : (
        !problem && <p className={styles.big}>Chargement du code…</p>
      )}
      {room && (
        <p className={styles.big} role="status" data-testid="room-count">
          {plural(room.signatures, "signature")} sur {room.present} {pluralWord(room.present, "présent")}
        </p>
      )}
    </div>
  );
}
