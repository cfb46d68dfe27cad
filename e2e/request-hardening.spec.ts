import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2eEnv } from "../playwright.config";
import { signInAs } from "./fixtures/auth";
import { mailsTo, waitForMail } from "./fixtures/mail";
import { registrationBody, testJournee, unique } from "./fixtures/registration";

/**
 * Issue 15, as an attacker would try it on the production build (decision 015): forged
 * X-Forwarded-For, the demo outbox from another machine, open redirects after sign-in,
 * malformed URLs, oversized bodies, mail floods through « Renvoyer ma confirmation ».
 */
const person = (journeeId: string, email: string) => registrationBody(journeeId, email, "Edge");

/**
 * A raw POST with a chunked body (no Content-Length): `bytes` are sent, then, unless `end`, the
 * request stays open until the server answers (a route handler answers without the end of the
 * body; proxy.ts only once Next has buffered the body for it), then is dropped.
 */
function chunkedPost(
  url: string,
  bytes: number,
  headers: Record<string, string>,
  end = false,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      },
    );
    req.on("error", reject);
    req.write("[");
    for (let sent = 0; sent < bytes; sent += 16 * 1024) req.write(Buffer.alloc(16 * 1024, 0x20));
    if (end) req.end();
  });
}

test("forged X-Forwarded-For entries do not escape the per-address registration limit", async ({ page }) => {
  const j = await testJournee(page, { capacity: 100 });
  const real = `203.0.113.${Date.now() % 200}`;
  const statuses: number[] = [];
  for (let i = 0; i < 21; i++) {
    // The trusted proxy (this machine) appends the real address; the client wrote the rest.
    const res = await page.request.post("/api/inscriptions", {
      data: { journeeId: j.id, email: "pas-une-adresse" },
      headers: { "x-forwarded-for": `10.${i}.${i}.1, 198.51.100.${i}, ${real}` },
    });
    statuses.push(res.status());
  }
  expect(statuses.slice(0, 20)).toEqual(Array(20).fill(422));
  expect(statuses[20]).toBe(429);
});

test.describe("the demo outbox", () => {
  const port = e2eEnv.port + 3;
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "emarge-outbox-"));
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.skip(!external, "no non-loopback interface on this machine");
    fs.writeFileSync(
      path.join(outbox, "1-lien.eml"),
      "Subject: Lien de connexion\r\nTo: admin@example.org\r\n\r\nsecret\r\n",
    );
    // Started on every interface on purpose: the page itself must refuse other machines.
    server = spawn(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-H", "0.0.0.0", "-p", String(port)],
      {
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          EMARGE_SHOW_OUTBOX: "1",
          MAIL_OUTBOX_DIR: outbox,
          PGLITE_DIR: "memory://",
          DATABASE_URL: "",
          RETENTION_DAILY: "0",
          AUTH_SECRET: "outbox-auth-secret-outbox-auth-secret-0123",
          EMARGE_SECRET: "outbox-secret-outbox-secret-outbox-secret-0123",
          AUTH_TRUST_HOST: "true",
        },
        stdio: "ignore",
      },
    );
    for (let i = 0; i < 120; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/dev/outbox`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error("outbox server did not start");
  });

  test.afterAll(() => {
    server?.kill("SIGTERM");
    fs.rmSync(outbox, { recursive: true, force: true });
  });

  test("is shown to this machine only, whatever the forwarded headers say", async () => {
    const local = await fetch(`http://127.0.0.1:${port}/dev/outbox`);
    expect(local.status).toBe(200);
    expect(await local.text()).toContain("Lien de connexion");
    const remote = await fetch(`http://${external}:${port}/dev/outbox?f=1-lien.eml`, {
      headers: { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1", "x-emarge-peer": "127.0.0.1" },
    });
    expect(remote.status).toBe(404);
    expect(await remote.text()).not.toContain("secret");
  });
});

