import { describe, expect, it } from "vitest";
import { withoutPassword } from "./backup";

describe("withoutPassword (pg_dump / pg_restore command lines)", () => {
  it("moves the password to PGPASSWORD, decoded, and keeps everything else", () => {
    const { url, env } = withoutPassword("postgres://emarge:s%40cr%C3%A8t@db.local:5433/emarge?sslmode=require");
    expect(url).toBe("postgres://emarge@db.local:5433/emarge?sslmode=require");
    expect(url).not.toContain("cr");
    expect(env).toEqual({ PGPASSWORD: "s@crèt" });
  });

  it("leaves a URL without password alone (socket, peer or .pgpass authentication)", () => {
    const socket = "postgres://emarge@localhost/emarge?host=/var/run/postgresql";
    expect(withoutPassword(socket)).toEqual({ url: socket, env: {} });
  });
});
