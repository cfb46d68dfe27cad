import { METROPOLE_COMMUNES } from "@/lib/communes/communes";
import { formatTime } from "@/lib/format/dates";
import { type FormQuestion, toFormQuestions } from "@/lib/questions/form";
import { LazyRegistrationForm } from "./lazy-registration-form";
import type { FormPart } from "./person-fields";

type PanelPart = {
  id: string;
  kind: "HALF_DAY" | "WORKSHOP";
  title: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  confirmedCount: number;
};
export type RegistrationPanelJournee = {
  id: string;
  slug: string;
  title: string;
  capacity: number;
  confirmedCount: number;
  parts: PanelPart[];
  questions?: Parameters<typeof toFormQuestions>[0];
  [key: string]: unknown;
};

export function toFormParts(parts: PanelPart[], keep: string[] = []): FormPart[] {
  return parts.map((p) => {
    const left = p.capacity === null ? null : Math.max(0, p.capacity - p.confirmedCount);
    // A person's current choice stays selectable even when the atelier is now full.
    return {
      id: p.id,
      kind: p.kind,
      title: p.title,
      time: `${formatTime(p.startsAt)} – ${formatTime(p.endsAt)}`,
      left,
      full: left === 0 && !keep.includes(p.id),
    };
  });
}

/** The registration form of an open journée (the page shows it only while registrations are open). */
export function RegistrationPanel({ journee }: { journee: RegistrationPanelJournee }) {
  return (
    <LazyRegistrationForm
      journeeId={journee.id}
      full={journee.confirmedCount >= journee.capacity}
      parts={toFormParts(journee.parts)}
      communes={METROPOLE_COMMUNES}
      questions={toFormQuestions(journee.questions ?? []) satisfies FormQuestion[]}
    />
  );
}