test("after sign-in, a callbackUrl never leads off-site; malformed URLs are 400/404, never 500", async ({ page }) => {
  await signInAs(page, { role: "ADMIN" });
  const base = new URL(`http://127.0.0.1:${e2eEnv.port}`);
  for (const bad of [
    "%2F%09%2Fevil.example",
    "%2F%0A%2Fevil.example",
    "%2F%5Cevil.example",
    "%2F%2Fevil.example",
    "https%3A%2F%2Fevil.example",
  ]) {
    const res = await page.request.get(`/connexion?callbackUrl=${bad}`, { maxRedirects: 0 });
    expect(res.status(), bad).toBeGreaterThanOrEqual(300);
    expect(res.status(), bad).toBeLessThan(400);
    const target = new URL(res.headers().location, base);
    expect(target.origin, bad).toBe(base.origin);
    expect(target.pathname, bad).toBe("/organisateur");
  }
  await page.goto("/connexion?callbackUrl=%2F%09%2Fevil.example");
  await expect(page).toHaveURL(`${base.origin}/organisateur`);

  for (const url of [
    "/%E0%A4%A",
    "/journees/%E0%A4%A",
    "/inscription/%E0%A4%A",
    "/organisateur/journees/%E0%A4%A",
    "/api/attestation/%E0%A4%A",
  ]) {
    const res = await page.request.get(url, { maxRedirects: 0 });
    expect([400, 404], url).toContain(res.status());
  }
  const res = await page.request.get("/connexion?callbackUrl=%E0%A4%A", { maxRedirects: 0 });
  expect(res.status()).toBeLessThan(500);
});

test.describe("request bodies are capped", () => {
  test("registration JSON: 413 beyond 64 kB, declared or streamed; a normal one still registers", async ({ page }) => {
    const j = await testJournee(page, { capacity: 10 });
    const headers = { "x-forwarded-for": `198.51.100.${Date.now() % 200}` };
    const big = await page.request.post("/api/inscriptions", {
      data: { ...person(j.id, unique("gros")), filler: "x".repeat(100 * 1024) },
      headers,
    });
    expect(big.status()).toBe(413);
    expect(await big.json()).toMatchObject({
      ok: false,
      reason: "too_large",
      message: expect.stringContaining("64 ko"),
    });
    const streamed = await chunkedPost(`http://127.0.0.1:${e2eEnv.port}/api/inscriptions`, 96 * 1024, {
      ...headers,
      "content-type": "application/json",
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ reason: "too_large" });
    const normal = await page.request.post("/api/inscriptions", { data: person(j.id, unique("normal")), headers });
    expect(normal.status()).toBe(201);
  });

  test("scan batch: 413 beyond 128 kB; server actions: 413 beyond 200 kB, 411 without a length", async ({ page }) => {
    await signInAs(page, { role: "ADMIN" });
    const scans = Array.from({ length: 600 }, (_, i) => ({ nonce: `n${i}`.padEnd(60, "x"), ticket: "t".repeat(200) }));
    const batch = await page.request.post("/api/checkin", { data: { scans } });
    expect(batch.status()).toBe(413);
    expect(await batch.json()).toMatchObject({ error: "too_large" });
    const small = await page.request.post("/api/checkin", { data: { scans: [] } });
    expect(small.status()).toBe(400);

    const action = await page.request.post("/journees/journee-ouverte", {
      headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      data: "x".repeat(300 * 1024),
    });
    expect(action.status()).toBe(413);
    expect(await action.text()).toContain("trop volumineuse");
    const chunked = await chunkedPost(
      `http://127.0.0.1:${e2eEnv.port}/journees/journee-ouverte`,
      32 * 1024,
      {
        "next-action": "0".repeat(42),
        "content-type": "text/plain;charset=UTF-8",
      },
      true,
    );
    expect(chunked.status).toBe(411);
  });
});

