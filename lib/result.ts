/** What every server action returns: an expected outcome, never a thrown error. */
export type Ok<T extends object = object> = { ok: true } & T;
export type Refused<R extends string = string> = {
  ok: false;
  reason: R;
  /** Field → French message, shown next to the field. */
  fieldErrors?: Record<string, string>;
  /** Reference of a logged unexpected error, shown to the user. */
  ref?: string;
};
export type Result<T extends object = object, R extends string = string> = Ok<T> | Refused<R>;

export function ok<T extends object>(value: T = {} as T): Ok<T> {
  return { ok: true, ...value };
}

export function refused<R extends string>(reason: R, extra: Omit<Refused<R>, "ok" | "reason"> = {}): Refused<R> {
  return { ok: false, reason, ...extra };
}
