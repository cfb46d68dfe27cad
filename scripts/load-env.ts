/**
 * Imported first by every `npm run` command that opens the database (db:migrate, db:status,
 * db:seed, admin:create, backup, restore, retention): they read ./.env as `next start` and
 * `npm start` do. Without it, on a server configured through .env (docs/deployment.md), they
 * would silently work on an embedded database of their own instead of the app's PostgreSQL.
 * Variables already set in the environment win over the file.
 */
import fs from "node:fs";
import path from "node:path";

const file = path.join(process.cwd(), ".env");
if (fs.existsSync(file)) process.loadEnvFile(file);
