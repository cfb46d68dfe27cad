import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { log } from "@/lib/log";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string | Buffer; contentType: string; cid?: string }[];
};

let pooled: nodemailer.Transporter | null = null;
let pooledUrl = "";

/**
 * In the mail worker (a long-lived thread), SMTP connections are pooled: a burst of confirmations
 * then costs one TLS handshake, not one per message. Elsewhere (scripts, tests) each message opens
 * and closes its own connection, so nothing keeps the process alive afterwards.
 */
export function usePooledSmtp(): void {
  pooledUrl = "pending";
}

function smtpTransport(url: string): nodemailer.Transporter {
  if (!pooledUrl) return nodemailer.createTransport(url as unknown as SMTPTransport.Options);
  if (!pooled || pooledUrl !== url) {
    pooled?.close();
    const poolUrl = new URL(url);
    poolUrl.searchParams.set("pool", "true");
    poolUrl.searchParams.set("maxConnections", "3");
    pooled = nodemailer.createTransport(poolUrl.toString() as unknown as SMTPTransport.Options);
    pooledUrl = url;
  }
  return pooled;
}

export function outboxDir(): string {
  return process.env.MAIL_OUTBOX_DIR || path.join(process.cwd(), "data", "outbox");
}

function from(): string {
  return process.env.MAIL_FROM || "Émarge <no-reply@emarge.localhost>";
}

/**
 * SMTP when SMTP_URL is set (smtp://user:pass@host:port); otherwise each message is written to
 * data/outbox/ as an .eml file (shown at /dev/outbox in development) and logged without content.
 */
export async function sendMail(mail: OutgoingMail): Promise<{ messageId: string; transport: "smtp" | "outbox" }> {
  const smtpUrl = process.env.SMTP_URL?.trim();
  if (smtpUrl) {
    const info = await smtpTransport(smtpUrl).sendMail({ from: from(), ...mail });
    log("info", "mail_sent", { transport: "smtp", messageId: info.messageId });
    return { messageId: info.messageId, transport: "smtp" };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail({ from: from(), ...mail });
  const dir = outboxDir();
  fs.mkdirSync(dir, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${Math.random().toString(36).slice(2, 8)}.eml`;
  fs.writeFileSync(path.join(dir, name), info.message as Buffer);
  log("info", "mail_outbox", { file: name, messageId: info.messageId });
  return { messageId: info.messageId, transport: "outbox" };
}
