import { testHookAttendee, testHookCheckIn } from "../reports";

/**
 * Report test hooks (e2e build only, see docs/decisions/016; 404 unless EMARGE_TEST_HOOKS=1, set by scripts/e2e-server.sh). POST JSON:
 * - { op: "check-in", slug } → { registrationId } (one more person present, now)
 * - { op: "attendee", slug } → { firstName, lastName, manageToken } of someone who attended
 */
export async function POST(request: Request): Promise<Response> {
  if (process.env.EMARGE_TEST_HOOKS !== "1") return new Response("Not found", { status: 404 });
  const body = (await request.json()) as { op?: string; slug?: string };
  const slug = String(body.slug ?? "");
  if (body.op === "check-in") {
    const done = await testHookCheckIn(slug);
    return done ? Response.json(done) : Response.json({ error: "personne à émarger" }, { status: 404 });
  }
  if (body.op === "attendee") {
    const found = await testHookAttendee(slug);
    return found ? Response.json(found) : Response.json({ error: "aucune présence" }, { status: 404 });
  }
  return Response.json({ error: "op inconnue" }, { status: 400 });
}