test("door signature JSON: 413 beyond 96 kB, declared or streamed, before it is parsed", async ({ page }) => {
  await signInAs(page, { role: "ADMIN" });
  // A signature PNG is at most 40 kB (about 53 kB as base64): 120 kB of it is refused unread.
  const big = await page.request.post("/api/attendance/signature", {
    data: { journeeId: "j", partKey: "journee", png: "A".repeat(120 * 1024) },
  });
  expect(big.status()).toBe(413);
  expect(await big.json()).toMatchObject({ ok: false, reason: "too_large", message: expect.stringContaining("96 ko") });
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  // Through proxy.ts (which Next lets see the whole body first): a complete chunked body.
  const streamed = await chunkedPost(
    `http://127.0.0.1:${e2eEnv.port}/api/attendance/attest`,
    128 * 1024,
    { "content-type": "application/json", cookie },
    true,
  );
  expect(streamed.status).toBe(413);
  expect(JSON.parse(streamed.body)).toMatchObject({ reason: "too_large" });
  // Under the cap, the schema still decides.
  const small = await page.request.post("/api/attendance/signature", { data: { png: "A".repeat(60 * 1024) } });
  expect(small.status()).toBe(400);
  expect(await small.json()).toMatchObject({ ok: false, reason: "invalid" });
});

test("the e2e server (test hooks on) does not show the demo outbox", async ({ request }) => {
  expect((await request.get("/dev/outbox")).status()).toBe(404);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("« Renvoyer ma confirmation » sends at most 3 mails an hour to one address, then says so", async ({ page }) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `192.0.2.${Date.now() % 200}` });
    const j = await testJournee(page, { capacity: 10 });
    const email = unique("renvoi");
    expect((await page.request.post("/api/inscriptions", { data: person(j.id, email) })).status()).toBe(201);
    await waitForMail(email, /inscription est confirmée/);
    for (let i = 0; i < 4; i++) {
      await page.goto(`/journees/${j.slug}`);
      await page.getByText("Déjà inscrit·e ? Recevoir à nouveau votre confirmation").click();
      await page.getByLabel("E-mail utilisé pour l'inscription (obligatoire)").fill(email);
      await page.getByRole("button", { name: "Renvoyer ma confirmation par e-mail" }).click();
      const answer = page
        .getByRole("status")
        .filter({ hasText: i < 3 ? "Si une inscription correspond" : "déjà été demandé plusieurs fois" });
      await expect(answer).toBeVisible();
    }
    // A sentinel registration after the refused resend: once its mail has arrived, a fifth one to
    // this address would have too (no fixed wait).
    const sentinel = unique("sentinelle");
    expect((await page.request.post("/api/inscriptions", { data: person(j.id, sentinel) })).status()).toBe(201);
    await waitForMail(sentinel, /inscription est confirmée/);
    expect(await mailsTo(email)).toHaveLength(4);
  });

  test("« Renvoyer ma confirmation » at most 10 times an hour from one client address, whoever is asked for", async ({
    page,
  }) => {
    // RESEND_LIMITS.perAddress: ten different addresses pass, the eleventh request is refused.
    await page.setExtraHTTPHeaders({
      "x-forwarded-for": `198.18.${Date.now() % 250}.${Math.floor(Math.random() * 250)}`,
    });
    const j = await testJournee(page, { capacity: 10 });
    for (let i = 0; i < 11; i++) {
      await page.goto(`/journees/${j.slug}`);
      await page.getByText("Déjà inscrit·e ? Recevoir à nouveau votre confirmation").click();
      await page.getByLabel("E-mail utilisé pour l'inscription (obligatoire)").fill(unique(`adresse${i}`));
      await page.getByRole("button", { name: "Renvoyer ma confirmation par e-mail" }).click();
      const answer = page
        .getByRole("status")
        .filter({ hasText: i < 10 ? "Si une inscription correspond" : "Trop de tentatives depuis votre connexion" });
      await expect(answer, `request ${i + 1}`).toBeVisible();
    }
  });
});
