import { getDb } from "@/lib/db/client";
import { addReadyMade } from "@/lib/questions/mutations";
import { newTokenSalt, tokensForSalt } from "@/lib/security/tokens";
import { createTestJournee } from "./journees";

/**
 * Question reports test hook (/api/test-hooks/question-reports, e2e build only, decision 016;
 * 404 unless EMARGE_TEST_HOOKS=1). POST { op: "seed" } → { journeeId, slug, partnerSlug }: a journée
 * in 20 days with the three ready-made questions and four confirmed registrations answering them.
 */
async function seed() {
  const db = await getDb();
  const journee = await createTestJournee({ title: "Journée des questions" });
  const actor = { id: "e2e", email: "e2e@example.org", ip: null };
  for (const key of ["repas", "regime", "transport"] as const) await addReadyMade(journee.id, key, actor);
  const qs = await db.registrationQuestion.findMany({
    where: { journeeId: journee.id },
    orderBy: { position: "asc" },
    include: { options: { orderBy: { position: "asc" } } },
  });
  const [repas, regime, precisez, transport] = qs;
  const people = [
    { last: "Lunel", first: "Inès", meal: 0, diet: 1, transport: 0, text: null },
    { last: "Moreau", first: "Paul", meal: 0, diet: 4, transport: 1, text: "Arachides" },
    { last: "Nguyen", first: "Lan", meal: 0, diet: 0, transport: 0, text: null },
    { last: "Ortiz", first: "Sofia", meal: 1, diet: 2, transport: 3, text: null },
  ];
  for (const [i, p] of people.entries()) {
    const tokenSalt = newTokenSalt();
    const { ticketHash, manageHash } = tokensForSalt(tokenSalt);
    const email = `qr${i}-${journee.slug}@example.org`;
    const r = await db.registration.create({
      data: {
        journeeId: journee.id,
        firstName: p.first,
        lastName: p.last,
        email,
        emailNormalized: email,
        liveEmailKey: email,
        structure: "CCAS de Test",
        structureType: "COMMUNE_CCAS",
        status: "CONFIRMED",
        tokenSalt,
        ticketHash,
        manageHash,
      },
    });
    await db.registrationAnswer.createMany({
      data: [
        { registrationId: r.id, questionId: repas.id, optionId: repas.options[p.meal].id },
        { registrationId: r.id, questionId: regime.id, optionId: regime.options[p.diet].id },
        { registrationId: r.id, questionId: transport.id, optionId: transport.options[p.transport].id },
        ...(p.text ? [{ registrationId: r.id, questionId: precisez.id, text: p.text }] : []),
      ],
    });
  }
  const { partner } = await db.journee.findUniqueOrThrow({
    where: { id: journee.id },
    select: { partner: { select: { slug: true } } },
  });
  return { journeeId: journee.id, slug: journee.slug, partnerSlug: partner.slug };
}

export async function POST(request: Request): Promise<Response> {
  if (process.env.EMARGE_TEST_HOOKS !== "1") return new Response("Not found", { status: 404 });
  const body = (await request.json()) as { op?: string };
  if (body.op === "seed") return Response.json(await seed());
  return Response.json({ error: "op inconnue" }, { status: 400 });
}
