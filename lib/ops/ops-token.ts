import { createHmac } from "node:crypto";
import { serverSecret } from "@/lib/security/secret";
import { safeEqual } from "@/lib/security/tokens";

/**
 * Token for operator commands sent to a running server (e.g. `npm run backup` while PGlite is
 * held by the app). Only someone who can read the server secret can compute it.
 */
export function opsToken(purpose: "backup"): string {
  return createHmac("sha256", serverSecret()).update(`ops:${purpose}`).digest("base64url");
}

export function isValidOpsToken(purpose: "backup", given: string | null): boolean {
  return !!given && safeEqual(given, opsToken(purpose));
}
