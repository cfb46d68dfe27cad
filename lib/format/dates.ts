/** Every date shown to a person is in French and in Europe/Paris, whatever the server's zone. */
export const TIME_ZONE = "Europe/Paris";

const longDate = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const time = new Intl.DateTimeFormat("fr-FR", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });
const shortDateTime = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const shortDate = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

/** « mardi 16 avril 2024 » */
export function formatLongDate(date: Date): string {
  return longDate.format(date);
}

/** « 09:30 » → shown as « 9 h 30 » in French typography. */
export function formatTime(date: Date): string {
  const [h, m] = time.format(date).split(":");
  return `${Number(h)} h ${m}`;
}

/** « mardi 16 avril 2024, 9 h 30 – 17 h 00 » */
export function formatDayRange(start: Date, end: Date): string {
  return `${formatLongDate(start)}, ${formatTime(start)} – ${formatTime(end)}`;
}

/** « 16/04/2024 09:30 » (exports for French Excel) */
export function formatShortDateTime(date: Date): string {
  return shortDateTime.format(date).replace(",", "");
}

/** « 16/04/2024 09:30:07 » (scan history exports: to the second) */
export function formatShortDateTimeSeconds(date: Date): string {
  const p = parisWallClock(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** « 16/04/2024 » */
export function formatShortDate(date: Date): string {
  return shortDate.format(date);
}

/** The Paris wall-clock reading of an instant (summer/winter time handled by Intl). */
export type ParisWallClock = { year: string; month: string; day: string; hour: string; minute: string; second: string };

const wallClockFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

export function parisWallClock(date: Date): ParisWallClock {
  const parts = Object.fromEntries(wallClockFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return parts as ParisWallClock;
}

/** ISO date (YYYY-MM-DD) of the given instant in Paris. */
export function parisDateKey(date: Date): string {
  const p = parisWallClock(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The value of a datetime-local input showing this instant in Paris: "2024-04-16T09:00". */
export function formatParisLocalInput(date: Date): string {
  const p = parisWallClock(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * The instant of a wall-clock time in Paris (handles summer/winter time).
 * parisTime("2024-04-16", "09:00") → 2024-04-16T07:00:00Z
 */
export function parisTime(day: string, hhmm: string): Date {
  const guess = new Date(`${day}T${hhmm}:00Z`);
  const offsetMinutes = (d: Date) => {
    const p = parisWallClock(d);
    const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
    return (asUtc - Math.floor(d.getTime() / 60000) * 60000) / 60000;
  };
  const first = new Date(guess.getTime() - offsetMinutes(guess) * 60000);
  return new Date(guess.getTime() - offsetMinutes(first) * 60000);
}
