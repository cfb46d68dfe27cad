import { getDb } from "@/lib/db/client";
import { questionInputSchema } from "@/lib/questions/editor-schema";
import { addQuestion, addReadyMade } from "@/lib/questions/mutations";
import { submitRegistration } from "@/lib/registration/submit";
import { createTestJournee } from "./journees";

/**
 * Answers test hook (/api/test-hooks/question-answers, e2e build only, decision 016; 404 unless
 * EMARGE_TEST_HOOKS=1). POST { op: "seed" } → { journeeId, token, registrationId, partnerSlug }: a journée with a required
 * atelier question (« Atelier 1 » has one place, taken by someone else), a required number and the
 * ready-made lunch question, and one person registered with « Atelier 2 » (`token`: their link).
 */
const actor = { id: "e2e", email: "e2e@example.org", ip: null };
const person = (journeeId: string, n: number, answers: Record<string, unknown>) => ({
  journeeId,
  firstName: n ? "Inès" : "Louis",
  lastName: n ? "Lunel" : "Martin",
  email: `qa${n}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}@example.org`,
  structure: "CCAS de Test",
  structureType: "COMMUNE_CCAS",
  jobTitle: "Travailleuse sociale",
  commune: "Marseille",
  privacyAck: true,
  answers,
});

async function seed() {
  const journee = await createTestJournee({ title: "Journée des ateliers" });
  const add = async (input: Record<string, unknown>) => {
    const done = await addQuestion(journee.id, questionInputSchema.parse({ options: [], ...input }), actor);
    if (!done.ok) throw new Error(done.reason);
    return done.ids[0];
  };
  const atelier = await add({
    kind: "ONE_CHOICE",
    label: "Quel atelier de l'après-midi ?",
    required: true,
    options: [
      { id: "", label: "Atelier 1", capacity: 1 },
      { id: "", label: "Atelier 2", capacity: null },
      { id: "", label: "Atelier 3", capacity: null },
    ],
  });
  const count = await add({
    kind: "NUMBER",
    label: "Combien de collègues vous accompagnent ?",
    required: true,
    maxValue: 10,
  });
  await addReadyMade(journee.id, "repas", actor);
  const db = await getDb();
  const options = await db.questionOption.findMany({
    where: { question: { journeeId: journee.id } },
    orderBy: { position: "asc" },
  });
  const id = (label: string, questionId?: string) =>
    options.find((o) => o.label === label && (!questionId || o.questionId === questionId))?.id;
  const lunch = options.find((o) => o.label === "Oui")?.questionId as string;
  const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}`;
  await submitRegistration(
    person(journee.id, 1, { [atelier]: id("Atelier 1"), [count]: "0", [lunch]: id("Non", lunch) }),
    { ip: ip() },
  );
  const me = await submitRegistration(
    person(journee.id, 0, { [atelier]: id("Atelier 2"), [count]: "1", [lunch]: id("Oui", lunch) }),
    { ip: ip() },
  );
  if (!me.ok) throw new Error(me.reason);
  const { partner } = await db.journee.findUniqueOrThrow({
    where: { id: journee.id },
    select: { partner: { select: { slug: true } } },
  });
  return { journeeId: journee.id, token: me.manageToken, registrationId: me.registrationId, partnerSlug: partner.slug };
}

export async function POST(request: Request): Promise<Response> {
  if (process.env.EMARGE_TEST_HOOKS !== "1") return new Response("Not found", { status: 404 });
  const body = (await request.json()) as { op?: string };
  if (body.op === "seed") return Response.json(await seed());
  return Response.json({ error: "op inconnue" }, { status: 400 });
}
