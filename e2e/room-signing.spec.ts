import { type Browser, expect, type Page, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";
import { makeFixture, tabTo } from "./fixtures/checkin";
import { drawOnPad, manageUrl, pastCode } from "./fixtures/room";

/**
 * Issue 13 point 3: the organiser projects the room code; a person reads it at a phone viewport,
 * types it on their management page, signs with pointer events, and the room's count moves. The
 * QR code's /signer forwards a phone that remembered its ticket; forged and expired codes are refused.
 */
const PHONE = { width: 360, height: 740 };

async function phone(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: false });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function sign(page: Page, code: string) {
  const section = page.getByRole("region", { name: "Signer la feuille" });
  await section.getByLabel("Code de salle").fill(code);
  await drawOnPad(page);
  await section.getByRole("button", { name: "Valider ma signature" }).click();
  return section;
}

test("room code: projected, read off the screen, typed on the phone, signed; the count moves", async ({
  browser,
  request,
}) => {
  const fx = await makeFixture(request, {
    signatures: true,
    halfDays: true,
    people: [
      { firstName: "Léa", lastName: "Salle" },
      { firstName: "Omar", lastName: "Téléphone" },
      { firstName: "Zoé", lastName: "Sanslien" },
    ],
  });
  const [lea, omar] = fx.tickets;
  const room = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signInAs(room, { role: "AGENT", partnerSlug: "unafo", name: "Agent Salle" });
  await room.goto(`/organisateur/journees/${fx.journeeId}/accueil`);
  await room.getByRole("link", { name: "Code de salle (signature sur téléphone)" }).click();
  await expect(room.getByRole("heading", { level: 1 })).toContainText("Matinée");
  const count = room.getByTestId("room-count");
  await expect(count).toHaveText("0 signature sur 0 présent");
  await expect(room.getByTestId("room-countdown")).toHaveText(/Nouveau code dans \d+ s/);
  await expect(room.getByRole("img", { name: /QR code pour signer/ })).toBeVisible();
  await expectNoA11yViolations(room);
  // Keyboard: the half-day chooser.
  const afternoon = room.getByRole("link", { name: /Après-midi/ });
  await tabTo(room, afternoon);
  await room.keyboard.press("Enter");
  await expect(room).toHaveURL(new RegExp(`partie=${fx.partKeys[1]}`));
  await expect(room.getByRole("heading", { level: 1 })).toContainText("Après-midi");
  await room.goto(`/organisateur/journees/${fx.journeeId}/accueil/salle?partie=${fx.partKeys[0]}`);
  const code = async () => (await room.getByTestId("room-code").textContent())?.trim() ?? "";
  await expect.poll(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);

  // Léa types the code on her management page at 360 px.
  const leaPage = await phone(browser, await manageUrl(request, lea.registrationId));
  const section = leaPage.getByRole("region", { name: "Signer la feuille" });
  await expect(section).toBeVisible();
  await expect(section.getByText(/attestera votre présence/)).toBeVisible();
  await expectNoA11yViolations(leaPage);
  // Keyboard: the code field is reachable and typed into.
  await tabTo(leaPage, section.getByLabel("Code de salle"));
  await leaPage.keyboard.type("abcdef");
  await expect(section.getByLabel("Code de salle")).toHaveValue("ABCDEF");
  // A forged code, then an expired one (three windows ago): refused in French.
  await sign(leaPage, "ABCDEF");
  await expect(section.getByRole("alert")).toContainText("Ce code de salle n'est pas valable ou a expiré");
  await section.getByLabel("Code de salle").fill(await pastCode(request, fx.journeeId, fx.partKeys[0], 3));
  await section.getByRole("button", { name: "Valider ma signature" }).click();
  await expect(section.getByRole("alert")).toContainText("n'est pas valable ou a expiré");
  await expect(count).toHaveText("0 signature sur 0 présent");
  // The code read off the room screen.
  await sign(leaPage, await code());
  await expect(section.getByRole("status").filter({ hasText: "Signature enregistrée" })).toHaveText(
    "Signature enregistrée pour « Matinée ». Merci !",
  );
  await expect(count).toHaveText("1 signature sur 1 présent", { timeout: 10_000 });
  // Signing twice: already signed.
  await leaPage.reload();
  await sign(leaPage, await code());
  await expect(section.getByRole("alert")).toContainText("Vous avez déjà signé");

  // Omar's phone remembers his ticket; the QR code's /signer?code= then opens his page and he signs.
  const omarPage = await phone(browser, await manageUrl(request, omar.registrationId));
  await omarPage.getByRole("button", { name: "Se souvenir de mon billet sur ce téléphone" }).click();
  await expect(omarPage.getByRole("button", { name: "Oublier mon billet sur ce téléphone" })).toBeVisible();
  const qrCode = await code();
  await omarPage.goto(`/signer?code=${qrCode}`);
  await expect(omarPage).toHaveURL(/\/inscription\/[A-Za-z0-9_-]{22}\?code=/);
  const omarSection = omarPage.getByRole("region", { name: "Signer la feuille" });
  await expect(omarSection.getByLabel("Code de salle")).toHaveValue(qrCode);
  await drawOnPad(omarPage);
  await omarSection.getByRole("button", { name: "Valider ma signature" }).click();
  await expect(omarSection.getByRole("status").filter({ hasText: "Signature enregistrée" })).toBeVisible();
  await expect(count).toHaveText("2 signatures sur 2 présents", { timeout: 10_000 });

  // A phone that knows no ticket: told where to type the code.
  const stranger = await phone(browser, `/signer?code=${qrCode}`);
  await expect(stranger.getByText(/e-mail de confirmation/)).toBeVisible();
  await expect(stranger.getByTestId("signer-code")).toHaveText(qrCode);
  await expectNoA11yViolations(stranger);
});
