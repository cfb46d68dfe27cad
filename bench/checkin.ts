/**
 * npm run bench -- checkin [--db pglite|postgres] [--scanners 20] [--seconds 60] [--port 3192]
 *
 * 2,000 confirmed registrations on a journée whose door is open; `next start` on a fresh database;
 * 20 simulated scanners (one agent session each) POST /api/checkin over HTTP:
 *  1. paced: each scanner scans once per second for 60 s (20 scans/s). One tick in ten, two doors
 *     scan the same ticket at the same moment; one scan in twenty is retried with the same nonce;
 *  2. flat out: the same scanners, no pacing, over every ticket (new and already checked in).
 * Prints p50/p95 latency at 20 scans/s, the maximum throughput, and double check-ins (ok answers
 * beyond one per person, and CheckIn rows beyond one per person, counted in the database).
 * Last line: RESULT {"p50_ms","p95_ms","max_per_s","double_checkins","db",…}
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createSessionFor, ensureUserWithGrant } from "@/lib/auth/mutations";
import { createCheckInFixture } from "@/lib/checkin/mutations/test-fixtures";
import { closeDb, getDb, getDbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";

type Options = { db: "pglite" | "postgres"; scanners: number; seconds: number; port: number; n: number };
type Scan = { ticket: string; nonce: string };
type Answer = { ms: number; result: string; replayed: boolean; registrationId?: string; kind?: string };

function parseArgs(args: string[]): Options {
  const get = (flag: string, fallback: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : fallback;
  };
  return {
    db: get("--db", "pglite") === "postgres" ? "postgres" : "pglite",
    scanners: Number(get("--scanners", "20")),
    seconds: Number(get("--seconds", "60")),
    port: Number(get("--port", "3192")),
    n: Number(get("--n", "2000")),
  };
}

async function freshDatabase(o: Options): Promise<Record<string, string>> {
  if (o.db === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emarge-bench-checkin-"));
    process.env.PGLITE_DIR = dir;
    delete process.env.DATABASE_URL;
    return { PGLITE_DIR: dir };
  }
  const admin =
    process.env.TEST_DATABASE_URL?.trim() ||
    execFileSync("bash", ["scripts/pg-throwaway.sh", "start"], { encoding: "utf8" }).trim();
  const { default: pg } = await import("pg");
  const name = `emarge_bench_checkin_${process.pid}`;
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

function startServer(o: Options, dbEnv: Record<string, string>): ChildProcess {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) execFileSync("npx", ["next", "build"], { stdio: "inherit" });
  const env = {
    ...process.env,
    ...dbEnv,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_TRUST_HOST: "true",
  };
  return spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(o.port)], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

async function waitHealthy(base: string): Promise<void> {
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("next start ne répond pas");
}

function scanner(base: string, cookie: string, journeeId: string, door: string) {
  return async (scan: Scan): Promise<Answer> => {
    const body = {
      scans: [{ ...scan, journeeId, partKey: "journee", door, deviceId: door, scannedAt: new Date().toISOString() }],
    };
    const t = performance.now();
    const res = await fetch(`${base}/api/checkin`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as {
      results?: {
        result?: string;
        error?: string;
        details?: { replayed?: boolean; person?: { registrationId: string } };
      }[];
    };
    const first = json.results?.[0];
    const ms = performance.now() - t;
    return {
      ms,
      result: first?.result ?? first?.error ?? `http_${res.status}`,
      replayed: !!first?.details?.replayed,
      registrationId: first?.details?.person?.registrationId,
    };
  };
}

const pct = (sorted: number[], p: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] * 10) / 10;

export async function main(args: string[]): Promise<void> {
  const o = parseArgs(args);
  process.env.EMARGE_SILENT_LOGS = "1";
  process.env.EMARGE_SECRET ||= "bench-secret-bench-secret-bench-secret-0123456789";
  process.env.AUTH_SECRET ||= "bench-auth-secret-bench-auth-secret-0123";
  const dbEnv = await freshDatabase(o);
  await applyMigrations((await getDbHandle()).factory);
  const db = await getDb();
  await db.partner.create({ data: { slug: "unafo", name: "Unafo", shortName: "Unafo", kind: "RESEAU" } });
  const fx = await createCheckInFixture({ window: "open", count: o.n, title: "Journée de charge (accueil)" });
  const cookies: string[] = [];
  for (let s = 0; s < o.scanners; s++) {
    const { userId } = await ensureUserWithGrant({
      email: `agent-${s}@example.org`,
      grant: { role: "AGENT", journeeId: fx.journeeId },
    });
    cookies.push(`authjs.session-token=${(await createSessionFor(userId, 8 * 3600)).sessionToken}`);
  }
  await closeDb(); // PGlite: the server takes over the data directory
  const base = `http://127.0.0.1:${o.port}`;
  const server = startServer(o, dbEnv);
  const paced: Answer[] = [];
  const flat: Answer[] = [];
  let flatSeconds = 0;
  try {
    await waitHealthy(base);
    const doors = cookies.map((c, s) => scanner(base, c, fx.journeeId, `Porte ${s + 1}`));
    const tickets = fx.tickets.map((t) => t.payload);
    for (let i = 0; i < 40; i++)
      await doors[i % doors.length]({ ticket: tickets[tickets.length - 1 - i], nonce: randomUUID() }); // warm-up
    // 1. Paced: one scan per second per scanner.
    const t0 = performance.now();
    await Promise.all(
      doors.map(async (scan, s) => {
        for (let tick = 0; tick < o.seconds; tick++) {
          // Pairs of scanners share a time slot, so that their collisions are simultaneous.
          const wait = t0 + tick * 1000 + (Math.floor(s / 2) * 2000) / doors.length - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          const collide = tick % 10 === 0 && s % 2 === 1; // two doors, same ticket, same moment
          const ticket = tickets[(tick * doors.length + s - (collide ? 1 : 0)) % (tickets.length - 40)];
          const first = { ticket, nonce: randomUUID() };
          const pairKind = tick % 10 === 0 ? "paire" : "seul";
          paced.push({ ...(await scan(first)), kind: pairKind });
          if ((tick + s) % 20 === 0) paced.push({ ...(await scan(first)), kind: "reprise" }); // retried, same nonce
        }
      }),
    );
    // 2. Flat out: every ticket once more, as fast as the server answers.
    const t1 = performance.now();
    let k = 0;
    await Promise.all(
      doors.map(async (scan) => {
        for (let i = k++; i < tickets.length; i = k++)
          flat.push(await scan({ ticket: tickets[i], nonce: randomUUID() }));
      }),
    );
    flatSeconds = (performance.now() - t1) / 1000;
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
  }
  const all = [...paced, ...flat];
  const okBy = new Map<string, number>();
  for (const a of all)
    if (a.result === "ok" && !a.replayed && a.registrationId)
      okBy.set(a.registrationId, (okBy.get(a.registrationId) ?? 0) + 1);
  const doubleAnswers = [...okBy.values()].reduce((sum, n) => sum + n - 1, 0);
  const rows = await (await getDb()).checkIn.groupBy({
    by: ["registrationId", "partKey"],
    where: { journeeId: fx.journeeId },
    _count: { _all: true },
  });
  const doubleRows = rows.reduce((sum, r) => sum + r._count._all - 1, 0);
  await closeDb();
  const latencies = paced.map((a) => a.ms).sort((a, b) => a - b);
  const flatLat = flat.map((a) => a.ms).sort((a, b) => a - b);
  const count = (list: Answer[]) => {
    const m: Record<string, number> = {};
    for (const a of list) {
      const key = a.kind ? `${a.kind}:${a.result}${a.replayed ? "(rejoué)" : ""}` : a.result;
      m[key] = (m[key] ?? 0) + 1;
    }
    return m;
  };
  console.log(`Base ${o.db} — ${o.n} inscrits, ${o.scanners} scanners`);
  console.log(
    `  cadencé (${o.scanners}/s pendant ${o.seconds} s) : ${paced.length} scans, p50 ${pct(latencies, 0.5)} ms, p95 ${pct(latencies, 0.95)} ms, ${JSON.stringify(count(paced))}`,
  );
  console.log(
    `  à fond : ${flat.length} scans en ${flatSeconds.toFixed(1)} s = ${Math.round(flat.length / flatSeconds)} scans/s, p50 ${pct(flatLat, 0.5)} ms, p95 ${pct(flatLat, 0.95)} ms, ${JSON.stringify(count(flat))}`,
  );
  console.log(
    `  doubles émargements : ${doubleAnswers} réponses ok en trop, ${doubleRows} lignes CheckIn en trop ; ${rows.length} personnes présentes`,
  );
  const result = {
    p50_ms: pct(latencies, 0.5),
    p95_ms: pct(latencies, 0.95),
    max_per_s: Math.round(flat.length / flatSeconds),
    double_checkins: doubleAnswers + doubleRows,
    db: o.db,
    scans_paced: paced.length,
    scans_flat: flat.length,
    flat_p95_ms: pct(flatLat, 0.95),
    present: rows.length,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}
