import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is single-process: two processes on one data directory would corrupt it.
 * A lock file holding the owner's PID stops a second process before it opens anything.
 */
export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `La base embarquée ${dataDir} est déjà ouverte par le processus ${ownerPid}. ` +
        `Arrêtez-le avant d'en lancer un autre (ou utilisez PostgreSQL via DATABASE_URL).\n` +
        `The embedded database ${dataDir} is already open in process ${ownerPid}. ` +
        "Stop it first, or use PostgreSQL through DATABASE_URL.",
    );
    this.name = "DatabaseLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockPath(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, "")}.lock`;
}

/** Takes the lock (or throws DatabaseLockedError); returns the function that releases it. */
export function acquirePgliteLock(dataDir: string): () => void {
  const file = lockPath(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(fs.readFileSync(file, "utf8"), 10);
      if (owner === process.pid) return () => {};
      if (Number.isFinite(owner) && isAlive(owner)) throw new DatabaseLockedError(dataDir, owner);
      // Stale lock from a process killed with -9: PGlite recovers from its WAL, we take over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Impossible de verrouiller ${file}`);
}
