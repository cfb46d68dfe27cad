import { afterEach, describe, expect, it } from "vitest";
import {
  clientAddress,
  isLoopbackPeer,
  normalizeAddress,
  PEER_HEADER,
  parseTrustedProxies,
  rateLimitAddress,
} from "./client-address";

/**
 * X-Forwarded-For used to be read from its first entry, which the client writes: any forged
 * value got its own rate-limit bucket. Only the TCP peer (PEER_HEADER, from the socket) is
 * certain; forwarded entries count only through trusted proxies, read from the right.
 */
const req = (h: Record<string, string>) => ({ get: (n: string) => h[n] ?? null });
const none = parseTrustedProxies(undefined);
const local = parseTrustedProxies("127.0.0.1, ::1");
const lan = parseTrustedProxies("127.0.0.1,10.0.0.0/8, fd00::/8");

afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
});

describe("client address", () => {
  it("without trusted proxies, is the peer whatever the client forwards", () => {
    const h = req({ [PEER_HEADER]: "198.51.100.7", "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" });
    expect(clientAddress(h, none)).toBe("198.51.100.7");
    // the peer is loopback (a local nginx) but nobody said to trust it
    expect(clientAddress(req({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "1.2.3.4" }), none)).toBe("127.0.0.1");
  });

  it("from an untrusted peer, ignores X-Forwarded-For even when trusted proxies are set", () => {
    const h = req({ [PEER_HEADER]: "203.0.113.5", "x-forwarded-for": "127.0.0.1, 10.1.1.1" });
    expect(clientAddress(h, lan)).toBe("203.0.113.5");
  });

  it("through a trusted proxy, takes the right-most untrusted entry (a forged left part is ignored)", () => {
    const forged = req({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "6.6.6.6, 198.51.100.20" });
    expect(clientAddress(forged, local)).toBe("198.51.100.20");
    const chain = req({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "6.6.6.6, 198.51.100.20, 10.0.0.3, 10.2.0.1" });
    expect(clientAddress(chain, lan)).toBe("198.51.100.20");
    // one proxy of the chain is not trusted: it is the client as far as we can tell
    expect(clientAddress(chain, local)).toBe("10.2.0.1");
  });

  it("takes the left-most entry when every hop is trusted, X-Real-IP when nothing is forwarded", () => {
    expect(clientAddress(req({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "10.0.0.9, 10.0.0.3" }), lan)).toBe(
      "10.0.0.9",
    );
    expect(clientAddress(req({ [PEER_HEADER]: "127.0.0.1", "x-real-ip": "198.51.100.4" }), local)).toBe("198.51.100.4");
    expect(clientAddress(req({ [PEER_HEADER]: "127.0.0.1" }), local)).toBe("127.0.0.1");
  });

  it("stops at the last known hop when an entry is not an address", () => {
    const h = req({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "<script>, 10.0.0.3" });
    expect(clientAddress(h, lan)).toBe("10.0.0.3");
    expect(clientAddress(req({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "nonsense" }), local)).toBe("127.0.0.1");
  });

  it("handles IPv6, IPv4-mapped peers, ports and zones", () => {
    expect(
      clientAddress(req({ [PEER_HEADER]: "::ffff:127.0.0.1", "x-forwarded-for": "[2001:DB8::1]:443" }), local),
    ).toBe("2001:db8::1");
    expect(clientAddress(req({ [PEER_HEADER]: "fd00::2", "x-forwarded-for": "198.51.100.3:5555" }), lan)).toBe(
      "198.51.100.3",
    );
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("999.1.1.1")).toBeNull();
    expect(normalizeAddress("x".repeat(100))).toBeNull();
  });

  it("is null without a peer stamp (nothing forwarded is believed), 'local' for rate limits", () => {
    const h = req({ "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" });
    expect(clientAddress(h, lan)).toBeNull();
    expect(rateLimitAddress(h)).toBe("local");
  });

  it("reads TRUSTED_PROXIES from the environment", () => {
    const h = req({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "198.51.100.9" });
    expect(clientAddress(h)).toBe("127.0.0.1");
    process.env.TRUSTED_PROXIES = "127.0.0.0/8";
    expect(clientAddress(h)).toBe("198.51.100.9");
    expect(rateLimitAddress(h)).toBe("198.51.100.9");
  });

  it("refuses a TRUSTED_PROXIES entry that is neither an address nor a range", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("proxy.example.org")).toThrow(/TRUSTED_PROXIES/);
    expect(parseTrustedProxies(" , ").empty).toBe(true);
    expect(parseTrustedProxies("::1").check("::1")).toBe(true);
  });
});

describe("loopback peer (the demo outbox)", () => {
  it("is true only for a loopback TCP peer, never from a forwarded header", () => {
    expect(isLoopbackPeer(req({ [PEER_HEADER]: "127.0.0.1" }))).toBe(true);
    expect(isLoopbackPeer(req({ [PEER_HEADER]: "::1" }))).toBe(true);
    expect(isLoopbackPeer(req({ [PEER_HEADER]: "::ffff:127.0.0.1" }))).toBe(true);
    expect(isLoopbackPeer(req({ [PEER_HEADER]: "192.0.2.2", "x-forwarded-for": "127.0.0.1" }))).toBe(false);
    expect(isLoopbackPeer(req({ "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1" }))).toBe(false);
  });
});
