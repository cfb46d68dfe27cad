import { ticketQrDataUrl } from "@/lib/registration/ticket-qr";
import { ticketPayload } from "@/lib/security/tokens";
import styles from "./registration.module.css";

/** The ticket: QR code of the signed secret, and the same code in text (typed if the camera fails). */
export async function Ticket({ tokenSalt, name }: { tokenSalt: string; name: string }) {
  const payload = ticketPayload(tokenSalt);
  const src = await ticketQrDataUrl(payload);
  return (
    <div className={styles.ticket}>
      <img src={src} alt={`QR code du billet de ${name}`} width={256} height={256} />
      <p>
        Code du billet :{" "}
        <span className={styles.code} data-testid="ticket-code">
          {payload}
        </span>
      </p>
    </div>
  );
}
