import { headers } from "next/headers";
import { clientAddress } from "@/lib/http/client-address";

/** The current request's client address (lib/http/client-address.ts), or null outside a request. */
export async function clientIp(): Promise<string | null> {
  try {
    return clientAddress(await headers());
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
