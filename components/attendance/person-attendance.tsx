import { personAttendance } from "@/lib/attendance/queries/person";
import { formatLongDate, formatTime } from "@/lib/format/dates";
import { JustificationRequest } from "./justification-request";
import { OwnPhoneSigning } from "./own-phone-signing";
import styles from "./room.module.css";

const H = 3600_000;

/**
 * The person's attendance on their management page (issue 13 points 3 and 5): « Signer la feuille »
 * while the journée is on (or when a room code came in the link), and for past half-days where
 * they were not present, the « absence justifiée » request and its status.
 */
export async function PersonAttendance({ token, code }: { token: string; code: string }) {
  const person = await personAttendance(token);
  if (!person) return null;
  const now = Date.now();
  const onNow = now > person.startsAt.getTime() - 12 * H && now < person.endsAt.getTime() + 2 * H;
  const absent = person.halfDays.filter((h) => h.endsAt.getTime() < now && !h.present);
  return (
    <>
      {person.signatures && (onNow || code) && (
        <OwnPhoneSigning
          token={token}
          initialCode={code}
          rememberUntil={new Date(person.endsAt.getTime() + 24 * H).toISOString()}
        />
      )}
      {absent.length > 0 && (
        <section aria-labelledby="absence-titre" className={styles.section}>
          <h2 id="absence-titre">Absence justifiée</h2>
          <p>
            Vous n'avez pas été pointé·e aux demi-journées ci-dessous. Si votre absence a une raison (maladie,
            obligation de service…), demandez qu'elle soit justifiée : l'organisateur accepte ou refuse la demande.
          </p>
          <ul className={styles.list}>
            {absent.map((h) => (
              <JustificationRequest
                key={h.partKey}
                token={token}
                halfDay={{
                  partKey: h.partKey,
                  label: `${h.title}, ${formatLongDate(h.startsAt)} (${formatTime(h.startsAt)} – ${formatTime(h.endsAt)})`,
                  justification: h.justification,
                }}
              />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
