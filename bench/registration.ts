/**
 * npm run bench -- registration [--db pglite|postgres] [--n 3000] [--concurrency 64] [--capacity 2000]
 *
 * Drives N concurrent registrations over HTTP (POST /api/inscriptions, the same code path as the
 * form: rate limit, zod, one transaction, confirmation e-mail with QR code and .ics written to an
 * outbox) against `next start` on a fresh database, then checks the invariants in the database
 * and measures the raw transactional write rate of that same database in the same run.
 * Each request comes from its own client IP (X-Forwarded-For), as people register from their own
 * networks; the limit itself is raised so that the bench measures registrations, not refusals.
 * PostgreSQL: TEST_DATABASE_URL (admin URL), else a throwaway cluster (scripts/pg-throwaway.sh).
 * Needs a production build (NEXT_DIST_DIR, default .next; built if missing).
 * Last line: RESULT {"registrations_per_s","p50_ms","p95_ms","raw_tx_per_s","overbooked","db",…}
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { closeDb, getDb, getDbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { parisTime } from "@/lib/format/dates";
import { checkInvariants, rawWriteRate } from "./registration-db";

type Options = { db: "pglite" | "postgres"; n: number; concurrency: number; capacity: number; port: number };

function parseArgs(args: string[]): Options {
  const get = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const db = get("--db") === "postgres" ? "postgres" : "pglite";
  const n = Number(get("--n") ?? 3000);
  return {
    db,
    n,
    concurrency: Number(get("--concurrency") ?? 64),
    capacity: Number(get("--capacity") ?? Math.round(n * 0.6)),
    port: Number(get("--port") ?? 3190),
  };
}

/** Points this process (and the server's env) at a fresh database; returns the server's env. */
async function freshDatabase(o: Options): Promise<Record<string, string>> {
  if (o.db === "postgres") {
    const admin =
      process.env.TEST_DATABASE_URL?.trim() ||
      execFileSync("bash", ["scripts/pg-throwaway.sh", "start"], { encoding: "utf8" }).trim();
    const { default: pg } = await import("pg");
    const name = `emarge_bench_${process.pid}`;
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emarge-bench-pglite-"));
  process.env.PGLITE_DIR = dir;
  delete process.env.DATABASE_URL;
  return { PGLITE_DIR: dir };
}

async function createJournee(slug: string, capacity: number): Promise<string> {
  const db = await getDb();
  const partner = await db.partner.upsert({
    where: { slug: "bench" },
    update: {},
    create: { slug: "bench", name: "Bench", shortName: "Bench", kind: "RESEAU" },
  });
  const day = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
  const j = await db.journee.create({
    data: {
      slug,
      title: "Journée de charge",
      city: "Marseille",
      venue: "Palais du Pharo",
      address: "58 boulevard Charles-Livon, 13007 Marseille",
      startsAt: parisTime(day, "09:00"),
      endsAt: parisTime(day, "17:00"),
      capacity,
      status: "PUBLISHED",
      partnerId: partner.id,
      registrationOpensAt: new Date(Date.now() - 86400_000),
      registrationClosesAt: new Date(Date.now() + 20 * 86400_000),
    },
  });
  return j.id;
}

function startServer(o: Options, dbEnv: Record<string, string>, outbox: string): ChildProcess {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) execFileSync("npx", ["next", "build"], { stdio: "inherit" });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...dbEnv,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    EMARGE_SILENT_LOGS: "1",
    REGISTRATION_RATE_LIMIT: "1000000/600",
    MAIL_OUTBOX_DIR: outbox,
    SMTP_URL: "",
    APP_URL: `http://127.0.0.1:${o.port}`,
    AUTH_SECRET: process.env.AUTH_SECRET || "bench-auth-secret-bench-auth-secret-0123",
    AUTH_TRUST_HOST: "true",
  };
  // node + next's bin directly (no npx wrapper); BENCH_NODE_ARGS="--cpu-prof" profiles the server.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
  return spawn(process.execPath, [...nodeArgs, nextBin, "start", "-H", "127.0.0.1", "-p", String(o.port)], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

async function waitHealthy(base: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("next start ne répond pas");
}

async function drive(base: string, journeeId: string, n: number, concurrency: number, label: string) {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const body = {
        journeeId,
        firstName: "Prénom",
        lastName: `Nom ${i}`,
        email: `${label}-${i}@example.org`,
        structure: "CCAS de Marseille",
        structureType: "COMMUNE_CCAS",
        jobTitle: "Travailleur social",
        commune: "Marseille",
        privacyAck: true,
      };
      const t = performance.now();
      const res = await fetch(`${base}/api/inscriptions`, {
        method: "POST",
        body: JSON.stringify(body),
        headers: {
          "content-type": "application/json",
          "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        },
      });
      const json = (await res.json()) as { status?: string; reason?: string };
      latencies.push(performance.now() - t);
      const key = res.ok ? String(json.status) : `${res.status}:${json.reason}`;
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 10) / 10;
  return { perSecond: Math.round(n / seconds), p50: pct(0.5), p95: pct(0.95), statuses, seconds };
}

export async function main(args: string[]): Promise<void> {
  const o = parseArgs(args);
  process.env.EMARGE_SILENT_LOGS = "1";
  process.env.EMARGE_SECRET ||= "bench-secret-bench-secret-bench-secret-0123456789";
  const dbEnv = await freshDatabase(o);
  const handle = await getDbHandle();
  await applyMigrations(handle.factory);
  const warmupId = await createJournee("bench-chauffe", 100_000);
  const journeeId = await createJournee("bench-inscriptions", o.capacity);
  await closeDb(); // PGlite: one process at a time — the server takes over the data directory
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "emarge-bench-outbox-"));
  const base = `http://127.0.0.1:${o.port}`;
  const server = startServer(o, dbEnv, outbox);
  let run: Awaited<ReturnType<typeof drive>>;
  try {
    await waitHealthy(base);
    await drive(base, warmupId, 300, o.concurrency, "chauffe");
    run = await drive(base, journeeId, o.n, o.concurrency, "inscrit");
    await new Promise((r) => setTimeout(r, 1500)); // let the deferred e-mails finish
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
  }
  const mails = fs.readdirSync(outbox).length;
  const check = await checkInvariants(journeeId);
  const raw = await rawWriteRate(o.concurrency);
  await closeDb();
  console.log(
    `Base ${o.db} — ${o.n} inscriptions, ${o.concurrency} en parallèle, ${o.capacity} places (${run.seconds.toFixed(1)} s)`,
  );
  console.log(`  débit ${run.perSecond} inscriptions/s, latence p50 ${run.p50} ms, p95 ${run.p95} ms`);
  console.log(`  réponses ${JSON.stringify(run.statuses)}, e-mails écrits ${mails}`);
  console.log(`  base : ${JSON.stringify(check)}`);
  console.log(`  écriture transactionnelle brute de la même base : ${raw} transactions/s`);
  const result = {
    registrations_per_s: run.perSecond,
    p50_ms: run.p50,
    p95_ms: run.p95,
    raw_tx_per_s: raw,
    overbooked: check.overbooked,
    db: o.db,
    n: o.n,
    concurrency: o.concurrency,
    confirmed: check.confirmed,
    waitlisted: check.waitlisted,
    invariants_ok: check.ok,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}
