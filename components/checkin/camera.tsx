"use client";

import { useEffect, useRef, useState } from "react";
import styles from "./checkin.module.css";
import { recordIgnoredRepeat } from "./scan-client";

type Props = {
  /** A QR code was read; `decodedAt` is performance.now() at decoding. */
  onCode: (text: string, decodedAt: number) => void;
};

const PAUSE_AFTER_READ_MS = 1500;
const SAME_CODE_IGNORED_MS = 3000;
const AUTOSTART_KEY = "emarge.checkin.camera";

/** The QR decoder (≈45 kB gzip), fetched when the camera starts (and preloaded for offline use). */
export const loadDecoder = () => import("jsqr");

/**
 * Camera QR scanning in the page: getUserMedia → video → canvas → jsQR, one frame every ~120 ms
 * (Chromium here has no BarcodeDetector). Pauses 1.5 s after a read, ignores the same code for 3 s.
 */
export function Camera({ onCode }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  const [state, setState] = useState<"off" | "starting" | "on" | "denied" | "unavailable">("off");

  useEffect(() => {
    if (localStorage.getItem(AUTOSTART_KEY) === "1") setState("starting");
  }, []);

  const active = state === "starting" || state === "on";

  useEffect(() => {
    if (!active) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const last = { text: "", at: 0, pausedUntil: 0 };

    let decode: typeof import("jsqr").default | null = null;
    const tick = () => {
      if (stopped) return;
      const v = video.current;
      const c = canvas.current;
      const now = performance.now();
      if (decode && v && c && v.readyState >= 2 && now >= last.pausedUntil && v.videoWidth) {
        const scale = Math.min(1, 640 / v.videoWidth);
        c.width = Math.round(v.videoWidth * scale);
        c.height = Math.round(v.videoHeight * scale);
        const ctx = c.getContext("2d", { willReadFrequently: true });
        if (ctx) {
          ctx.drawImage(v, 0, 0, c.width, c.height);
          const image = ctx.getImageData(0, 0, c.width, c.height);
          const code = decode(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
          const decodedAt = performance.now();
          if (code?.data && !(code.data === last.text && decodedAt - last.at < SAME_CODE_IGNORED_MS)) {
            last.text = code.data;
            last.at = decodedAt;
            last.pausedUntil = decodedAt + PAUSE_AFTER_READ_MS;
            onCodeRef.current(code.data, decodedAt);
          } else if (code?.data) {
            last.at = decodedAt;
            recordIgnoredRepeat();
          }
        }
      }
      timer = setTimeout(tick, 120);
    };

    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) return setState("unavailable");
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: "environment", width: { ideal: 640 }, height: { ideal: 480 } },
          audio: false,
        });
        decode = (await loadDecoder()).default;
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play().catch(() => {});
        localStorage.setItem(AUTOSTART_KEY, "1");
        setState("on");
        tick();
      } catch (error) {
        setState((error as Error).name === "NotAllowedError" ? "denied" : "unavailable");
      }
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [active]);

  const stop = () => {
    localStorage.removeItem(AUTOSTART_KEY);
    setState("off");
  };

  return (
    <div className={styles.camera}>
      <video ref={video} className={styles.video} muted playsInline aria-label="Image de la caméra" hidden={!active} />
      <canvas ref={canvas} hidden />
      {active ? (
        <button type="button" className={styles.secondary} onClick={stop}>
          Arrêter la caméra
        </button>
      ) : (
        <button type="button" className={styles.primary} onClick={() => setState("starting")}>
          Scanner avec la caméra
        </button>
      )}
      {state === "on" && <p className={styles.hint}>Présentez le QR code du billet devant la caméra.</p>}
      {state === "denied" && (
        <p className={styles.warn}>Caméra refusée : autorisez-la dans le navigateur, ou saisissez le code.</p>
      )}
      {state === "unavailable" && (
        <p className={styles.warn}>Aucune caméra disponible : utilisez la douchette ou la recherche.</p>
      )}
    </div>
  );
}
