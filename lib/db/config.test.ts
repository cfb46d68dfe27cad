import { describe, expect, it } from "vitest";
import { resolveDbConfig } from "./config";

describe("resolveDbConfig", () => {
  it("uses embedded PGlite in ./data/pglite without DATABASE_URL", () => {
    const config = resolveDbConfig({});
    expect(config).toEqual({ kind: "pglite", dataDir: `${process.cwd()}/data/pglite` });
  });
  it("uses PostgreSQL with a postgres:// URL", () => {
    expect(resolveDbConfig({ DATABASE_URL: "postgres://u:p@localhost:5432/emarge" })).toEqual({
      kind: "postgres",
      url: "postgres://u:p@localhost:5432/emarge",
    });
  });
  it("refuses another kind of URL with a clear message", () => {
    expect(() => resolveDbConfig({ DATABASE_URL: "mysql://x" })).toThrow(/postgres:\/\//);
  });
});
