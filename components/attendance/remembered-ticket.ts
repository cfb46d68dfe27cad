/**
 * « Se souvenir de mon billet sur ce téléphone » (decision 024): the person's management token,
 * kept only in this browser's localStorage (never sent anywhere by us, no cookie), with an end
 * date (the day after the journée), so that the room's QR code (/signer?code=…) can open their
 * page. Forgotten on request or once expired.
 */
const KEY = "emarge.signer.billet";

type Saved = { token: string; until: string };

export function rememberTicket(token: string, until: Date): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ token, until: until.toISOString() } satisfies Saved));
  } catch {
    // private mode: nothing kept
  }
}

export function forgetTicket(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}

/** The remembered token, or null (none, corrupt or expired: then removed). */
export function rememberedTicket(now = Date.now()): string | null {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? "null") as Saved | null;
    if (saved && /^[A-Za-z0-9_-]{22}$/.test(saved.token) && new Date(saved.until).getTime() > now) return saved.token;
    if (saved) forgetTicket();
  } catch {
    forgetTicket();
  }
  return null;
}
