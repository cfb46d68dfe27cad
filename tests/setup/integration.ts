import { afterAll, beforeAll } from "vitest";
import { closeTestDatabase, openTestDatabase } from "./test-db";

process.env.EMARGE_SILENT_LOGS ??= "1";
process.env.EMARGE_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.MAIL_OUTBOX_DIR ??= `/tmp/emarge-test-outbox-${process.pid}`;

beforeAll(async () => {
  await openTestDatabase();
}, 60_000);

afterAll(async () => {
  await closeTestDatabase();
}, 60_000);
