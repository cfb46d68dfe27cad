import { SESSION_MAX_AGE_SECONDS } from "@/auth";
import { ensureUserWithGrant } from "@/lib/auth/mutations";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { journeeBySlug, lastAuditId, partnerIdBySlug } from "../lookups";
import { auditEntriesSince, createSessionFor } from "../sessions";

/**
 * End-to-end test hooks (e2e build only, see docs/decisions/016; 404 unless EMARGE_TEST_HOOKS=1, set by scripts/e2e-server.sh).
 * POST JSON:
 * - { op: "invite", email, role, partnerSlug?, journeeSlug? } → { userId, email }
 * - { op: "sign-in", …same, email optional } → also a database session: { userId, email, cookie }
 *   (role null: a signed-in user without any grant)
 * - { op: "audit-mark" } → { lastId }; { op: "audit", afterId, actions? } → { entries }
 */
type Body = {
  op?: string;
  email?: string;
  name?: string;
  role?: Role | null;
  partnerSlug?: string;
  journeeSlug?: string;
  afterId?: number;
  actions?: string[];
};

const notFound = () => new Response("Not found", { status: 404 });

export async function POST(request: Request): Promise<Response> {
  if (process.env.EMARGE_TEST_HOOKS !== "1") return notFound();
  const body = (await request.json()) as Body;
  if (body.op === "audit-mark") return Response.json({ lastId: await lastAuditId() });
  if (body.op === "audit") return Response.json({ entries: await auditEntriesSince(body.afterId ?? 0, body.actions) });
  if (body.op !== "invite" && body.op !== "sign-in") return Response.json({ error: "op inconnue" }, { status: 400 });

  const email =
    body.email ?? `e2e-${(body.role ?? "sans-role").toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const role = body.role ?? null;
  if (role !== null && !ROLES.includes(role)) return Response.json({ error: "rôle inconnu" }, { status: 400 });
  const partnerId = body.partnerSlug ? await partnerIdBySlug(body.partnerSlug) : null;
  const journee = body.journeeSlug ? await journeeBySlug(body.journeeSlug) : null;
  if ((body.partnerSlug && !partnerId) || (body.journeeSlug && !journee)) {
    return Response.json({ error: "partenaire ou journée inconnu" }, { status: 400 });
  }
  const { userId } = await ensureUserWithGrant({
    email,
    name: body.name ?? null,
    grant: role ? { role, partnerId, journeeId: journee?.id ?? null } : null,
    actor: { id: null, label: "test-hooks" },
  });
  if (body.op === "invite") return Response.json({ userId, email });

  const { sessionToken, expires } = await createSessionFor(userId, SESSION_MAX_AGE_SECONDS);
  const secure = (process.env.AUTH_URL ?? process.env.APP_URL ?? "").startsWith("https:");
  const name = `${secure ? "__Secure-" : ""}authjs.session-token`;
  return Response.json({ userId, email, cookie: { name, value: sessionToken, expires: expires.toISOString() } });
}
