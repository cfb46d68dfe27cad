/**
 * Behind a reverse proxy, `next start` sees its own address (https://localhost:3000 with the
 * proxy's X-Forwarded-Proto), not the public one, and next-auth builds its URLs from it: the
 * e-mail sign-in link's redirect and the providers' callback URLs would point at the instance's
 * port. next-auth takes its origin from AUTH_URL instead when set; APP_URL already is the public
 * address, so AUTH_URL defaults to it (called once at start-up, instrumentation.ts).
 */
export function defaultAuthUrlToAppUrl(env: Record<string, string | undefined> = process.env): void {
  const appUrl = env.APP_URL?.trim();
  if (!env.AUTH_URL?.trim() && appUrl) env.AUTH_URL = appUrl;
}
