"use client";

import { type RefObject, useEffect } from "react";

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Keeps the keyboard inside a full-screen overlay (the scan result, or any overlay shown over the
 * scanner): the focus moves to `initial` when it opens, Tab and Shift+Tab cycle inside it.
 * A printable key typed while it is open (a keyboard-wedge scanner starting the next code) goes to
 * `typeInto` (the ticket field it was opened from) and calls `onTypeAhead`, so no character is lost.
 */
export function useOverlayFocus(
  container: RefObject<HTMLElement | null>,
  initial: RefObject<HTMLElement | null>,
  options: { typeInto?: () => HTMLInputElement | null; onTypeAhead?: () => void } = {},
): void {
  const { typeInto, onTypeAhead } = options;
  // Focus once, when the overlay opens: a later re-render (new callbacks) must not pull the focus
  // back from wherever the agent, or another overlay such as the signature pad, has put it.
  useEffect(() => {
    if (container.current) initial.current?.focus();
  }, [container, initial]);
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Tab") {
        const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
        if (!items.length) return;
        const index = items.indexOf(document.activeElement as HTMLElement);
        const next = event.shiftKey ? (index <= 0 ? items.length - 1 : index - 1) : (index + 1) % items.length;
        event.preventDefault();
        items[next].focus();
        return;
      }
      const printable = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
      const input = typeInto?.();
      if (printable && event.key !== " " && input && !(document.activeElement instanceof HTMLInputElement)) {
        // Focusing the field during keydown sends this very character to it.
        input.focus();
        onTypeAhead?.();
      }
    };
    // On the document: a click on the overlay's background must not let Tab out of it.
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [container, initial, typeInto, onTypeAhead]);
}
