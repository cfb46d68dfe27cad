import { cancelForTest, createCheckInFixture, presenceOf, ticketsOf } from "../checkin";

/**
 * Check-in test hooks (e2e build only, see docs/decisions/016; 404 unless EMARGE_TEST_HOOKS=1, set by scripts/e2e-server.sh).
 * POST JSON:
 * - { op: "journee", window?: "open"|"future"|"past"|"closed", halfDays?, capacity?, people?: [...], count? }
 *   → { journeeId, slug, partKeys, tickets: [{ registrationId, lastName, status, payload }] }
 * - { op: "tickets", slug, status?, take? } → { tickets: [{ id, journeeId, firstName, lastName, payload }] }
 * - { op: "cancel", registrationId } → { ok } (offline tests: cancelled while a door is offline)
 * - { op: "presence", journeeId } → { checkIns: [...], scans: [...] } (offline tests: the server's truth)
 */
export async function POST(request: Request): Promise<Response> {
  if (process.env.EMARGE_TEST_HOOKS !== "1") return new Response("Not found", { status: 404 });
  const body = (await request.json()) as Record<string, unknown> & { op?: string };
  if (body.op === "journee")
    return Response.json(await createCheckInFixture(body as Parameters<typeof createCheckInFixture>[0]));
  if (body.op === "tickets") {
    const status = (body.status as "CONFIRMED" | "WAITLISTED" | "CANCELLED" | undefined) ?? "CONFIRMED";
    return Response.json({ tickets: await ticketsOf(String(body.slug ?? ""), status, Number(body.take ?? 5)) });
  }
  if (body.op === "cancel") return Response.json(await cancelForTest(String(body.registrationId ?? "")));
  if (body.op === "presence") return Response.json(await presenceOf(String(body.journeeId ?? "")));
  return Response.json({ error: "op inconnue" }, { status: 400 });
}
