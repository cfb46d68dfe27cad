import { SIGNATURE_LIMITS } from "@/lib/attendance/constants";

/**
 * The pad's strokes → the contract's PNG (decision 021): opaque white background, black ink,
 * trimmed to the ink with a small margin, at most 600×240 px and 40 kB, base64 without prefix.
 * Strokes are kept as points in CSS pixels, so the image is redrawn crisply at any scale.
 */
export type Point = { x: number; y: number };
export type Stroke = Point[];

const MARGIN = 8;

export function inkBounds(strokes: Stroke[]) {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const s of strokes)
    for (const p of s) {
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
      maxX = Math.max(maxX, p.x);
      maxY = Math.max(maxY, p.y);
    }
  if (!Number.isFinite(minX)) return null;
  return { x: minX - MARGIN, y: minY - MARGIN, width: maxX - minX + 2 * MARGIN, height: maxY - minY + 2 * MARGIN };
}

/** Draws strokes as smooth curves (midpoint quadratic Béziers); a single tap becomes a dot. */
export function drawStrokes(ctx: CanvasRenderingContext2D, strokes: Stroke[], lineWidth: number): void {
  ctx.strokeStyle = "#000";
  ctx.fillStyle = "#000";
  ctx.lineWidth = lineWidth;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  for (const s of strokes) drawStroke(ctx, s, lineWidth);
}

export function drawStroke(ctx: CanvasRenderingContext2D, s: Stroke, lineWidth: number): void {
  if (!s.length) return;
  if (s.length === 1) {
    ctx.beginPath();
    ctx.arc(s[0].x, s[0].y, lineWidth / 2, 0, 2 * Math.PI);
    ctx.fill();
    return;
  }
  ctx.beginPath();
  ctx.moveTo(s[0].x, s[0].y);
  for (let i = 1; i < s.length - 1; i++) {
    const mid = { x: (s[i].x + s[i + 1].x) / 2, y: (s[i].y + s[i + 1].y) / 2 };
    ctx.quadraticCurveTo(s[i].x, s[i].y, mid.x, mid.y);
  }
  const last = s[s.length - 1];
  ctx.lineTo(last.x, last.y);
  ctx.stroke();
}

/** Scale that fits the ink box into the limits, never enlarging more than twice. */
export function fitScale(width: number, height: number): number {
  return Math.min(SIGNATURE_LIMITS.maxWidth / width, SIGNATURE_LIMITS.maxHeight / height, 2);
}

/** The PNG (base64, no prefix) or null when nothing is drawn. Shrinks until it fits in 40 kB. */
export function strokesToPng(strokes: Stroke[], lineWidth = 3): string | null {
  const box = inkBounds(strokes);
  if (!box) return null;
  let scale = fitScale(box.width, box.height);
  for (let attempt = 0; attempt < 6; attempt++) {
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.min(SIGNATURE_LIMITS.maxWidth, Math.round(box.width * scale)));
    canvas.height = Math.max(1, Math.min(SIGNATURE_LIMITS.maxHeight, Math.round(box.height * scale)));
    const ctx = canvas.getContext("2d");
    if (!ctx) return null;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(scale, 0, 0, scale, -box.x * scale, -box.y * scale);
    drawStrokes(ctx, strokes, Math.max(lineWidth, 2 / scale));
    const base64 = canvas.toDataURL("image/png").replace(/^data:image\/png;base64,/, "");
    if ((base64.length * 3) / 4 <= SIGNATURE_LIMITS.maxBytes) return base64;
    scale *= 0.75;
  }
  return null;
}
