/** Shared pieces of the HTTP benchmarks: a fresh database, `next start`, health wait, percentiles. */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type DbKind = "pglite" | "postgres";

export function argValue(args: string[], flag: string, fallback: string): string {
  const i = args.indexOf(flag);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

/** Points this process at a fresh database and returns the env the server needs for it. */
export async function freshDatabase(db: DbKind, label: string): Promise<Record<string, string>> {
  if (db === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `emarge-bench-${label}-`));
    process.env.PGLITE_DIR = dir;
    delete process.env.DATABASE_URL;
    return { PGLITE_DIR: dir };
  }
  const admin = process.env.TEST_DATABASE_URL?.trim() || throwawayCluster();
  const { default: pg } = await import("pg");
  const name = `emarge_bench_${label}_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  delete process.env.PGLITE_DIR;
  return { DATABASE_URL: url.toString() };
}

/**
 * The benchmarks' own PostgreSQL cluster. The app reaches it like a server on the same machine
 * should be reached (docs/deployment.md): through its Unix socket, which costs far less per query
 * than TCP on loopback in this VM. BENCH_PG_TRANSPORT=tcp measures the TCP path instead.
 */
function throwawayCluster(): string {
  const tcp = new URL(execFileSync("bash", ["scripts/pg-throwaway.sh", "start"], { encoding: "utf8" }).trim());
  if (process.env.BENCH_PG_TRANSPORT === "tcp") return tcp.toString();
  tcp.hostname = "localhost";
  tcp.searchParams.set("host", `/tmp/emarge-pg-${tcp.port}`);
  return tcp.toString();
}

/** How the server reaches PostgreSQL, for the benchmarks' reports. */
export function pgTransport(url: string | undefined): "socket" | "tcp" | "none" {
  if (!url) return "none";
  return new URL(url).searchParams.get("host")?.startsWith("/") ? "socket" : "tcp";
}

/**
 * `next start` on the production build (built first when missing), in its own process group.
 * build "e2e": the e2e build (`npm run build:e2e`), for a benchmark that needs the test hooks.
 */
export function startNext(
  port: number,
  env: Record<string, string>,
  build: "production" | "e2e" = "production",
): ChildProcess {
  const base = process.env.NEXT_DIST_DIR;
  const distDir = build === "e2e" ? (base ? `${base}-e2e` : ".next-e2e") : base || ".next";
  const buildEnv = { ...process.env, NEXT_DIST_DIR: distDir };
  if (!fs.existsSync(path.join(distDir, "BUILD_ID")))
    execFileSync("npm", ["run", build === "e2e" ? "build:e2e" : "build"], { stdio: "inherit", env: buildEnv });
  if (!fs.existsSync(path.join(distDir, "emarge-mail-worker.cjs")))
    execFileSync("npx", ["tsx", "scripts/build-mail-worker.ts"], { stdio: "inherit", env: buildEnv });
  const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
  // BENCH_NODE_ARGS="--cpu-prof" profiles the server.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  return spawn(process.execPath, [...nodeArgs, nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      EMARGE_SILENT_LOGS: "1",
      AUTH_SECRET: process.env.AUTH_SECRET || "bench-auth-secret-bench-auth-secret-0123",
      EMARGE_SECRET: process.env.EMARGE_SECRET || "bench-secret-bench-secret-bench-secret-0123",
      AUTH_TRUST_HOST: "true",
      // The bench spreads clients over X-Forwarded-For addresses, sent from this machine.
      TRUSTED_PROXIES: "127.0.0.1,::1",
      RETENTION_DAILY: "0",
      SMTP_URL: "",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

export async function waitHealthy(base: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const up = await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("next start ne répond pas");
}

/** Stops the server's whole process group (SIGKILL for the crash scenario). */
export async function stopNext(server: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (server.exitCode !== null || !server.pid) return;
  const exited = new Promise((r) => server.once("exit", r));
  try {
    process.kill(-server.pid, signal);
  } catch {
    server.kill(signal);
  }
  await exited;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}
