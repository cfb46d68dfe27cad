/**
 * Next.js start-up hook (once per server process). Background jobs run in the Node.js runtime
 * only; the dynamic import keeps the database code out of any other runtime's bundle.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { defaultAuthUrlToAppUrl } = await import("./lib/auth/public-url");
    defaultAuthUrlToAppUrl();
    // The TCP peer of every request, for lib/http/client-address.ts (decision 015).
    const { installPeerStamp } = await import("./lib/http/peer-stamp");
    installPeerStamp();
    const { startRetentionScheduler } = await import("./lib/retention/scheduler");
    startRetentionScheduler();
  }
}
