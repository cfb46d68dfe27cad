/**
 * `npm start`: build when the sources changed, apply migrations, seed demo data into an empty
 * database, then serve on PORT (default 3000). `npm run dev` does the same with `next dev`.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { serverSecret } from "../lib/security/secret";
import { buildIsStale } from "./build-staleness";
import { startMode } from "./start-mode";

const dev = process.argv.includes("--dev");
const root = process.cwd();
if (fs.existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.EMARGE_SECRET ||= serverSecret();
// next-auth needs its own secret: derived from the server secret when not given.
env.AUTH_SECRET ||= createHmac("sha256", env.EMARGE_SECRET).update("auth").digest("base64url");
env.AUTH_TRUST_HOST ||= "true";
const port = env.PORT || "3000";
// The local demo (embedded database, no SMTP): show the outbox at /dev/outbox so that sign-in
// links and tickets can be read; it listens on this machine only (start-mode.ts), and the page
// answers loopback peers only (decision 015).
const mode = startMode(env, port);
if (mode.demo) {
  env.EMARGE_SHOW_OUTBOX = "1";
  console.log(
    "Démonstration locale (pas de SMTP configuré) : les e-mails sont visibles sur /dev/outbox, et l'application " +
      "n'écoute que sur cette machine (127.0.0.1) : les autres appareils du réseau n'y ont pas accès.",
  );
}
env.APP_URL ||= mode.url;

function run(cmd: string, args: string[]) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const tsx = path.join(root, "node_modules", ".bin", "tsx");
const next = path.join(root, "node_modules", ".bin", "next");
if (!dev && buildIsStale(root, env.NEXT_DIST_DIR || ".next")) {
  console.log("Construction de l'application (next build)…");
  run(next, ["build"]);
}
// The mail worker (lib/mail/worker-entry.ts) is bundled into the build folder after next build.
if (!dev && !fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "emarge-mail-worker.cjs"))) {
  run(tsx, ["scripts/build-mail-worker.ts"]);
}
run(tsx, ["scripts/db-migrate.ts", "apply"]);
run(tsx, ["scripts/db-seed.ts", "--if-empty"]);

console.log(`Émarge sur ${mode.url}`);
const server = spawn(next, [dev ? "dev" : "start", "-p", port, ...mode.listen], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
