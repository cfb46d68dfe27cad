import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * `npm run admin:create` while `npm start` runs: the app holds the embedded database's lock, and
 * the command used to die with a stack trace. It must say in French what to do, without a trace.
 * The lock file holds this test's PID: a live process other than the command's own.
 */
const root = path.resolve(import.meta.dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emarge-admin-lock-"));
const dataDir = path.join(dir, "pglite");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("admin:create while the app holds the embedded database", () => {
  it("explains in French to stop the app first, with no stack trace", () => {
    fs.writeFileSync(`${dataDir}.lock`, String(process.pid));
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const result = spawnSync(
      path.join(root, "node_modules", ".bin", "tsx"),
      [
        "--tsconfig",
        path.join(root, "tsconfig.json"),
        path.join(root, "scripts", "admin-create.ts"),
        "prenom.nom@example.org",
      ],
      { cwd: dir, env: { ...inherited, PGLITE_DIR: dataDir }, encoding: "utf8", timeout: 30_000 },
    );
    expect(result.status).toBe(3);
    expect(result.stderr).toContain("ouverte par l'application en cours d'exécution");
    expect(result.stderr).toContain(`processus ${process.pid}`);
    expect(result.stderr).toContain("Arrêtez l'application");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  }, 30_000);
});
