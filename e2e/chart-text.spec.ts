import { expect, type Page, test } from "@playwright/test";
import { DEMO_PLENARY_SLUG } from "@/lib/demo/seed";
import { signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";

/**
 * Issue 15 point 13: on a phone, the dashboards' charts keep their words and figures readable —
 * at least 12 CSS px on screen, whatever the chart's width (an SVG scaled down to the screen
 * shrinks its text with it: 12 units in a 760-unit chart were 5 px at 360 px wide).
 */
test.use({ viewport: { width: 360, height: 780 } });

async function smallestChartText(page: Page) {
  return page.evaluate(() => {
    let smallest = { px: Number.POSITIVE_INFINITY, text: "" };
    for (const figure of document.querySelectorAll("figure")) {
      // The chart itself, not its data table (folded in a <details>).
      for (const el of figure.querySelectorAll("*")) {
        if (el.closest("details") || el.closest("figcaption")) continue;
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
        if (!own) continue;
        const px =
          el instanceof SVGTextElement
            ? el.getBoundingClientRect().height * 0.8 // the glyph box is about 1.25 × the font size
            : Number.parseFloat(getComputedStyle(el).fontSize);
        if (px < smallest.px) smallest = { px, text: (el.textContent ?? "").trim().slice(0, 40) };
      }
    }
    return smallest;
  });
}

test("chart text stays readable on a phone, on the programme and the journée dashboards", async ({ page }) => {
  await signInAs(page, { role: "LECTEUR" });
  await page.request.post("/api/test-hooks/reports", { data: { op: "check-in", slug: DEMO_PLENARY_SLUG } });
  await page.goto("/organisateur/tableau-de-bord");
  await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord du programme" })).toBeVisible();
  const programme = await smallestChartText(page);
  expect(programme.px, `« ${programme.text} »`).toBeGreaterThanOrEqual(12);
  await expectNoA11yViolations(page);

  const href = await page
    .getByRole("link", { name: /plénière/i })
    .first()
    .getAttribute("href");
  await page.goto(href ?? "/");
  await expect(page.locator("figcaption", { hasText: "Arrivées par tranche de 10 minutes" })).toBeVisible();
  const journee = await smallestChartText(page);
  expect(journee.px, `« ${journee.text} »`).toBeGreaterThanOrEqual(12);
  await expectNoA11yViolations(page);
});
