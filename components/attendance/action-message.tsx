import type { RefObject } from "react";

/** The outcome of a sheet action, focusable (the hook moves the focus to it). */
export function ActionMessage({
  message,
  messageRef,
}: {
  message: { ok: boolean; text: string } | null;
  messageRef: RefObject<HTMLParagraphElement | null>;
}) {
  return (
    <div role={message && !message.ok ? "alert" : "status"}>
      {message ? (
        <p ref={messageRef} tabIndex={-1} className={message.ok ? "notice" : "notice notice--warning"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
