import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/attendance/signature/route";
import type { CurrentUser } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { attendanceFixture, checkIn, signatureRequest } from "@/tests/fixtures/attendance";
import { testDbKind } from "@/tests/setup/test-db";

// The session is stubbed: what is under test is what the route writes to the logs when it fails.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/current-user", () => ({ getSessionUser: async () => session.user }));

afterEach(() => {
  vi.restoreAllMocks();
  process.env.EMARGE_SILENT_LOGS = "1";
});

/** Issue 13 point 10: signatures are personal data and never reach the logs, even when a request fails. */
describe(`signature request logs (${testDbKind()})`, () => {
  it("a failing signature request logs a reference and the route, never the image", async () => {
    const f = await attendanceFixture({ count: 1 });
    const [a] = f.tickets;
    await checkIn(f.staff, f.journeeId, "journee", a.registrationId);
    session.user = f.staff;
    // The database refuses the write: an unexpected error, logged and answered 503.
    const db = await getDb();
    await db.$executeRawUnsafe(`ALTER TABLE "SignatureEvent" RENAME TO "SignatureEventAilleurs"`);
    const lines: string[] = [];
    process.env.EMARGE_SILENT_LOGS = "0";
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stderr, "write").mockImplementation(capture);
    vi.spyOn(process.stdout, "write").mockImplementation(capture);
    const body = signatureRequest(f.journeeId, "journee", a.registrationId, 3);
    const request = new NextRequest("http://localhost/api/attendance/signature", {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      body: JSON.stringify(body),
    });
    const res = await POST(request);
    await new Promise((r) => setTimeout(r, 50));
    vi.restoreAllMocks();
    await db.$executeRawUnsafe(`ALTER TABLE "SignatureEventAilleurs" RENAME TO "SignatureEvent"`);
    expect(res.status).toBe(503);
    const answer = (await res.json()) as { reason: string; ref: string };
    expect(answer.reason).toBe("unexpected");
    const logged = lines.join("");
    expect(logged).toContain(answer.ref);
    expect(logged).toContain("POST /api/attendance/signature");
    // Neither the base64 the pad sent, nor any long piece of it, nor the decoded bytes in hex.
    expect(logged).not.toContain(body.png.slice(40, 80));
    const hex = Buffer.from(body.png, "base64").toString("hex");
    expect(logged).not.toContain(hex.slice(64, 128));
    expect(logged).not.toMatch(/[A-Za-z0-9+/]{200,}/);
  });
});
