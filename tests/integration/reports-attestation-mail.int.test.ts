import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * "Send the attestations to those who attended", through the real action and a real SMTP server
 * started here: who may start it, that it runs after the response (`after`), who gets a mail and
 * what the attached PDF says (pdftotext), the audit entry, and that a second run resends nothing.
 * Only next-auth's `auth()` is replaced, and `after` is captured to run its task when the test says.
 */
vi.mock("@/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: vi.fn(),
}));

const { auth } = await import("@/auth");
const { after } = await import("next/server");
const { getDb } = await import("@/lib/db/client");
const { ensureUserWithGrant } = await import("@/lib/auth/mutations");
const { sendAttestationsAction } = await import("@/lib/reports/actions");
const { getAttestationMailingProgress } = await import("@/lib/reports/queries/attestation-mailing");
const { formatAttestationCode } = await import("@/lib/reports/schema");
const { insertRegistration } = await import("@/tests/fixtures/factories");
const { pdfToText, writeTemp } = await import("@/tests/fixtures/office");
const { testDbKind } = await import("@/tests/setup/test-db");
const { seedReportFixture } = await import("./reports-fixture");

const received: ParsedMail[] = [];
const refusedRecipients = new Set<string>();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (refusedRecipients.has(address.address)) callback(new Error("Mailbox unavailable"));
    else callback();
  },
  onData(stream, _session, callback) {
    simpleParser(stream).then(
      (mail) => {
        received.push(mail);
        callback();
      },
      (error) => callback(error),
    );
  },
});

let f: Awaited<ReturnType<typeof seedReportFixture>>;
const users = {} as Record<"organisateur" | "autre" | "agent" | "lecteur", string>;
let cancelledAfterCheckIn = "";

/** A registration of the plenary checked in for the morning (cancelled afterwards when asked). */
async function attendee(email: string, extra: Parameters<typeof insertRegistration>[2] = {}) {
  const db = await getDb();
  const r = await insertRegistration(f.plenary.id, email, extra);
  const part = { partKey: f.morning.id, partId: f.morning.id };
  await db.checkIn.create({
    data: { registrationId: r.id, journeeId: f.plenary.id, ...part, checkedInAt: f.plenary.startsAt, method: "QR" },
  });
  return r;
}

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  f = await seedReportFixture();
  const db = await getDb();
  // Checked in, then cancelled: not an attendee any more.
  const gone = await attendee("parti@example.org", { status: "CANCELLED" });
  cancelledAfterCheckIn = gone.email ?? "";
  const other = await db.partner.create({ data: { slug: "autre", name: "Autre", shortName: "autre", kind: "RESEAU" } });
  const grants = {
    organisateur: { role: "ORGANISATEUR" as const, partnerId: f.partner.id },
    autre: { role: "ORGANISATEUR" as const, partnerId: other.id },
    agent: { role: "AGENT" as const, journeeId: f.plenary.id },
    lecteur: { role: "LECTEUR" as const },
  };
  for (const [who, grant] of Object.entries(grants)) {
    users[who as keyof typeof users] = (await ensureUserWithGrant({ email: `${who}@example.org`, grant })).userId;
  }
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

function as(who: keyof typeof users) {
  vi.mocked(auth).mockResolvedValue({ user: { id: users[who] }, expires: "2999-01-01" } as never);
}

/** Runs the action as a form post would; returns where it redirects to and the task it left for after the response. */
async function submit(journeeId: string) {
  vi.mocked(after).mockClear();
  const form = new FormData();
  form.set("journeeId", journeeId);
  const redirect = await sendAttestationsAction(form).then(
    () => "",
    (error: { digest?: string }) => String(error.digest ?? error),
  );
  const task = vi.mocked(after).mock.calls[0]?.[0] as (() => Promise<unknown>) | undefined;
  return { redirect, task };
}

const recipient = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address ?? "";

async function auditEntries() {
  const db = await getDb();
  return db.auditLog.findMany({
    where: { action: "attestations.envoi", entityId: f.plenary.id },
    orderBy: { id: "asc" },
  });
}

