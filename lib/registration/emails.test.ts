import { describe, expect, it } from "vitest";
import { parisTime } from "@/lib/format/dates";
import { manageToken, ticketPayload } from "@/lib/security/tokens";
import { buildRegistrationMail, type MailInput } from "./emails";
import { escapeHtml } from "./escape-html";

process.env.EMARGE_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.APP_URL = "https://emarge.example.org";

const reg: MailInput = {
  id: "reg1",
  firstName: "<script>alert(1)</script>",
  lastName: 'O\'Brien & "Fils"',
  email: "a@example.org",
  status: "CONFIRMED",
  waitlistRank: null,
  tokenSalt: "c2FsdHNhbHRzYWx0c2FsdA",
  parts: [{ partId: "p1" }],
  journee: {
    title: "Journée <Logement d'abord>",
    venue: "Salle",
    address: "1 rue",
    city: "Istres",
    accessInfo: "",
    slug: "istres",
    startsAt: parisTime("2024-04-16", "09:00"),
    endsAt: parisTime("2024-04-16", "16:30"),
    parts: [
      {
        id: "p1",
        title: "Atelier 1",
        startsAt: parisTime("2024-04-16", "14:00"),
        endsAt: parisTime("2024-04-16", "16:00"),
      },
    ],
  },
};

describe("registration e-mails", () => {
  it("escapeHtml neutralises markup", () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;",
    );
  });

  it("confirmation: escaped HTML, plain text, QR ticket inline and attached, .ics, management link", async () => {
    const mail = await buildRegistrationMail("confirmation", reg);
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.html).toContain("O&#39;Brien &amp; &quot;Fils&quot;");
    expect(mail.text).toContain("<script>alert(1)</script>");
    expect(mail.text).toContain("mardi 16 avril 2024, 9 h 00 – 16 h 30");
    expect(mail.text).toContain(`https://emarge.example.org/inscription/${manageToken(reg.tokenSalt)}`);
    expect(mail.text).toContain(ticketPayload(reg.tokenSalt));
    expect(mail.text).toContain("Atelier 1 (14 h 00 – 16 h 00)");
    const names = mail.attachments?.map((a) => a.filename);
    expect(names).toEqual(["billet-qr.png", "billet.png", "journee.ics"]);
    expect(mail.attachments?.[0].cid).toBe("billet-qr");
    expect(mail.html).toContain('src="cid:billet-qr"');
  });

  it("waiting list: position, no ticket; cancellation: no link", async () => {
    const waiting = await buildRegistrationMail("confirmation", { ...reg, status: "WAITLISTED", waitlistRank: 3 });
    expect(waiting.subject).toContain("Liste d'attente");
    expect(waiting.text).toContain("3e position");
    expect(waiting.attachments).toEqual([]);
    const cancelled = await buildRegistrationMail("cancellation", { ...reg, status: "CANCELLED" });
    expect(cancelled.text).not.toContain("/inscription/");
  });

  it("promotion mentions a dropped atelier", async () => {
    const mail = await buildRegistrationMail("promotion", reg, ["Atelier <2>"]);
    expect(mail.subject).toContain("place s'est libérée");
    expect(mail.html).toContain("Atelier &lt;2&gt;");
  });
});
