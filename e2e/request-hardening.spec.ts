import http from "node:http";
import { expect, type Page, test } from "@playwright/test";

/**
 * Issue 15, as an attacker would try it on the production build (decision 015): forged
 * X-Forwarded-For, the demo outbox from another machine, open redirects after sign-in,
 * malformed URLs, oversized bodies, mail floods through « Renvoyer ma confirmation ».
 */
const _unique = (label: string) => `${label}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@example.org`;
const _person = (journeeId: string, email: string) => ({
  journeeId,
  firstName: "Edge",
  lastName: "Test",
  email,
  structure: "Asso",
  structureType: "ASSOCIATION",
  network: "UNAFO",
  jobTitle: "Chargé",
  commune: "Marseille",
  privacyAck: true,
});

async function testJournee(page: Page, body: Record<string, unknown>): Promise<{ id: string; slug: string }> {
  const res = await page.request.post("/api/test-hooks/registration", { data: { op: "journee", ...body } });
  expect(res.ok()).toBe(true);
  return res.json();
}

/** A raw POST with a chunked body (no Content-Length), `bytes` long. */
function _chunkedPost(
  url: string,
  bytes: number,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return req.once("drain", write);
      }
      req.end();
    };
    req.write("[");
    write();
  });
}

test("forged X-Forwarded-For entries do not escape the per-address registration limit", async ({ page }) => {
  const j = await testJournee(page, { capacity: 100 });
  const real = `203.0.113.${Date.now() % 200}`;
  const statuses: number[] = [];
  for (let i = 0; i < 21; i++) {
    // The trusted proxy (this machine) appends the real address; the client wrote the rest.
    const res = await page.request.post("/api/inscriptions", {
      data: { journeeId: j.id, email: "pas-une-adresse" },
      headers: { "x-forwarded-for": `10.${i}.${i}.1, 198.51.100.${i}, ${real}` },
    });
    statuses.push(res.status());
  }
  expect(statuses.slice(0, 20)).toEqual(Array(20).fill(422));
  expect(statuses[20]).toBe(429);
});
