import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testDbKind } from "../setup/test-db";

const writer = path.join(import.meta.dirname, "../fixtures/pglite-writer.ts");

function start(dataDir: string, mode = "write") {
  const child = spawn(process.execPath, ["--import", "tsx", writer, dataDir, mode], {
    env: { ...process.env, EMARGE_SILENT_LOGS: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  child.stderr.on("data", (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, out: () => out, err: () => err };
}

async function until(check: () => boolean, ms = 60_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timeout");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const lastCommitted = (out: string) => Math.max(0, ...[...out.matchAll(/COMMITTED (\d+)/g)].map((m) => Number(m[1])));

describe.runIf(testDbKind() === "pglite")("embedded PGlite across processes", () => {
  it("refuses a second process on the same data directory, without damage", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emarge-lock-"));
    const first = start(dir);
    await until(() => lastCommitted(first.out()) >= 5);
    const second = start(dir, "count");
    expect(await second.exited).toBe(3);
    expect(second.err()).toMatch(/déjà ouverte par le processus \d+/);
    expect(second.err()).toMatch(/already open/);
    first.child.kill("SIGKILL");
    await first.exited;
    const committed = lastCommitted(first.out());
    const reader = start(dir, "count");
    expect(await reader.exited).toBe(0);
    expect(Number(/COUNT (\d+)/.exec(reader.out())?.[1])).toBeGreaterThanOrEqual(committed);
  });

  it("keeps every committed row after kill -9 during writes", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emarge-crash-"));
    const proc: { child: ChildProcess; exited: Promise<number | null>; out: () => string } = start(dir);
    await until(() => lastCommitted(proc.out()) >= 200);
    proc.child.kill("SIGKILL");
    await proc.exited;
    const committed = lastCommitted(proc.out());
    const reader = start(dir, "count");
    expect(await reader.exited).toBe(0);
    const count = Number(/COUNT (\d+)/.exec(reader.out())?.[1]);
    // Every acknowledged write is there; at most the one in flight may also have landed.
    expect(count).toBeGreaterThanOrEqual(committed);
    expect(count).toBeLessThanOrEqual(committed + 1);
  });
});
