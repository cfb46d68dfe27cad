import fs from "node:fs";
import path from "node:path";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { isLoopbackPeer } from "@/lib/http/client-address";
import { outboxDir } from "@/lib/mail/transport";

export const metadata: Metadata = { title: "Boîte d'envoi (développement)", robots: { index: false, follow: false } };

/**
 * `next dev` and the local demo started by `npm start` with neither SMTP nor PostgreSQL configured
 * (EMARGE_SHOW_OUTBOX=1, set by scripts/start.ts). Not the e2e server: its tests read the mail
 * files, and a test switch must not open a production page (decision 016). Never in a real
 * deployment: the outbox holds management and sign-in links. And only to a request whose TCP peer
 * is this machine (the socket's address, never a forwarded header: decision 015), even if the
 * server was started on every interface.
 */
function visible(): boolean {
  return process.env.NODE_ENV !== "production" || process.env.EMARGE_SHOW_OUTBOX === "1";
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=), enough for our own subjects. */
function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === "b"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text
            .replace(/_/g, " ")
            .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

function headersOf(raw: string): Record<string, string> {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  return Object.fromEntries(
    head
      .split(/\r?\n/)
      .map((line) => [line.split(":")[0].toLowerCase(), decodeHeader(line.slice(line.indexOf(":") + 1).trim())]),
  );
}

/** Mails written to data/outbox when no SMTP server is configured (development only). */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ f?: string }> }) {
  await connection(); // decided per request (environment, files): never prerendered
  if (!visible() || !isLoopbackPeer(await headers())) notFound();
  const dir = outboxDir();
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".eml"))
        .sort()
        .reverse()
        .slice(0, 100)
    : [];
  const { f } = await searchParams;
  const open = f && files.includes(f) ? fs.readFileSync(path.join(dir, f), "utf8") : null;
  return (
    <div className="prose">
      <h1>Boîte d'envoi (développement)</h1>
      <p>Sans serveur SMTP configuré (SMTP_URL), les e-mails sont écrits dans {dir}.</p>
      {files.length === 0 ? <p>Aucun e-mail.</p> : null}
      <ul>
        {files.map((file) => {
          const h = headersOf(fs.readFileSync(path.join(dir, file), "utf8").slice(0, 4000));
          return (
            <li key={file}>
              <a href={`/dev/outbox?f=${encodeURIComponent(file)}`}>{h.subject || file}</a> — à {h.to} — {h.date}
            </li>
          );
        })}
      </ul>
      {open ? (
        <section aria-labelledby="message-titre">
          <h2 id="message-titre">{headersOf(open).subject}</h2>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
          <pre tabIndex={0} style={{ whiteSpace: "pre-wrap", maxHeight: "40rem", overflow: "auto" }}>
            {open.slice(0, 200_000)}
          </pre>
        </section>
      ) : null}
    </div>
  );
}
