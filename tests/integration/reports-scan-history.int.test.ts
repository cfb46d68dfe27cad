import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it, vi } from "vitest";

/**
 * The scan history export (CSV for French Excel and XLSX) through the real route: who may get it
 * (organisers of the journée, as for the history page), the audit entry, the filters, and the
 * files opened by LibreOffice. Only next-auth's `auth()` is replaced.
 */
vi.mock("@/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));

const { auth } = await import("@/auth");
const { GET } = await import("@/app/api/exports/[kind]/route");
const { getDb } = await import("@/lib/db/client");
const { ensureUserWithGrant } = await import("@/lib/auth/mutations");
const { parisTime } = await import("@/lib/format/dates");
const { insertRegistration, makeJournee, makePartner } = await import("@/tests/fixtures/factories");
const { libreOfficeToCsv, parseCsv, writeTemp } = await import("@/tests/fixtures/office");
const { testDbKind } = await import("@/tests/setup/test-db");
const { iterateScanRows } = await import("@/lib/reports/queries/scans");
const { exportFiltersSchema } = await import("@/lib/reports/schema");

type Who = "organisateur" | "autre-organisateur" | "agent" | "lecteur" | "admin";
const users = {} as Record<Who, string>;
let journeeId = "";
let morning = "";
let afternoon = "";

function as(who: Who | null) {
  const id = who ? users[who] : null;
  vi.mocked(auth).mockResolvedValue((id ? { user: { id }, expires: "2999-01-01" } : null) as never);
}

async function download(kind: string, params: Record<string, string> = {}) {
  const query = new URLSearchParams({ journeeId, ...params });
  return GET(new Request(`http://localhost/api/exports/${kind}?${query}`), { params: Promise.resolve({ kind }) });
}

async function auditCount(kind: string) {
  const db = await getDb();
  return db.auditLog.count({ where: { action: `export.${kind}`, entityId: journeeId } });
}

const at = (hhmm: string, seconds: number) => new Date(parisTime("2024-04-16", hhmm).getTime() + seconds * 1000);

beforeAll(async () => {
  const db = await getDb();
  const partner = await makePartner();
  const other = await makePartner();
  const j = await makeJournee({
    partnerId: partner.id,
    title: "Journée plénière",
    status: "CLOSED",
    startsAt: parisTime("2024-04-16", "09:00"),
    endsAt: parisTime("2024-04-16", "17:00"),
    parts: {
      create: [
        {
          kind: "HALF_DAY",
          title: "Matinée",
          startsAt: parisTime("2024-04-16", "09:00"),
          endsAt: parisTime("2024-04-16", "12:30"),
          position: 0,
        },
        {
          kind: "HALF_DAY",
          title: "Après-midi",
          startsAt: parisTime("2024-04-16", "14:00"),
          endsAt: parisTime("2024-04-16", "17:00"),
          position: 1,
        },
      ],
    },
  });
  journeeId = j.id;
  const parts = await db.journeePart.findMany({ where: { journeeId }, orderBy: { position: "asc" } });
  [morning, afternoon] = parts.map((p) => p.id);
  const grants: Record<Who, object> = {
    organisateur: { role: "ORGANISATEUR", partnerId: partner.id },
    "autre-organisateur": { role: "ORGANISATEUR", partnerId: other.id },
    agent: { role: "AGENT", journeeId },
    lecteur: { role: "LECTEUR" },
    admin: { role: "ADMIN" },
  };
  for (const [who, grant] of Object.entries(grants)) {
    const name = who === "agent" ? "Léa Agénor" : null;
    users[who as Who] = (
      await ensureUserWithGrant({ email: `${who}@example.org`, name, grant: grant as never })
    ).userId;
  }
  const zoe = await insertRegistration(journeeId, "zoe@example.org", {
    firstName: "Zoé",
    lastName: "Lefèvre",
    structure: "CCAS d'Aix-en-Provence",
  });
  const anais = await insertRegistration(journeeId, "anais@example.org", {
    firstName: "Anaïs",
    lastName: "Dubœuf",
    structure: '=HYPERLINK("http://evil.example","x")',
  });
  const scan = (n: number, partKey: string, result: string, scannedAt: Date, registrationId: string | null) => ({
    nonce: `nonce-${n}-${Math.random().toString(36).slice(2)}`,
    journeeId,
    partKey,
    registrationId,
    result,
    method: "QR" as const,
    door: "Porte Nord",
    deviceId: "tél-1",
    agentId: users.agent,
    scannedAt,
  });
  await db.scanEvent.createMany({
    data: [
      scan(1, morning, "ok", at("09:05", 7), zoe.id),
      scan(2, morning, "already_checked_in", at("09:06", 42), zoe.id),
      scan(3, morning, "unknown", at("09:10", 3), null),
      scan(4, afternoon, "ok", at("14:01", 59), anais.id),
    ],
  });
});

describe(`scan history export (${testDbKind()})`, () => {
  it("is refused by the server to anyone who may not see the history page, and those refusals export nothing", async () => {
    as(null);
    expect((await download("historique-scans-csv")).status).toBe(401);
    for (const who of ["agent", "lecteur"] as const) {
      as(who);
      const res = await download("historique-scans-csv");
      expect(res.status, who).toBe(403);
      expect(await res.text()).toBe("Vous n'avez pas accès à cet export.");
    }
    as("autre-organisateur"); // an organiser, but of another partner's journées
    expect((await download("historique-scans-xlsx")).status).toBe(404);
    expect(await auditCount("historique-scans-csv")).toBe(0);
    expect(await auditCount("historique-scans-xlsx")).toBe(0);
    // The organisers' export page offers no scan history (it is for readers of reports too).
    as("lecteur");
    expect((await download("inscriptions-csv")).status).toBe(200);
  });

  it("French-Excel CSV: every scan, Paris time to the second, labels, « inconnu », audited", async () => {
    as("organisateur");
    const res = await download("historique-scans-csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/filename="historique-scans-.+\.csv"/);
    const buffer = Buffer.from(await res.arrayBuffer());
    expect(buffer.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = buffer.toString("utf8").slice(1);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "Heure;Demi-journée;Porte;Appareil;Agent;Mode;Code résultat;Résultat;Nom;Prénom;Structure;Hors ligne;Reçu après la fermeture",
    );
    expect(lines[1]).toBe(
      "16/04/2024 09:05:07;Matinée;Porte Nord;tél-1;Léa Agénor;QR code;ok;Présence enregistrée;Lefèvre;Zoé;CCAS d'Aix-en-Provence;Non;Non",
    );
    expect(lines[3]).toContain(";unknown;Billet inconnu;inconnu;;;");
    expect(lines[4]).toContain(`;"'=HYPERLINK(""http://evil.example"",""x"")";`);
    expect(lines).toHaveLength(6); // header, 4 scans, final empty string after the last CRLF

    const rows = parseCsv(
      await libreOfficeToCsv(await writeTemp(`scans-${Date.now()}.csv`, buffer), { semicolonCsv: true }),
    );
    const col = (name: string) => rows[0].indexOf(name);
    expect(rows).toHaveLength(5);
    expect(rows[1][col("Heure")]).toMatch(/^16\/04\/(20)?24 09:05(:07)?$/);
    expect(rows[2][col("Résultat")]).toBe("Déjà enregistré·e");
    expect(rows[3][col("Nom")]).toBe("inconnu");
    expect(rows[4][col("Demi-journée")]).toBe("Après-midi");
    expect(rows[4][col("Nom")]).toBe("Dubœuf");
    expect(rows[4][col("Structure")]).toBe(`'=HYPERLINK("http://evil.example","x")`);

    const db = await getDb();
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "export.historique-scans-csv", entityId: journeeId },
    });
    expect(entry).toMatchObject({ actorId: users.organisateur, actorLabel: "organisateur@example.org" });
    expect(entry.details).toMatchObject({ kind: "historique-scans-csv", rows: 4, filters: { journeeId } });
  });

  it("filters by half-day and by result (and the audit entry says which)", async () => {
    as("admin");
    const morningOnly = (await (await download("historique-scans-csv", { partId: morning })).text()).split("\r\n");
    expect(morningOnly).toHaveLength(5);
    expect(morningOnly.slice(1, 4).every((l) => l.includes(";Matinée;"))).toBe(true);
    const unknown = (await (await download("historique-scans-csv", { result: "unknown" })).text()).split("\r\n");
    expect(unknown).toHaveLength(3);
    expect(unknown[1]).toContain(";unknown;Billet inconnu;inconnu;");
    const none = (await (await download("historique-scans-csv", { partId: afternoon, result: "unknown" })).text())
      .split("\r\n")
      .filter(Boolean);
    expect(none).toHaveLength(1);
    expect((await download("historique-scans-csv", { result: "pas-un-code" })).status).toBe(400);
    // Read in pages (cursor on time then id): small pages give the same rows in the same order.
    const pages = [];
    for await (const page of iterateScanRows({}, { ...exportFiltersSchema.parse({}), journeeId }, 3)) pages.push(page);
    expect(pages.map((p) => p.length)).toEqual([3, 1]);
    expect(pages.flat().map((r) => r.scannedAt.getTime())).toEqual([
      at("09:05", 7).getTime(),
      at("09:06", 42).getTime(),
      at("09:10", 3).getTime(),
      at("14:01", 59).getTime(),
    ]);
    const db = await getDb();
    const last = await db.auditLog.findFirstOrThrow({
      where: { action: "export.historique-scans-csv", actorId: users.admin },
      orderBy: { id: "desc" },
    });
    expect(last.details).toMatchObject({ rows: 0, filters: { partId: afternoon, result: "unknown" } });
  });

  it("XLSX: real date cells to the second, frozen header, filter, widths; opens in LibreOffice", async () => {
    as("organisateur");
    const res = await download("historique-scans-xlsx");
    expect(res.status).toBe(200);
    const buffer = Buffer.from(await res.arrayBuffer());
    const sheet = strFromU8(unzipSync(buffer)["xl/worksheets/sheet1.xml"]);
    expect(sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<autoFilter ref="A1:M1"/);
    expect(sheet).toMatch(/<col [^>]*width="30/);
    expect(strFromU8(unzipSync(buffer)["xl/styles.xml"])).toContain('formatCode="dd/mm/yyyy hh:mm:ss"');
    const rows = parseCsv(await libreOfficeToCsv(await writeTemp(`scans-${Date.now()}.xlsx`, buffer)));
    const col = (name: string) => rows[0].indexOf(name);
    expect(rows).toHaveLength(5);
    expect(rows[1][col("Heure")]).toBe("16/04/2024 09:05:07");
    expect(rows[4][col("Heure")]).toBe("16/04/2024 14:01:59");
    expect(rows[1][col("Agent")]).toBe("Léa Agénor");
    expect(rows[3][col("Nom")]).toBe("inconnu");
    // Stored as text exactly as typed (decision 018): LibreOffice shows it, it does not evaluate it.
    // The XLSX stores it as text exactly as typed (decision 018): LibreOffice shows it, never evaluates it.
    expect(rows[4][col("Structure")]).toBe(`=HYPERLINK("http://evil.example","x")`);
    expect(rows[1][col("Hors ligne")]).toBe("Non");
    expect(await auditCount("historique-scans-xlsx")).toBe(1);
  });
});
