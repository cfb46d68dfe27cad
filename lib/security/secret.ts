import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

let cached: string | undefined;

/**
 * The server secret that signs tickets and management links (EMARGE_SECRET).
 * A fresh clone has none: one is generated once into data/secret so that links keep working
 * across restarts. Production sets EMARGE_SECRET (see .env.example).
 */
export function serverSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.EMARGE_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("EMARGE_SECRET doit faire au moins 32 caractères.");
    cached = fromEnv;
    return cached;
  }
  if (process.env.NODE_ENV === "production" && process.env.EMARGE_REQUIRE_SECRET === "1") {
    throw new Error("EMARGE_SECRET manquant.");
  }
  const file = path.join(process.cwd(), "data", "secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, fresh, { flag: "wx", mode: 0o600 });
      cached = fresh;
    } catch {
      cached = fs.readFileSync(file, "utf8").trim();
    }
  }
  return cached as string;
}
