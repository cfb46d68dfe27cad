/**
 * How `npm start` serves (decision 015), kept pure so that a unit test pins it down. The local demo
 * (neither SMTP_URL nor DATABASE_URL: embedded database, mails in the outbox) shows /dev/outbox,
 * which holds sign-in links (an administrator's too): it listens on 127.0.0.1 only. A deployment
 * sets SMTP_URL or DATABASE_URL, never shows the outbox and listens as `next start` does.
 */
export type StartMode = {
  demo: boolean;
  /** Extra `next start` / `next dev` arguments. */
  listen: string[];
  /** The address printed, and APP_URL when none is given. */
  url: string;
};

export function startMode(env: Record<string, string | undefined>, port: string): StartMode {
  const demo = !env.SMTP_URL && !env.DATABASE_URL;
  return demo
    ? { demo, listen: ["-H", "127.0.0.1"], url: `http://127.0.0.1:${port}` }
    : { demo, listen: [], url: `http://localhost:${port}` };
}
