import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against the e2e build (`npm run build:e2e` first, see scripts/test-all.sh),
 * served by scripts/e2e-server.sh on a fresh database with demo data, in Debian's Chromium.
 * E2E_PORT / NEXT_DIST_DIR let several runs share one tree.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 1000);
export const e2eEnv = { port, smtpPort, mailDir: `/tmp/emarge-e2e-mail-${port}` };

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      E2E_PORT: String(port),
      E2E_SMTP_PORT: String(smtpPort),
      E2E_MAIL_DIR: e2eEnv.mailDir,
    },
  },
});
