import { seedSignedSheet } from "../attendance-docs";

/**
 * Signed-documents test hook (e2e build only, see docs/decisions/016; 404 unless EMARGE_TEST_HOOKS=1). POST JSON:
 * - { op: "signed-sheet" } → { journeeId, partKey, verificationCode, fingerprint } of a new journée
 *   whose sheet is signed (two signatures, one attestation, one absence, one justified absence) and closed
 */
export async function POST(request: Request): Promise<Response> {
  if (process.env.EMARGE_TEST_HOOKS !== "1") return new Response("Not found", { status: 404 });
  const body = (await request.json()) as { op?: string };
  if (body.op === "signed-sheet") {
    const { journeeId, partKey, verificationCode, fingerprint } = await seedSignedSheet();
    return Response.json({ journeeId, partKey, verificationCode, fingerprint });
  }
  return Response.json({ error: "op inconnue" }, { status: 400 });
}
