/**
 * The error summary lists errors in the order of the fields on the page (WCAG 1.3.2, 2.4.3): the
 * `labels` record is written in that order, whatever order the validation reported the errors in.
 */
export function errorsInFieldOrder(errors: Record<string, string>, labels: Record<string, string>): [string, string][] {
  return Object.keys(labels)
    .filter((name) => errors[name])
    .map((name) => [name, errors[name]]);
}
