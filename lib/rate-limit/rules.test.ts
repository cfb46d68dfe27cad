import { describe, expect, it } from "vitest";
import { clientIp, parseRateLimit, registrationRateLimit } from "./rules";

const fallback = { limit: 20, windowMs: 600_000 };
const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n] ?? null });

describe("rate limit rules", () => {
  it("parses N and N/seconds, ignores nonsense", () => {
    expect(parseRateLimit("5", fallback)).toEqual({ limit: 5, windowMs: 600_000 });
    expect(parseRateLimit("100000/60", fallback)).toEqual({ limit: 100000, windowMs: 60_000 });
    expect(parseRateLimit("abc", fallback)).toEqual(fallback);
    expect(parseRateLimit("0", fallback)).toEqual(fallback);
    expect(registrationRateLimit({} as NodeJS.ProcessEnv)).toEqual(fallback);
  });

  it("takes the client IP from X-Forwarded-For, then X-Real-IP, else local", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe("203.0.113.9");
    expect(clientIp(headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIp(headers({}))).toBe("local");
  });
});
