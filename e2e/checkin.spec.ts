import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";
import { accueilUrl, demoTickets, dismiss, keepResults, makeFixture, scanCode, tabTo } from "./fixtures/checkin";

/** Every result code end to end through the keyboard-wedge input, with axe in each state. */
test("every result code reaches the screen, in words, icon and colour, with no axe violation", async ({ page }) => {
  const fx = await makeFixture(page.request, {
    people: [
      { firstName: "Élodie", lastName: "Martin", structure: "CCAS d'Istres" },
      { firstName: "Paul", lastName: "Annulé", status: "CANCELLED" },
      { firstName: "Rita", lastName: "Attente", status: "WAITLISTED" },
    ],
  });
  const other = await makeFixture(page.request, { title: "Autre journée d'accueil", count: 1 });
  const [future] = await demoTickets(page.request, "journee-ouverte");
  const [past] = await demoTickets(page.request, "istres-2023");
  await signInAs(page, { role: "AGENT", partnerSlug: "unafo", name: "Léa Agent" });
  await keepResults(page);

  await page.goto(accueilUrl(fx.journeeId));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Accueil");
  await expect(page.getByTestId("compteur")).toContainText("0 présent·e sur 1 attendu·e");
  await expectNoA11yViolations(page);

  const cases: [string, string, RegExp][] = [
    [fx.tickets[0].payload, "ok", /Présence enregistrée.*Élodie Martin.*CCAS d'Istres/s],
    [
      fx.tickets[0].payload,
      "already_checked_in",
      /Déjà enregistré·e.*Déjà émargé·e à \d+ h \d\d, Accueil par Léa Agent/s,
    ],
    [other.tickets[0].payload, "wrong_journee", /Mauvaise journée.*Autre journée d'accueil », Salon-de-Provence/s],
    [fx.tickets[1].payload, "cancelled", /Inscription annulée.*Paul Annulé/s],
    [fx.tickets[2].payload, "waitlisted", /Sur liste d'attente.*Position sur la liste d'attente : 3/s],
    ["EMT1.AAAAAAAAAAAAAAAAAAAAAA", "unknown", /Billet inconnu/],
    ["n'importe quoi", "unknown", /Billet inconnu/],
  ];
  for (const [code, result, text] of cases) {
    const panel = await scanCode(page, code);
    await expect(panel).toHaveAttribute("data-result", result);
    await expect(panel).toHaveText(text);
    await expect(page.getByRole("status").filter({ hasText: text }).first()).toBeAttached();
    if (code !== "n'importe quoi") await expectNoA11yViolations(page);
    await dismiss(page);
  }
  await expect(page.getByTestId("compteur")).toContainText("1 présent·e sur 1 attendu·e");

  // The two codes outside the window, each on its own journée's scanner.
  await page.goto(accueilUrl(future.journeeId));
  await expect(await scanCode(page, future.payload)).toHaveAttribute("data-result", "not_open_yet");
  await expect(page.locator("section[data-result]")).toContainText("Ouverture de l'accueil");
  await expectNoA11yViolations(page);
  await page.goto(accueilUrl(past.journeeId));
  await expect(await scanCode(page, past.payload)).toHaveAttribute("data-result", "closed");
  await expectNoA11yViolations(page);
});

test("keyboard only: search without accents, one key to check in, then undo", async ({ page }) => {
  const fx = await makeFixture(page.request, {
    people: [
      { firstName: "Élodie", lastName: "Martin", structure: "CCAS d'Istres", email: "e.martin@example.org" },
      { firstName: "Hélène", lastName: "Blanc", structure: "Habitat 13" },
    ],
  });
  await signInAs(page, { role: "AGENT", partnerSlug: "unafo" });
  await keepResults(page, 1500);
  await page.goto(accueilUrl(fx.journeeId));

  await tabTo(page, page.getByRole("button", { name: "Rechercher" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByLabel("Nom, structure ou e-mail"));
  await page.keyboard.type("ELODIE mart");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "1 personne trouvée." })).toBeVisible();
  await expectNoA11yViolations(page);
  await tabTo(page, page.getByRole("button", { name: "Émarger Élodie Martin" }));
  await page.keyboard.press("Enter");
  const panel = page.locator("section[data-result]");
  await expect(panel).toHaveAttribute("data-result", "ok");
  await expect(panel).toContainText("Élodie Martin");
  await expectNoA11yViolations(page);
  await expect(panel).toHaveCount(0); // closes by itself: ready for the next person
  await expect(page.getByLabel("Nom, structure ou e-mail")).toBeFocused();
  await expect(page.getByTestId("compteur")).toContainText("1 présent·e sur 2 attendu·es");

  // By e-mail, already there.
  await page.keyboard.type("e.martin@");
  await page.keyboard.press("Enter");
  await expect(page.getByText(/déjà émargé·e à/)).toBeVisible();

  // Undo, within 5 minutes, from the keyboard.
  await tabTo(page, page.getByRole("button", { name: "Annuler cet émargement" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Émargement de Élodie Martin annulé." })).toBeAttached();
  await expect(page.getByTestId("compteur")).toContainText("0 présent·e sur 2 attendu·es");
});
