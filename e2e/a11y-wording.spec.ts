import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";
import { accueilUrl, makeFixture } from "./fixtures/checkin";

/**
 * Issue 15 point 13: wide tables are focusable named regions (axe scrollable-region-focusable,
 * checked on a 320 px phone where they do scroll), every page of a journée names it in the
 * document title, counts agree in number, and the footer says the statement's conformity.
 */
test("the programme tables of the dashboard are focusable regions, axe clean at 320 px", async ({ page }) => {
  await signInAs(page, { role: "LECTEUR" });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/organisateur/tableau-de-bord");
  for (const name of ["Totaux par ensemble de journées", "Détail par journée"]) {
    const region = page.getByRole("region", { name });
    await expect(region).toHaveAttribute("tabindex", "0");
    await region.focus();
    await expect(region).toBeFocused();
  }
  await expectNoA11yViolations(page);
});

test("the scan history: focusable table region, counts in the singular, journée named in the title", async ({
  page,
  request,
}) => {
  const fx = await makeFixture(request, {
    title: "Journée titrée a11y",
    people: [{ firstName: "Léa", lastName: "Nour" }],
  });
  await signInAs(page, { role: "ORGANISATEUR", partnerSlug: "unafo" });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`${accueilUrl(fx.journeeId)}/historique`);
  await expect(page.getByRole("region", { name: "Scans de la journée" })).toHaveAttribute("tabindex", "0");
  await expect(page.getByText("0 scan, les plus récents d'abord")).toBeVisible();
  await expect(page).toHaveTitle("Historique des scans — Journée titrée a11y — Espace organisateur");
  await expectNoA11yViolations(page);

  for (const [path, title] of [
    ["", "Gérer la journée"],
    ["/inscriptions", "Inscriptions de la journée"],
    ["/accueil", "Accueil et émargement"],
    ["/tableau-de-bord", "Tableau de bord de la journée"],
    ["/modifier", "Modifier la journée"],
  ]) {
    await page.goto(`/organisateur/journees/${fx.journeeId}${path}`);
    await expect(page).toHaveTitle(`${title} — Journée titrée a11y — Espace organisateur`);
  }
});

test("the footer and the accessibility statement say the same conformity: non conforme", async ({ page }) => {
  await page.goto("/");
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: "Accessibilité : non conforme" })).toBeVisible();
  await expect(footer).not.toContainText("partiellement");
  await footer.getByRole("link", { name: "Accessibilité : non conforme" }).click();
  await expect(page.getByRole("main")).toContainText("Émarge est non conforme");
});
