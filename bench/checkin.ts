import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createCheckInFixture } from "@/e2e/support/checkin";
import { createSessionFor } from "@/e2e/support/sessions";
import { ensureUserWithGrant } from "@/lib/auth/mutations";
import { closeDb, getDb, getDbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { groupCpuMs } from "./cpu";
import { freshDatabase, pgTransport, startNext, waitHealthy } from "./harness";
import { postJson } from "./http-client";
import { benchSignaturePng, type SignAnswer, signer } from "./signature";

type Options = {
  db: "pglite" | "postgres";
  scanners: number;
  seconds: number;
  port: number;
  n: number;
  schedule: "independent" | "paired";
};
type Scan = { ticket: string; nonce: string };
type Answer = {
  ms: number;
  serverMs?: number;
  timing?: string;
  result: string;
  replayed: boolean;
  registrationId?: string;
  kind?: string;
  signatureRequired?: boolean;
  partKey?: string;
};

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
    schedule: get("--schedule", "independent") === "paired" ? "paired" : "independent",
  };
}

/** Each scanner's moment in the second (ms): reproducible pseudo-random, or paired slots. */
function schedulePhases(n: number, schedule: "independent" | "paired"): number[] {
  if (schedule === "paired") return Array.from({ length: n }, (_, s) => (Math.floor(s / 2) * 2000) / n);
  let seed = 20240416;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: n }, () => Math.floor(next() * 1000));
}

