import { describe, expect, it } from "vitest";
import { parseRateLimit, registrationRateLimit } from "./rules";

const fallback = { limit: 20, windowMs: 600_000 };

describe("rate limit rules", () => {
  it("parses N and N/seconds, ignores nonsense", () => {
    expect(parseRateLimit("5", fallback)).toEqual({ limit: 5, windowMs: 600_000 });
    expect(parseRateLimit("100000/60", fallback)).toEqual({ limit: 100000, windowMs: 60_000 });
    expect(parseRateLimit("abc", fallback)).toEqual(fallback);
    expect(parseRateLimit("0", fallback)).toEqual(fallback);
    expect(registrationRateLimit({} as NodeJS.ProcessEnv)).toEqual(fallback);
  });
});
