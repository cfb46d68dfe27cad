/** The morning benchmark's clients: people registering, doors scanning, dashboards polling. */
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Setup } from "./morning-setup";

export type Crash = { server: ChildProcess; restarts: number };
export type Run = {
  base: string;
  latencies: number[];
  dashboardMs: number[];
  /** Requests that still failed after the client's retries, or got an unexpected answer. */
  errors: number;
  retries: number;
  ackRegistrations: string[];
  ackCheckIns: string[];
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** POST with a real client's patience: network failures (server down) are retried for 60 s. */
async function postJson(run: Run, path: string, body: unknown, headers: Record<string, string> = {}) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const t = performance.now();
    try {
      const res = await fetch(`${run.base}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, unknown>;
      run.latencies.push(performance.now() - t);
      return { status: res.status, json, retried: attempt > 0 };
    } catch {
      run.retries += 1;
      await sleep(500);
    }
  }
  run.errors += 1;
  return null;
}

/** Starts `count` tasks evenly over `seconds`; calls `crash` once, halfway. */
async function paced(count: number, seconds: number, task: (i: number) => Promise<void>, crash?: () => Promise<void>) {
  const started = performance.now();
  const pending: Promise<void>[] = [];
  let crashed: Promise<void> | undefined;
  for (let i = 0; i < count; i++) {
    const due = started + (i * seconds * 1000) / count;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    if (crash && !crashed && i >= count / 2) crashed = crash();
    pending.push(task(i));
  }
  await Promise.all(pending);
  await crashed;
}

export async function runRegistrations(
  run: Run,
  journeeId: string,
  n: number,
  seconds: number,
  crash?: () => Promise<void>,
) {
  await paced(
    n,
    seconds,
    async (i) => {
      const body = {
        journeeId,
        firstName: "Camille",
        lastName: `Matinée ${i}`,
        email: `matinee-${i}@example.org`,
        structure: "CCAS de Marseille",
        structureType: "COMMUNE_CCAS",
        jobTitle: "Travailleuse sociale",
        commune: "Marseille",
        privacyAck: true,
      };
      const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      const answer = await postJson(run, "/api/inscriptions", body, { "x-forwarded-for": ip });
      if (!answer) return;
      if (answer.status === 201) run.ackRegistrations.push(String(answer.json.registrationId));
      // A retry after a crash may find the first attempt committed: that is the person's answer.
      else if (!(answer.retried && answer.json.reason === "already_registered")) run.errors += 1;
    },
    crash,
  );
}

export async function runDoors(
  run: Run,
  setup: Setup,
  tickets: { id: string; payload: string }[],
  seconds: number,
  crash?: () => Promise<void>,
) {
  let polling = true;
  const dashboards = setup.readerCookies.map(async (cookie) => {
    while (polling) {
      const t = performance.now();
      const ok = await fetch(`${run.base}/api/dashboard/${setup.journeeId}`, { headers: { cookie } })
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) run.dashboardMs.push(performance.now() - t);
      await sleep(1000);
    }
  });
  const scan = async (ticket: { id: string; payload: string }, door: number) => {
    const nonce = randomUUID().replace(/-/g, "");
    const body = {
      scans: [
        {
          nonce,
          ticket: ticket.payload,
          journeeId: setup.journeeId,
          partKey: "journee",
          door: `Porte ${door + 1}`,
          deviceId: `bench-door-${door + 1}`,
          scannedAt: new Date().toISOString(),
          method: "QR",
        },
      ],
    };
    const answer = await postJson(run, "/api/checkin", body, { cookie: setup.agentCookies[door] });
    const result = (answer?.json.results as { result?: string }[] | undefined)?.[0]?.result;
    if (result === "ok") run.ackCheckIns.push(ticket.id);
    else if (result !== "already_checked_in") run.errors += answer ? 1 : 0;
  };
  await paced(
    tickets.length,
    seconds,
    async (i) => {
      await scan(tickets[i], i % 4);
      if (i % 20 === 0) await scan(tickets[i], (i + 1) % 4); // the same person shows their ticket again
    },
    crash,
  );
  polling = false;
  await Promise.all(dashboards);
}
