import { expect, test } from "@playwright/test";

/**
 * The three hot JSON routes skip proxy.ts and gzip (decision 012) but must still answer with a
 * request id (the proxy's job elsewhere) and a clean JSON error, never a stack trace.
 */
const ID = /^[A-Za-z0-9._:-]{8,64}$/;

test("hot JSON routes carry a request id, are not gzipped, and answer bad input in JSON", async ({ request }) => {
  const gzip = { "accept-encoding": "gzip" };
  const registration = await request.post("/api/inscriptions", { data: { journeeId: "inconnue" }, headers: gzip });
  expect(registration.status()).toBe(422);
  expect(registration.headers()["x-request-id"]).toMatch(ID);
  expect(registration.headers()["content-encoding"]).toBeUndefined();
  expect((await registration.json()).reason).toBe("invalid");

  const scan = await request.post("/api/checkin", { data: { scans: [] }, headers: gzip });
  expect(scan.status()).toBe(401);
  expect(scan.headers()["x-request-id"]).toMatch(ID);
  expect(scan.headers()["content-encoding"]).toBeUndefined();

  const counts = await request.get("/api/checkin/counts?journeeId=x&partKey=journee");
  expect(counts.status()).toBe(401);
  expect(counts.headers()["x-request-id"]).toMatch(ID);

  // A reverse proxy's own id is kept when it is plain; anything else is replaced.
  const traced = await request.post("/api/checkin", { data: {}, headers: { "x-request-id": "nginx-abc123456" } });
  expect(traced.headers()["x-request-id"]).toBe("nginx-abc123456");
  const injected = await request.post("/api/checkin", { data: {}, headers: { "x-request-id": 'x" evil <script>' } });
  expect(injected.headers()["x-request-id"]).not.toContain("evil");

  // Every other route still gets its id from proxy.ts.
  const health = await request.get("/api/health");
  expect(health.headers()["x-request-id"]).toMatch(ID);
});
