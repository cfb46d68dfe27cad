import NextAuth from "next-auth";
import type { Provider } from "next-auth/providers";
import { writeAudit } from "@/lib/audit/mutations";
import { hitRateLimit, prismaAdapter, storeProConnectIdToken } from "@/lib/auth/mutations";
import { proConnectProvider, proConnectSettings } from "@/lib/auth/proconnect";
import { findInvitedUser } from "@/lib/auth/queries";
import { clientIp } from "@/lib/auth/request";
import { SIGN_IN_LIMITS } from "@/lib/auth/schema";
import { EMAIL_LINK_MAX_AGE_SECONDS, sendSignInLink } from "@/lib/auth/sign-in-mail";
import { safeRedirectUrl } from "@/lib/http/safe-path";

/**
 * next-auth v5 (decision 004): database sessions (revocable), 8 hours; ProConnect when
 * configured, and an e-mail link for invited organisers. Nobody signs up: the signIn callback
 * lets in only an existing, active (invited) user, whatever the provider.
 */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
export const SESSION_UPDATE_AGE_SECONDS = 15 * 60;
export const REFUSED_PATH = "/connexion?erreur=refuse";
export const CHECK_MAIL_PATH = "/connexion/verification";
export const RATE_LIMITED_PATH = "/connexion?erreur=trop-de-tentatives";

/** Counts the attempt per client address and per e-mail; false when either is over its limit. */
async function withinRateLimit(email: string | null | undefined): Promise<boolean> {
  const { windowSeconds, perIp, perEmail } = SIGN_IN_LIMITS;
  const ip = (await clientIp()) ?? "inconnue";
  const byIp = await hitRateLimit(`signin:ip:${ip}`, perIp, windowSeconds);
  const byEmail = email ? await hitRateLimit(`signin:email:${email.toLowerCase()}`, perEmail, windowSeconds) : true;
  return byIp && byEmail;
}

async function refuse(provider: string, reason: string, email?: string | null): Promise<void> {
  await writeAudit({
    action: "auth.sign_in_refused",
    actorLabel: email ?? "",
    entityType: "User",
    details: { provider, reason },
    ip: await clientIp(),
  });
}

const providers: Provider[] = [
  {
    id: "email",
    type: "email",
    name: "Lien par e-mail",
    maxAge: EMAIL_LINK_MAX_AGE_SECONDS,
    sendVerificationRequest: ({ identifier, url }) => sendSignInLink(identifier, url),
  },
];
const proconnect = proConnectSettings();
if (proconnect) {
  providers.unshift(proConnectProvider(proconnect, (r) => refuse("proconnect", r.reason)));
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter: prismaAdapter(),
  providers,
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
  trustHost: process.env.AUTH_TRUST_HOST === "true" || process.env.AUTH_TRUST_HOST === "1",
  // Cookies: next-auth's defaults are HttpOnly, SameSite=Lax, Path=/, and Secure with the
  // __Secure- prefix whenever the site is served over https (AUTH_URL / X-Forwarded-Proto).
  pages: { signIn: "/connexion", error: "/connexion", verifyRequest: CHECK_MAIL_PATH, signOut: "/deconnexion" },
  callbacks: {
    async signIn({ user, account, email }) {
      const provider = account?.provider ?? "inconnu";
      // Counted: every e-mail link request and every provider callback (a clicked link already holds a token).
      const counted = provider !== "email" || !!email?.verificationRequest;
      if (counted && !(await withinRateLimit(user?.email))) {
        await refuse(provider, "rate_limited", user?.email);
        // Said to the person, also for an e-mail link: counted per address whether or not it is
        // invited, so the refusal reveals nothing (lib/auth/actions.ts shows it next to the form).
        return RATE_LIMITED_PATH;
      }
      const invited = user?.email ? await findInvitedUser(user.email) : null;
      if (invited) return true;
      await refuse(provider, "not_invited", user?.email);
      // E-mail link request: answer exactly as for an invited address (no enumeration), send nothing.
      if (email?.verificationRequest) return CHECK_MAIL_PATH;
      return REFUSED_PATH;
    },
    // Every destination after sign-in or sign-out: a path of this site only (lib/http/safe-path.ts).
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    session({ session, user }) {
      return { ...session, user: { ...session.user, id: user.id } };
    },
  },
  events: {
    async signIn({ user, account }) {
      const provider = account?.provider ?? "inconnu";
      if (user.id) {
        await storeProConnectIdToken(user.id, provider === "proconnect" ? (account?.id_token ?? null) : null);
      }
      await writeAudit({
        action: "auth.sign_in",
        actorId: user.id ?? null,
        actorLabel: user.email ?? "",
        entityType: "User",
        entityId: user.id ?? "",
        details: { provider },
        ip: await clientIp(),
      });
    },
    async signOut(message) {
      const userId = "session" in message ? message.session?.userId : undefined;
      await writeAudit({
        action: "auth.sign_out",
        actorId: userId ?? null,
        entityType: "User",
        entityId: userId ?? "",
        ip: await clientIp(),
      });
    },
  },
});
