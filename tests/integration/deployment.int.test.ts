import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { backupPglite, backupPostgres } from "@/lib/db/backup";
import { getDb, getDbHandle } from "@/lib/db/client";
import { seedPartners } from "@/lib/demo/seed";
import { testDbKind } from "@/tests/setup/test-db";

/**
 * What a fresh production install needs (docs/deployment.md, found by following the guide):
 * the three partners without any demo data, next-auth's URLs on the public address when
 * `next start` sits behind a reverse proxy, and backups that other accounts cannot read.
 */
afterAll(() => {
  vi.unstubAllEnvs();
});

describe(`a fresh production database (${testDbKind()})`, () => {
  it("gets the three partners and nothing else with --partners-only, once", async () => {
    const db = await getDb();
    expect(await seedPartners(db)).toMatchObject({ created: true });
    expect(await seedPartners(db)).toMatchObject({ created: false });
    const partners = await db.partner.findMany({ select: { slug: true }, orderBy: { slug: "asc" } });
    expect(partners.map((p) => p.slug)).toEqual(["ddets-13", "metropole-amp", "unafo"]);
    expect(await db.journee.count()).toBe(0);
    expect(await db.registration.count()).toBe(0);
  });
});

describe(`npm run backup (${testDbKind()})`, () => {
  it("writes into a directory only its owner can open, a file only its owner can read", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emarge-backup-mode-")), "backups");
    const previous = process.umask(0o022); // Debian's default: files 0644 unless the code says otherwise
    try {
      const file =
        testDbKind() === "postgres"
          ? await backupPostgres(process.env.DATABASE_URL as string, dir)
          : await backupPglite(await getDbHandle(), dir);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(previous);
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});

describe("next-auth behind a reverse proxy", () => {
  it("builds its URLs on APP_URL, not on the instance's own address", async () => {
    vi.stubEnv("APP_URL", "https://emarge.example.org");
    vi.stubEnv("AUTH_URL", undefined);
    vi.stubEnv("AUTH_TRUST_HOST", "true");
    vi.stubEnv("AUTH_SECRET", "test-auth-secret-test-auth-secret-0123456789");
    const { defaultAuthUrlToAppUrl } = await import("@/lib/auth/public-url");
    defaultAuthUrlToAppUrl();
    const { handlers } = await import("@/auth");
    const { NextRequest } = await import("next/server");
    // What `next start -p 3701` hands to the route when nginx forwards https://emarge.example.org/…
    const request = new NextRequest("https://localhost:3701/api/auth/providers", {
      headers: { host: "emarge.example.org", "x-forwarded-proto": "https" },
    });
    const response = await handlers.GET(request);
    const providers = (await response.json()) as Record<string, { signinUrl: string; callbackUrl: string }>;
    expect(providers.email.callbackUrl).toBe("https://emarge.example.org/api/auth/callback/email");
    expect(providers.email.signinUrl).toBe("https://emarge.example.org/api/auth/signin/email");
  });

  it("keeps an AUTH_URL that is set", async () => {
    const { defaultAuthUrlToAppUrl } = await import("@/lib/auth/public-url");
    const env: Record<string, string | undefined> = {
      APP_URL: "https://a.example.org",
      AUTH_URL: "https://b.example.org",
    };
    defaultAuthUrlToAppUrl(env);
    expect(env.AUTH_URL).toBe("https://b.example.org");
  });
});
