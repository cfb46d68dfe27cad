/**
 * npm run bench -- morning [--db pglite|postgres] [--scenario both|normal|crash]
 *                          [--registrations 2000] [--present 500] [--reg-seconds 40] [--door-seconds 30]
 *
 * A real morning, compressed in time, over HTTP against `next start` on a fresh database:
 *  1. 2,000 registrations arriving evenly over --reg-seconds (10 minutes compressed);
 *  2. 4 doors checking in 500 people over --door-seconds (20 minutes compressed), one scan in
 *     twenty repeated at another door, while 5 dashboards poll their live counts every second.
 * Clients behave like real ones: a request that fails on the network is retried (same nonce for
 * scans). In the "crash" scenario the server is killed with SIGKILL in the middle of each phase and
 * restarted. Afterwards the database is checked: acknowledged writes lost, things counted twice.
 * Last line: RESULT {"errors","lost_writes","double_counts","p95_ms","db",…}
 */
import { closeDb, getDbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { argValue, type DbKind, freshDatabase, percentile, startNext, stopNext, waitHealthy } from "./harness";
import { prepareMorning, verifyMorning } from "./morning-setup";
import { type Crash, type Run, runDoors, runRegistrations } from "./morning-traffic";

async function scenario(db: DbKind, crash: boolean, o: { n: number; present: number; regS: number; doorS: number }) {
  const env = await freshDatabase(db, crash ? "crash" : "normal");
  await applyMigrations((await getDbHandle()).factory);
  const setup = await prepareMorning(Math.round(o.n * 0.9));
  await closeDb(); // PGlite: the server must be the only process on the directory
  const port = Number(argValue(process.argv, "--port", "3194"));
  const base = `http://127.0.0.1:${port}`;
  // The tickets come from the check-in test hook: the e2e build (docs/decisions/016).
  const serverEnv = {
    ...env,
    EMARGE_TEST_HOOKS: "1",
    REGISTRATION_RATE_LIMIT: "1000000/600",
    MAIL_OUTBOX_DIR: `/tmp/emarge-bench-morning-outbox-${process.pid}`,
  };
  const state: Crash = { server: startNext(port, serverEnv, "e2e"), restarts: 0 };
  await waitHealthy(base);
  const restart = async () => {
    await stopNext(state.server, "SIGKILL");
    state.server = startNext(port, serverEnv, "e2e");
    state.restarts += 1;
    await waitHealthy(base);
  };
  const run: Run = {
    base,
    latencies: [],
    errors: 0,
    retries: 0,
    ackRegistrations: [],
    ackCheckIns: [],
    dashboardMs: [],
  };
  await runRegistrations(run, setup.journeeId, o.n, o.regS, crash ? restart : undefined);
  const tickets = await fetch(`${base}/api/test-hooks/checkin`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ op: "tickets", slug: setup.slug, take: o.present }),
  }).then(async (r) => ((await r.json()) as { tickets: { id: string; payload: string }[] }).tickets);
  await runDoors(run, setup, tickets, o.doorS, crash ? restart : undefined);
  await stopNext(state.server, "SIGTERM");
  const verdict = await verifyMorning(setup.journeeId, run.ackRegistrations, run.ackCheckIns);
  await closeDb();
  const summary = {
    scenario: crash ? "crash" : "normal",
    errors: run.errors,
    retries: run.retries,
    restarts: state.restarts,
    p95_ms: percentile(run.latencies, 95),
    p50_ms: percentile(run.latencies, 50),
    dashboard_p95_ms: percentile(run.dashboardMs, 95),
    ...verdict,
  };
  console.log(JSON.stringify(summary));
  return summary;
}

export async function main(args: string[]) {
  const db = (argValue(args, "--db", "pglite") === "postgres" ? "postgres" : "pglite") as DbKind;
  const which = argValue(args, "--scenario", "both");
  const o = {
    n: Number(argValue(args, "--registrations", "2000")),
    present: Number(argValue(args, "--present", "500")),
    regS: Number(argValue(args, "--reg-seconds", "40")),
    doorS: Number(argValue(args, "--door-seconds", "30")),
  };
  const runs: Awaited<ReturnType<typeof scenario>>[] = [];
  if (which !== "crash") runs.push(await scenario(db, false, o));
  if (which !== "normal") runs.push(await scenario(db, true, o));
  const sum = (k: "errors" | "lost_writes" | "double_counts") => runs.reduce((s, r) => s + r[k], 0);
  console.log(
    `RESULT ${JSON.stringify({ errors: sum("errors"), lost_writes: sum("lost_writes"), double_counts: sum("double_counts"), p95_ms: runs[0].p95_ms, db, runs })}`,
  );
}
