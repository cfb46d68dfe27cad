import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailWorkerRunning, stopMailWorker } from "@/lib/mail/worker-client";
import { MAIL_WORKER_FILE } from "@/lib/mail/worker-protocol";
import type { MailInput } from "@/lib/registration/emails";
import { sendRegistrationMail } from "@/lib/registration/notify";
import { smtpSink } from "@/tests/fixtures/smtp";

/**
 * Confirmation e-mails are built and sent by a worker thread in production builds (decision 013):
 * the bundle made by `npm run build` must load, and deliver the same messages over real SMTP.
 */
const { received, start, stop } = smtpSink();
const saved = { ...process.env };
// Inside the project, like .next: the bundle loads its packages from ./node_modules.
const dist = fs.mkdtempSync(path.join(process.cwd(), ".next-mail-worker-test-"));

const mail = (n: number, status: MailInput["status"]): MailInput => ({
  id: `r-worker-${n}`,
  firstName: "Zoé",
  lastName: `<b>Nom ${n}</b>`,
  email: `worker-${n}@example.org`,
  status,
  waitlistRank: status === "WAITLISTED" ? 3 : null,
  tokenSalt: `salt-worker-${n}-0123456789abcdef`,
  parts: [],
  journee: {
    title: "Journée d'Istres",
    venue: "Halle polyvalente",
    address: "1 allée des Lilas, 13800 Istres",
    city: "Istres",
    accessInfo: "",
    startsAt: new Date("2026-12-10T08:00:00Z"),
    endsAt: new Date("2026-12-10T16:00:00Z"),
    slug: "istres",
    parts: [],
  },
});

beforeAll(async () => {
  execFileSync("npx", ["tsx", "scripts/build-mail-worker.ts"], { env: { ...process.env, NEXT_DIST_DIR: dist } });
  const smtpUrl = await start();
  Object.assign(process.env, { NODE_ENV: "production", NEXT_DIST_DIR: dist, SMTP_URL: smtpUrl });
}, 60_000);

afterAll(async () => {
  await stopMailWorker();
  process.env = saved;
  await stop();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe("mail worker thread", () => {
  it("builds and sends confirmation and waiting-list e-mails over SMTP from the worker", async () => {
    const sent = await Promise.all([
      sendRegistrationMail(mail(1, "CONFIRMED"), "confirmation"),
      sendRegistrationMail(mail(2, "WAITLISTED"), "confirmation"),
    ]);
    expect(sent).toEqual([true, true]);
    expect(mailWorkerRunning()).toBe(true);
    const parsed = await Promise.all(received.map((raw) => simpleParser(raw)));
    const confirmed = parsed.find((m) => m.text?.includes("Nom 1"));
    const waitlisted = parsed.find((m) => m.text?.includes("Nom 2"));
    expect(confirmed?.subject).toContain("Votre inscription est confirmée");
    expect(confirmed?.attachments.map((a) => a.filename).sort()).toEqual([
      "billet-qr.png",
      "billet.png",
      "journee.ics",
    ]);
    expect(confirmed?.html).toContain("&lt;b&gt;Nom 1&lt;/b&gt;");
    expect(waitlisted?.subject).toContain("Liste d'attente");
    expect(waitlisted?.attachments).toHaveLength(0);
  }, 30_000);

  it("falls back to sending in-process when the worker cannot load", async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), "emarge-mail-worker-broken-"));
    fs.copyFileSync(path.join(dist, MAIL_WORKER_FILE), path.join(broken, MAIL_WORKER_FILE));
    await stopMailWorker();
    process.env.NEXT_DIST_DIR = broken; // outside the project: its packages cannot be found
    const before = received.length;
    expect(await sendRegistrationMail(mail(4, "CONFIRMED"), "confirmation")).toBe(true);
    expect(received.length).toBe(before + 1);
    fs.rmSync(broken, { recursive: true, force: true });
  }, 30_000);

  it("reports a failed delivery without throwing (the registration stands)", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    expect(await sendRegistrationMail(mail(3, "CONFIRMED"), "confirmation")).toBe(false);
  }, 30_000);
});
