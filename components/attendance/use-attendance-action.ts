"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { attendanceReasonLabel } from "@/lib/attendance/labels";

type Outcome = { ok: true } | { ok: false; reason: string; ref?: string; fieldErrors?: Record<string, string> };

/**
 * Runs one of the sheet's server actions: pending state, the French message of the outcome (with
 * the reference of an unexpected error), and the focus moved to that message so that a keyboard
 * user hears it and keeps their place when the button that was pressed disappears.
 */
export function useAttendanceAction() {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  function run(action: () => Promise<Outcome>, success: string, onError?: (r: Outcome & { ok: false }) => boolean) {
    start(async () => {
      const result = await action();
      if (result.ok) return setMessage({ ok: true, text: success });
      if (onError?.(result)) return setMessage(null);
      const suffix = result.ref ? ` (référence ${result.ref})` : "";
      setMessage({ ok: false, text: `${attendanceReasonLabel(result.reason)}${suffix}` });
    });
  }
  return { pending, message, messageRef: ref, run };
}
