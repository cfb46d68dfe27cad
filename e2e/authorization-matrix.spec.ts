import { expect, type Page, test } from "@playwright/test";
import { auditMark, auditSince, type GrantSpec, signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";

/**
 * Authorisation matrix for the pages: every role (and an anonymous visitor) against every
 * protected page. Add a row to PAGES for each new organiser page; the server actions and queries
 * have their own matrix in tests/integration/authorization-matrix.int.test.ts.
 * Anonymous → /connexion (and back after signing in); signed in without the right → /acces-refuse.
 */
type Who = "anonyme" | "sans-role" | "admin" | "organisateur" | "agent" | "lecteur";

const WHO: Record<Exclude<Who, "anonyme">, GrantSpec> = {
  "sans-role": { role: null },
  admin: { role: "ADMIN" },
  organisateur: { role: "ORGANISATEUR", partnerSlug: "unafo" },
  agent: { role: "AGENT", journeeSlug: "marseille-2023" },
  lecteur: { role: "LECTEUR" },
};

const STAFF: Who[] = ["admin", "organisateur", "agent", "lecteur"];

const PAGES: { path: string; heading: string; allowed: Who[] }[] = [
  { path: "/organisateur", heading: "Journées", allowed: STAFF },
  { path: "/organisateur/utilisateurs", heading: "Utilisateurs", allowed: ["admin"] },
  { path: "/organisateur/journal", heading: "Journal", allowed: ["admin"] },
  { path: "/organisateur/journees/nouvelle", heading: "Nouvelle journée", allowed: ["admin", "organisateur"] },
];

/** Journées each role sees in the organiser area's list (demo data): scoped in the query itself. */
const ALL = [
  "aix-en-provence-2023",
  "marseille-2023",
  "istres-2023",
  "aubagne-2023",
  "pleniere-2024",
  "journee-ouverte",
  "journee-du-jour",
];
const VISIBLE: Partial<Record<Who, string[]>> = {
  admin: ALL,
  lecteur: ALL,
  organisateur: ["aix-en-provence-2023", "istres-2023", "aubagne-2023", "journee-ouverte"],
  agent: ["marseille-2023"],
};

async function visibleSlugs(page: Page): Promise<string[]> {
  return (
    (await page.locator("tr[data-slug]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-slug") ?? "")))
      // Journées made by other specs' fixtures (slugs "e2e-…") are not part of the demo data checked here.
      .filter((slug) => !slug.startsWith("e2e-"))
      .sort()
  );
}

for (const who of ["anonyme", "sans-role", ...STAFF] as Who[]) {
  test(`pages for ${who}`, async ({ page }) => {
    if (who !== "anonyme") await signInAs(page, WHO[who]);
    for (const { path, heading, allowed } of PAGES) {
      await test.step(`${path} (${allowed.includes(who) ? "allowed" : "refused"})`, async () => {
        await page.goto(path);
        if (allowed.includes(who)) {
          await expect(page).toHaveURL(new RegExp(`${path}$`));
          await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
          await expectNoA11yViolations(page);
        } else if (who === "anonyme") {
          await expect(page).toHaveURL(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
        } else {
          await expect(page).toHaveURL(/\/acces-refuse$/);
          await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
        }
      });
    }
    const expected = VISIBLE[who];
    if (expected) {
      await page.goto("/organisateur");
      expect(await visibleSlugs(page)).toEqual([...expected].sort());
    }
  });
}

test("an admin invites, changes roles and deactivates users; each change is audited", async ({ page }) => {
  await signInAs(page, WHO.admin);
  await page.goto("/organisateur/utilisateurs");
  const mark = await auditMark(page.request);
  const email = "nouvelle.orga@unafo.example.org";

  await page.getByLabel("Adresse e-mail", { exact: true }).fill(email);
  await page.getByLabel("Rôle", { exact: true }).selectOption("ORGANISATEUR");
  await page.getByRole("button", { name: "Inviter ou ajouter le rôle" }).click();
  await expect(page.getByText("Choisissez le partenaire de l'organisateur.")).toBeVisible();
  await page.getByLabel("Partenaire", { exact: true }).selectOption({ label: "Unafo" });
  await page.getByRole("button", { name: "Inviter ou ajouter le rôle" }).click();
  await expect(page.getByText(`${email} est invité`)).toBeVisible();
  const row = page.locator(`tr[data-email='${email}']`);
  await expect(row).toContainText("Organisateur — Unafo");
  await expectNoA11yViolations(page);

  await row.getByRole("button", { name: "Retirer" }).click();
  await expect(row).toContainText("Aucun rôle");
  await row.getByRole("button", { name: "Désactiver" }).click();
  await expect(row).toContainText("Désactivé");

  const entries = await auditSince(page.request, mark);
  expect(entries.map((e) => e.action)).toEqual([
    "user.invite",
    "user.role_granted",
    "user.role_revoked",
    "user.deactivate",
  ]);
  expect(entries[1].details).toMatchObject({ email, role: "ORGANISATEUR" });

  await page.goto("/organisateur/journal?action=user.");
  await expect(page.locator("tr[data-action='user.deactivate']").first()).toContainText(email);
});

test("a deactivated user is signed out at once", async ({ browser, page }) => {
  const other = await browser.newPage();
  const { email } = await signInAs(other, { role: "LECTEUR", email: "lecteur.desactive@ddets.example.org" });
  await other.goto("/organisateur");
  await expect(other.getByRole("heading", { level: 1, name: "Journées" })).toBeVisible();

  await signInAs(page, WHO.admin);
  await page.goto("/organisateur/utilisateurs");
  await page.locator(`tr[data-email='${email}']`).getByRole("button", { name: "Désactiver" }).click();
  await expect(page.locator(`tr[data-email='${email}']`)).toContainText("Désactivé");

  await other.goto("/organisateur");
  await expect(other).toHaveURL(/\/connexion/);
  await other.close();
});
