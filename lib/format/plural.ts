/**
 * A count with its word in the singular (0 and 1, French rule) or the plural:
 * `plural(1, "présent·e", "présent·es")` → « 1 présent·e », `plural(3, "scan")` → « 3 scans ».
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("fr-FR")} ${Math.abs(count) < 2 ? singular : pluralForm}`;
}

/** Only the word, for texts where the number is styled apart. */
export function pluralWord(count: number, singular: string, pluralForm = `${singular}s`): string {
  return Math.abs(count) < 2 ? singular : pluralForm;
}
