import { expect, test } from "@playwright/test";
import { expectNoA11yViolations } from "./fixtures/axe";

const PROGRAMME = [
  { slug: "aix-en-provence-2023", date: "jeudi 6 juillet 2023" },
  { slug: "marseille-2023", date: "jeudi 28 septembre 2023" },
  { slug: "istres-2023", date: "jeudi 9 novembre 2023" },
  { slug: "aubagne-2023", date: "jeudi 7 décembre 2023" },
  { slug: "pleniere-2024", date: "mardi 16 avril 2024" },
];
const OPEN_SLUG = "journee-ouverte";
const LEGAL = [
  { path: "/mentions-legales", heading: "Mentions légales" },
  { path: "/accessibilite", heading: "Déclaration d'accessibilité" },
  { path: "/donnees-personnelles", heading: "Données personnelles" },
];

test.describe("site public", () => {
  test("le programme liste les journées passées et la journée ouverte, en français", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/Émarge/);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(
      page.getByRole("heading", { level: 1, name: "Programme des journées professionnelles" }),
    ).toBeVisible();

    const main = page.locator("main");
    for (const { slug, date } of PROGRAMME) {
      const card = main.locator("article", { has: page.locator(`a[href="/journees/${slug}"]`) });
      await expect(card).toHaveCount(1);
      await expect(card).toContainText(date);
      await expect(card).toContainText("Terminée");
    }
    await expect(main.getByText("mardi 16 avril 2024")).toBeVisible();
    for (const city of ["Aix-en-Provence", "Marseille", "Istres", "Aubagne"]) {
      await expect(main.getByText(city).first()).toBeVisible();
    }

    const open = main.locator("article", { has: page.locator(`a[href="/journees/${OPEN_SLUG}"]`) });
    await expect(open).toHaveCount(1);
    await expect(open).toContainText("Inscriptions ouvertes");
    await expect(open).toContainText(/(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} \p{L}+ \d{4}/u);

    await expect(page.getByRole("contentinfo")).toContainText("Métropole Aix-Marseille-Provence");
    await expect(page.getByRole("contentinfo")).toContainText("DDETS des Bouches-du-Rhône");
    await expect(page.getByRole("contentinfo")).toContainText("Unafo");
    await expectNoA11yViolations(page);
  });

  test("la page d'une journée passée s'ouvre depuis le programme", async ({ page }) => {
    await page.goto("/");
    await page.locator('main a[href="/journees/pleniere-2024"]').click();
    await expect(page).toHaveURL(/\/journees\/pleniere-2024$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("plénière");
    const main = page.locator("main");
    await expect(main).toContainText("mardi 16 avril 2024");
    await expect(main).toContainText("9 h 00");
    await expect(main).toContainText("Marseille");
    await expect(main.getByRole("heading", { name: "Demi-journées" })).toBeVisible();
    await expect(main).toContainText("Terminée");
    await expectNoA11yViolations(page);
  });

  test("la journée ouverte montre les places restantes et les ateliers", async ({ page }) => {
    await page.goto(`/journees/${OPEN_SLUG}`);
    const main = page.locator("main");
    await expect(main).toContainText("Inscriptions ouvertes");
    await expect(main).toContainText(/\d+ places restantes sur 120/);
    await expect(main.getByRole("heading", { name: "Ateliers" })).toBeVisible();
    await expect(main.getByRole("heading", { name: "Programme" })).toBeVisible();
    await expect(main.locator("#inscription")).toBeVisible();
    // The registration notice says that signatures are taken and kept as attendance proof (issue 13).
    const notice = main.locator("#information-rgpd");
    await expect(notice).toContainText("votre signature est une preuve de présence");
    await expect(notice).toContainText("3 ans pour la preuve de présence, signatures comprises");
    await expectNoA11yViolations(page);
  });

  for (const { path, heading } of LEGAL) {
    test(`la page ${path} s'ouvre`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectNoA11yViolations(page);
    });
  }

  test("les liens légaux sont dans le pied de page", async ({ page }) => {
    await page.goto("/");
    const footer = page.getByRole("contentinfo");
    for (const { path } of LEGAL) await expect(footer.locator(`a[href="${path}"]`)).toBeVisible();
    await expect(footer).toContainText("Mentions légales");
  });

  test("la page des données personnelles dit ce qui est gardé pour l'émargement signé et les questions", async ({
    page,
  }) => {
    await page.goto("/donnees-personnelles");
    const main = page.getByRole("main");
    await expect(main).toContainText("votre signature pour chaque demi-journée");
    await expect(main).toContainText("n'est jamais écrite dans les journaux techniques");
    await expect(main).toContainText("conservée et supprimée avec la preuve de présence");
    await expect(main).toContainText("se souvenir de votre billet");
    await expect(main).toContainText("« Oublier mon billet sur ce téléphone »");
    await expect(main).toContainText("Réponses aux questions des organisateurs");
  });

  test("une adresse inconnue donne la page 404", async ({ page }) => {
    for (const path of ["/cette-page-n-existe-pas", "/journees/journee-inconnue"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Voir le programme des journées" })).toBeVisible();
    }
    await expectNoA11yViolations(page);
  });

  test("le lien d'évitement est le premier arrêt du clavier et mène au contenu", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Aller au contenu" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#contenu")).toBeFocused();
    // The next Tab stop is inside the main content, not back in the header.
    await page.keyboard.press("Tab");
    const inMain = await page.evaluate(() => document.querySelector("main")?.contains(document.activeElement) ?? false);
    expect(inMain).toBe(true);
  });
});

test.describe("site public à 320 px de large", () => {
  test.use({ viewport: { width: 320, height: 800 } });

  for (const path of ["/", "/journees/pleniere-2024", `/journees/${OPEN_SLUG}`, ...LEGAL.map((l) => l.path)]) {
    test(`${path} reste lisible et accessible`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // No horizontal scrolling at 320 px (WCAG 1.4.10 Reflow).
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoA11yViolations(page);
    });
  }
});
