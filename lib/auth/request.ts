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

/** Only same-site paths are accepted as a destination after sign-in (one check for every place). */
export { safeCallbackPath } from "@/lib/http/safe-path";
