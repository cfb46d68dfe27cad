/**
 * The browser's side of lib/security/tokens.ts (which uses node:crypto): the token inside a scanned
 * code, and its SHA-256 in base64url — the `ticketHash` the database and the snapshot keep.
 */
export function parseTicket(raw: string): string | null {
  const match = /^(?:EMT1\.)?([A-Za-z0-9_-]{22})$/.exec(raw.trim());
  return match ? match[1] : null;
}

export async function sha256Base64url(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  let binary = "";
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}
