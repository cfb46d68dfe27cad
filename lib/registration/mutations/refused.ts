import type { RegistrationRefusal } from "../labels";

/** Thrown inside a transaction to roll it back, then turned into a `refused(...)` value. */
export class RegistrationRefused extends Error {
  constructor(
    readonly reason: RegistrationRefusal,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(reason);
  }
}
