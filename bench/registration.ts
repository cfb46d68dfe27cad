import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { closeDb, getDb, getDbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { parisTime } from "@/lib/format/dates";
import { addReadyMade } from "@/lib/questions/mutations";
import { groupCpuMs } from "./cpu";
import { freshDatabase, pgTransport, startNext, waitHealthy } from "./harness";
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

type Answers = (i: number) => Record<string, string | string[]>;

/**
 * The three ready-made questions (lunch, diet with its « précisez », transport) on a journée; each
 * registration answers them all, varying the options (issue 14: the questions' cost).
 */
async function addQuestions(journeeId: string): Promise<Answers> {
  const actor = { id: "bench", email: "bench@example.org", ip: null };
  for (const key of ["repas", "regime", "transport"] as const) await addReadyMade(journeeId, key, actor);
  const db = await getDb();
  const qs = await db.registrationQuestion.findMany({
    where: { journeeId },
    orderBy: { position: "asc" },
    include: { options: { orderBy: { position: "asc" } } },
  });
  return (i) =>
    Object.fromEntries(
      qs.map((q) => [
        q.id,
        q.options.length ? q.options[i % q.options.length].id : i % 5 === 4 ? `Allergie n° ${i}` : "",
      ]),
    );
}

async function drive(
  base: string,
  journeeId: string,
  n: number,
  concurrency: number,
  label: string,
  answers?: Answers,
) {
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
        ...(answers ? { answers: answers(i) } : {}),
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
  const dbEnv = await freshDatabase(o.db, "registration");
  const handle = await getDbHandle();
  await applyMigrations(handle.factory);
  const warmupId = await createJournee("bench-chauffe", 100_000);
  const journeeId = await createJournee("bench-inscriptions", o.capacity);
  const questionsId = await createJournee("bench-questions", o.capacity);
  const answers = await addQuestions(questionsId);
  await closeDb(); // PGlite: one process at a time — the server takes over the data directory
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "emarge-bench-outbox-"));
  const base = `http://127.0.0.1:${o.port}`;
  const server = startNext(o.port, {
    ...dbEnv,
    REGISTRATION_RATE_LIMIT: "1000000/600",
    MAIL_OUTBOX_DIR: outbox,
    APP_URL: `http://127.0.0.1:${o.port}`,
  });
  let run: Awaited<ReturnType<typeof drive>>;
  let withQuestions: Awaited<ReturnType<typeof drive>>;
  let cpuPerRequest = 0;
  let clientCpuPerRequest = 0;
  try {
    await waitHealthy(base);
    await drive(base, warmupId, 300, o.concurrency, "chauffe");
    const cpuBefore = server.pid ? groupCpuMs(server.pid) : 0;
    const clientBefore = process.cpuUsage();
    run = await drive(base, journeeId, o.n, o.concurrency, "inscrit");
    const clientUsed = process.cpuUsage(clientBefore);
    clientCpuPerRequest = Math.round(((clientUsed.user + clientUsed.system) / 1000 / o.n) * 100) / 100;
    cpuPerRequest = server.pid ? Math.round(((groupCpuMs(server.pid) - cpuBefore) / o.n) * 100) / 100 : 0;
    // The same load on a journée with the three ready-made questions, every one answered.
    withQuestions = await drive(base, questionsId, o.n, o.concurrency, "questions", answers);
    await new Promise((r) => setTimeout(r, 1500)); // let the deferred e-mails finish
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
  }
  const mails = fs.readdirSync(outbox).length;
  const check = await checkInvariants(journeeId);
  const checkQuestions = await checkInvariants(questionsId);
  const answerRows = await (await getDb()).registrationAnswer.count({
    where: { question: { journeeId: questionsId } },
  });
  const raw = await rawWriteRate(o.concurrency);
  await closeDb();
  console.log(
    `Base ${o.db}${o.db === "postgres" ? ` (${pgTransport(dbEnv.DATABASE_URL)})` : ""} — ${o.n} inscriptions, ${o.concurrency} en parallèle, ${o.capacity} places (${run.seconds.toFixed(1)} s)`,
  );
  console.log(`  débit ${run.perSecond} inscriptions/s, latence p50 ${run.p50} ms, p95 ${run.p95} ms`);
  console.log(
    `  CPU du serveur (tous threads) : ${cpuPerRequest} ms par inscription ; du client de charge : ${clientCpuPerRequest} ms`,
  );
  console.log(`  réponses ${JSON.stringify(run.statuses)}, e-mails écrits ${mails}`);
  console.log(`  base : ${JSON.stringify(check)}`);
  const cost = Math.round((1 - withQuestions.perSecond / run.perSecond) * 1000) / 10;
  console.log(
    `  avec les 3 questions toutes faites (repas, régime + précisions, transport) : ${withQuestions.perSecond} inscriptions/s (sans questions : ${run.perSecond}/s, coût ${cost} %, objectif ≤ 10 %), p50 ${withQuestions.p50} ms, p95 ${withQuestions.p95} ms`,
  );
  console.log(
    `  réponses ${JSON.stringify(withQuestions.statuses)}, lignes de réponses ${answerRows}, base : ${JSON.stringify(checkQuestions)}`,
  );
  console.log(`  écriture transactionnelle brute de la même base : ${raw} transactions/s`);
  const result = {
    registrations_per_s: run.perSecond,
    registrations_with_questions_per_s: withQuestions.perSecond,
    questions_cost_percent: cost,
    p50_ms: run.p50,
    p95_ms: run.p95,
    raw_tx_per_s: raw,
    overbooked: check.overbooked,
    db: o.db,
    pg_transport: pgTransport(dbEnv.DATABASE_URL),
    n: o.n,
    concurrency: o.concurrency,
    confirmed: check.confirmed,
    waitlisted: check.waitlisted,
    invariants_ok: check.ok && checkQuestions.ok,
    server_cpu_ms_per_registration: cpuPerRequest,
    client_cpu_ms_per_registration: clientCpuPerRequest,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}
