import { devices, expect, type Page, test } from "@playwright/test";
import { expectNoA11yViolations } from "./fixtures/axe";
import { decodeQrPng, mailsTo, waitForMail } from "./fixtures/mail";
import { fillRegistrationForm as fillForm, registrationBody, testJournee, unique } from "./fixtures/registration";

/**
 * Registration end to end, on the production build with a real SMTP sink: a phone registers for
 * the open demo journée, the e-mail arrives with a QR ticket the app accepts, the management
 * link works, cancelling promotes the next person (who is e-mailed), and every state passes axe.
 */
const DEMO_SLUG = "journee-ouverte";
let ipSeq = 0;

/** Each test is its own client IP, so the per-IP rate limit never couples tests. */
async function asNewClient(page: Page) {
  ipSeq += 1;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${(Date.now() + ipSeq) % 250}` });
}

/** Waits until React has hydrated the form (before that, a click would be a plain form post). */
async function formReady(page: Page) {
  await expect(page.locator("form[data-ready]").first()).toBeAttached();
}

test.describe("on a phone", () => {
  test.use({ viewport: devices["Pixel 7"].viewport, isMobile: true, hasTouch: true });

  test("registers for the open demo journée in under a minute, gets a QR ticket by e-mail, manages it", async ({
    page,
  }) => {
    await asNewClient(page);
    const email = unique("telephone");
    const started = Date.now();
    await page.goto(`/journees/${DEMO_SLUG}`);
    await fillForm(page, { email, atelier: /Atelier 1/ });
    await page.getByRole("button", { name: "M'inscrire" }).click();
    await expect(page).toHaveURL(/\/inscription\/[A-Za-z0-9_-]{22}\?nouvelle=1$/);
    await expect(page.getByTestId("registration-status")).toContainText("Inscription confirmée");
    expect(Date.now() - started).toBeLessThan(60_000);
    await expectNoA11yViolations(page);
    const codeOnPage = await page.getByTestId("ticket-code").textContent();

    const mail = await waitForMail(email, /inscription est confirmée/);
    expect(mail.text).toContain("Atelier 1");
    // Inline image (mailparser turns the cid: reference into a data URL) and attachment.
    expect(mail.attachments.some((a) => a.cid === "billet-qr" && a.contentType === "image/png")).toBe(true);
    const ics = mail.attachments.find((a) => a.filename === "journee.ics");
    expect(ics?.content.toString()).toContain("DTSTART;TZID=Europe/Paris:");
    const png = mail.attachments.find((a) => a.filename === "billet.png");
    const payload = decodeQrPng(png?.content as Buffer);
    expect(payload).toMatch(/^EMT1\.[A-Za-z0-9_-]{22}$/);
    expect(payload).toBe(codeOnPage);
    // The app accepts that ticket: it designates this confirmed registration.
    const check = await page.request.post("/api/test-hooks/registration", { data: { op: "ticket", payload } });
    expect((await check.json()).registration).toMatchObject({ status: "CONFIRMED", firstName: "Camille" });

    // The management link from the e-mail works, and so does the printable ticket.
    const link = (mail.text ?? "").match(/https?:\/\/\S+\/inscription\/[A-Za-z0-9_-]{22}/)?.[0] ?? "";
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: "Votre inscription" })).toBeVisible();
    await page.getByRole("link", { name: "Afficher le billet imprimable" }).click();
    await expect(page.getByTestId("ticket-code")).toHaveText(payload ?? "");
    await expectNoA11yViolations(page);

    // Change details and atelier within capacity.
    await page.goto(`${link}/modifier`);
    await page.getByLabel("Fonction (obligatoire)", { exact: true }).fill("Cheffe de service");
    await page.getByRole("radio", { name: /Atelier 2/ }).check();
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await expect(page.getByText("Vos modifications sont enregistrées.")).toBeVisible();
    await expect(page.getByText("Cheffe de service")).toBeVisible();
    await expect(page.locator("dd", { hasText: /Atelier 2/ })).toBeVisible();
  });
});

test("shows French errors next to the fields, with a focused summary, and passes axe", async ({ page }) => {
  await asNewClient(page);
  await page.goto(`/journees/${DEMO_SLUG}`);
  await formReady(page);
  await page.getByLabel("E-mail professionnel (obligatoire)", { exact: true }).fill("pas-un-email");
  await page.getByRole("button", { name: "M'inscrire" }).click();
  const summary = page.locator("form [role=alert]");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Certains champs sont à corriger.");
  const email = page.getByLabel("E-mail professionnel (obligatoire)", { exact: true });
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#champ-email-erreur")).toContainText("Adresse e-mail invalide");
  await expect(page.locator("#champ-firstName-erreur")).toHaveText(/Indiquez votre prénom\./);
  await expectNoA11yViolations(page);
});

test("a full journée puts people on the waiting list; a cancellation promotes the next one, who is e-mailed", async ({
  page,
  browser,
}) => {
  await asNewClient(page);
  const journee = await testJournee(page, { capacity: 1 });
  const first = unique("premiere");
  const second = unique("seconde");
  await page.goto(`/journees/${journee.slug}`);
  await fillForm(page, { email: first, firstName: "Première" });
  await page.getByRole("button", { name: "M'inscrire" }).click();
  await expect(page.getByTestId("registration-status")).toContainText("Inscription confirmée");
  const firstLink = page.url().replace(/\?.*$/, "");

  // Full: the journée page says so and offers the waiting list.
  await page.goto(`/journees/${journee.slug}`);
  await expect(page.getByText("Complet.", { exact: false }).first()).toBeVisible();
  await expectNoA11yViolations(page);
  await fillForm(page, { email: second, firstName: "Seconde" });
  await page.getByRole("button", { name: "M'inscrire sur la liste d'attente" }).click();
  await expect(page.getByTestId("registration-status")).toContainText(
    "Vous êtes en 1re position sur la liste d'attente.",
  );
  await expectNoA11yViolations(page);
  await waitForMail(second, /Liste d'attente/);

  // The first person cancels (with confirmation).
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto(firstLink);
  await other.getByRole("link", { name: "Annuler mon inscription" }).click();
  await other.getByRole("button", { name: "Oui, annuler mon inscription" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Inscription annulée" })).toBeVisible();
  await expectNoA11yViolations(other);
  await waitForMail(first, /Inscription annulée/);

  // The second is promoted and e-mailed a ticket.
  const promotion = await waitForMail(second, /place s'est libérée/);
  expect(promotion.attachments.some((a) => a.filename === "billet.png")).toBe(true);
  await page.reload();
  await expect(page.getByTestId("registration-status")).toContainText("Inscription confirmée");
  await otherContext.close();
});

test("names with script or HTML are shown as text on pages and in e-mails", async ({ page }) => {
  await asNewClient(page);
  const journee = await testJournee(page, { capacity: 5 });
  const email = unique("script");
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await page.goto(`/journees/${journee.slug}`);
  await fillForm(page, { email, firstName: "<script>alert(1)</script>", lastName: '<img src=x onerror="alert(2)">' });
  await page.getByRole("button", { name: "M'inscrire" }).click();
  await expect(page.getByText('<script>alert(1)</script> <img src=x onerror="alert(2)">').first()).toBeVisible();
  const mail = await waitForMail(email);
  expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  expect(mail.html).not.toContain("<img src=x");
  expect(dialogs).toBe(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts to the server, keeps every entry when refused, then registers; duplicates are told and can resend", async ({
    page,
  }) => {
    await asNewClient(page);
    const journee = await testJournee(page, { capacity: 10, workshops: 2 });
    const email = unique("sansjs");
    await page.goto(`/journees/${journee.slug}`);
    await fillForm(page, { email: "mauvais@", firstName: "Dominique", atelier: /Atelier test 2/ });
    await page.getByLabel("Besoins d'accessibilité (facultatif)", { exact: true }).fill("Boucle magnétique");
    const network = page.getByLabel("Réseau ou fédération de votre structure (facultatif)", { exact: true });
    await network.selectOption({ label: "Fédération des acteurs de la solidarité (FAS)" });
    await page.getByRole("button", { name: "M'inscrire" }).click();
    await expect(page.locator("#champ-email-erreur")).toContainText("Adresse e-mail invalide");
    await expect(page.getByLabel("Prénom (obligatoire)", { exact: true })).toHaveValue("Dominique");
    await expect(page.getByLabel("Besoins d'accessibilité (facultatif)", { exact: true })).toHaveValue(
      "Boucle magnétique",
    );
    await expect(page.getByRole("radio", { name: /Atelier test 2/ })).toBeChecked();
    await expect(network).toHaveValue("FAS");
    await expect(page.getByLabel(/J'ai pris connaissance/)).toBeChecked();
    // (axe needs JavaScript in the page: the same error state is checked with JS in another test.)

    await page.getByLabel("E-mail professionnel (obligatoire)", { exact: true }).fill(email);
    await page.getByRole("button", { name: "M'inscrire" }).click();
    await expect(page.getByTestId("registration-status")).toContainText("Inscription confirmée");
    await expect(page.locator("dd", { hasText: "Fédération des acteurs de la solidarité (FAS)" })).toBeVisible();
    await waitForMail(email, /inscription est confirmée/);

    // Same e-mail again (other case, spaces): told, nothing revealed, confirmation resent by e-mail.
    await page.goto(`/journees/${journee.slug}`);
    await fillForm(page, { email: `  ${email.toUpperCase()} ` });
    await page.getByRole("button", { name: "M'inscrire" }).click();
    await expect(page.locator("form [role=alert]")).toContainText("déjà inscrit");
    await page.getByRole("button", { name: "Renvoyer ma confirmation par e-mail" }).click();
    await expect(page.getByText("Si une inscription correspond à cette adresse")).toBeVisible();
    await waitForMail(email, /Rappel/);
    expect((await mailsTo(email)).length).toBe(2);
  });
});

test.describe("refusals over the JSON endpoint", () => {
  const body = (journeeId: string, email: string) => registrationBody(journeeId, email, "Api");

  test("closed windows, cancelled or unknown journées are refused in French, without a 500", async ({ page }) => {
    for (const [window, status, message] of [
      ["not_open", 409, "pas encore ouvertes"],
      ["closed", 409, "sont closes"],
      ["past", 409, "terminée"],
      ["cancelled", 409, "annulée"],
    ] as const) {
      const j = await testJournee(page, { window });
      const res = await page.request.post("/api/inscriptions", {
        data: body(j.id, unique(window)),
        headers: { "x-forwarded-for": "203.0.113.50" },
      });
      expect(res.status()).toBe(status);
      expect((await res.json()).message).toContain(message);
      await page.goto(`/journees/${j.slug}`);
      await expect(page.getByRole("button", { name: /M'inscrire/ })).toHaveCount(0);
    }
    const unknown = await page.request.post("/api/inscriptions", {
      data: body("cinconnu", unique("x")),
      headers: { "x-forwarded-for": "203.0.113.50" },
    });
    expect(unknown.status()).toBe(404);
    const garbage = await page.request.post("/api/inscriptions", {
      data: "{oops",
      headers: { "content-type": "application/json" },
    });
    expect([400, 422]).toContain(garbage.status());
  });

  test("the per-IP rate limit answers 429 with Retry-After and a French message", async ({ page }) => {
    const j = await testJournee(page, { capacity: 100 });
    const ip = { "x-forwarded-for": "203.0.113.77" };
    let last = 0;
    for (let i = 0; i < 21; i++) {
      const res = await page.request.post("/api/inscriptions", { data: body(j.id, unique(`rl${i}`)), headers: ip });
      last = res.status();
      if (i < 20) expect(res.status()).toBe(201);
      else {
        expect(res.headers()["retry-after"]).toBeTruthy();
        expect((await res.json()).message).toContain("Trop de tentatives");
      }
    }
    expect(last).toBe(429);
  });
});
