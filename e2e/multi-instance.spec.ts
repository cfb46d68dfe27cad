import { type ChildProcess, spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { e2eEnv } from "../playwright.config";
import { signInAs } from "./fixtures/auth";
import { makeFixture } from "./fixtures/checkin";

/**
 * Two app instances on one PostgreSQL database: the one Playwright started, and a second
 * `next start` launched here with the same environment (see scripts/e2e-server.sh). The capacity
 * and double-scan guarantees must hold across instances. PGlite is single-process by design
 * (docs/decisions/001-database.md), so this only runs on PostgreSQL.
 */
const pgUrl = process.env.TEST_DATABASE_URL;
test.skip(!pgUrl, "two instances need PostgreSQL (PGlite is single-process by design)");

const secondPort = e2eEnv.port + 50;
const second = `http://127.0.0.1:${secondPort}`;
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  const env = {
    ...process.env,
    DATABASE_URL: `${pgUrl?.replace(/\/[^/]*$/, "")}/emarge_e2e_${e2eEnv.port}`,
    EMARGE_TEST_HOOKS: "1",
    EMARGE_SECRET: process.env.EMARGE_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123456789",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-auth-secret-e2e-auth-secret-0123456789",
    AUTH_TRUST_HOST: "true",
    // As scripts/e2e-server.sh: the test sends X-Forwarded-For from this machine (decision 015).
    TRUSTED_PROXIES: "127.0.0.1,::1",
    RETENTION_DAILY: "0",
    NEXT_TELEMETRY_DISABLED: "1",
    MAIL_OUTBOX_DIR: `/tmp/emarge-e2e-outbox-${secondPort}`,
  };
  server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(secondPort)], { env, stdio: "ignore" });
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${second}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("second instance did not start");
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

test("capacity holds when registrations arrive on two instances at once", async ({ request, baseURL }) => {
  const created = await request.post("/api/test-hooks/registration", { data: { op: "journee", capacity: 20 } });
  const { id: journeeId } = (await created.json()) as { id: string };
  const bases = [baseURL as string, second];
  const answers = await Promise.all(
    Array.from({ length: 60 }, (_, i) =>
      fetch(`${bases[i % 2]}/api/inscriptions`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `10.9.${i >> 8}.${i & 255}` },
        body: JSON.stringify({
          journeeId,
          firstName: "Camille",
          lastName: `Deux-Instances ${i}`,
          email: `deux-instances-${i}@example.org`,
          structure: "CCAS d'Aubagne",
          structureType: "COMMUNE_CCAS",
          jobTitle: "Travailleuse sociale",
          commune: "Aubagne",
          privacyAck: true,
        }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { status?: string } })),
    ),
  );
  expect(answers.every((a) => a.status === 201)).toBe(true);
  const statuses = answers.map((a) => a.body.status);
  expect(statuses.filter((s) => s === "CONFIRMED")).toHaveLength(20);
  expect(statuses.filter((s) => s === "WAITLISTED")).toHaveLength(40);
});

test("the same ticket scanned on both instances at once counts once", async ({ page, baseURL }) => {
  const fixture = await makeFixture(page.request, { window: "open", count: 3 });
  await signInAs(page, { role: "AGENT", journeeSlug: fixture.slug });
  const cookies = await page.context().cookies();
  const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  for (const ticket of fixture.tickets) {
    const scan = (base: string, n: number) =>
      fetch(`${base}/api/checkin`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: cookieHeader },
        body: JSON.stringify({
          scans: [
            {
              nonce: `multi-${ticket.registrationId}-${n}`,
              ticket: ticket.payload,
              journeeId: fixture.journeeId,
              partKey: fixture.partKeys[0],
              door: `Porte ${n}`,
              deviceId: `device-${n}`,
              scannedAt: new Date().toISOString(),
              method: "QR",
            },
          ],
        }),
      }).then(async (r) => ((await r.json()) as { results: { result: string }[] }).results[0].result);
    const results = await Promise.all([scan(baseURL as string, 1), scan(second, 2)]);
    expect(results.sort()).toEqual(["already_checked_in", "ok"]);
  }
});
