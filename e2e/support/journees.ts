import { getDb } from "@/lib/db/client";
import { parisTime } from "@/lib/format/dates";

export type TestJourneeWindow = "open" | "not_open" | "closed" | "past" | "cancelled";

/**
 * A throwaway published journée for end-to-end tests (via the registration test hook only):
 * small capacity to test "full", or a registration window in each refusing state.
 */
export async function createTestJournee(opts: {
  capacity?: number;
  window?: TestJourneeWindow;
  workshops?: number;
  title?: string;
}) {
  const db = await getDb();
  const partner = await db.partner.findFirstOrThrow({ orderBy: { slug: "asc" } });
  const now = Date.now();
  const day = (offsetDays: number) => new Date(now + offsetDays * 86400_000).toISOString().slice(0, 10);
  const window = opts.window ?? "open";
  const eventDay = window === "past" ? day(-3) : day(20);
  const slug = `e2e-${window}-${now.toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  const startsAt = parisTime(eventDay, "09:00");
  const endsAt = parisTime(eventDay, "17:00");
  return db.journee.create({
    data: {
      slug,
      title: opts.title ?? `Journée de test (${window})`,
      city: "Marseille",
      venue: "Salle de test",
      address: "1 rue du Test, 13001 Marseille",
      startsAt,
      endsAt,
      capacity: opts.capacity ?? 50,
      status: window === "cancelled" ? "CANCELLED" : "PUBLISHED",
      registrationOpensAt: new Date(window === "not_open" ? now + 5 * 86400_000 : now - 10 * 86400_000),
      registrationClosesAt: new Date(window === "closed" || window === "past" ? now - 86400_000 : now + 10 * 86400_000),
      partnerId: partner.id,
      parts: {
        create: Array.from({ length: opts.workshops ?? 0 }, (_, i) => ({
          kind: "WORKSHOP" as const,
          title: `Atelier test ${i + 1}`,
          startsAt: parisTime(eventDay, "14:00"),
          endsAt: parisTime(eventDay, "16:00"),
          capacity: 1,
          position: i,
        })),
      },
    },
    select: { id: true, slug: true },
  });
}
