import { findRegistrationByTicket } from "@/lib/registration/queries";
import { createTestJournee, type TestJourneeWindow } from "../journees";

/**
 * Registration test hooks (e2e build only, see docs/decisions/016; 404 unless EMARGE_TEST_HOOKS=1, set by scripts/e2e-server.sh).
 * POST JSON:
 * - { op: "journee", capacity?, window?, workshops? } → { id, slug }
 * - { op: "ticket", payload } → { registration: { id, status, firstName, lastName, journeeId } | null }
 */
export async function POST(request: Request): Promise<Response> {
  if (process.env.EMARGE_TEST_HOOKS !== "1") return new Response("Not found", { status: 404 });
  const body = (await request.json()) as {
    op?: string;
    capacity?: number;
    window?: TestJourneeWindow;
    workshops?: number;
    payload?: string;
  };
  if (body.op === "journee") return Response.json(await createTestJournee(body));
  if (body.op === "ticket")
    return Response.json({ registration: await findRegistrationByTicket(String(body.payload ?? "")) });
  return Response.json({ error: "op inconnue" }, { status: 400 });
}
