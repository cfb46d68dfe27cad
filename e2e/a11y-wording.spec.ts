import { expect, test } from "@playwright/test";
import { DEMO_OPEN_SLUG } from "@/lib/demo/seed";
import { signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";
import { accueilUrl, makeFixture } from "./fixtures/checkin";

/**
 * Issue 15 point 13: wide tables are focusable named regions (axe scrollable-region-focusable,
 * checked on a 320 px phone where they do scroll), every page of a journée names it in the
 * document title, counts agree in number, the footer says the statement's conformity, and buttons
 * take the page's font (browsers give them their own).
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

test("buttons take the body's font, not the browser's, on public and organiser pages", async ({ page, request }) => {
  const fx = await makeFixture(request, { people: [{ lastName: "Police" }] });
  for (const path of [`/journees/${DEMO_OPEN_SLUG}`, "/connexion", accueilUrl(fx.journeeId)]) {
    if (path.startsWith("/organisateur")) await signInAs(page, { role: "ORGANISATEUR", partnerSlug: "unafo" });
    await page.goto(path);
    await expect(page.locator("button:visible").first()).toBeVisible();
    const fonts = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const buttons = [...document.querySelectorAll("button")].filter((b) => b.getClientRects().length > 0);
      return {
        body: body.fontFamily,
        count: buttons.length,
        odd: buttons
          .map((b) => ({ text: b.textContent?.trim(), family: getComputedStyle(b).fontFamily }))
          .filter((b) => b.family !== body.fontFamily),
        // Chromium's own button size (13.33 px), which `font: inherit` replaces.
        uaSize: buttons.filter((b) => getComputedStyle(b).fontSize === "13.3333px").map((b) => b.textContent),
      };
    });
    expect(fonts.count, path).toBeGreaterThan(0);
    expect(fonts.odd, `${path} (body: ${fonts.body})`).toEqual([]);
    expect(fonts.uaSize, path).toEqual([]);
  }
});
