import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { serverSecret } from "./secret";

/**
 * Tickets and management links are HMAC-SHA256(server secret, purpose + registration salt),
 * 128 bits shown base64url. The database keeps only their SHA-256: a leaked database gives no
 * working ticket or link, yet the server can send the same ticket again (decision 003).
 */
export type TokenPurpose = "ticket" | "manage";

const PREFIX: Record<TokenPurpose, string> = { ticket: "EMT1", manage: "" };

export function newTokenSalt(): string {
  return randomBytes(16).toString("base64url");
}

export function deriveToken(purpose: TokenPurpose, salt: string, secret = serverSecret()): string {
  return createHmac("sha256", secret).update(`${purpose}:${salt}`).digest("base64url").slice(0, 22);
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** What the QR code holds: "EMT1." + token. Not a database id, not guessable. */
export function ticketPayload(salt: string): string {
  return `${PREFIX.ticket}.${deriveToken("ticket", salt)}`;
}

export function manageToken(salt: string): string {
  return deriveToken("manage", salt);
}

/** Extracts the token from what a scanner read (QR, keyboard wedge, typed code); null if malformed. */
export function parseTicketPayload(raw: string): string | null {
  const text = raw.trim();
  const match = /^(?:EMT1\.)?([A-Za-z0-9_-]{22})$/.exec(text);
  return match ? match[1] : null;
}

export function tokensForSalt(salt: string) {
  const ticket = deriveToken("ticket", salt);
  const manage = deriveToken("manage", salt);
  return { ticket, manage, ticketHash: hashToken(ticket), manageHash: hashToken(manage) };
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
