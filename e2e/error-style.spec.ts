import { expect, type Locator, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";

/**
 * Issue 15 point 13: an error looks the same on the public form and on the organisers' forms (one
 * colour, weight, size and warning sign; the same border on the field at fault), so that a person
 * who uses both learns it once.
 */
async function errorLook(message: Locator, field: Locator) {
  await expect(message).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const text = await message.evaluate((el) => {
    const s = getComputedStyle(el);
    const before = getComputedStyle(el, "::before").content;
    return {
      color: s.color,
      fontWeight: s.fontWeight,
      fontSize: s.fontSize,
      sign: (before !== "none" && before.includes("⚠")) || (el.textContent ?? "").trim().startsWith("⚠"),
    };
  });
  const border = await field.evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.borderTopColor, width: s.borderTopWidth };
  });
  return { text, border };
}

test("errors look the same on the public form and on an organiser's form", async ({ page, browser }) => {
  await page.goto("/journees/journee-ouverte");
  await expect(page.locator("form[data-ready]").first()).toBeAttached();
  await page.getByRole("button", { name: "M'inscrire" }).click();
  const pub = await errorLook(page.locator("#champ-firstName-erreur"), page.locator("#champ-firstName"));

  const context = await browser.newContext();
  const orga = await context.newPage();
  await signInAs(orga, { role: "ORGANISATEUR", partnerSlug: "unafo", name: "orga-erreurs" });
  await orga.goto("/organisateur/journees/nouvelle");
  // The server's own refusal (a browser without built-in checks), not the browser's bubble.
  await orga
    .locator("form")
    .first()
    .evaluate((form) => form.setAttribute("novalidate", ""));
  await orga.getByRole("button", { name: "Créer la journée (brouillon)" }).click();
  const org = await errorLook(orga.locator("#ja-title-erreur"), orga.locator("#ja-title"));
  await context.close();

  expect(pub.text.sign).toBe(true);
  expect(org).toEqual(pub);
});
