import { expect, type Locator, type Page, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";
import { accueilUrl, keepResults, makeFixture, scanCode } from "./fixtures/checkin";

/** The door on a phone: the scan area on the first screen, the result overlay keyboard-safe. */
test.use({ viewport: { width: 390, height: 844 } });

const VIEWPORT_HEIGHT = 844;

async function bottomOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("élément non affiché");
  return box.y + box.height;
}

async function scanArea(page: Page) {
  return {
    ticket: page.getByLabel("Code du billet (douchette ou saisie)"),
    camera: page.getByRole("button", { name: "Scanner avec la caméra" }),
  };
}

test("the scanner opens on the scan area: ticket field and camera button in the first 390×844 screen", async ({
  page,
}) => {
  const fx = await makeFixture(page.request, { count: 1 });
  await signInAs(page, { role: "AGENT", partnerSlug: "unafo", name: "Léa Agent" });
  await page.goto(accueilUrl(fx.journeeId));
  const { ticket, camera } = await scanArea(page);
  await expect(ticket).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await bottomOf(ticket)).toBeLessThanOrEqual(VIEWPORT_HEIGHT);
  expect(await bottomOf(camera)).toBeLessThanOrEqual(VIEWPORT_HEIGHT);
  // Nothing sticky covers them.
  for (const target of [ticket, camera]) {
    const box = await target.boundingBox();
    if (!box) throw new Error("élément non affiché");
    const hit = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest("label, input, button")?.textContent ?? "",
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(hit).toBe(await target.evaluate((el) => el.textContent ?? ""));
  }
  // The organiser menu is one tap away.
  const menu = page.getByText("Menu de l'espace organisateur");
  await menu.click();
  await expect(page.getByRole("link", { name: "Journées" }).first()).toBeVisible();
  await expectNoA11yViolations(page);
});

test("a result takes the focus on « Suivant », keeps it inside, and the name is its largest text", async ({ page }) => {
  const fx = await makeFixture(page.request, {
    people: [{ firstName: "Élodie", lastName: "Martin", structure: "CCAS d'Istres" }],
  });
  await signInAs(page, { role: "AGENT", partnerSlug: "unafo", name: "Léa Agent" });
  await keepResults(page);
  await page.goto(accueilUrl(fx.journeeId));
  const panel = await scanCode(page, fx.tickets[0].payload);
  await expect(panel).toHaveAttribute("data-result", "ok");
  const next = panel.getByRole("button", { name: "Suivant" });
  await expect(next).toBeFocused();
  for (const key of ["Tab", "Shift+Tab", "Tab", "Tab"]) {
    await page.keyboard.press(key);
    expect(await panel.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  const sizes = await panel.evaluate((el) =>
    [...el.querySelectorAll<HTMLElement>("h2, p, [data-name]")].map((node) => ({
      text: node.textContent ?? "",
      name: node.hasAttribute("data-name"),
      size: Number.parseFloat(getComputedStyle(node).fontSize),
    })),
  );
  const name = sizes.find((s) => s.name);
  expect(name?.text).toBe("Élodie Martin");
  for (const other of sizes.filter((s) => !s.name)) expect(other.size).toBeLessThan(name?.size ?? 0);
  await expectNoA11yViolations(page);
  // A keyboard-wedge scanner typing the next code while the result is shown: nothing is lost.
  await page.keyboard.type(fx.tickets[0].payload);
  await page.keyboard.press("Enter");
  await expect(page.locator("section[data-result]")).toHaveAttribute("data-result", "already_checked_in");
  await expect(page.getByRole("button", { name: "Suivant" })).toBeFocused();
  // Closing gives the focus back to the ticket field, ready for the next scan.
  await page.keyboard.press("Enter");
  await expect(page.locator("section[data-result]")).toHaveCount(0);
  await expect(page.getByLabel("Code du billet (douchette ou saisie)")).toBeFocused();
});

test("a journée whose door has closed says so on the first screen, before any scan", async ({ page }) => {
  const fx = await makeFixture(page.request, { window: "past", count: 1 });
  await signInAs(page, { role: "AGENT", partnerSlug: "unafo" });
  await page.goto(accueilUrl(fx.journeeId));
  const notice = page.getByText("L'accueil de cette journée est fermé");
  await expect(notice).toBeVisible();
  expect(await bottomOf(notice)).toBeLessThanOrEqual(VIEWPORT_HEIGHT);
  const { ticket } = await scanArea(page);
  expect((await notice.boundingBox())?.y ?? 0).toBeLessThan((await ticket.boundingBox())?.y ?? 0);

  const future = await makeFixture(page.request, { window: "future", count: 1 });
  await page.goto(accueilUrl(future.journeeId));
  await expect(page.getByText("L'accueil n'est pas encore ouvert")).toBeVisible();
  await expectNoA11yViolations(page);
});
