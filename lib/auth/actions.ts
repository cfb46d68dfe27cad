"use server";

import { redirect } from "next/navigation";
import { CHECK_MAIL_PATH, signIn, signOut } from "@/auth";
import { logUnexpected } from "@/lib/log";
import { getCurrentUser } from "./current-user";
import { hitRateLimit } from "./mutations";
import { discover, proConnectSettings } from "./proconnect";
import { findProConnectIdToken } from "./queries";
import { clientIp, safeCallbackPath } from "./request";
import { emailLinkSchema, SIGN_IN_LIMITS } from "./schema";

/**
 * Sign-in and sign-out actions. Next.js checks the Origin of every server action against the
 * host (cross-site requests are refused), and next-auth's own endpoints carry a CSRF token.
 */
export async function requestEmailLink(formData: FormData): Promise<void> {
  const parsed = emailLinkSchema.safeParse({
    email: formData.get("email") ?? "",
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  const callbackUrl = safeCallbackPath(parsed.data?.callbackUrl ?? formData.get("callbackUrl"));
  if (!parsed.success) redirect(`/connexion?${new URLSearchParams({ erreur: "email", callbackUrl })}`);
  let answer: unknown;
  try {
    // The signIn callback refuses uninvited addresses silently and counts the attempt (auth.ts).
    answer = await signIn("email", { email: parsed.data.email, redirectTo: callbackUrl, redirect: false });
  } catch (error) {
    logUnexpected(error, { where: "requestEmailLink" });
  }
  // Over the limit (per address or per client address): the person is told, no mail is sent.
  if (typeof answer === "string" && new URL(answer, "http://x").searchParams.get("erreur") === "trop-de-tentatives") {
    redirect(`/connexion?${new URLSearchParams({ erreur: "trop-de-tentatives", callbackUrl })}`);
  }
  redirect(CHECK_MAIL_PATH);
}

export async function signInWithProConnect(formData: FormData): Promise<void> {
  const callbackUrl = safeCallbackPath(formData.get("callbackUrl"));
  const ip = (await clientIp()) ?? "inconnue";
  const allowed = await hitRateLimit(`signin-start:ip:${ip}`, SIGN_IN_LIMITS.perIp, SIGN_IN_LIMITS.windowSeconds);
  if (!allowed) redirect("/connexion?erreur=trop-de-tentatives");
  await signIn("proconnect", { redirectTo: callbackUrl });
}

/**
 * Ends the database session, then — after a ProConnect sign-in — ends the ProConnect session too
 * (end_session_endpoint with id_token_hint and post_logout_redirect_uri).
 */
export async function signOutEverywhere(): Promise<void> {
  const user = await getCurrentUser();
  const idToken = user ? await findProConnectIdToken(user.id) : null;
  await signOut({ redirect: false });
  const settings = proConnectSettings();
  if (idToken && settings) {
    let endSession: string | undefined;
    try {
      endSession = (await discover(settings.issuer)).end_session_endpoint;
    } catch (error) {
      logUnexpected(error, { where: "signOutEverywhere" });
    }
    if (endSession) {
      const appUrl = (process.env.APP_URL || process.env.AUTH_URL || "").replace(/\/+$/, "");
      const url = new URL(endSession);
      url.searchParams.set("id_token_hint", idToken);
      url.searchParams.set("post_logout_redirect_uri", `${appUrl}/deconnexion/terminee`);
      url.searchParams.set("state", crypto.randomUUID().replaceAll("-", ""));
      redirect(url.toString());
    }
  }
  redirect("/deconnexion/terminee");
}
