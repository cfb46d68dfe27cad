import { manageTokenOf, pastRoomCode } from "../attendance-room";

/**
 * Room-signing test hooks (e2e build only, decision 016; 404 unless EMARGE_TEST_HOOKS=1). POST JSON:
 * - { op: "manage", registrationId } → { token } (the person's management link token)
 * - { op: "past-code", journeeId, partKey, windowsAgo } → { code }
 */
export async function POST(request: Request): Promise<Response> {
  if (process.env.EMARGE_TEST_HOOKS !== "1") return new Response("Not found", { status: 404 });
  const body = (await request.json()) as Record<string, unknown> & { op?: string };
  if (body.op === "manage") return Response.json(await manageTokenOf(String(body.registrationId ?? "")));
  if (body.op === "past-code")
    return Response.json(
      pastRoomCode(String(body.journeeId ?? ""), String(body.partKey ?? ""), Number(body.windowsAgo ?? 3)),
    );
  return Response.json({ error: "op inconnue" }, { status: 400 });
}
