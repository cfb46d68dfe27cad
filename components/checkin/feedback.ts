import type { ScanTone } from "@/lib/checkin/labels";

/** A short beep (WebAudio) and a vibration where available; silent elsewhere, never blocking. */
let context: AudioContext | null = null;

/** Call from a user gesture (a tap, a key) so that browsers allow sound later. */
export function unlockAudio(): void {
  try {
    context ??= new AudioContext();
    if (context.state === "suspended") void context.resume();
  } catch {
    context = null;
  }
}

function beep(frequency: number, start: number, duration: number): void {
  if (context?.state !== "running") return;
  const osc = context.createOscillator();
  const gain = context.createGain();
  osc.frequency.value = frequency;
  gain.gain.value = 0.15;
  osc.connect(gain).connect(context.destination);
  const t = context.currentTime + start;
  osc.start(t);
  osc.stop(t + duration);
}

export function signal(tone: ScanTone): void {
  try {
    if (tone === "success") beep(1046, 0, 0.12);
    else {
      beep(330, 0, 0.15);
      beep(262, 0.2, 0.2);
    }
    if ("vibrate" in navigator) navigator.vibrate(tone === "success" ? 80 : [200, 80, 200]);
  } catch {
    // feedback is a bonus, never an error
  }
}
