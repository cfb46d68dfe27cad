"use client";

import { useActionState } from "react";

type Base = { ok: boolean; reason?: string; fieldErrors?: Record<string, string>; ref?: string };
export type Kept<O> = O & { values: Record<string, string>; n: number };

/**
 * useActionState over a server action that keeps what was typed (React resets a form after its
 * action) and counts submits (`n`: the error summary takes the focus at each refusal).
 */
export function useKeptAction<O extends Base>(action: (prev: unknown, form: FormData) => Promise<O>) {
  return useActionState(async (prev: Kept<O> | null, form: FormData): Promise<Kept<O>> => {
    const outcome = await action(prev, form);
    const values: Record<string, string> = {};
    for (const [k, v] of form) if (typeof v === "string" && !k.startsWith("$")) values[k] = v;
    return { ...outcome, values, n: (prev?.n ?? 0) + 1 };
  }, null);
}
