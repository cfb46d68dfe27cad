import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The database commands read ./.env like the app does (scripts/load-env.ts). Found by following
 * docs/deployment.md: with DATABASE_URL only in .env, `npm run db:migrate` migrated an embedded
 * database of its own and the app's PostgreSQL stayed empty. A DATABASE_URL that is not a
 * postgres:// URL makes each command stop at once, naming the scheme it read: no database needed.
 */
const root = path.resolve(import.meta.dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emarge-dotenv-"));
fs.writeFileSync(path.join(dir, ".env"), "DATABASE_URL=mysql://from-dotenv/emarge\n");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const result = spawnSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--tsconfig", path.join(root, "tsconfig.json"), path.join(root, "scripts", script), ...args],
    { cwd: dir, env: { ...inherited, ...env }, encoding: "utf8", timeout: 30_000 },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("database commands read .env", () => {
  const commands: [string, string[]][] = [
    ["db-migrate.ts", ["status"]],
    ["db-seed.ts", ["--partners-only"]],
    ["admin-create.ts", ["prenom.nom@example.org"]],
    ["backup.ts", []],
    ["restore.ts", [".env"]],
    ["retention.ts", ["--dry-run"]],
  ];
  for (const [script, args] of commands) {
    it(`${script} uses the DATABASE_URL written in .env`, () => {
      const { status, output } = run(script, args);
      expect(status).not.toBe(0);
      expect(output).toContain("reçu : mysql:");
    }, 30_000);
  }

  it("lets a variable set in the environment win over .env", () => {
    const { output } = run("db-migrate.ts", ["status"], { DATABASE_URL: "sqlite://from-env" });
    expect(output).toContain("reçu : sqlite:");
  }, 30_000);
});
