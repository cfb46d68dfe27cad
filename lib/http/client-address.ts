import { BlockList, isIP } from "node:net";

/**
 * The client's address, the same way everywhere (rate limits, sign-in limits, audit): decision 015.
 *
 * PEER_HEADER holds the TCP peer's address, written by lib/http/peer-stamp.ts from the socket on
 * every request (any value sent by the client is overwritten). X-Forwarded-For is believed only
 * when that peer is a trusted proxy (TRUSTED_PROXIES, default none), and then only from the
 * right: each trusted proxy appends the address it saw, so the right-most entry that is not a
 * trusted proxy is the client; everything left of it may be forged.
 */
export const PEER_HEADER = "x-emarge-peer";
const MAX_HOPS = 20;

type HeaderSource = { get(name: string): string | null };

/** "::ffff:1.2.3.4" → "1.2.3.4"; "[::1]:443" and "1.2.3.4:80" lose their port; null if not an IP. */
export function normalizeAddress(value: string | null | undefined): string | null {
  let text = value?.trim() ?? "";
  if (!text || text.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  const zone = text.indexOf("%");
  if (zone > 0) text = text.slice(0, zone);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(text);
  if (mapped) text = mapped[1];
  const family = isIP(text);
  if (!family) return null;
  return family === 6 ? text.toLowerCase() : text;
}

export type TrustedProxies = { check(address: string): boolean; empty: boolean };

/** TRUSTED_PROXIES="127.0.0.1, ::1, 10.0.0.0/8": addresses and CIDR ranges; invalid entries throw. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  let count = 0;
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [base, prefix, extra] = entry.split("/");
    const address = normalizeAddress(base);
    const family = address ? (isIP(address) === 6 ? "ipv6" : "ipv4") : null;
    const bits = prefix === undefined ? null : Number(prefix);
    const max = family === "ipv6" ? 128 : 32;
    if (
      !address ||
      !family ||
      extra !== undefined ||
      (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= max))
    ) {
      throw new Error(`TRUSTED_PROXIES : « ${entry} » n'est ni une adresse IP ni une plage CIDR (ex. 10.0.0.0/8).`);
    }
    if (bits === null) list.addAddress(address, family);
    else list.addSubnet(address, bits, family);
    count++;
  }
  return {
    empty: count === 0,
    check: (address) => count > 0 && list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4"),
  };
}

let cached: { value: string | undefined; proxies: TrustedProxies } | null = null;
function configuredProxies(): TrustedProxies {
  const value = process.env.TRUSTED_PROXIES;
  if (!cached || cached.value !== value) cached = { value, proxies: parseTrustedProxies(value) };
  return cached.proxies;
}

/**
 * The client's address, or null when the request carries no peer stamp (outside an HTTP request,
 * or a request that arrived before the stamp was installed): then nothing forwarded is believed.
 */
export function clientAddress(headers: HeaderSource, proxies: TrustedProxies = configuredProxies()): string | null {
  const peer = normalizeAddress(headers.get(PEER_HEADER));
  if (!peer) return null;
  if (!proxies.check(peer)) return peer;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").slice(-MAX_HOPS);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!hops[i].trim()) continue;
    const hop = normalizeAddress(hops[i]);
    // Not an address: a misconfigured proxy passed the client's text on; stop at the last known hop.
    if (!hop) return client;
    client = hop;
    if (!proxies.check(hop)) return hop;
  }
  if (client === peer) return normalizeAddress(headers.get("x-real-ip")) ?? peer;
  return client;
}

/** The key per-address rate limits count on: the client address, or "local" when unknown. */
export function rateLimitAddress(headers: HeaderSource): string {
  return clientAddress(headers) ?? "local";
}

/** True only when the TCP peer itself is this machine (never read from a forwarded header). */
export function isLoopbackPeer(headers: HeaderSource): boolean {
  const peer = normalizeAddress(headers.get(PEER_HEADER));
  return !!peer && (peer === "::1" || /^127\./.test(peer));
}
