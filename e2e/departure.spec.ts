import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";
import { accueilUrl, dismiss, keepResults, makeFixture, scanCode } from "./fixtures/checkin";
import { manageUrl } from "./fixtures/room";

/**
 * Issue 13 point 5: the scanner's « Départ » mode records the departure time of a person already
 * present (« parti avant la fin » before the half-day's end); offline it says the network is needed.
 * A person absent from a past half-day asks for a justified absence from their link: « demandée ».
 */
async function openScanner(page: Page, journeeId: string) {
  await keepResults(page);
  await page.goto(accueilUrl(journeeId));
  await expect(page.getByTestId("etat-reseau")).toContainText("En ligne");
}

test("check-out mode: a second scan records the departure time, « parti avant la fin »; offline: network needed", async ({
  page,
  request,
}) => {
  const fx = await makeFixture(request, {
    people: [
      { firstName: "Paul", lastName: "Départ" },
      { firstName: "Lou", lastName: "Jamaisvenue" },
    ],
  });
  const [paul, lou] = fx.tickets;
  await signInAs(page, { role: "AGENT", partnerSlug: "unafo", name: "Agent Départ" });
  await openScanner(page, fx.journeeId);
  await expect(await scanCode(page, paul.payload)).toHaveAttribute("data-result", "ok");
  await dismiss(page);

  await page.getByRole("button", { name: "Départ" }).click();
  await expect(page.getByRole("button", { name: "Départ" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("heading", { name: /Départ : scanner le billet/ })).toBeVisible();
  const result = await scanCode(page, paul.payload);
  await expect(result).toHaveAttribute("data-result", "departure");
  await expect(result).toContainText("Départ enregistré");
  await expect(result).toContainText("Paul Départ");
  await expect(result).toContainText(/Départ enregistré à \d{1,2} h \d{2}\./);
  await expect(result).toContainText("Statut : parti avant la fin");
  await expectNoA11yViolations(page);
  await dismiss(page);

  // Lou never came in: leaving does not check her in (the ticket goes to the departure, not the scan).
  const absent = await scanCode(page, lou.payload);
  await expect(absent).toHaveAttribute("data-result", "departure_refused");
  await expect(absent).toContainText("n'a pas été pointée à cette demi-journée");
  await dismiss(page);
  await page.getByRole("button", { name: "Scanner", exact: true }).click();
  await expect(await scanCode(page, lou.payload)).toHaveAttribute("data-result", "ok");
  await dismiss(page);
  await page.getByRole("button", { name: "Départ" }).click();

  await page.context().setOffline(true);
  const offline = await scanCode(page, paul.payload);
  await expect(offline).toHaveAttribute("data-result", "departure_offline");
  await expect(offline).toContainText("Départ : réseau nécessaire");
  await page.context().setOffline(false);
});

test("justified absence: the person absent from a past half-day asks, and sees « demandée »", async ({
  page,
  request,
}) => {
  const fx = await makeFixture(request, {
    window: "past",
    halfDays: true,
    signatures: true,
    people: [{ firstName: "Nadia", lastName: "Absente" }],
  });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(await manageUrl(request, fx.tickets[0].registrationId));
  const section = page.getByRole("region", { name: "Absence justifiée" });
  await expect(section.getByLabel(/Motif de l'absence/)).toHaveCount(2);
  await expectNoA11yViolations(page);
  const morning = section.getByRole("listitem").filter({ hasText: "Matinée" });
  await morning.getByRole("button", { name: "Demander une absence justifiée" }).click();
  await expect(morning.getByRole("alert")).toContainText("Indiquez le motif");
  await morning.getByLabel(/Motif de l'absence/).fill("Arrêt maladie");
  await morning.getByRole("button", { name: "Demander une absence justifiée" }).click();
  await expect(morning.getByTestId("justification-status")).toHaveText("demandée");
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Absence justifiée" }).getByRole("listitem").filter({ hasText: "Matinée" }),
  ).toContainText("absence justifiée demandée (motif : Arrêt maladie)");
});
