"use client";

import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from "react";
import styles from "./attendance.module.css";
import { drawStroke, drawStrokes, type Stroke, strokesToPng } from "./pad-png";

export type SignaturePadProps = {
  /** Receives the PNG (base64, no prefix); the pad stays disabled while it resolves. */
  onSubmit: (png: string) => Promise<void> | void;
  busy?: boolean;
  submitLabel?: string;
  /** What the person signs for, read by assistive technologies with the instructions. */
  label?: string;
  /** The on-screen alternative (attestation by the agent, at the door). */
  alternative?: ReactNode;
};

const LINE = 3;

/**
 * A signature pad of our own (decision 021): pointer events for finger, stylus and mouse
 * (`touch-action: none`, pointer capture, coalesced events), drawn at the device's pixel ratio,
 * strokes kept as points and turned into the contract's PNG on Valider.
 */
export function SignaturePad({ onSubmit, busy, submitLabel = "Valider", label, alternative }: SignaturePadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Stroke[]>([]);
  const active = useRef<number | null>(null);
  const [drawn, setDrawn] = useState(false);
  const [status, setStatus] = useState("Zone de signature vide.");
  const ids = useId();

  const redraw = useCallback(() => {
    const c = canvas.current;
    const ctx = c?.getContext("2d");
    if (!c || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const { width, height } = c.getBoundingClientRect();
    if (c.width !== Math.round(width * ratio) || c.height !== Math.round(height * ratio)) {
      c.width = Math.round(width * ratio);
      c.height = Math.round(height * ratio);
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, width, height);
    drawStrokes(ctx, strokes.current, LINE);
  }, []);

  useEffect(() => {
    redraw();
    const c = canvas.current;
    if (!c || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(redraw);
    observer.observe(c);
    return () => observer.disconnect();
  }, [redraw]);

  const point = (e: PointerEvent | React.PointerEvent) => {
    const rect = canvas.current?.getBoundingClientRect();
    return { x: e.clientX - (rect?.left ?? 0), y: e.clientY - (rect?.top ?? 0) };
  };

  const onPointerDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (busy || active.current !== null || (e.pointerType === "mouse" && e.button !== 0)) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    active.current = e.pointerId;
    strokes.current.push([point(e)]);
    redraw();
  };
  const onPointerMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (active.current !== e.pointerId) return;
    const stroke = strokes.current.at(-1);
    if (!stroke) return;
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const ev of events.length ? events : [e.nativeEvent]) stroke.push(point(ev));
    const ctx = canvas.current?.getContext("2d");
    if (ctx) drawStroke(ctx, stroke.slice(-Math.min(stroke.length, events.length + 3)), LINE);
  };
  const end = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (active.current !== e.pointerId) return;
    active.current = null;
    redraw();
    if (!drawn) {
      setDrawn(true);
      setStatus("Signature tracée.");
    }
  };

  const clear = () => {
    strokes.current = [];
    active.current = null;
    setDrawn(false);
    setStatus("Signature effacée, zone de signature vide.");
    redraw();
  };
  const submit = async () => {
    const png = strokesToPng(strokes.current, LINE);
    if (!png) return setStatus("La signature n'a pas pu être préparée : effacez et signez à nouveau.");
    await onSubmit(png);
  };

  return (
    <div className={styles.pad}>
      <p id={`${ids}-help`} className={styles.padHelp}>
        Signez ici avec le doigt, un stylet ou la souris{label ? ` — ${label}` : ""}.
        {alternative ? " Si la personne ne peut pas signer, utilisez l'attestation ci-dessous." : ""}
      </p>
      <canvas
        ref={canvas}
        className={styles.canvas}
        role="img"
        aria-label="Zone de signature : Signez ici"
        aria-describedby={`${ids}-help`}
        data-testid="signature-pad"
        data-drawn={drawn ? "true" : "false"}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={end}
        onPointerCancel={end}
        onLostPointerCapture={end}
      />
      <p role="status" aria-live="polite" className="visually-hidden">
        {status}
      </p>
      <div className={styles.padButtons}>
        <button type="button" onClick={clear} disabled={busy || !drawn}>
          Effacer
        </button>
        <button type="button" data-primary onClick={() => void submit()} disabled={busy || !drawn}>
          {busy ? "Envoi…" : submitLabel}
        </button>
      </div>
      {alternative}
    </div>
  );
}
