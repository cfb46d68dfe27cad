import { expect, type Page, test } from "@playwright/test";
import { auditMark, auditSince, inviteUser } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";
import { mailsTo, waitForMail } from "./fixtures/mail";
import { BAD_ID_TOKEN_PREFIX, BAD_USERINFO_PREFIX, loginAtProvider, oidcIssuer } from "./fixtures/oidc-provider";

/**
 * Sign-in against a real OIDC provider configured like ProConnect (scripts/e2e/oidc-provider.ts)
 * and by e-mail link through a real SMTP server (scripts/e2e/smtp-sink.ts).
 */
// next-auth computes its origin from AUTH_URL=http://localhost:<port> (scripts/e2e-server.sh).
test.use({ baseURL: `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}` });

const alertBox = (page: Page) => page.locator("main .alert-box");

function signInLink(text: string | undefined): string {
  const link = (text ?? "").match(/https?:\/\/\S+\/api\/auth\/callback\/email\S*/)?.[0];
  if (!link) throw new Error("no sign-in link in the mail");
  return link;
}

async function waitForMailCount(email: string, count: number): Promise<void> {
  await expect.poll(async () => (await mailsTo(email)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(count);
}

async function startProConnect(page: Page): Promise<URL> {
  await page.goto("/organisateur");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Forganisateur/);
  const authorize = page.waitForRequest((r) => r.url().startsWith(`${oidcIssuer()}/auth`));
  await page.getByRole("button", { name: "Se connecter avec ProConnect" }).click();
  return new URL((await authorize).url());
}

test("an invited organiser signs in with ProConnect, lands in the organiser area, and signs out through the provider", async ({
  page,
}) => {
  const email = "camille.pc@unafo.example.org";
  await inviteUser(page.request, { email, role: "ORGANISATEUR", partnerSlug: "unafo" });
  const mark = await auditMark(page.request);

  const authorize = await startProConnect(page);
  const params = authorize.searchParams;
  expect(params.get("scope")).toBe("openid given_name usual_name email uid siret idp_id");
  expect(params.get("acr_values")).toBe("eidas1");
  expect(params.get("code_challenge_method")).toBe("S256");
  expect(params.get("code_challenge")?.length).toBeGreaterThanOrEqual(43);
  expect(params.get("state")?.length).toBeGreaterThanOrEqual(32);
  expect(params.get("nonce")?.length).toBeGreaterThanOrEqual(32);

  await loginAtProvider(page, email);
  await expect(page).toHaveURL(/\/organisateur$/);
  await expect(page.getByRole("heading", { level: 1, name: "Journées" })).toBeVisible();
  await expect(page.getByText(`Connecté : ${email}`)).toBeVisible();
  // Only the partner's journées (the demo's Unafo days), never the DDETS or Métropole ones.
  await expect(page.locator("tr[data-slug='aix-en-provence-2023']")).toBeVisible();
  await expect(page.locator("tr[data-slug='marseille-2023']")).toHaveCount(0);

  const session = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  const hours = ((session?.expires ?? 0) * 1000 - Date.now()) / 3_600_000;
  expect(hours).toBeGreaterThan(7.9);
  expect(hours).toBeLessThanOrEqual(8.01);

  const signIns = await auditSince(page.request, mark, ["auth.sign_in"]);
  expect(signIns).toHaveLength(1);
  expect(signIns[0]).toMatchObject({ actorLabel: email, details: { provider: "proconnect" } });

  await page.getByRole("link", { name: "Se déconnecter" }).click();
  await expectNoA11yViolations(page);
  const endSession = page.waitForRequest((r) => r.url().startsWith(`${oidcIssuer()}/session/end`));
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  const endUrl = new URL((await endSession).url());
  expect(endUrl.searchParams.get("id_token_hint")?.split(".")).toHaveLength(3);
  expect(endUrl.searchParams.get("post_logout_redirect_uri")).toMatch(/\/deconnexion\/terminee$/);
  await page.getByRole("button", { name: "Se déconnecter" }).click(); // the provider's confirmation
  await expect(page).toHaveURL(/\/deconnexion\/terminee/);
  await expect(page.getByRole("heading", { level: 1, name: "Vous êtes déconnecté" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto("/organisateur");
  await expect(page).toHaveURL(/\/connexion/);
  expect(await auditSince(page.request, mark, ["auth.sign_out"])).toHaveLength(1);
});

test("a person who was not invited is refused after ProConnect, with a French message", async ({ page }) => {
  const mark = await auditMark(page.request);
  await startProConnect(page);
  await loginAtProvider(page, "pas.invite@exemple.gouv.fr");
  await expect(page).toHaveURL(/\/connexion\?erreur=refuse/);
  await expect(alertBox(page)).toContainText("Connexion impossible");
  await expectNoA11yViolations(page);
  const refused = await auditSince(page.request, mark, ["auth.sign_in_refused", "auth.sign_in"]);
  expect(refused.map((e) => [e.action, e.details.reason])).toEqual([["auth.sign_in_refused", "not_invited"]]);
  await page.goto("/organisateur");
  await expect(page).toHaveURL(/\/connexion/);
});

for (const [prefix, reason] of [
  [BAD_ID_TOKEN_PREFIX, "id_token_invalid"],
  [BAD_USERINFO_PREFIX, "userinfo_invalid"],
] as const) {
  test(`a ${prefix === BAD_ID_TOKEN_PREFIX ? "ID token" : "userinfo JWT"} signed with a key outside the provider's JWKS is refused`, async ({
    page,
  }) => {
    // Invited, so that only the signature can be the reason for the refusal.
    const email = `${prefix}@unafo.example.org`;
    await inviteUser(page.request, { email, role: "ORGANISATEUR", partnerSlug: "unafo" });
    const mark = await auditMark(page.request);
    await startProConnect(page);
    await loginAtProvider(page, email);
    await expect(page).toHaveURL(/\/connexion\?error=/);
    await expect(alertBox(page)).toContainText("La connexion avec ProConnect a échoué");
    const entries = await auditSince(page.request, mark, ["auth.sign_in_refused", "auth.sign_in"]);
    expect(entries.map((e) => [e.action, e.details.reason])).toEqual([["auth.sign_in_refused", reason]]);
    await page.goto("/organisateur");
    await expect(page).toHaveURL(/\/connexion/);
  });
}

async function requestLink(page: Page, email: string): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(page).toHaveURL(/\/connexion\/verification$/);
  await expect(page.getByRole("heading", { level: 1, name: "Vérifiez votre messagerie" })).toBeVisible();
}

test("an invited organiser signs in with an e-mail link received through SMTP; the link works once", async ({
  page,
}) => {
  const email = "dominique.lien@unafo.example.org";
  await inviteUser(page.request, { email, role: "ORGANISATEUR", partnerSlug: "unafo" });
  const mark = await auditMark(page.request);
  await page.goto("/connexion");
  await expectNoA11yViolations(page);
  await requestLink(page, email);
  await expectNoA11yViolations(page);

  const mail = await waitForMail(email, /lien de connexion/);
  expect(mail.subject).toBe("Votre lien de connexion à Émarge");
  expect(mail.text).toContain("valable 15 minutes");
  const link = signInLink(mail.text);
  await page.goto(link);
  await expect(page).toHaveURL(/\/organisateur$/);
  await expect(page.getByRole("heading", { level: 1, name: "Journées" })).toBeVisible();
  const signIns = await auditSince(page.request, mark, ["auth.sign_in"]);
  expect(signIns).toMatchObject([{ actorLabel: email, details: { provider: "email" } }]);

  await page.context().clearCookies();
  await page.goto(link);
  await expect(page).toHaveURL(/\/connexion\?error=Verification/);
  await expect(alertBox(page)).toContainText("n'est plus valable");
});

test("the e-mail form answers the same for an unknown address and sends nothing (no enumeration)", async ({ page }) => {
  const invited = "invitee.enum@unafo.example.org";
  const unknown = "inconnu.enum@unafo.example.org";
  await inviteUser(page.request, { email: invited, role: "LECTEUR" });
  const mark = await auditMark(page.request);
  // The unknown address first: the invited one's mail, asked for after, is the sentinel — once it
  // has arrived, a mail to the unknown address would have too (no fixed wait).
  await requestLink(page, unknown);
  const unknownText = await page.locator("main").textContent();
  await requestLink(page, invited);
  expect(await page.locator("main").textContent()).toBe(unknownText);
  await waitForMailCount(invited, 1);
  expect(await mailsTo(unknown)).toHaveLength(0);
  const refused = await auditSince(page.request, mark, ["auth.sign_in_refused"]);
  expect(refused).toMatchObject([{ actorLabel: unknown, details: { provider: "email", reason: "not_invited" } }]);
});

test("sign-in attempts are rate limited per address, and the person is told so", async ({ page }) => {
  const email = "limite@unafo.example.org";
  await inviteUser(page.request, { email, role: "LECTEUR" });
  const mark = await auditMark(page.request);
  for (let i = 0; i < 5; i++) await requestLink(page, email);
  // The sixth: no mail, and a French message by the form instead of "check your inbox".
  await page.goto("/connexion?callbackUrl=%2Forganisateur%2Fexports");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(page).toHaveURL(/\/connexion\?erreur=trop-de-tentatives&callbackUrl=%2Forganisateur%2Fexports$/);
  await expect(alertBox(page)).toContainText("Trop de tentatives de connexion");
  await expectNoA11yViolations(page);
  await waitForMailCount(email, 5);
  // A sentinel asked for after the refused attempt: once it has arrived, a sixth mail would have too.
  const sentinel = "sentinelle.connexion@unafo.example.org";
  await inviteUser(page.request, { email: sentinel, role: "LECTEUR" });
  await requestLink(page, sentinel);
  await waitForMailCount(sentinel, 1);
  expect(await mailsTo(email)).toHaveLength(5);
  const limited = await auditSince(page.request, mark, ["auth.sign_in_refused"]);
  expect(limited).toMatchObject([{ actorLabel: email, details: { reason: "rate_limited" } }]);
});

test("pages outside the programme are not for anonymous visitors; the refusal page is accessible", async ({ page }) => {
  await page.goto("/acces-refuse");
  await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
  await expectNoA11yViolations(page);
  const res = await page.request.post("/api/test-hooks/auth", { data: { op: "nothing" } });
  expect(res.status()).toBe(400);
});
