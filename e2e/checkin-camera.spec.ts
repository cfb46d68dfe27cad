import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { accueilUrl, makeFixture } from "./fixtures/checkin";
import { cameraContext, launchWithCamera, qrVideo } from "./fixtures/fake-camera";

/**
 * A real ticket's QR code, shown to Chromium's fake camera (a .y4m made with qrcode + ffmpeg),
 * decoded in the page by jsQR: the screen says the person is checked in.
 */
test("the camera reads a real ticket and the screen says the person is checked in", async ({ request }) => {
  const fx = await makeFixture(request, {
    people: [{ firstName: "Karim", lastName: "Benali", structure: "Habitat Alpin" }],
  });
  const browser = await launchWithCamera(await qrVideo(fx.tickets[0].payload, `ticket-${fx.slug}`));
  try {
    const page = await (await cameraContext(browser)).newPage();
    await signInAs(page, { role: "AGENT", journeeSlug: fx.slug });
    let posts = 0;
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/api/checkin")) posts++;
    });
    await page.goto(accueilUrl(fx.journeeId));
    await page.getByRole("button", { name: "Scanner avec la caméra" }).click();
    const panel = page.locator("section[data-result]");
    await expect(panel).toHaveAttribute("data-result", "ok", { timeout: 15_000 });
    await expect(panel).toContainText("Présence enregistrée");
    await expect(panel).toContainText("Karim Benali");
    await expect(page.getByRole("status").filter({ hasText: "Présence enregistrée" })).toBeAttached();
    const timings = await page.evaluate(
      () => (window as unknown as { __emargeScanTimings: number[] }).__emargeScanTimings,
    );
    console.log(`camera: decoded code → result on screen ${Math.round(timings[0])} ms`);
    // The ticket stays in front of the camera: read again and again, the same code is not sent again.
    const ignored = () =>
      page.evaluate(() => (window as unknown as { __emargeIgnoredRepeats?: number }).__emargeIgnoredRepeats ?? 0);
    await expect.poll(ignored, { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    expect(posts).toBe(1);
    await expect(page.getByTestId("compteur")).toContainText("1 présent·e sur 1 attendu·e");
    // The camera choice is remembered: after a reload it starts by itself.
    await page.reload();
    await expect(page.getByRole("button", { name: "Arrêter la caméra" })).toBeVisible();
  } finally {
    await browser.close();
  }
});
