import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";
import { accueilUrl, makeFixture } from "./fixtures/checkin";

/**
 * Issue 15 point 13 (WCAG 1.4.10 reflow): at 320 CSS px nothing scrolls sideways — the page as a
 * whole; a wide table scrolls inside its own focusable region instead — and every state is axe clean.
 */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
    const el = document.scrollingElement as Element;
    // The innermost elements sticking out, to say what to fix.
    const out = [...document.querySelectorAll("body *")].filter(
      (e) => e.getBoundingClientRect().right > el.clientWidth + 1,
    );
    const innermost = out.filter((e) => !out.some((o) => o !== e && e.contains(o)));
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(" ")[0]}` : ""}`;
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, culprits: innermost.slice(0, 6).map(name) };
  });
  const message = `${what}: page ${scrollWidth}px wide in a ${clientWidth}px window (${culprits.join(", ")})`;
  expect.soft(scrollWidth, message).toBeLessThanOrEqual(clientWidth);
}

test.use({ viewport: { width: 320, height: 640 } });

test("a person's management page reflows at 320 px", async ({ page, request }) => {
  const res = await request.post("/api/test-hooks/reports", { data: { op: "attendee", slug: "pleniere-2024" } });
  const who = (await res.json()) as { manageToken: string };
  await page.goto(`/inscription/${who.manageToken}`);
  await expectNoSidewaysScroll(page, "/inscription/<token>");
  await expectNoA11yViolations(page);
});

test("organiser pages, dashboards and the scanner reflow at 320 px", async ({ page, request }) => {
  const fx = await makeFixture(request, { title: "Journée étroite", people: [{ firstName: "Léa", lastName: "Nour" }] });
  await signInAs(page, { role: "ADMIN" });
  for (const path of [
    "/organisateur/exports",
    "/organisateur/utilisateurs",
    "/organisateur/journees/nouvelle",
    "/organisateur/tableau-de-bord",
    `/organisateur/journees/${fx.journeeId}/tableau-de-bord`,
    accueilUrl(fx.journeeId),
  ]) {
    await page.goto(path);
    await expect(page.locator("h1")).toBeVisible();
    await expectNoSidewaysScroll(page, path);
    await expectNoA11yViolations(page);
  }
});

test("a sign-in error takes the focus on arrival, and a refused e-mail puts it on the field", async ({ page }) => {
  await page.goto("/connexion?erreur=lien");
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("Ce lien de connexion n'est plus valable");
  await expect(alert).toBeFocused();
  await expectNoA11yViolations(page);
  await page.goto("/connexion?erreur=email");
  await expect(page.getByLabel("Adresse e-mail professionnelle")).toBeFocused();
  await expectNoA11yViolations(page);
});