function scanner(base: string, cookie: string, journeeId: string, door: string) {
  return async (scan: Scan): Promise<Answer> => {
    const body = {
      scans: [{ ...scan, journeeId, partKey: "journee", door, deviceId: door, scannedAt: new Date().toISOString() }],
    };
    const t = performance.now();
    const res = await postJson(`${base}/api/checkin`, body, { cookie });
    const json = res.json as {
      results?: {
        result?: string;
        error?: string;
        details?: {
          replayed?: boolean;
          person?: { registrationId: string };
          signatureRequired?: boolean;
          partKey?: string;
        };
      }[];
    };
    const first = json.results?.[0];
    const ms = performance.now() - t;
    const timing = String(res.headers["server-timing"] ?? "");
    const app = timing.match(/app;dur=([\d.]+)/);
    return {
      ms,
      serverMs: app ? Number(app[1]) : undefined,
      timing,
      result: first?.result ?? first?.error ?? `http_${res.status}`,
      replayed: !!first?.details?.replayed,
      registrationId: first?.details?.person?.registrationId,
      signatureRequired: first?.details?.signatureRequired,
      partKey: first?.details?.partKey,
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
  const dbEnv = await freshDatabase(o.db, "checkin");
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
  const server = startNext(o.port, dbEnv);
  const paced: Answer[] = [];
  const signatures: SignAnswer[] = [];
  const flat: Answer[] = [];
  let flatSeconds = 0;
  let cpuPerScan = 0;
  try {
    await waitHealthy(base);
    const doors = cookies.map((c, s) => scanner(base, c, fx.journeeId, `Porte ${s + 1}`));
    // Issue 13: after an ok scan asking for it, the door submits the person's signature.
    const png = benchSignaturePng();
    const signs = cookies.map((c, s) => signer(base, c, fx.journeeId, `Porte ${s + 1}`, png));
    const tickets = fx.tickets.map((t) => t.payload);
    for (let i = 0; i < 40; i++)
      await doors[i % doors.length]({ ticket: tickets[tickets.length - 1 - i], nonce: randomUUID() }); // warm-up
    // 1. Paced: one scan per second per scanner, each door at its own moment in the second
    // (independent doors: a fixed pseudo-random phase) — or, with --schedule paired, the doors in
    // pairs sharing a moment every second (the worst case: two requests always arrive together).
    const phases = schedulePhases(doors.length, o.schedule);
    const cpuBefore = server.pid ? groupCpuMs(server.pid) : 0;
    const t0 = performance.now();
    await Promise.all(
      doors.map(async (scan, s) => {
        for (let tick = 0; tick < o.seconds; tick++) {
          // Every 10th second, scanners 2k and 2k+1 scan the same ticket at the same moment.
          const collide = tick % 10 === 0 && s % 2 === 1; // two doors, same ticket, same moment
          const wait = t0 + tick * 1000 + phases[collide ? s - 1 : s] - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          const ticket = tickets[(tick * doors.length + s - (collide ? 1 : 0)) % (tickets.length - 40)];
          const first = { ticket, nonce: randomUUID() };
          const pairKind = tick % 10 === 0 ? "paire" : "seul";
          const answer = await scan(first);
          paced.push({ ...answer, kind: pairKind });
          if (answer.result === "ok" && !answer.replayed && answer.signatureRequired && answer.registrationId) {
            signatures.push(await signs[s](answer.registrationId, answer.partKey ?? "journee"));
          }
          if ((tick + s) % 20 === 0) paced.push({ ...(await scan(first)), kind: "reprise" }); // retried, same nonce
        }
      }),
    );
    cpuPerScan = server.pid ? Math.round(((groupCpuMs(server.pid) - cpuBefore) / paced.length) * 100) / 100 : 0;
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
  const signedRows = await (await getDb()).attendanceSignature.count({ where: { journeeId: fx.journeeId } });
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
  console.log(
    `Base ${o.db}${o.db === "postgres" ? ` (${pgTransport(dbEnv.DATABASE_URL)})` : ""} — ${o.n} inscrits, ${o.scanners} scanners`,
  );
  console.log(
    `  cadencé (${o.scanners}/s pendant ${o.seconds} s, portes ${o.schedule === "paired" ? "par paires" : "indépendantes"}) : ${paced.length} scans, p50 ${pct(latencies, 0.5)} ms, p95 ${pct(latencies, 0.95)} ms, ${JSON.stringify(count(paced))}`,
  );
  console.log(
    `  à fond : ${flat.length} scans en ${flatSeconds.toFixed(1)} s = ${Math.round(flat.length / flatSeconds)} scans/s, p50 ${pct(flatLat, 0.5)} ms, p95 ${pct(flatLat, 0.95)} ms, ${JSON.stringify(count(flat))}`,
  );
  const byKind = ["seul", "paire", "reprise"].map((kind) => {
    const l = paced
      .filter((a) => a.kind === kind)
      .map((a) => a.ms)
      .sort((a, b) => a - b);
    return `${kind} ${l.length} scans p50 ${pct(l, 0.5)} / p95 ${pct(l, 0.95)} ms`;
  });
  console.log(`  cadencé, par cas : ${byKind.join(" ; ")}`);
  const phases: Record<string, number[]> = {};
  for (const a of paced) {
    for (const [, name, dur] of (a.timing ?? "").matchAll(/(\w+);dur=([\d.]+)/g)) {
      phases[name] = [...(phases[name] ?? []), Number(dur)];
    }
  }
  const phaseText = Object.entries(phases)
    .map(
      ([name, l]) =>
        `${name} p50 ${pct(
          l.sort((a, b) => a - b),
          0.5,
        )} / p95 ${pct(l, 0.95)}`,
    )
    .join(" ; ");
  console.log(`  cadencé, phases dans la route : ${phaseText} ms`);
  const inServer = paced.flatMap((a) => (a.serverMs === undefined ? [] : [a.serverMs])).sort((a, b) => a - b);
  console.log(
    `  cadencé, dans la route (Server-Timing) : p50 ${pct(inServer, 0.5)} / p95 ${pct(inServer, 0.95)} ms — le reste est HTTP, Next et le client`,
  );
  console.log(`  CPU du serveur (tous threads), phase cadencée : ${cpuPerScan} ms par scan`);
  console.log(
    `  doubles émargements : ${doubleAnswers} réponses ok en trop, ${doubleRows} lignes CheckIn en trop ; ${rows.length} personnes présentes`,
  );
  const result = {
    p50_ms: pct(latencies, 0.5),
    p95_ms: pct(latencies, 0.95),
    max_per_s: Math.round(flat.length / flatSeconds),
    double_checkins: doubleAnswers + doubleRows,
    db: o.db,
    schedule: o.schedule,
    pg_transport: pgTransport(dbEnv.DATABASE_URL),
    scans_paced: paced.length,
    scans_flat: flat.length,
    flat_p95_ms: pct(flatLat, 0.95),
    present: rows.length,
    server_cpu_ms_per_scan: cpuPerScan,
  };
  const signLat = signatures.map((a) => a.ms).sort((a, b) => a - b);
  const signCounts: Record<string, number> = {};
  for (const a of signatures) signCounts[a.status] = (signCounts[a.status] ?? 0) + 1;
  console.log(
    `  signatures après scan ok (${o.scanners} portes) : ${signatures.length} envois, p50 ${pct(signLat, 0.5)} ms, p95 ${pct(signLat, 0.95)} ms, ${JSON.stringify(signCounts)} ; ${signedRows} signatures enregistrées`,
  );
  Object.assign(result, {
    signature_p50_ms: pct(signLat, 0.5),
    signature_p95_ms: pct(signLat, 0.95),
    signatures_sent: signatures.length,
    signatures_stored: signedRows,
  });
  console.log(`RESULT ${JSON.stringify(result)}`);
}
