import { headers } from "next/headers";

/** The client's address (first X-Forwarded-For hop, set by Next or the reverse proxy), or null. */
export async function clientIp(): Promise<string | null> {
  try {
    const h = await headers();
    const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
    return forwarded || h.get("x-real-ip") || null;
  } catch {
    return null;
  }
}

/** Only same-site paths are accepted as a destination after sign-in. */
export function safeCallbackPath(value: unknown, fallback = "/organisateur"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return fallback;
  }
  return value;
}
