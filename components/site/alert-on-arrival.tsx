"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * An error the page was loaded with (after a redirect, e.g. a refused sign-in): role="alert" alone
 * is not announced on page load, so the box takes the focus once — screen readers read it first,
 * keyboard users start from it (WCAG 3.3.1, 4.1.3).
 */
export function AlertOnArrival({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="alert-box" role="alert">
      {children}
    </div>
  );
}
