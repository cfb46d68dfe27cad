import { writtenAnswerTexts } from "@/lib/questions/answer-text";
import type { MailInput } from "../emails";
import { registrationWindowRefusal } from "../window";
import { answersToWrite, liveQuestionsSelect } from "./answers";
import type { PreparedRegistration } from "./fast-register";
import { inTransaction, personData, type Registered } from "./in-transaction";
import { chosenPartIds, takePartPlaces } from "./parts";
import { RegistrationRefused } from "./refused";

/**
 * A registration with half-day/atelier choices or answers to the journée's questions: one
 * interactive transaction that takes the journée place (or a place in line), the atelier places
 * and the option places (lunch…) together, and writes the answers.
 */
export async function registerWithChoices(p: PreparedRegistration) {
  const { input, now } = p;
  return inTransaction<Registered>(async (tx) => {
    const journee = await tx.journee.findUnique({
      where: { id: input.journeeId },
      select: {
        id: true,
        slug: true,
        title: true,
        venue: true,
        address: true,
        city: true,
        accessInfo: true,
        startsAt: true,
        status: true,
        endsAt: true,
        registrationOpensAt: true,
        registrationClosesAt: true,
        parts: { select: { id: true, kind: true, title: true, startsAt: true, endsAt: true } },
        questions: liveQuestionsSelect,
      },
    });
    if (!journee) throw new RegistrationRefused("unknown_journee");
    const closed = registrationWindowRefusal(journee, now);
    if (closed) throw new RegistrationRefused(closed);
    const partIds = chosenPartIds(journee.parts, input.halfDayIds, input.workshopId);

    const seat = await tx.$queryRaw<{ confirmedCount: number }[]>`
      UPDATE "Journee" SET "confirmedCount" = "confirmedCount" + 1
      WHERE id = ${journee.id} AND "confirmedCount" < capacity RETURNING "confirmedCount"`;
    let waitlistPosition: number | null = null;
    if (seat.length === 1) {
      await takePartPlaces(tx, partIds, journee.parts);
    } else {
      const line = await tx.$queryRaw<{ waitlistSeq: number }[]>`
        UPDATE "Journee" SET "waitlistSeq" = "waitlistSeq" + 1 WHERE id = ${journee.id} RETURNING "waitlistSeq"`;
      waitlistPosition = line[0].waitlistSeq;
    }
    const answers = await answersToWrite(tx, journee.questions, input.answers, seat.length === 1);
    const status = waitlistPosition === null ? "CONFIRMED" : "WAITLISTED";
    const created = await tx.registration.create({
      data: {
        journeeId: journee.id,
        ...personData(input),
        email: p.email,
        emailNormalized: p.emailNormalized,
        liveEmailKey: p.emailNormalized,
        privacyAckAt: now,
        status,
        waitlistPosition,
        tokenSalt: p.tokenSalt,
        ticketHash: p.ticketHash,
        manageHash: p.manageHash,
        parts: { create: partIds.map((partId) => ({ partId })) },
        ...(answers.rows.length ? { answers: { create: answers.rows } } : {}),
      },
      select: { id: true },
    });
    const waitlistRank =
      waitlistPosition === null
        ? null
        : 1 +
          (await tx.registration.count({
            where: { journeeId: journee.id, status: "WAITLISTED", waitlistPosition: { lt: waitlistPosition } },
          }));
    const mail: MailInput = {
      id: created.id,
      firstName: input.firstName,
      lastName: input.lastName,
      email: p.email,
      status,
      waitlistRank,
      tokenSalt: p.tokenSalt,
      parts: partIds.map((partId) => ({ partId })),
      answerTexts: writtenAnswerTexts(journee.questions, answers.rows),
      journee,
    };
    return {
      ok: true as const,
      registrationId: created.id,
      journeeId: journee.id,
      status,
      tokenSalt: p.tokenSalt,
      mail,
      promoted: [],
      droppedAnswers: answers.dropped,
    };
  });
}
