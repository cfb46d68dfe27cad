import { createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";
import type { OIDCConfig } from "next-auth/providers";
import { log } from "@/lib/log";

/**
 * ProConnect (the State's single sign-on for public agents) as an OIDC provider, configured by
 * PROCONNECT_ISSUER / PROCONNECT_CLIENT_ID / PROCONNECT_CLIENT_SECRET (decision 004).
 *
 * Auth.js (oauth4webapi) validates the ID token's claims, nonce, state and PKCE but does NOT
 * verify its signature (it trusts the TLS channel to the token endpoint), and ProConnect's
 * userinfo is a signed JWT. So the token response is checked here, in `token.conform`, before
 * Auth.js processes it: the ID token and the userinfo JWT are verified against the provider's
 * published keys (jwks_uri), issuer and audience included; any failure turns the response into
 * an OAuth error and the sign-in is refused.
 */
export type ProConnectSettings = { issuer: string; clientId: string; clientSecret: string };
export const PROCONNECT_SCOPES = "openid given_name usual_name email uid siret idp_id";
export const ACCEPTED_ACR = ["eidas1", "eidas2", "eidas3"];

export function proConnectSettings(): ProConnectSettings | null {
  const issuer = process.env.PROCONNECT_ISSUER?.trim().replace(/\/+$/, "");
  if (!issuer) return null;
  return {
    issuer,
    clientId: process.env.PROCONNECT_CLIENT_ID?.trim() ?? "",
    clientSecret: process.env.PROCONNECT_CLIENT_SECRET?.trim() ?? "",
  };
}

type Metadata = { issuer: string; jwks_uri: string; userinfo_endpoint: string; end_session_endpoint?: string };
const metadata = new Map<string, Promise<Metadata>>();
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

export function discover(issuer: string): Promise<Metadata> {
  let pending = metadata.get(issuer);
  if (!pending) {
    pending = fetch(`${issuer}/.well-known/openid-configuration`).then(async (res) => {
      if (!res.ok) throw new Error(`ProConnect discovery: HTTP ${res.status}`);
      return (await res.json()) as Metadata;
    });
    pending.catch(() => metadata.delete(issuer));
    metadata.set(issuer, pending);
  }
  return pending;
}

async function verifyJwt(jwt: string, settings: ProConnectSettings): Promise<JWTPayload> {
  const meta = await discover(settings.issuer);
  let keys = keySets.get(meta.jwks_uri);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(meta.jwks_uri));
    keySets.set(meta.jwks_uri, keys);
  }
  const { payload } = await jwtVerify(jwt, keys, { issuer: meta.issuer, audience: settings.clientId });
  return payload;
}

export async function fetchUserinfo(accessToken: string, settings: ProConnectSettings): Promise<JWTPayload> {
  const meta = await discover(settings.issuer);
  const res = await fetch(meta.userinfo_endpoint, {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/jwt, application/json" },
  });
  if (!res.ok) throw new Error(`ProConnect userinfo: HTTP ${res.status}`);
  const type = res.headers.get("content-type")?.split(";")[0].trim();
  if (type === "application/jwt") return verifyJwt(await res.text(), settings);
  return (await res.json()) as JWTPayload;
}

/** Verified userinfo claims, handed from `token.conform` to `profile` (same request, keyed by access token). */
const verifiedUserinfo = new Map<string, { claims: JWTPayload; at: number }>();

export type Rejection = { reason: "id_token_invalid" | "acr_insufficient" | "userinfo_invalid"; message: string };

/** Verifies the token endpoint response; returns the claims or the reason to refuse. */
export async function checkTokenResponse(
  body: { id_token?: string; access_token?: string },
  settings: ProConnectSettings,
): Promise<{ ok: true; userinfo: JWTPayload } | ({ ok: false } & Rejection)> {
  let idClaims: JWTPayload;
  try {
    idClaims = await verifyJwt(body.id_token ?? "", settings);
  } catch (error) {
    return { ok: false, reason: "id_token_invalid", message: (error as Error).message };
  }
  if (!ACCEPTED_ACR.includes(String(idClaims.acr))) {
    return { ok: false, reason: "acr_insufficient", message: `acr=${String(idClaims.acr)}` };
  }
  try {
    const userinfo = await fetchUserinfo(body.access_token ?? "", settings);
    if (userinfo.sub !== idClaims.sub) throw new Error("userinfo sub differs from the ID token sub");
    if (typeof userinfo.email !== "string" || !userinfo.email) throw new Error("userinfo without email");
    return { ok: true, userinfo };
  } catch (error) {
    return { ok: false, reason: "userinfo_invalid", message: (error as Error).message };
  }
}

export function proConnectProvider(
  settings: ProConnectSettings,
  onRejected: (rejection: Rejection) => Promise<void>,
): OIDCConfig<JWTPayload> {
  return {
    id: "proconnect",
    name: "ProConnect",
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: PROCONNECT_SCOPES, acr_values: "eidas1" } },
    // Invited users exist by e-mail before their first ProConnect sign-in: link them (no open sign-up).
    allowDangerousEmailAccountLinking: true,
    token: {
      async conform(response: Response) {
        const body = await response.clone().json();
        if (body.error) return response;
        const checked = await checkTokenResponse(body, settings);
        if (checked.ok) {
          const now = Date.now();
          for (const [k, v] of verifiedUserinfo) if (now - v.at > 60_000) verifiedUserinfo.delete(k);
          verifiedUserinfo.set(body.access_token, { claims: checked.userinfo, at: now });
          return response;
        }
        log("warn", "proconnect_rejected", { reason: checked.reason, message: checked.message });
        await onRejected(checked);
        return Response.json({ error: "invalid_grant", error_description: checked.reason }, { status: 400 });
      },
    },
    profile(claims, tokens) {
      const entry = verifiedUserinfo.get(tokens.access_token ?? "");
      verifiedUserinfo.delete(tokens.access_token ?? "");
      if (!entry) throw new Error("ProConnect: userinfo not verified");
      const info = entry.claims;
      const name = [info.given_name, info.usual_name].filter((v) => typeof v === "string" && v).join(" ");
      return { id: String(claims.sub), email: String(info.email).toLowerCase(), name: name || null };
    },
  };
}
