import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { PEER_HEADER, parseTrustedProxies } from "./client-address";

/**
 * Next.js gives server code the request's headers but not its socket, and only sets
 * X-Forwarded-For itself when the client sent none. Node publishes every incoming request on the
 * "http.server.request.start" diagnostics channel before any handler runs: there we write the
 * socket's address into PEER_HEADER, overwriting whatever the client sent (decision 015).
 * Installed once per server process by instrumentation.ts.
 */
const installed = Symbol.for("emarge.peerStamp");

export function installPeerStamp(): void {
  const flags = globalThis as unknown as Record<symbol, boolean>;
  if (flags[installed]) return;
  // A mistyped TRUSTED_PROXIES stops the server at start-up rather than failing every request.
  parseTrustedProxies(process.env.TRUSTED_PROXIES);
  flags[installed] = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = socket?.remoteAddress ?? "";
  });
}