describe(`attestations sent by e-mail (${testDbKind()})`, () => {
  it("is refused, by the server, to agents, readers and other partners' organisers: nothing sent", async () => {
    for (const who of ["agent", "lecteur", "autre"] as const) {
      as(who);
      const { redirect, task } = await submit(f.plenary.id);
      expect(redirect, who).toContain("envoi=refuse");
      expect(task, who).toBeUndefined();
    }
    expect(received).toHaveLength(0);
    expect(await auditEntries()).toHaveLength(0);
  });

  it("answers at once and sends in the background: only attendees, each with their own PDF and code", async () => {
    as("organisateur");
    const { redirect, task } = await submit(f.plenary.id);
    expect(redirect).toContain("envoi=en-cours");
    expect(received).toHaveLength(0); // nothing sent inside the request
    expect(task).toBeTypeOf("function");
    await task?.();

    const to = received.map(recipient).sort();
    expect(to).toEqual(["jerome.celik@example.org", "loic.soeur@example.org", "zoe.lefevre@example.org"]);
    for (const absent of ["anais.duboeuf@example.org", "noel.garcon@example.org", "helene.brule@example.org"]) {
      expect(to).not.toContain(absent); // no-show, waitlisted, cancelled
    }
    expect(to).not.toContain(cancelledAfterCheckIn);

    const db = await getDb();
    for (const [email, person, name] of [
      ["zoe.lefevre@example.org", f.people.zoe, "Zoé LEFÈVRE"],
      ["jerome.celik@example.org", f.people.jerome, "Jérôme ÇELIK"],
      ["loic.soeur@example.org", f.people.loic, "Loïc SŒUR"],
    ] as const) {
      const mail = received.find((m) => recipient(m) === email);
      expect(mail?.subject).toBe("Votre attestation de présence - Journée plénière Logement d'abord");
      const pdfs = mail?.attachments.filter((a) => a.contentType === "application/pdf") ?? [];
      expect(pdfs).toHaveLength(1);
      const text = await pdfToText(await writeTemp(`attestation-${person.id}.pdf`, pdfs[0].content));
      const row = await db.registration.findUniqueOrThrow({ where: { id: person.id } });
      expect(text).toContain(name);
      expect(text).toContain(`Code de vérification : ${formatAttestationCode(row.attestationCode ?? "")}`);
      expect(row.attestationSentAt).toBeInstanceOf(Date);
      for (const other of ["Zoé LEFÈVRE", "Jérôme ÇELIK", "Loïc SŒUR"].filter((n) => n !== name)) {
        expect(text).not.toContain(other);
      }
    }
    const [entry] = await auditEntries();
    expect(entry).toMatchObject({ actorId: users.organisateur, actorLabel: "organisateur@example.org" });
    expect(entry.details).toEqual({ sent: 3, failed: 0, alreadySent: 0, withoutEmail: 0 });
    expect(await getAttestationMailingProgress({}, f.plenary.id)).toMatchObject({
      total: 3,
      sent: 3,
      last: { sent: 3, failed: 0 },
    });
  });

  it("a second run resends nothing; a failed send is released and retried by the next run only", async () => {
    as("organisateur");
    await (await submit(f.plenary.id)).task?.();
    expect(received).toHaveLength(3);
    expect((await auditEntries()).at(-1)?.details).toEqual({ sent: 0, failed: 0, alreadySent: 3, withoutEmail: 0 });

    // A new attendee whose mailbox refuses the message: counted as failed, not marked as sent.
    const db = await getDb();
    const late = await attendee("retard@example.org", {
      firstName: "Maëlle",
      lastName: "Tardif",
    });
    refusedRecipients.add("retard@example.org");
    await (await submit(f.plenary.id)).task?.();
    expect((await auditEntries()).at(-1)?.details).toEqual({ sent: 0, failed: 1, alreadySent: 3, withoutEmail: 0 });
    expect((await db.registration.findUniqueOrThrow({ where: { id: late.id } })).attestationSentAt).toBeNull();
    expect(received).toHaveLength(3);

    refusedRecipients.clear();
    await (await submit(f.plenary.id)).task?.();
    expect((await auditEntries()).at(-1)?.details).toEqual({ sent: 1, failed: 0, alreadySent: 3, withoutEmail: 0 });
    expect(received.map(recipient).filter((r) => r === "retard@example.org")).toHaveLength(1);
    expect(received).toHaveLength(4);
  });

  it("two runs at once (a double click) still send each attestation once", async () => {
    await attendee("double@example.org", { lastName: "Double" });
    as("organisateur");
    const [a, b] = [await submit(f.plenary.id), await submit(f.plenary.id)];
    await Promise.all([a.task?.(), b.task?.()]);
    expect(received.map(recipient).filter((r) => r === "double@example.org")).toHaveLength(1);
    expect(received).toHaveLength(5);
  });
});
