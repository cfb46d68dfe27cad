import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { accueilUrl, keepResults, makeFixture, scanCode } from "./fixtures/checkin";

/** Offline: decoded code → result on screen, answered from the local snapshot (target p95 ≤ 50 ms). */
const N = 40;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

test("offline decode → result on screen: p95 within 50 ms", async ({ page, context, request }) => {
  const fx = await makeFixture(request, { count: N + 1 });
  await signInAs(page, { role: "AGENT", partnerSlug: "unafo" });
  await keepResults(page);
  await page.goto(accueilUrl(fx.journeeId));
  await expect(page.getByTestId("donnees-locales")).toContainText("Données hors ligne à jour de");
  await context.setOffline(true);
  await expect(page.getByTestId("etat-reseau")).toContainText("Hors ligne");
  await expect(await scanCode(page, fx.tickets[N].payload)).toHaveAttribute("data-result", "ok"); // warm-up
  await page.evaluate(() => {
    (window as unknown as { __emargeScanTimings: number[] }).__emargeScanTimings = [];
  });
  for (let i = 0; i < N; i++) {
    const panel = await scanCode(page, fx.tickets[i].payload);
    await expect(panel).toContainText(fx.tickets[i].lastName);
  }
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { __emargeScanTimings: number[] }).__emargeScanTimings.length),
    )
    .toBe(N);
  const timings = await page.evaluate(
    () => (window as unknown as { __emargeScanTimings: number[] }).__emargeScanTimings,
  );
  const sorted = [...timings].sort((a, b) => a - b);
  const result = {
    n: N,
    p50_ms: Math.round(pct(sorted, 50)),
    p95_ms: Math.round(pct(sorted, 95)),
    max_ms: Math.round(sorted.at(-1) ?? 0),
  };
  console.log(`offline decode→screen ${JSON.stringify(result)}`);
  writeFileSync("/tmp/emarge-offline-ui-timing.json", JSON.stringify(result));
  await expect(page.getByTestId("en-attente")).toHaveText(`${N + 1} scans en attente d'envoi`);
  await context.setOffline(false);
  await expect(page.getByTestId("en-attente")).toHaveText("Aucun scan en attente", { timeout: 20_000 });
  await expect(page.getByTestId("compteur")).toContainText(`${N + 1} présent·es`);
  expect(result.p95_ms).toBeLessThanOrEqual(50);
});
