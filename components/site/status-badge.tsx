import { PUBLIC_STATUS_LABELS, type PublicStatus } from "@/lib/journees/status";

/** The status in words; the colour is only a second cue. */
export function StatusBadge({ status }: { status: PublicStatus }) {
  return <span className={`badge badge--${status}`}>{PUBLIC_STATUS_LABELS[status]}</span>;
}
